#pragma once
// DOT, built and serialized by Graphviz's cgraph (agwrite): one node per entity (its id; "label"
// shows the name) and one edge per relation (its key is the relation id, "label" shows the type's
// label, dir=none for symmetric types). The records ride in attributes: kind, name, aliases and
// claims (JSON), description, the attributes by name, and the schema and sources in the graph
// attribute "relgraph". Backslashes are doubled (dot_escape.hpp).

#include <string>

#include "relgraph/store/graph_store.hpp"

namespace relgraph::interchange {

std::string writeDot(const store::GraphStore& graph);

}  // namespace relgraph::interchange
