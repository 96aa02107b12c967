#pragma once
// A whole wiki section for a graph: a page per entity with its neighbourhood diagram, relations
// and who reported each, plus an index page with an overview diagram.

#include <string>
#include <vector>

#include "relgraph/render/diagram_builder.hpp"
#include "relgraph/render/graphviz_renderer.hpp"
#include "relgraph/store/graph_store.hpp"

namespace relgraph::render {

enum class WikiMarkup { Markdown, MediaWiki };

struct WikiOptions {
    WikiMarkup markup = WikiMarkup::Markdown;
    int depth = 1;             // of each entity's neighbourhood diagram
    bool png = true;           // a PNG beside every SVG, for viewers that do not show SVG
    DiagramOptions diagram;
    RenderOptions render;      // format is ignored; links apply to the SVGs
};

struct WikiFile {
    std::string path;     // relative to the section's folder, '/'-separated
    std::string content;
};

// Every file of the section, in a fixed order: pages (<entity id>.md or .wiki, index.md or
// index.wiki) and images (images/<entity id>.svg and .png, images/overview.svg and .png).
// The same graph always gives the same bytes.
std::vector<WikiFile> wikiSection(const store::GraphStore& store, const Theme& theme, const WikiOptions& options);

}  // namespace relgraph::render
