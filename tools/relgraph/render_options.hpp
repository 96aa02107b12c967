#pragma once
// Drawing options shared by `render` and `wiki`: theme, layout engine, legend, clusters, links.

#include <CLI/CLI.hpp>
#include <string>

#include "relgraph/render/diagram_builder.hpp"
#include "relgraph/render/graphviz_renderer.hpp"
#include "relgraph/render/theme.hpp"

namespace relgraph::cli {

struct DrawingArgs {
    std::string theme;         // file; empty: the default theme
    std::string engine = "auto";
    bool noLegend = false;
    std::string cluster;       // "", "kind" or a relation type
    std::size_t maxNodes = 150;
    std::string linkTemplate;
    double timeLimit = 60;     // seconds, for each layout
};

void addDrawingOptions(CLI::App& command, DrawingArgs& args);

// Resolved against the graph: QueryError for an unknown cluster type or a bad link template,
// LoadError for a bad theme file.
render::DiagramOptions diagramOptions(const store::GraphStore& store, const DrawingArgs& args);
render::RenderOptions renderOptions(const DrawingArgs& args, render::ImageFormat format);
render::Theme theme(const store::GraphStore& store, const DrawingArgs& args);

}  // namespace relgraph::cli
