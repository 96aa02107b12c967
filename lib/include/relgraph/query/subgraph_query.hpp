#pragma once
// Subgraphs of several entities: the one they induce (the relations among them), and the one that
// connects them (the union of the shortest connections between every two of them).

#include <optional>
#include <vector>

#include "relgraph/query/traversal.hpp"

namespace relgraph::query {

struct Connection {
    store::Vertex from;
    store::Vertex to;
    std::optional<std::size_t> length;  // hops of the shortest connections; nullopt: not connected
};

enum class SubgraphKind { Induced, Connecting };

struct Subgraph {
    SubgraphKind kind;
    std::vector<store::Vertex> terminals;  // the entities asked about, id order
    std::vector<store::Vertex> entities;   // terminals and every entity added, id order
    std::vector<store::Edge> relations;    // id order
    std::vector<Connection> connections;   // connecting subgraphs: every two terminals, in id order
};

// The entities and every relation among them that `filter` allows (entity kinds do not apply:
// the entities are named).
Subgraph inducedSubgraph(const store::GraphStore& store, const std::vector<store::Vertex>& entities,
                         const TraversalFilter& filter);

// The entities, and every entity and relation on a shortest connection (walking relations either
// way) between two of them; parallel relations along such a connection are all included.
// QueryError for fewer than two different entities.
Subgraph connectingSubgraph(const store::GraphStore& store, const std::vector<store::Vertex>& entities,
                            const TraversalFilter& filter);

}  // namespace relgraph::query
