#pragma once
// How kinds and relation types look: resolved from a theme file against a graph's schema.

#include <map>
#include <string>

#include "relgraph/model/schema.hpp"
#include "relgraph/model/theme_spec.hpp"

namespace relgraph::render {

struct NodeStyle {
    std::string shape;
    std::string fillColor;
    std::string lineColor;
};

struct EdgeStyle {
    std::string style;  // solid, dashed, dotted, bold
    std::string color;
};

class Theme {
public:
    // Kinds the theme styles keep their style; every other kind of the schema gets the next
    // unused (shape, palette colour) pair, in kind-name order, so kinds stay distinguishable.
    // Relation types: the theme's style, else dashed for attribution types and solid otherwise.
    Theme(const model::Schema& schema, const model::ThemeSpec& spec);

    const NodeStyle& kindStyle(const std::string& kind) const;
    const EdgeStyle& typeStyle(const std::string& type) const;
    const std::string& font() const { return font_; }
    const std::string& rankdir() const { return rankdir_; }

    static const EdgeStyle& plainEdge();  // relation types the theme does not style
    static const NodeStyle& relationStyle();
    static const NodeStyle& sourceStyle();
    static const NodeStyle& valueStyle();

private:
    std::map<std::string, NodeStyle> kinds_;
    std::map<std::string, EdgeStyle> types_;
    std::string font_;
    std::string rankdir_;
};

// The shipped default theme (common/bundled_graph.hpp's defaultThemePath) against `schema`.
Theme defaultTheme(const model::Schema& schema);

}  // namespace relgraph::render
