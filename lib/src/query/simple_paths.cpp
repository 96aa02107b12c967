#include <algorithm>

#include "relgraph/query/path_query.hpp"
#include "step_graph.hpp"

namespace relgraph::query {

// Length by length, so that the paths come shortest first and a cap keeps the first ones.
PathSet allSimplePaths(const store::GraphStore& store, store::Vertex from, store::Vertex to,
                       const PathOptions& options) {
    const StepGraph graph(store, options, {from, to});
    const std::size_t longest = std::min(options.maxLength, graph.size() - 1);  // a simple path visits each entity once
    const Distances distance = graph.distancesTo(to, longest);
    PathSet result{PathSetKind::AllSimple, {}, PathLimit::None};
    if (distance[from] == StepGraph::kUnreachable) return result;
    graph.collectPaths(from, to, distance[from], longest, distance, options, result);
    return result;
}

}  // namespace relgraph::query
