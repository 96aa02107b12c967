#pragma once
// Statistics that stay linear on graphs of millions of relations, taken straight from the compact
// store: counts by kind and type, degrees, connected components and the store's own footprint.
// (PageRank and betweenness need the record store: query/graph_statistics.hpp.)

#include <cstddef>
#include <string>
#include <vector>

#include "relgraph/query/compact_search.hpp"

namespace relgraph::query {

// What the compact form of a graph takes in memory (and on disk, in a snapshot).
struct StoreFootprint {
    std::size_t relations = 0;
    std::size_t bytes = 0;          // every column
    std::size_t relationBytes = 0;  // the columns that grow with the relations

    double bytesPerRelation() const { return relations ? static_cast<double>(bytes) / static_cast<double>(relations) : 0; }
};

StoreFootprint footprintOf(const store::CompactGraph& graph);

struct CompactDegree {
    store::CompactId entity;
    std::size_t relations = 0, out = 0, in = 0;  // walked relations, as EntityMeasures counts them
};

struct CompactStatistics {
    std::size_t entities = 0;
    std::size_t relations = 0;
    std::vector<std::pair<std::string, std::size_t>> kinds;  // kind name, entities; kinds with entities, by name
    std::vector<std::pair<std::string, std::size_t>> types;  // type name, relations; by name
    std::vector<bool> typeWalked;                            // parallel to types
    std::size_t walkedRelations = 0;
    std::size_t components = 0;        // over walked entities and relations, either direction
    std::size_t largestComponent = 0;  // entities
    std::size_t isolated = 0;          // walked entities without walked relations
    std::vector<CompactDegree> degrees;  // every walked entity, entity order
    StoreFootprint footprint;
};

CompactStatistics compactStatistics(const store::CompactGraph& graph, const CompactWalk& walk);

// The k entities with most walked relations (ties by entity number); none without relations.
std::vector<CompactDegree> topByDegree(const CompactStatistics& statistics, std::size_t k);

}  // namespace relgraph::query
