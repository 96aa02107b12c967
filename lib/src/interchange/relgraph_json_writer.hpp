#pragma once
// relgraph's own JSON (docs/format.md), one document, records in id order: loading it gives the
// graph it was written from.

#include <string>

#include "relgraph/model/graph_data.hpp"

namespace relgraph::interchange {

std::string writeRelgraphJson(const model::GraphData& graph);

}  // namespace relgraph::interchange
