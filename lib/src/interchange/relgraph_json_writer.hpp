#pragma once
// relgraph's own JSON (docs/format.md), one document, records in id order: loading it gives the
// graph it was written from.

#include <string>

#include "relgraph/store/graph_store.hpp"

namespace relgraph::interchange {

std::string writeRelgraphJson(const store::GraphStore& graph);

}  // namespace relgraph::interchange
