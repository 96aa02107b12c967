#include "interchange/identifier_mapping.hpp"

#include <fmt/format.h>

namespace relgraph::interchange {

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

std::string IdentifierSet::unique(const std::string& base) {
    std::string candidate = base;
    for (int n = 2; taken_.count(candidate); ++n) candidate = fmt::format("{}{}{}", base, separator_, n);
    taken_.insert(candidate);
    return candidate;
}

}  // namespace relgraph::interchange
