#pragma once
// Draws diagrams with Graphviz (cgraph + gvc, in process).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "relgraph/render/diagram.hpp"
#include "relgraph/render/link_template.hpp"
#include "relgraph/render/theme.hpp"

namespace relgraph::render {

enum class ImageFormat { Dot, Svg, Png, Pdf };
enum class LayoutEngine { Auto, Dot, Neato, Fdp, Sfdp, Circo };

std::optional<ImageFormat> parseImageFormat(std::string_view name);    // dot, svg, png, pdf
std::optional<LayoutEngine> parseLayoutEngine(std::string_view name);  // auto, dot, neato, fdp, sfdp, circo
std::string_view layoutEngineName(LayoutEngine engine);

struct RenderOptions {
    ImageFormat format = ImageFormat::Svg;
    LayoutEngine engine = LayoutEngine::Auto;
    bool legend = true;
    LinkTemplate links;  // empty: nodes are not links
    std::chrono::milliseconds timeLimit{60000};  // for layout and rendering
};

// Auto: dot up to 300 nodes (with network-simplex limits past 100, which keep dot fast on
// sparse graphs), sfdp with prism overlap removal and straight edges beyond.
LayoutEngine chooseEngine(const Diagram& diagram, LayoutEngine requested);

// Renders `diagram`. DOT is the graph as built, written by cgraph's agwrite (no layout); SVG, PNG
// and PDF are laid out. The same diagram always gives the same bytes. SVG output carries
// role="img", a <title> and a <desc> on its root. Every Graphviz call is serialized (Graphviz is
// not thread-safe), and layout and rendering run in a child process within options.timeLimit.
// Throws RenderError with Graphviz's own message when it fails (e.g. the plugin for a format is
// missing), crashes or runs out of time.
std::string renderDiagram(const Diagram& diagram, const Theme& theme, const RenderOptions& options);

// Text Graphviz shows exactly as written, for labels: backslashes doubled
// (Graphviz reads \N, \G, \l, \n … as escapes), '&' written &amp; (Graphviz decodes entities),
// control characters shown as spaces.
std::string literalLabel(std::string_view text);

// Node and graph names (the SVG <title> of nodes and of the drawing) as Graphviz shows them:
// names are not read for escapes, but '&' is decoded, so it is written &amp;.
std::string literalName(std::string_view text);

// The same for tooltips, which Graphviz 2.42 unescapes twice: each backslash written four times.
// Newlines are kept (they become line breaks in the tooltip).
std::string literalTooltip(std::string_view text);

}  // namespace relgraph::render
