#pragma once
// Statistics of a graph: counts by entity kind and relation type, and per entity its degree,
// connected component, PageRank and betweenness (Boost.Graph's page_rank,
// connected_components and brandes_betweenness_centrality).
//
// The measures are taken over the walked graph: the entities the filter's kinds allow and the
// relations it allows between them — so relations that record who reported what (attribution
// types) do not count unless the filter includes them, just as paths do not walk them. Two
// entities linked by several relations are linked once for components, PageRank and betweenness;
// degrees count every relation.

#include <cstddef>
#include <string>
#include <vector>

#include "relgraph/query/traversal.hpp"

namespace relgraph::query {

// What the store of a graph takes in memory (and on disk, in a snapshot).
struct StoreFootprint {
    std::size_t relations = 0;
    std::size_t bytes = 0;          // every column
    std::size_t relationBytes = 0;  // the columns that grow with the relations

    double bytesPerRelation() const { return relations ? static_cast<double>(bytes) / static_cast<double>(relations) : 0; }
};

StoreFootprint footprintOf(const store::GraphStore& store);

struct KindCount {
    std::string kind;
    std::size_t entities = 0;
};

struct TypeCount {
    std::string type;
    std::size_t relations = 0;
    std::size_t claims = 0;
    bool walked = false;  // the filter lets the measures use relations of this type
};

struct EntityMeasures {
    store::Vertex entity;
    std::size_t relations = 0;  // walked relations touching it (a relation to itself once, as out and in)
    std::size_t out = 0;        // of those, leading away from it; symmetric ones count as out and in
    std::size_t in = 0;
    std::size_t neighbors = 0;  // distinct other entities they link it to
    std::size_t component = 0;  // index into GraphStatistics::components
    // Share of PageRank (damping 0.85, 100 iterations; relations point from `from` to `to`,
    // symmetric ones both ways); all shares add up to 1.
    double pageRank = 0;
    // Pairs of other entities whose shortest connections pass through it, each pair's share split
    // among its shortest connections (relations walked either way).
    double betweenness = 0;
};

struct GraphStatistics {
    // The whole graph.
    std::size_t entities = 0;
    std::size_t relations = 0;
    std::size_t claims = 0;
    std::size_t sources = 0;
    std::size_t originalSources = 0;  // sources that are not republications
    std::vector<KindCount> kinds;     // kinds with entities, by name
    std::vector<TypeCount> types;     // types with relations, by name
    StoreFootprint footprint;         // of the store

    // The walked graph.
    std::size_t walkedRelations = 0;
    std::vector<EntityMeasures> measures;                // every walked entity, id order
    std::vector<std::vector<store::Vertex>> components;  // largest first, then by first entity id; id order
    // Betweenness takes time proportional to entities times relations (Brandes' algorithm): it is
    // measured when that is at most kExactBetweennessWork, and left at 0 otherwise.
    bool betweennessMeasured = false;
};

inline constexpr std::size_t kExactBetweennessWork = 200'000'000;

GraphStatistics graphStatistics(const store::GraphStore& store, const TraversalFilter& filter);

enum class Measure { Relations, PageRank, Betweenness };

// The k entities with the highest value of `measure` (ties by entity id); entities with a value
// of 0 or without walked relations are left out.
std::vector<EntityMeasures> topEntities(const GraphStatistics& statistics, Measure measure, std::size_t k);

}  // namespace relgraph::query
