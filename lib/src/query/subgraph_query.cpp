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

std::vector<store::Edge> inIdOrder(const store::GraphStore& store, const std::set<store::Edge>& relations) {
    std::vector<store::Edge> out(relations.begin(), relations.end());
    std::sort(out.begin(), out.end(),
              [&](store::Edge a, store::Edge b) { return store.relation(a).id < store.relation(b).id; });
    return out;
}
}  // namespace

Subgraph inducedSubgraph(const store::GraphStore& store, const std::vector<store::Vertex>& entities,
                         const TraversalFilter& filter) {
    Subgraph result{SubgraphKind::Induced, {}, {}, {}, {}};
    result.terminals = sortedUnique(entities);
    result.entities = result.terminals;
    const store::Graph& g = store.graph();
    const auto member = [&](store::Vertex v) {
        return std::binary_search(result.terminals.begin(), result.terminals.end(), v);
    };
    for (const store::Edge e : store.relations()) {
        if (member(boost::source(e, g)) && member(boost::target(e, g)) && filter.allows(store, e)) {
            result.relations.push_back(e);
        }
    }
    return result;
}

// An entity lies on a shortest connection between s and t when its distances to both add up to
// theirs; a hop u → v does when d(s, u) + 1 + d(v, t) does.
Subgraph connectingSubgraph(const store::GraphStore& store, const std::vector<store::Vertex>& entities,
                            const TraversalFilter& filter) {
    Subgraph result{SubgraphKind::Connecting, {}, {}, {}, {}};
    result.terminals = sortedUnique(entities);
    if (result.terminals.size() < 2) throw QueryError("a connecting subgraph needs at least two different entities");
    PathOptions options;
    options.filter = filter;
    options.distinctRelations = true;  // every parallel relation belongs to the connection
    const StepGraph graph(store, options, result.terminals);
    std::vector<std::vector<std::size_t>> distance;
    for (const store::Vertex v : result.terminals) distance.push_back(graph.distancesFrom(v));

    std::set<store::Vertex> members(result.terminals.begin(), result.terminals.end());
    std::set<store::Edge> relations;
    for (std::size_t a = 0; a < result.terminals.size(); ++a) {
        for (std::size_t b = a + 1; b < result.terminals.size(); ++b) {
            const std::vector<std::size_t>& ds = distance[a];
            const std::vector<std::size_t>& dt = distance[b];
            const store::Vertex s = result.terminals[a], t = result.terminals[b];
            if (ds[t] == StepGraph::kUnreachable) {
                result.connections.push_back({s, t, std::nullopt});
                continue;
            }
            result.connections.push_back({s, t, ds[t]});
            for (store::Vertex u = 0; u < graph.size(); ++u) {
                if (ds[u] == StepGraph::kUnreachable || dt[u] == StepGraph::kUnreachable || ds[u] + dt[u] != ds[t]) {
                    continue;
                }
                members.insert(u);
                for (const Hop& hop : graph.stepsFrom(u)) {
                    const store::Vertex v = graph.target(hop);
                    if (dt[v] != StepGraph::kUnreachable && ds[u] + 1 + dt[v] == ds[t]) relations.insert(hop.relation);
                }
            }
        }
    }
    result.entities.assign(members.begin(), members.end());
    result.relations = inIdOrder(store, relations);
    return result;
}

}  // namespace relgraph::query
