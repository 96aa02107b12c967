#include "relgraph/render/link_template.hpp"

#include <fmt/format.h>

#include "relgraph/common/error.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::render {

namespace {
constexpr std::string_view kPlaceholders[] = {"{name}", "{id}", "{kind}"};

bool isUrlCharacter(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7F) return false;
    return c != '"' && c != '\\' && c != '<' && c != '>' && c != '`' && c != '^' && c != '|';
}
}  // namespace

LinkTemplate::LinkTemplate(std::string_view pattern) {
    const std::string shown = text::terminalSafe(pattern);
    if (pattern.rfind("http://", 0) != 0 && pattern.rfind("https://", 0) != 0) {
        throw QueryError(fmt::format("link template \"{}\" must start with http:// or https://", shown));
    }
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{') {
            bool known = false;
            for (const std::string_view placeholder : kPlaceholders) {
                if (pattern.substr(i, placeholder.size()) == placeholder) {
                    i += placeholder.size() - 1;
                    known = true;
                    break;
                }
            }
            if (!known) {
                throw QueryError(fmt::format("link template \"{}\": unknown placeholder at position {} "
                                             "(use {{name}}, {{id}} or {{kind}})",
                                             shown, i + 1));
            }
        } else if (pattern[i] == '}' || !isUrlCharacter(pattern[i])) {
            throw QueryError(fmt::format("link template \"{}\": character {} at position {} is not allowed in a URL "
                                         "(percent-encode it)",
                                         shown, text::terminalSafe(pattern.substr(i, 1)), i + 1));
        }
    }
    pattern_ = pattern;
}

std::string LinkTemplate::expand(std::string_view name, std::string_view id, std::string_view kind) const {
    std::string out;
    for (std::size_t i = 0; i < pattern_.size(); ++i) {
        bool substituted = false;
        for (const auto& [placeholder, value] :
             {std::pair{kPlaceholders[0], name}, std::pair{kPlaceholders[1], id}, std::pair{kPlaceholders[2], kind}}) {
            if (std::string_view(pattern_).substr(i, placeholder.size()) == placeholder) {
                out += percentEncode(value);
                i += placeholder.size() - 1;
                substituted = true;
                break;
            }
        }
        if (!substituted) out += pattern_[i];
    }
    return out;
}

std::string percentEncode(std::string_view s) {
    std::string out;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        const bool unreserved = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        out += unreserved ? std::string(1, c) : fmt::format("%{:02X}", static_cast<unsigned>(u));
    }
    return out;
}

}  // namespace relgraph::render
