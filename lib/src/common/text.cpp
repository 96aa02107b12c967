#include "relgraph/common/text.hpp"

#include <cstdlib>
#include <cstring>
#include <utf8proc.h>

#include <algorithm>
#include <fmt/format.h>

namespace relgraph::text {

std::string foldCase(std::string_view text, bool stripMarks) {
    int options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD;
    if (stripMarks) options |= UTF8PROC_STRIPMARK;
    utf8proc_uint8_t* folded = nullptr;
    const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                            static_cast<utf8proc_ssize_t>(text.size()), &folded,
                                            static_cast<utf8proc_option_t>(options));
    if (n < 0) return std::string(text);  // invalid UTF-8: compared as it is
    std::string out(reinterpret_cast<const char*>(folded), static_cast<std::size_t>(n));
    std::free(folded);
    return out;
}

std::string normalizeName(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    bool pendingSpace = false, unicode = false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) {
            out += ' ';
            pendingSpace = false;
        }
        // U+2018 and U+2019 are E2 80 98 / E2 80 99.
        if (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(name[i + 2]) == 0x98 || static_cast<unsigned char>(name[i + 2]) == 0x99)) {
            out += '\'';
            i += 2;
            continue;
        }
        unicode = unicode || c >= 0x80;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    }
    return unicode ? foldCase(out, false) : out;
}

std::string toIdentifier(std::string_view text, char separator, std::string_view fallback) {
    constexpr std::size_t kMaxLength = 90;
    std::string out;
    bool pendingSeparator = false;
    for (const char raw : text) {
        char c = raw;
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum || (!out.empty() && (c == '_' || c == '.' || c == '-'))) {
            const bool afterPunctuation = !out.empty() && (out.back() == '_' || out.back() == '.' || out.back() == '-');
            if (pendingSeparator && alnum && !out.empty() && !afterPunctuation) out += separator;
            pendingSeparator = false;
            out += c;
        } else {
            pendingSeparator = true;
        }
        if (out.size() >= kMaxLength) break;
    }
    while (!out.empty() && (out.back() == '_' || out.back() == '.' || out.back() == '-')) out.pop_back();
    return out.empty() ? std::string(fallback) : out;
}

bool isIdentifier(std::string_view s) {
    if (s.empty() || s.size() > 100) return false;
    auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!alnum(s.front())) return false;
    return std::all_of(s.begin(), s.end(), [&](char c) { return alnum(c) || c == '_' || c == '-' || c == '.'; });
}

namespace {
// Length of the UTF-8 sequence starting at s[i], or 0 when it is not well-formed.
std::size_t utf8SequenceLength(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return 1;
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) len = 2;
    else if (b0 == 0xE0) len = 3, lo = 0xA0;
    else if (b0 >= 0xE1 && b0 <= 0xEC) len = 3;
    else if (b0 == 0xED) len = 3, hi = 0x9F;
    else if (b0 >= 0xEE && b0 <= 0xEF) len = 3;
    else if (b0 == 0xF0) len = 4, lo = 0x90;
    else if (b0 >= 0xF1 && b0 <= 0xF3) len = 4;
    else if (b0 == 0xF4) len = 4, hi = 0x8F;
    else return 0;
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return 0;
    }
    return len;
}

char32_t decodeAt(std::string_view s, std::size_t i, std::size_t len) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (len == 1) return b0;
    char32_t cp = b0 & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return cp;
}
}  // namespace

bool isValidUtf8(std::string_view s) { return !invalidUtf8Offset(s); }

std::optional<std::size_t> invalidUtf8Offset(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        // Eight ASCII bytes at a time: none has its top bit set.
        if (i + 8 <= s.size()) {
            std::uint64_t word;
            std::memcpy(&word, s.data() + i, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t len = utf8SequenceLength(s, i);
        if (len == 0) return i;
        i += len;
    }
    return std::nullopt;
}

bool hasControlCharacters(std::string_view s, bool allowNewlines) {
    return std::any_of(s.begin(), s.end(), [&](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        if (allowNewlines && c == '\n') return false;
        return c < 0x20 || c == 0x7F;
    });
}

std::size_t editDistance(std::string_view a, std::string_view b) {
    // Optimal string alignment: insertions, deletions, substitutions and adjacent transpositions
    // ("wier" -> "wire") each cost one. Three rolling rows.
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                row[j] = std::min(row[j], before[j - 2] + 1);
            }
        }
        std::swap(before, previous);
        std::swap(previous, row);
    }
    return previous[b.size()];
}

std::vector<std::string> closestMatches(std::string_view query, const std::vector<std::string>& candidates,
                                        std::size_t limit) {
    const std::string q = normalizeName(query);
    struct Scored {
        std::size_t score;
        const std::string* candidate;
    };
    std::vector<Scored> scored;
    for (const std::string& candidate : candidates) {
        const std::string c = normalizeName(candidate);
        const std::size_t distance = editDistance(q, c);
        const bool prefix = q.size() >= 3 && (c.rfind(q, 0) == 0 || c.find(" " + q) != std::string::npos);
        const std::size_t allowed = std::max<std::size_t>(1, std::max(q.size(), c.size()) / 3);
        if (distance <= allowed) scored.push_back({distance, &candidate});
        else if (prefix) scored.push_back({allowed + 1, &candidate});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const Scored& x, const Scored& y) {
        return x.score != y.score ? x.score < y.score : *x.candidate < *y.candidate;
    });
    std::vector<std::string> out;
    for (const Scored& s : scored) {
        if (out.size() == limit) break;
        if (std::find(out.begin(), out.end(), *s.candidate) == out.end()) out.push_back(*s.candidate);
    }
    return out;
}

std::string quotedAlternatives(const std::vector<std::string>& candidates) {
    std::string out;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (i > 0) out += (i + 1 == candidates.size()) ? " or " : ", ";
        out += '"' + terminalSafe(candidates[i]) + '"';
    }
    return out;
}

std::string terminalSafe(std::string_view s, bool keepNewlines) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = utf8SequenceLength(s, i);
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        const char32_t cp = decodeAt(s, i, len);
        if (cp == '\n' && keepNewlines) out += '\n';
        else if (cp == '\n') out += "\\n";
        else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) out += fmt::format("\\x{:02X}", static_cast<unsigned>(cp));
        else if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
                 cp == 0x061C)
            out += fmt::format("\\u{:04X}", static_cast<unsigned>(cp));  // bidirectional controls
        else out.append(s.substr(i, len));
        i += len;
    }
    return out;
}

std::size_t displayWidth(std::string_view s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = utf8SequenceLength(s, i);
        if (len == 0) len = 1;
        const char32_t cp = decodeAt(s, i, len);
        const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                          (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                          (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x1F300 && cp <= 0x1FAFF);
        const bool combining = (cp >= 0x0300 && cp <= 0x036F);
        width += combining ? 0 : (wide ? 2 : 1);
        i += len;
    }
    return width;
}

std::string groupThousands(long long value) {
    const unsigned long long magnitude =
        value < 0 ? 0ULL - static_cast<unsigned long long>(value) : static_cast<unsigned long long>(value);
    const std::string digits = std::to_string(magnitude);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return value < 0 ? "-" + out : out;
}

}  // namespace relgraph::text
