#pragma once
// What path, neighbourhood, subgraph and statistics queries may walk over.

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

    friend bool operator==(const Hop&, const Hop&) = default;
};

struct TraversalFilter {
    std::set<std::string> types;       // relation types to use; empty: all (attribution ones only when included)
    std::set<std::string> avoidTypes;  // relation types never to use
    std::set<std::string> kinds;       // entity kinds a walk may reach; empty: all
    std::set<std::string> avoidKinds;  // entity kinds a walk may not reach
    bool includeAttribution = false;   // walk "reported"/"told" relations too
    // The entities a query names (path ends, the centre, the entities to connect): the kind
    // filters do not apply to them. Queries add their own; callers leave it empty.
    std::set<store::Vertex> named;

    bool allows(const store::GraphStore& store, store::Edge e) const;          // by relation type
    bool allowsEntity(const store::GraphStore& store, store::Vertex v) const;  // by entity kind
    // QueryError when the filter contradicts itself: a type or kind both used and avoided.
    void validate() const;
};

// The hops leaving `v` that `filter` allows in `direction` and whose far entity it allows, in
// relation id order. Symmetric relations count as both outgoing and incoming.
std::vector<Hop> hopsFrom(const store::GraphStore& store, store::Vertex v, Direction direction,
                          const TraversalFilter& filter);

// The entity a hop arrives at, and the one it leaves.
store::Vertex target(const store::GraphStore& store, const Hop& hop);
store::Vertex origin(const store::GraphStore& store, const Hop& hop);

}  // namespace relgraph::query
