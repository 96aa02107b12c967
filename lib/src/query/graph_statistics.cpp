#include "relgraph/query/graph_statistics.hpp"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <numeric>
#include <thread>

namespace relgraph::query {

namespace {

// Kinds and types are numbered in name order.
void countWholeGraph(const store::GraphStore& store, const WalkFilter& filter, GraphStatistics& s) {
    s.entities = store.entityCount();
    s.relations = store.relationCount();
    s.claims = store.claimCount();
    s.sources = store.sourceCount();
    for (store::SourceRef src = 0; src < store.sourceCount(); ++src) {
        if (!store.source(src).republishes()) ++s.originalSources;
    }
    std::vector<std::size_t> kindEntities(store.kindCount(), 0);
    for (store::Vertex v = 0; v < store.entityCount(); ++v) ++kindEntities[store.kindIndexOf(v)];
    for (std::size_t k = 0; k < store.kindCount(); ++k) {
        if (kindEntities[k] > 0) s.kinds.push_back({store.kind(k).name, kindEntities[k]});
    }
    for (std::size_t t = 0; t < store.typeCount(); ++t) {
        const store::RowRange relations = store.relationsOfType(t);
        if (relations.empty()) continue;
        TypeCount count{store.type(t).name, relations.size(), 0, filter.allowsType(t)};
        if (store.hasClaimRecords()) {
            for (const store::Edge e : relations) count.claims += store.claimsOf(e).size();
        } else {
            count.claims = relations.size();  // one claim each
        }
        s.types.push_back(std::move(count));
    }
}

// The walked graph as simple graphs over the walked entities, numbered 0..n-1 in id order: each
// entity's distinct other entities it is linked to (either way, for components, neighbours and
// betweenness) and those linking to it (for PageRank: relations point from `from` to `to`, symmetric
// ones both ways), each list in the order of the relation that first links them.
struct WalkedGraph {
    std::vector<store::Row> linkStart, links;  // undirected
    std::vector<store::Row> arcStart, arcs;    // arriving: arcs[arcStart[v] ..] link to v
    std::vector<store::Row> outArcs;           // distinct entities each links to
};

class Walk {
public:
    Walk(const store::GraphStore& store, const WalkFilter& filter, GraphStatistics& s)
        : store_(store), filter_(filter), s_(s), index_(store.entityCount(), kNone) {
        for (store::Vertex v = 0; v < store.entityCount(); ++v) {
            if (!filter.allowsEntity(v)) continue;
            index_[v] = static_cast<store::Row>(s.measures.size());
            s.measures.push_back({v});
        }
        // Every relation's `from` at hand: a store without the column finds it by binary search.
        if (store.columns().relationFrom.empty()) {
            from_.resize(store.relationCount());
            for (store::Vertex v = 0; v < store.entityCount(); ++v) {
                for (const store::Edge e : store.outRelations(v)) from_[e] = v;
            }
        }
    }

    std::size_t size() const { return s_.measures.size(); }

    // Counts each walked relation at its ends, and makes the simple graphs, in one pass over each
    // entity's relations in relation order (leaving and arriving merged).
    WalkedGraph measure() {
        const std::size_t n = size();
        WalkedGraph g;
        g.linkStart.assign(n + 1, 0);
        g.arcStart.assign(n + 1, 0);
        g.outArcs.assign(n, 0);
        g.links.reserve(2 * s_.walkedRelations + 2 * store_.relationCount());
        g.arcs.reserve(store_.relationCount());
        std::vector<char> symmetric(store_.typeCount());
        for (std::size_t t = 0; t < store_.typeCount(); ++t) symmetric[t] = store_.type(t).symmetric;
        std::vector<store::Row> linked(n, kNone), arrived(n, kNone);  // the last entity each was seen from
        for (store::Row a = 0; a < n; ++a) {
            const store::Vertex v = s_.measures[a].entity;
            EntityMeasures& m = s_.measures[a];
            const store::RowRange out = store_.outRelations(v), in = store_.inRelations(v);
            auto o = out.begin(), i = in.begin();
            while (o != out.end() || i != in.end()) {
                const bool leaving = i == in.end() || (o != out.end() && *o < *i);
                const store::Edge e = leaving ? *o++ : *i++;
                const store::Vertex other = leaving ? store_.to(e) : fromOf(e);
                const std::size_t type = store_.typeIndexOf(e);
                if (!filter_.allowsType(type) || index_[other] == kNone) continue;
                if (other == v) {  // a loop: once, as out and in, linking nothing
                    if (leaving) {
                        ++s_.walkedRelations;
                        ++m.relations;
                        ++m.out;
                        ++m.in;
                    }
                    continue;
                }
                ++m.relations;
                if (leaving) ++s_.walkedRelations;
                ++(leaving ? m.out : m.in);
                if (symmetric[type]) ++(leaving ? m.in : m.out);
                const store::Row b = index_[other];
                if (linked[b] != a) {
                    linked[b] = a;
                    g.links.push_back(b);
                }
                // An arc to v: a relation arriving, or a symmetric one leaving.
                if ((!leaving || symmetric[type]) && arrived[b] != a) {
                    arrived[b] = a;
                    g.arcs.push_back(b);
                    ++g.outArcs[b];
                }
            }
            g.linkStart[a + 1] = static_cast<store::Row>(g.links.size());
            g.arcStart[a + 1] = static_cast<store::Row>(g.arcs.size());
            m.neighbors = g.links.size() - g.linkStart[a];
        }
        return g;
    }

private:
    store::Vertex fromOf(store::Edge e) const { return from_.empty() ? store_.from(e) : from_[e]; }

    static constexpr store::Row kNone = store::kNoRow;
    const store::GraphStore& store_;
    const WalkFilter& filter_;
    GraphStatistics& s_;
    std::vector<store::Row> index_;  // entity -> walked entity, or kNone
    std::vector<store::Vertex> from_;
};

// Connected components by union-find over the links (path halving, the smaller tree under the
// larger); numbered largest first, then by first entity.
void numberComponents(const WalkedGraph& g, GraphStatistics& s) {
    const std::size_t n = s.measures.size();
    std::vector<store::Row> parent(n), weight(n, 1);
    std::iota(parent.begin(), parent.end(), store::Row{0});
    const auto find = [&](store::Row a) {
        while (parent[a] != a) a = parent[a] = parent[parent[a]];
        return a;
    };
    for (store::Row a = 0; a < n; ++a) {
        for (store::Row i = g.linkStart[a]; i < g.linkStart[a + 1]; ++i) {
            store::Row x = find(a), y = find(g.links[i]);
            if (x == y) continue;
            if (weight[x] < weight[y]) std::swap(x, y);
            parent[y] = x;
            weight[x] += weight[y];
        }
    }
    std::vector<std::size_t> componentOf(n), first(n, n);
    std::vector<std::size_t> size;
    for (store::Row a = 0; a < n; ++a) {
        const std::size_t root = find(a);
        if (first[root] == n) {
            first[root] = size.size();
            size.push_back(0);
        }
        componentOf[a] = first[root];
        ++size[first[root]];
    }
    // Components are numbered by their first entity: order them largest first.
    std::vector<std::size_t> order(size.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return size[a] > size[b]; });
    std::vector<std::size_t> renumbered(size.size());
    for (std::size_t c = 0; c < order.size(); ++c) renumbered[order[c]] = c;
    s.components.assign(size.size(), {});
    for (std::size_t c = 0; c < size.size(); ++c) s.components[renumbered[c]].reserve(size[c]);
    for (std::size_t a = 0; a < n; ++a) {
        s.measures[a].component = renumbered[componentOf[a]];
        s.components[s.measures[a].component].push_back(s.measures[a].entity);
    }
}

// Boost.Graph's page_rank on the arcs (damping 0.85, 100 iterations), as its bidirectional form
// computes it — each entity's rank the sum over the arcs arriving at it, in their order — with each
// entity's share of what it passes on worked out once per iteration instead of once per arc (the
// same division, so the same numbers); then normalized to shares that add up to 1.
void pageRank(const WalkedGraph& g, GraphStatistics& s) {
    constexpr double kDamping = 0.85;
    constexpr int kIterations = 100;
    const std::size_t n = s.measures.size();
    std::vector<double> rank(n, 1.0 / static_cast<double>(n)), next(n), share(n);
    // Each entity's sum depends on the shares alone: the entities are split between two threads
    // (the same numbers either way).
    const auto step = [&](std::size_t begin, std::size_t end) {
        for (std::size_t a = begin; a < end; ++a) {
            double sum = 0;
            for (store::Row i = g.arcStart[a]; i < g.arcStart[a + 1]; ++i) sum += share[g.arcs[i]];
            next[a] = (1 - kDamping) + kDamping * sum;
        }
    };
    const bool split = g.arcs.size() > 100'000;
    const std::size_t half = static_cast<std::size_t>(std::lower_bound(g.arcStart.begin(), g.arcStart.end(),
                                                                       static_cast<store::Row>(g.arcs.size() / 2)) -
                                                      g.arcStart.begin());
    for (int iteration = 0; iteration < kIterations; ++iteration) {
        for (std::size_t a = 0; a < n; ++a) share[a] = rank[a] / static_cast<double>(g.outArcs[a]);
        if (split) {
            std::thread other(step, std::min(half, n), n);
            step(0, std::min(half, n));
            other.join();
        } else {
            step(0, n);
        }
        rank.swap(next);
    }
    double total = 0;
    for (const double r : rank) total += r;
    for (std::size_t a = 0; a < n; ++a) s.measures[a].pageRank = rank[a] / total;
}

// Boost.Graph's brandes_betweenness_centrality on the links, as an undirected CSR graph.
void betweenness(const WalkedGraph& g, GraphStatistics& s) {
    using Undirected = boost::compressed_sparse_row_graph<boost::directedS>;
    const std::size_t n = s.measures.size();
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    for (std::size_t a = 0; a < n; ++a) {
        for (store::Row i = g.linkStart[a]; i < g.linkStart[a + 1]; ++i) edges.emplace_back(a, g.links[i]);
    }
    const Undirected graph(boost::edges_are_sorted, edges.begin(), edges.end(), n);
    std::vector<double> centrality(n, 0.0);
    boost::brandes_betweenness_centrality(
        graph, boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, graph)));
    // Each pair is counted from both ends of a directed view of the undirected links.
    for (std::size_t a = 0; a < n; ++a) s.measures[a].betweenness = centrality[a] / 2;
}

}  // namespace

StoreFootprint footprintOf(const store::GraphStore& store) {
    return {store.relationCount(), store.memoryBytes(), store.relationBytes()};
}

GraphStatistics graphStatistics(const store::GraphStore& store, const TraversalFilter& filter) {
    const WalkFilter walk(store, filter);
    GraphStatistics s;
    countWholeGraph(store, walk, s);
    s.footprint = footprintOf(store);
    Walk walked(store, walk, s);
    if (walked.size() == 0) return s;
    const WalkedGraph g = walked.measure();
    numberComponents(g, s);
    pageRank(g, s);
    s.betweennessMeasured = walked.size() * g.links.size() <= kExactBetweennessWork;
    if (s.betweennessMeasured) betweenness(g, s);
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
    const auto before = [&](const EntityMeasures& a, const EntityMeasures& b) {
        return value(a) != value(b) ? value(a) > value(b) : a.entity < b.entity;
    };
    const auto end = top.begin() + static_cast<std::ptrdiff_t>(std::min(k, top.size()));
    std::partial_sort(top.begin(), end, top.end(), before);
    top.erase(end, top.end());
    return top;
}

}  // namespace relgraph::query
