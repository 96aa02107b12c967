#include "relgraph/query/path_query.hpp"

#include <algorithm>
#include <deque>

namespace relgraph::query {

std::optional<Path> shortestPath(const store::GraphStore& store, store::Vertex from, store::Vertex to,
                                 const PathOptions& options) {
    const std::size_t n = boost::num_vertices(store.graph());
    std::vector<std::optional<Hop>> reachedBy(n);
    std::vector<bool> seen(n, false);
    std::deque<store::Vertex> queue{from};
    seen[from] = true;
    const Direction direction = options.directed ? Direction::Out : Direction::Both;
    while (!queue.empty() && !seen[to]) {
        const store::Vertex v = queue.front();
        queue.pop_front();
        for (const Hop& hop : hopsFrom(store, v, direction, options.filter)) {
            const store::Vertex next = target(store, hop);
            if (seen[next]) continue;
            seen[next] = true;
            reachedBy[next] = hop;
            queue.push_back(next);
        }
    }
    if (!seen[to]) return std::nullopt;
    Path path;
    for (store::Vertex v = to; v != from;) {
        const Hop hop = *reachedBy[v];
        path.entities.push_back(v);
        path.hops.push_back(hop);
        v = hop.forward ? boost::source(hop.relation, store.graph()) : boost::target(hop.relation, store.graph());
    }
    path.entities.push_back(from);
    std::reverse(path.entities.begin(), path.entities.end());
    std::reverse(path.hops.begin(), path.hops.end());
    return path;
}

}  // namespace relgraph::query
