#pragma once
// Draws diagrams with Graphviz (cgraph + gvc, in process).

#include <optional>
#include <string>
#include <string_view>

#include "relgraph/render/diagram.hpp"
#include "relgraph/render/theme.hpp"

namespace relgraph::render {

enum class ImageFormat { Dot, Svg };

// "dot" / "svg"; nullopt otherwise.
std::optional<ImageFormat> parseImageFormat(std::string_view name);

// Renders `diagram`. DOT output is the graph as built, written by cgraph's agwrite (no layout);
// SVG is laid out by dot. The same diagram always gives the same bytes. Every Graphviz call is serialized (Graphviz is
// not thread-safe). Throws RenderError with Graphviz's own message when it fails.
std::string renderDiagram(const Diagram& diagram, const Theme& theme, ImageFormat format);

// A label Graphviz shows exactly as `text` reads: backslashes doubled (Graphviz reads \N, \G, \l,
// \n … as escapes), '&' written as &amp; (Graphviz decodes entities in labels), control
// characters shown as spaces.
std::string literalLabel(std::string_view text);

}  // namespace relgraph::render
