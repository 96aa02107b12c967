#include "interchange/dot_escape.hpp"

namespace relgraph::interchange {

std::string escapeDotValue(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\\') out += '\\';
        out += c;
    }
    return out;
}

std::string unescapeDotValue(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        out += value[i];
        if (value[i] == '\\' && i + 1 < value.size() && value[i + 1] == '\\') ++i;
    }
    return out;
}

}  // namespace relgraph::interchange
