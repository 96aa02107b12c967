#pragma once
// What path and neighbourhood queries may walk over.

#include <set>
#include <string>
#include <vector>

#include "relgraph/store/graph_store.hpp"

namespace relgraph::query {

enum class Direction { Out, In, Both };

// One step along a relation; `forward` when walked from the relation's `from` to its `to`.
struct Hop {
    store::Edge relation;
    bool forward = true;
};

struct TraversalFilter {
    std::set<std::string> types;      // relation types to use; empty: all
    bool includeAttribution = false;  // walk "reported"/"told" relations too

    bool allows(const store::GraphStore& store, store::Edge e) const;
};

// The hops leaving `v` that `filter` allows in `direction`, in relation id order. Symmetric
// relations count as both outgoing and incoming.
std::vector<Hop> hopsFrom(const store::GraphStore& store, store::Vertex v, Direction direction,
                          const TraversalFilter& filter);

// The entity a hop arrives at.
store::Vertex target(const store::GraphStore& store, const Hop& hop);

}  // namespace relgraph::query
