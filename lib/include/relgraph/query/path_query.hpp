#pragma once
// How is X connected to Y: a shortest path over entities and relations.

#include <optional>
#include <vector>

#include "relgraph/query/traversal.hpp"

namespace relgraph::query {

struct Path {
    std::vector<store::Vertex> entities;  // from first to last; one more than hops
    std::vector<Hop> hops;
};

struct PathOptions {
    TraversalFilter filter;
    bool directed = false;  // follow relations only from `from` to `to` (symmetric ones both ways)
};

// A shortest path by number of hops (breadth-first search); among equally short paths, the one
// whose relation ids come first. nullopt when the entities are not connected under `options`.
std::optional<Path> shortestPath(const store::GraphStore& store, store::Vertex from, store::Vertex to,
                                 const PathOptions& options);

}  // namespace relgraph::query
