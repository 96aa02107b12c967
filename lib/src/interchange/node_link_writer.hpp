#pragma once
// NetworkX node-link JSON ("links"), readable by networkx.node_link_graph: a directed multigraph
// whose edge keys are relation ids; the schema and sources ride in graph["relgraph"].

#include <string>

#include "relgraph/model/graph_data.hpp"

namespace relgraph::interchange {

std::string writeNodeLink(const model::GraphData& graph);

}  // namespace relgraph::interchange
