#pragma once
// The ego graph of an entity: everything within N hops.

#include <vector>

#include "relgraph/query/traversal.hpp"

namespace relgraph::query {

struct NeighborhoodOptions {
    int depth = 1;
    Direction direction = Direction::Both;
    TraversalFilter filter;
};

struct Neighbor {
    store::Vertex entity;
    int depth;              // hops from the center
    std::vector<Hop> via;   // the relations linking it to entities one hop nearer the center
};

struct Neighborhood {
    store::Vertex center;
    std::vector<Neighbor> neighbors;     // by depth, then by entity id
    std::vector<store::Edge> relations;  // every allowed relation among center and neighbours, id order
};

Neighborhood neighborhood(const store::GraphStore& store, store::Vertex center, const NeighborhoodOptions& options);

}  // namespace relgraph::query
