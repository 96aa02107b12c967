#include "relgraph/query/path_query.hpp"

#include "step_graph.hpp"

namespace relgraph::query {

std::optional<Path> shortestPath(const store::GraphStore& store, store::Vertex from, store::Vertex to,
                                 const PathOptions& options) {
    const StepGraph graph(store, options, {from, to});
    const auto hops = graph.firstShortest(from, to, {}, {}, options.maxLength, nullptr);
    if (!hops) return std::nullopt;
    return graph.toPath(from, *hops);
}

}  // namespace relgraph::query
