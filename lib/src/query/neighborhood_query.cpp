#include "relgraph/query/neighborhood_query.hpp"

#include <algorithm>
#include <unordered_map>

namespace relgraph::query {

Neighborhood neighborhood(const store::GraphStore& store, store::Vertex center, const NeighborhoodOptions& options) {
    TraversalFilter named = options.filter;
    named.named.insert(center);
    const WalkFilter filter(store, named);
    struct Reached {
        int depth;
        std::vector<Hop> via;
    };
    std::unordered_map<store::Vertex, Reached> reached{{center, {0, {}}}};
    std::vector<store::Vertex> layer{center};
    std::vector<store::Vertex> members{center};
    for (int d = 1; d <= options.depth && !layer.empty(); ++d) {
        std::vector<store::Vertex> next;
        for (const store::Vertex v : layer) {
            filter.forEachHop(v, options.direction, [&](const Hop& hop, store::Vertex t) {
                if (!filter.allowsEntity(t)) return;
                const auto [at, added] = reached.try_emplace(t, Reached{d, {}});
                if (at->second.depth != d) return;
                if (added) {
                    next.push_back(t);
                    members.push_back(t);
                }
                at->second.via.push_back(hop);
            });
        }
        layer = std::move(next);
    }

    Neighborhood result{center, {}, {}};
    std::sort(members.begin(), members.end());
    for (const store::Vertex v : members) {
        if (v == center) continue;
        Reached& r = reached.at(v);
        result.neighbors.push_back({v, r.depth, std::move(r.via)});
    }
    std::stable_sort(result.neighbors.begin(), result.neighbors.end(),
                     [](const Neighbor& a, const Neighbor& b) { return a.depth < b.depth; });
    // Each relation among the members once, from the member it leaves.
    for (const store::Vertex v : members) {
        for (const store::Edge e : store.outRelations(v)) {
            if (reached.contains(store.to(e)) && filter.allows(e)) result.relations.push_back(e);
        }
    }
    std::sort(result.relations.begin(), result.relations.end());
    return result;
}

}  // namespace relgraph::query
