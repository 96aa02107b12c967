#pragma once
// What a theme file says (docs/diagrams.md): validated values only, no Graphviz names from data.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace relgraph::model {

struct Colours {
    std::string line;  // #RRGGBB
    std::string fill;  // #RRGGBB
};

struct KindStyleSpec {
    std::optional<std::string> shape;  // one of themeShapes()
    std::optional<std::string> line;
    std::optional<std::string> fill;
};

struct TypeStyleSpec {
    std::optional<std::string> style;  // solid, dashed, dotted, bold
    std::optional<std::string> color;
};

struct ThemeSpec {
    std::string font = "DejaVu Sans";
    std::string rankdir = "LR";
    std::vector<Colours> palette;
    std::vector<std::string> shapes;
    std::map<std::string, KindStyleSpec> kinds;
    std::map<std::string, TypeStyleSpec> types;
};

// Graphviz node shapes a theme may name: polygon shapes only (no record, epsf or custom shapes,
// which read labels as structure or files from disk).
const std::vector<std::string>& themeShapes();
bool isThemeColour(const std::string& s);      // #RRGGBB
bool isThemeFont(const std::string& s);        // letters, digits, spaces, commas, hyphens
bool isThemeEdgeStyle(const std::string& s);   // solid, dashed, dotted, bold
bool isRankdir(const std::string& s);          // LR, RL, TB, BT

}  // namespace relgraph::model
