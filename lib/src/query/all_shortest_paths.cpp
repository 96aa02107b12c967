#include "relgraph/query/path_query.hpp"
#include "step_graph.hpp"

namespace relgraph::query {

// A path is shortest exactly when every hop brings it one hop nearer `to`, so a depth-first walk
// along such hops lists them all, in relation order, without dead ends; it only ever enters the
// entities on shortest walks.
PathSet allShortestPaths(const store::GraphStore& store, store::Vertex from, store::Vertex to,
                         const PathOptions& options) {
    const StepGraph graph(store, options, {from, to});
    const Distances distance = graph.shortestWalks(from, to, options.maxLength);
    PathSet result{PathSetKind::AllShortest, {}, PathLimit::None};
    if (distance[from] == StepGraph::kUnreachable) return result;  // or farther than options.maxLength
    graph.collectPaths(from, to, distance[from], distance[from], distance, options, result);
    return result;
}

}  // namespace relgraph::query
