#include "relgraph/common/search_text.hpp"

#include <utf8proc.h>

#include <span>

#include "relgraph/common/text.hpp"

namespace relgraph::text {

namespace {

struct CodePoint {
    utf8proc_int32_t value;  // -1 for a byte that is not valid UTF-8
    std::size_t size;
};

inline CodePoint decodeAt(std::string_view text, std::size_t at) {
    const auto c = static_cast<unsigned char>(text[at]);
    if (c < 0x80) [[likely]] return {c, 1};
    utf8proc_int32_t value = -1;
    const utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                                                static_cast<utf8proc_ssize_t>(text.size() - at), &value);
    return n > 0 ? CodePoint{value, static_cast<std::size_t>(n)} : CodePoint{-1, 1};
}

inline bool isWordCharacter(utf8proc_int32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c < 0) return false;
    switch (utf8proc_category(c)) {
        case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
        case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
            return true;
        default:
            return false;
    }
}

bool isDigit(utf8proc_int32_t c) { return c >= '0' && c <= '9'; }
bool isApostrophe(utf8proc_int32_t c) { return c == '\'' || c == 0x2019; }

// Harman's S stemmer: the plural endings of English words taken off ("ministries" -> "ministry",
// "drones" -> "drone", "visas" -> "visa"), ASCII words of four letters or more only.
void takeOffPlural(std::string& w) {
    if (w.size() < 4) return;
    for (const char c : w) {
        if (c < 'a' || c > 'z') return;
    }
    const auto endsWith = [&](std::string_view s) { return w.size() >= s.size() && w.ends_with(s); };
    if (endsWith("ies") && !endsWith("eies") && !endsWith("aies")) {
        w.replace(w.size() - 3, 3, "y");
    } else if (endsWith("es") && !endsWith("aes") && !endsWith("ees") && !endsWith("oes")) {
        w.pop_back();
    } else if (endsWith("s") && !endsWith("us") && !endsWith("ss")) {
        w.pop_back();
    }
}

}  // namespace

namespace detail {

WordSpan nextWord(std::string_view text, std::size_t from) {
    std::size_t at = from;
    while (at < text.size()) {
        const CodePoint c = decodeAt(text, at);
        if (isWordCharacter(c.value)) break;
        at += c.size;
    }
    const std::size_t begin = at;
    utf8proc_int32_t previous = -1;
    while (at < text.size()) {
        const CodePoint c = decodeAt(text, at);
        if (!isWordCharacter(c.value)) {
            // "15,000" and "1.5" are one word, "Korea's" and "O'Brien" too.
            const bool joins = (c.value == ',' || c.value == '.') ? isDigit(previous) : isApostrophe(c.value);
            if (!joins || at + c.size >= text.size()) break;
            const CodePoint next = decodeAt(text, at + c.size);
            const bool continues = (c.value == ',' || c.value == '.') ? isDigit(next.value)
                                                                     : isWordCharacter(next.value) && !isDigit(next.value);
            if (!continues) break;
        }
        previous = c.value;
        at += c.size;
    }
    return {begin, at};
}

}  // namespace detail

namespace {
// The folded form of a word (searchPrefix) into `out`.
void foldWord(std::string_view word, std::string& out) {
    out.clear();
    bool plain = true;  // ASCII letters and digits only: the common case, folded in place
    for (const char c : word) {
        const auto b = static_cast<unsigned char>(c);
        plain = plain && b < 0x80 && c != '\'' && c != ',';
    }
    if (plain) {
        out.resize(word.size());
        for (std::size_t i = 0; i < word.size(); ++i) {
            const char c = word[i];
            out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
        return;
    }
    bool ascii = true;
    for (const char c : word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    std::string folded;
    if (ascii) {
        folded.reserve(word.size());
        for (const char c : word) folded += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    } else {
        folded = foldCase(word, true);
    }
    // The possessive ending, then apostrophes and thousands separators.
    for (const std::string_view s : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
        if (folded.size() > s.size() && folded.ends_with(s)) folded.resize(folded.size() - s.size());
    }
    out.reserve(folded.size());
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const char c = folded[i];
        if (c == '\'' || c == ',') continue;
        if (c == '\xE2' && folded.compare(i, 3, "\xE2\x80\x99") == 0) {
            i += 2;
            continue;
        }
        out += c;
    }
}
}  // namespace

std::string searchPrefix(std::string_view word) {
    std::string out;
    foldWord(word, out);
    return out;
}

std::string searchTerm(std::string_view word) {
    std::string term;
    foldWord(word, term);
    takeOffPlural(term);
    return term;
}

namespace {
// English number words up to ninety, in digits.
std::string_view numberWord(std::string_view w) {
    struct Entry {
        std::string_view word, digits;
    };
    // By length, 3 to 9 letters.
    static constexpr Entry k3[] = {{"one", "1"}, {"two", "2"}, {"six", "6"}, {"ten", "10"}};
    static constexpr Entry k4[] = {{"four", "4"}, {"five", "5"}, {"nine", "9"}};
    static constexpr Entry k5[] = {{"three", "3"}, {"seven", "7"}, {"eight", "8"}, {"forty", "40"}, {"fifty", "50"},
                                   {"sixty", "60"}};
    static constexpr Entry k6[] = {{"eleven", "11"}, {"twelve", "12"}, {"twenty", "20"}, {"thirty", "30"},
                                   {"eighty", "80"}, {"ninety", "90"}};
    static constexpr Entry k7[] = {{"fifteen", "15"}, {"sixteen", "16"}, {"seventy", "70"}};
    static constexpr Entry k8[] = {{"thirteen", "13"}, {"fourteen", "14"}, {"eighteen", "18"}, {"nineteen", "19"}};
    static constexpr Entry k9[] = {{"seventeen", "17"}};
    static constexpr std::span<const Entry> kBySize[] = {{}, {}, {}, k3, k4, k5, k6, k7, k8, k9};
    if (w.size() >= std::size(kBySize)) return {};
    for (const Entry& e : kBySize[w.size()]) {
        if (e.word[0] == w[0] && e.word == w) return e.digits;
    }
    return {};
}
}  // namespace

namespace {
std::size_t splitNumber(std::string (&out)[2]);
}  // namespace

namespace detail {
bool isAscii(std::string_view text) {
    unsigned char any = 0;
    for (const char c : text) any |= static_cast<unsigned char>(c);
    return any < 0x80;
}

std::size_t finishPlainTerm(std::string (&out)[2]) {
    takeOffPlural(out[0]);
    return splitNumber(out);
}
}  // namespace detail

std::size_t searchTerms(std::string_view word, std::string (&out)[2]) {
    foldWord(word, out[0]);
    takeOffPlural(out[0]);
    return splitNumber(out);
}

namespace {
std::size_t splitNumber(std::string (&out)[2]) {
    if (const std::string_view digits = numberWord(out[0]); !digits.empty()) {
        out[0] = digits;
        return 1;
    }
    constexpr std::string_view kFold = "fold";
    if (out[0].size() > kFold.size() && out[0].ends_with(kFold)) {
        const std::string_view head = std::string_view(out[0]).substr(0, out[0].size() - kFold.size());
        const std::string_view digits = numberWord(head);
        if (!digits.empty()) {
            out[0] = digits;
            out[1] = kFold;
            return 2;
        }
    }
    return 1;
}
}  // namespace

std::vector<SearchToken> searchTokens(std::string_view text) {
    std::vector<SearchToken> tokens;
    for (std::size_t at = 0;;) {
        const detail::WordSpan w = detail::nextWord(text, at);
        if (w.begin >= text.size()) return tokens;
        std::string terms[2];
        const std::size_t n = searchTerms(text.substr(w.begin, w.end - w.begin), terms);
        for (std::size_t i = 0; i < n; ++i) tokens.push_back({std::move(terms[i]), w.begin, w.end});
        at = w.end;
    }
}

}  // namespace relgraph::text
