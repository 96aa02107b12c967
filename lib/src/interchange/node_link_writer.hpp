#pragma once
// NetworkX node-link JSON ("links"), readable by networkx.node_link_graph: a directed multigraph
// whose edge keys are relation ids; the schema and sources ride in graph["relgraph"].

#include <string>

#include "relgraph/store/graph_store.hpp"

namespace relgraph::interchange {

std::string writeNodeLink(const store::GraphStore& graph);

}  // namespace relgraph::interchange
