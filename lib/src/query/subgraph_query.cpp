#include "relgraph/query/subgraph_query.hpp"

#include <algorithm>
#include <set>

#include "relgraph/common/error.hpp"
#include "step_graph.hpp"

namespace relgraph::query {

namespace {
std::vector<store::Vertex> sortedUnique(std::vector<store::Vertex> entities) {
    std::sort(entities.begin(), entities.end());  // vertices are in entity id order
    entities.erase(std::unique(entities.begin(), entities.end()), entities.end());
    return entities;
}
}  // namespace

Subgraph inducedSubgraph(const store::GraphStore& store, const std::vector<store::Vertex>& entities,
                         const TraversalFilter& filter) {
    Subgraph result{SubgraphKind::Induced, {}, {}, {}, {}};
    result.terminals = sortedUnique(entities);
    result.entities = result.terminals;
    const WalkFilter walk(store, filter);
    const auto member = [&](store::Vertex v) {
        return std::binary_search(result.terminals.begin(), result.terminals.end(), v);
    };
    // Each relation among them once, from the entity it leaves.
    for (const store::Vertex v : result.terminals) {
        for (const store::Edge e : store.outRelations(v)) {
            if (member(store.to(e)) && walk.allows(e)) result.relations.push_back(e);
        }
    }
    std::sort(result.relations.begin(), result.relations.end());
    return result;
}

// The entities on a shortest connection between s and t are those on its shortest walks; a hop
// u → v between two of them is on one when v is one hop nearer t.
Subgraph connectingSubgraph(const store::GraphStore& store, const std::vector<store::Vertex>& entities,
                            const TraversalFilter& filter) {
    Subgraph result{SubgraphKind::Connecting, {}, {}, {}, {}};
    result.terminals = sortedUnique(entities);
    if (result.terminals.size() < 2) throw QueryError("a connecting subgraph needs at least two different entities");
    PathOptions options;
    options.filter = filter;
    options.distinctRelations = true;  // every parallel relation belongs to the connection
    const StepGraph graph(store, options, result.terminals);

    std::set<store::Vertex> members(result.terminals.begin(), result.terminals.end());
    std::set<store::Edge> relations;
    for (std::size_t a = 0; a < result.terminals.size(); ++a) {
        for (std::size_t b = a + 1; b < result.terminals.size(); ++b) {
            const store::Vertex s = result.terminals[a], t = result.terminals[b];
            const Distances toGo = graph.shortestWalks(s, t, StepGraph::kUnreachable);
            if (toGo[s] == StepGraph::kUnreachable) {
                result.connections.push_back({s, t, std::nullopt});
                continue;
            }
            result.connections.push_back({s, t, toGo[s]});
            for (const auto& [u, left] : toGo.reached()) {
                members.insert(u);
                for (const Step& step : graph.stepsFrom(u)) {
                    const std::size_t next = toGo[step.to];
                    if (next != StepGraph::kUnreachable && next + 1 == left) relations.insert(step.hop.relation);
                }
            }
        }
    }
    result.entities.assign(members.begin(), members.end());
    result.relations.assign(relations.begin(), relations.end());
    return result;
}

}  // namespace relgraph::query
