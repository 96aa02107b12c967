#pragma once
// Shared by the render tests: the default theme and one-call rendering.

#include <string>

#include "relgraph/load/theme_loader.hpp"
#include "relgraph/render/graphviz_renderer.hpp"
#include "relgraph/render/theme.hpp"
#include "test_graphs.hpp"

namespace relgraph::testing {

inline render::Theme defaultTheme(const store::GraphStore& s) {
    return render::Theme(s.schema(), load::loadTheme(RELGRAPH_DEFAULT_THEME));
}

inline std::string draw(const store::GraphStore& s, const render::Diagram& d,
                        render::ImageFormat format = render::ImageFormat::Svg, render::RenderOptions options = {}) {
    options.format = format;
    return render::renderDiagram(d, defaultTheme(s), options);
}

inline bool has(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace relgraph::testing
