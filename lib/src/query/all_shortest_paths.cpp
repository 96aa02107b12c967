#include "relgraph/query/path_query.hpp"
#include "step_graph.hpp"

namespace relgraph::query {

// A path is shortest exactly when every hop brings it one hop nearer `to`, so a depth-first walk
// along such hops lists them all, in relation id order, without dead ends.
PathSet allShortestPaths(const store::GraphStore& store, store::Vertex from, store::Vertex to,
                         const PathOptions& options) {
    const StepGraph graph(store, options, {from, to});
    const std::vector<std::size_t> distance = graph.distancesTo(to);
    PathSet result{PathSetKind::AllShortest, {}, PathLimit::None};
    if (distance[from] == StepGraph::kUnreachable || distance[from] > options.maxLength) return result;
    graph.collectPaths(from, to, distance[from], distance[from], distance, options, result);
    return result;
}

}  // namespace relgraph::query
