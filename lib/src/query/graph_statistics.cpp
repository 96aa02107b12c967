#include "relgraph/query/graph_statistics.hpp"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/page_rank.hpp>
#include <map>
#include <set>

namespace relgraph::query {

namespace {

// Simple graphs over the walked entities, numbered 0..n-1 in id order: undirected for components
// and betweenness, directed for PageRank.
using UndirectedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using DirectedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

void countWholeGraph(const store::GraphStore& store, const TraversalFilter& filter, GraphStatistics& s) {
    const store::Graph& g = store.graph();
    s.entities = boost::num_vertices(g);
    s.relations = boost::num_edges(g);
    s.claims = store.claimCount();
    s.sources = store.sources().size();
    s.originalSources =
        static_cast<std::size_t>(std::count_if(store.sources().begin(), store.sources().end(),
                                               [](const model::Source& src) { return src.republishes.empty(); }));
    std::map<std::string, KindCount> kinds;
    for (const store::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        KindCount& k = kinds.try_emplace(store.entity(v).kind, KindCount{store.entity(v).kind, 0}).first->second;
        ++k.entities;
    }
    std::map<std::string, TypeCount> types;
    for (const store::Edge e : store.relations()) {
        const model::Relation& r = store.relation(e);
        TypeCount& t = types.try_emplace(r.type, TypeCount{r.type, 0, 0, filter.allows(store, e)}).first->second;
        ++t.relations;
        t.claims += r.claims.size();
    }
    for (auto& [name, k] : kinds) s.kinds.push_back(std::move(k));
    for (auto& [name, t] : types) s.types.push_back(std::move(t));
}

void numberComponents(const UndirectedGraph& u, GraphStatistics& s) {
    std::vector<std::size_t> component(boost::num_vertices(u));
    const std::size_t count = boost::connected_components(
        u, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, u)));
    s.components.assign(count, {});
    for (std::size_t i = 0; i < component.size(); ++i) s.components[component[i]].push_back(s.measures[i].entity);
    // Boost numbers components by their first vertex; order them largest first.
    std::vector<std::size_t> order(count);
    for (std::size_t c = 0; c < count; ++c) order[c] = c;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return s.components[a].size() > s.components[b].size(); });
    std::vector<std::size_t> renumbered(count);
    std::vector<std::vector<store::Vertex>> sorted;
    for (std::size_t c = 0; c < count; ++c) {
        renumbered[order[c]] = c;
        sorted.push_back(std::move(s.components[order[c]]));
    }
    s.components = std::move(sorted);
    for (std::size_t i = 0; i < component.size(); ++i) s.measures[i].component = renumbered[component[i]];
}

}  // namespace

GraphStatistics graphStatistics(const store::GraphStore& store, const TraversalFilter& filter) {
    GraphStatistics s;
    countWholeGraph(store, filter, s);
    s.footprint = footprintOf(store::CompactGraph::fromStore(store, ""));

    const store::Graph& g = store.graph();
    std::vector<std::size_t> index(boost::num_vertices(g), 0);
    std::vector<bool> walked(boost::num_vertices(g), false);
    for (const store::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        if (!filter.allowsEntity(store, v)) continue;
        walked[v] = true;
        index[v] = s.measures.size();
        s.measures.push_back({v});
    }
    const std::size_t n = s.measures.size();
    UndirectedGraph undirected(n);
    DirectedGraph directed(n);
    std::set<std::pair<std::size_t, std::size_t>> links, arcs;
    std::vector<std::set<std::size_t>> neighbors(n);
    for (const store::Edge e : store.relations()) {
        const store::Vertex from = boost::source(e, g), to = boost::target(e, g);
        if (!walked[from] || !walked[to] || !filter.allows(store, e)) continue;
        ++s.walkedRelations;
        const std::size_t a = index[from], b = index[to];
        const bool symmetric = store.typeOf(e).symmetric;
        ++s.measures[a].relations;
        ++s.measures[a].out;
        ++s.measures[b].in;
        if (a == b) continue;  // a relation to itself links nothing
        ++s.measures[b].relations;
        if (symmetric) {
            ++s.measures[a].in;
            ++s.measures[b].out;
        }
        neighbors[a].insert(b);
        neighbors[b].insert(a);
        if (links.insert(std::minmax(a, b)).second) boost::add_edge(a, b, undirected);
        if (arcs.insert({a, b}).second) boost::add_edge(a, b, directed);
        if (symmetric && arcs.insert({b, a}).second) boost::add_edge(b, a, directed);
    }
    for (std::size_t i = 0; i < n; ++i) s.measures[i].neighbors = neighbors[i].size();
    if (n == 0) return s;

    numberComponents(undirected, s);

    std::vector<double> rank(n, 0.0);
    boost::graph::page_rank(directed,
                            boost::make_iterator_property_map(rank.begin(), boost::get(boost::vertex_index, directed)),
                            boost::graph::n_iterations(100), 0.85);
    double total = 0;
    for (const double r : rank) total += r;
    for (std::size_t i = 0; i < n; ++i) s.measures[i].pageRank = rank[i] / total;

    std::vector<double> centrality(n, 0.0);
    boost::brandes_betweenness_centrality(
        undirected, boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, undirected)));
    for (std::size_t i = 0; i < n; ++i) s.measures[i].betweenness = centrality[i];
    return s;
}

std::vector<EntityMeasures> topEntities(const GraphStatistics& statistics, Measure measure, std::size_t k) {
    const auto value = [measure](const EntityMeasures& m) {
        switch (measure) {
            case Measure::Relations:
                return static_cast<double>(m.relations);
            case Measure::PageRank:
                return m.pageRank;
            case Measure::Betweenness:
                return m.betweenness;
        }
        return 0.0;
    };
    std::vector<EntityMeasures> top;
    std::copy_if(statistics.measures.begin(), statistics.measures.end(), std::back_inserter(top),
                 [&](const EntityMeasures& m) { return m.relations > 0 && value(m) > 0; });
    std::stable_sort(top.begin(), top.end(),
                     [&](const EntityMeasures& a, const EntityMeasures& b) { return value(a) > value(b); });
    if (top.size() > k) top.resize(k);
    return top;
}

}  // namespace relgraph::query
