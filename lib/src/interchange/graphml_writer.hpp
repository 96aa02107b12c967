#pragma once
// GraphML with typed keys: entities are nodes, relations edges of a directed graph (NetworkX
// rejects graphs that mix in directed="false" edges: symmetric types are marked in the schema);
// claims, aliases and the schema and sources are JSON text in string keys. Throws OutputError for
// text XML 1.0 cannot hold (control characters other than tab and newline).

#include <string>

#include "relgraph/store/graph_store.hpp"

namespace relgraph::interchange {

std::string writeGraphMl(const store::GraphStore& graph);

}  // namespace relgraph::interchange
