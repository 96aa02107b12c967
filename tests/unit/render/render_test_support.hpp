#pragma once
// Shared by the render tests: the default theme and one-call rendering.

#include <string>
#include <string_view>

#include "relgraph/load/theme_loader.hpp"
#include "relgraph/query/traversal.hpp"
#include "relgraph/render/graphviz_renderer.hpp"
#include "relgraph/render/theme.hpp"
#include "test_graphs.hpp"

namespace relgraph::testing {

// The entity with this id (which must exist: std::bad_optional_access otherwise).
inline store::Vertex vertexOf(const store::GraphStore& s, std::string_view id) { return s.findEntityById(id).value(); }

inline render::Theme defaultTheme(const store::GraphStore& s) {
    return render::Theme(s.schema(), load::loadTheme(RELGRAPH_DEFAULT_THEME));
}

inline std::string draw(const store::GraphStore& s, const render::Diagram& d,
                        render::ImageFormat format = render::ImageFormat::Svg, render::RenderOptions options = {}) {
    options.format = format;
    return render::renderDiagram(d, defaultTheme(s), options);
}

inline query::TraversalFilter withAttribution() {
    query::TraversalFilter f;
    f.includeAttribution = true;
    return f;
}

inline query::TraversalFilter onlyKinds(std::set<std::string> kinds) {
    query::TraversalFilter f;
    f.kinds = std::move(kinds);
    return f;
}

inline query::TraversalFilter onlyTypes(std::set<std::string> types) {
    query::TraversalFilter f;
    f.types = std::move(types);
    return f;
}

inline bool has(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace relgraph::testing
