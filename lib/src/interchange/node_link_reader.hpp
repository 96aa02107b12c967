#pragma once
// Reads NetworkX node-link JSON: {"directed", "multigraph", "graph", "nodes", "links" or "edges"}.

#include <string>
#include <string_view>

#include "interchange/imported_graph.hpp"

namespace relgraph::interchange {

// True when a .json text is node-link JSON (a top-level "nodes" member) rather than relgraph JSON.
bool isNodeLinkJson(std::string_view text);

ImportedGraph readNodeLink(const std::string& file, std::string text, ReadReport& report);

}  // namespace relgraph::interchange
