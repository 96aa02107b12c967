#pragma once
// Reads GraphML: typed keys (boolean, int, long, float, double, string) with their defaults, one
// graph with its nodes and edges, edgedefault and per-edge "directed".

#include <string>

#include "interchange/imported_graph.hpp"

namespace relgraph::interchange {

ImportedGraph readGraphMl(const std::string& file, std::string text, ReadReport& report);

}  // namespace relgraph::interchange
