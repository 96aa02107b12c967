#pragma once
// `relgraph schema`: the graph's vocabulary — its entity kinds and relation types, with how many
// records each has (the declarations themselves are the store's schema).

#include <cstddef>
#include <vector>

#include "relgraph/store/graph_store.hpp"

namespace relgraph::query {

struct SchemaReport {
    std::vector<std::size_t> entitiesOfKind;   // by kind index (name order)
    std::vector<std::size_t> relationsOfType;  // by type index
};

SchemaReport schemaReport(const store::GraphStore& store);

}  // namespace relgraph::query
