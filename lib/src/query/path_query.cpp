#include "relgraph/query/path_query.hpp"

#include <limits>

#include "step_graph.hpp"

namespace relgraph::query {

// The first of the shortest paths in relation order, which is the one breadth-first search with
// each entity's hops in relation order finds: the first a depth-first walk along the shortest walks
// meets.
std::optional<Path> shortestPath(const store::GraphStore& store, store::Vertex from, store::Vertex to,
                                 const PathOptions& options) {
    const StepGraph graph(store, options, {from, to});
    const Distances toGo = graph.shortestWalks(from, to, options.maxLength);
    if (toGo[from] == StepGraph::kUnreachable) return std::nullopt;
    ExpansionBudget unlimited(std::numeric_limits<std::size_t>::max());
    std::optional<Path> path;
    graph.pathsOfLength(from, to, toGo[from], toGo, unlimited, [&](const HopSequence& hops) {
        path = graph.toPath(from, hops);
        return false;
    });
    return path;
}

}  // namespace relgraph::query
