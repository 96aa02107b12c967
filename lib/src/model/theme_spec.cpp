#include "relgraph/model/theme_spec.hpp"

#include <algorithm>
#include <cctype>

namespace relgraph::model {

const std::vector<std::string>& themeShapes() {
    static const std::vector<std::string> shapes{
        "box",      "rect",     "rectangle", "square",       "ellipse", "oval",      "circle",  "doublecircle",
        "point",    "egg",      "triangle",  "diamond",      "trapezium", "parallelogram", "house", "invhouse",
        "pentagon", "hexagon",  "septagon",  "octagon",      "doubleoctagon", "note", "tab",     "folder",
        "box3d",    "component", "cylinder", "star",         "underline", "plain",   "plaintext", "none"};
    return shapes;
}

bool isThemeColour(const std::string& s) {
    return s.size() == 7 && s[0] == '#' &&
           std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

bool isThemeFont(const std::string& s) {
    return !s.empty() && s.size() <= 100 && std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == ',' || c == '-';
    });
}

bool isThemeEdgeStyle(const std::string& s) { return s == "solid" || s == "dashed" || s == "dotted" || s == "bold"; }

bool isRankdir(const std::string& s) { return s == "LR" || s == "RL" || s == "TB" || s == "BT"; }

}  // namespace relgraph::model
