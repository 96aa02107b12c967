#include "relgraph/query/neighborhood_query.hpp"

#include <algorithm>

namespace relgraph::query {

Neighborhood neighborhood(const store::GraphStore& store, store::Vertex center, const NeighborhoodOptions& options) {
    const store::Graph& g = store.graph();
    TraversalFilter filter = options.filter;
    filter.named.insert(center);
    std::vector<int> depth(boost::num_vertices(g), -1);
    std::vector<std::vector<Hop>> via(boost::num_vertices(g));
    depth[center] = 0;
    std::vector<store::Vertex> layer{center};
    std::vector<store::Vertex> members{center};
    for (int d = 1; d <= options.depth && !layer.empty(); ++d) {
        std::vector<store::Vertex> next;
        for (const store::Vertex v : layer) {
            for (const Hop& hop : hopsFrom(store, v, options.direction, filter)) {
                const store::Vertex t = target(store, hop);
                if (depth[t] != -1 && depth[t] != d) continue;
                if (depth[t] == -1) {
                    depth[t] = d;
                    next.push_back(t);
                    members.push_back(t);
                }
                via[t].push_back(hop);
            }
        }
        layer = std::move(next);
    }

    Neighborhood result{center, {}, {}};
    std::sort(members.begin(), members.end());
    for (const store::Vertex v : members) {
        if (v != center) result.neighbors.push_back({v, depth[v], via[v]});
    }
    std::stable_sort(result.neighbors.begin(), result.neighbors.end(),
                     [](const Neighbor& a, const Neighbor& b) { return a.depth < b.depth; });
    for (const store::Edge e : store.relations()) {
        const store::Vertex s = boost::source(e, g), t = boost::target(e, g);
        if (depth[s] != -1 && depth[t] != -1 && filter.allows(store, e)) result.relations.push_back(e);
    }
    return result;
}

}  // namespace relgraph::query
