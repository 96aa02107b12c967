#pragma once
// Searches over the compact store that find the part of a large graph a query needs, so that only
// that part is turned into records (interchange/compact_records.hpp) and handed to the record
// queries (path_query, neighborhood_query). They walk exactly what those queries walk: the same
// filter, the same directions, symmetric relations both ways.

#include <cstddef>
#include <vector>

#include "relgraph/query/traversal.hpp"
#include "relgraph/store/compact_graph.hpp"

namespace relgraph::query {

// A TraversalFilter in the compact store's numbers. Throws QueryError for a type or kind the
// graph does not have.
class CompactWalk {
public:
    CompactWalk(const store::CompactGraph& graph, const TraversalFilter& filter, Direction direction,
                std::vector<store::CompactId> named);

    // Calls f(next entity) for every allowed hop leaving v, walking `direction` (Out: along the
    // relations, In: against them).
    template <class F>
    void forEachStep(store::CompactId v, Direction direction, F&& f) const;

    Direction direction() const { return direction_; }
    bool allowsType(std::size_t type) const { return types_[type]; }
    bool allowsEntity(store::CompactId v) const;

private:
    const store::CompactGraph& graph_;
    std::vector<bool> types_, kinds_;
    std::vector<store::CompactId> named_;
    Direction direction_;
};

// The entities on some shortest walk from `from` to `to` of at most maxLength hops (both ends
// included), in increasing order; empty when there is none. Meets in the middle: each step grows
// the side whose frontier has fewer relations to look at.
std::vector<store::CompactId> shortestPathRegion(const store::CompactGraph& graph, store::CompactId from,
                                                 store::CompactId to, const CompactWalk& walk, std::size_t maxLength);

// The entities within `depth` hops of `center` (center included), in increasing order.
std::vector<store::CompactId> neighborhoodRegion(const store::CompactGraph& graph, store::CompactId center, int depth,
                                                 const CompactWalk& walk);

}  // namespace relgraph::query
