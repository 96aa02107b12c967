#pragma once
// Relations read without ids of their own are named by the store from their ends and type
// (GraphStore::relationId: "<from>-<type>-<to>", "-2" … for parallel ones).

#include "relgraph/store/graph_store.hpp"

namespace relgraph::interchange {

// Whether those names are the ids the mapper gives relations when it gives every one an id (each
// the first free one of the same candidates), which is so exactly when no two names are the same.
bool generatedIdsAreUnique(const store::GraphStore& graph);

}  // namespace relgraph::interchange
