#pragma once
// One record of the store as plain data (model/graph_data.hpp), for the writers of other formats,
// which lay out a record at a time.

#include "relgraph/model/graph_data.hpp"
#include "relgraph/store/graph_store.hpp"

namespace relgraph::store {

model::Entity entityRecord(const GraphStore& store, Vertex v);
// With its claims, in the relation's order.
model::Relation relationRecord(const GraphStore& store, Edge e);
model::Claim claimRecord(const GraphStore& store, ClaimRef c);
model::Source sourceRecord(const GraphStore& store, SourceRef s);

}  // namespace relgraph::store
