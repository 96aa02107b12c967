#include "relgraph/render/diagram_builder.hpp"

#include "relgraph/query/describe.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

namespace relgraph::render {

namespace {

class Builder {
public:
    Builder(const store::GraphStore& store, std::string id, std::string title) : store_(store) {
        diagram_.id = std::move(id);
        diagram_.title = std::move(title);
    }

    const std::string& entity(store::Vertex v, bool emphasized = false) {
        const model::Entity& e = store_.entity(v);
        addNode({e.id, e.name, e.kind, NodeRole::Entity, emphasized});
        return e.id;
    }

    // Parallel relations of one type between the same two entities are drawn as one edge
    // labelled "sent workers to (×2)".
    void relation(store::Edge e, bool emphasized = false) {
        const store::Graph& g = store_.graph();
        const model::Relation& r = store_.relation(e);
        const model::RelationType& type = store_.typeOf(e);
        const std::string& from = entity(boost::source(e, g));
        const std::string& to = entity(boost::target(e, g));
        const auto [it, first] = parallel_.try_emplace(from + "\n" + to + "\n" + r.type, diagram_.edges.size(), 0);
        ++it->second.second;
        if (!first) {
            DiagramEdge& edge = diagram_.edges[it->second.first];
            edge.label = fmt::format("{} (\u00D7{})", type.label, it->second.second);
            edge.emphasized = edge.emphasized || emphasized;
            return;
        }
        addEdge({r.id, from, to, type.label, r.type, !type.symmetric, emphasized, type.attribution});
    }

    void addNode(DiagramNode node) {
        if (nodeIds_.insert(node.id).second) diagram_.nodes.push_back(std::move(node));
        else if (node.emphasized) {
            for (DiagramNode& n : diagram_.nodes) n.emphasized = n.emphasized || n.id == node.id;
        }
    }

    void addEdge(DiagramEdge edge) {
        if (edgeIds_.insert(edge.id).second) diagram_.edges.push_back(std::move(edge));
    }

    // Canonical order: Graphviz layouts depend on insertion order.
    Diagram finish() {
        std::sort(diagram_.nodes.begin(), diagram_.nodes.end(),
                  [](const DiagramNode& a, const DiagramNode& b) { return a.id < b.id; });
        std::sort(diagram_.edges.begin(), diagram_.edges.end(),
                  [](const DiagramEdge& a, const DiagramEdge& b) { return a.id < b.id; });
        return std::move(diagram_);
    }

private:
    const store::GraphStore& store_;
    Diagram diagram_;
    std::set<std::string> nodeIds_;
    std::set<std::string> edgeIds_;
    std::map<std::string, std::pair<std::size_t, int>> parallel_;  // from/to/type -> (edge index, count)
};

}  // namespace

Diagram neighborhoodDiagram(const store::GraphStore& store, const query::Neighborhood& n, int depth) {
    const model::Entity& center = store.entity(n.center);
    Builder b(store, "neighborhood-" + center.id,
              fmt::format("{} and its neighbours within {} hop{}", center.name, depth, depth == 1 ? "" : "s"));
    b.entity(n.center, true);
    for (const query::Neighbor& neighbor : n.neighbors) b.entity(neighbor.entity);
    for (const store::Edge e : n.relations) b.relation(e);
    return b.finish();
}

Diagram pathDiagram(const store::GraphStore& store, const query::Path& path) {
    const model::Entity& from = store.entity(path.entities.front());
    const model::Entity& to = store.entity(path.entities.back());
    Builder b(store, fmt::format("path-{}-{}", from.id, to.id),
              fmt::format("How {} connects to {}", from.name, to.name));
    for (const store::Vertex v : path.entities) b.entity(v, true);
    for (const query::Hop& hop : path.hops) b.relation(hop.relation, true);
    return b.finish();
}

Diagram attributionDiagram(const store::GraphStore& store, const query::AttributionReport& report,
                           const std::string& id, const std::string& title) {
    Builder b(store, id, title);
    const store::Graph& g = store.graph();
    auto sourceNode = [&](const model::Source& s) {
        const std::string node = "source." + s.id;
        b.addNode({node, query::sourceLabel(store, s), "source", NodeRole::Source, false});
        return node;
    };
    for (const store::Edge e : report.relations) {
        const model::Relation& r = store.relation(e);
        const std::string node = "relation." + r.id;
        const model::RelationType& type = store.typeOf(e);
        b.addNode({node, type.label, "relation", NodeRole::Relation, true});
        b.addEdge({node + ".from", b.entity(boost::source(e, g)), node, "", r.type, true, true, false});
        b.addEdge({node + ".to", node, b.entity(boost::target(e, g)), "", r.type, !type.symmetric, true, false});
    }
    for (const query::Attribution& a : report.attributions) {
        if (!a.source) continue;
        const std::string claimTarget = "relation." + store.relation(a.claim.relation).id;
        std::vector<std::string> steps;
        for (const store::Vertex v : a.originators) steps.push_back(b.entity(v));
        std::vector<std::string> chain;
        for (const store::Vertex v : a.intermediaries) chain.push_back(b.entity(v));
        chain.push_back(sourceNode(*a.source));
        // Every originator hands the claim to the first intermediary (or the source).
        for (const std::string& origin : steps) {
            b.addEdge({fmt::format("said.{}.{}", origin, chain.front()), origin, chain.front(), "", "reported", true,
                       false, true});
        }
        for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
            b.addEdge({fmt::format("said.{}.{}", chain[i], chain[i + 1]), chain[i], chain[i + 1], "", "reported",
                       true, false, true});
        }
        b.addEdge({fmt::format("reports.{}.{}", chain.back(), claimTarget), chain.back(), claimTarget, "reported",
                   "reported", true, false, true});
        for (const model::Source* s = a.source; s && !s->republishes.empty();) {
            const model::Source* original = store.findSource(s->republishes);
            if (!original) break;
            const std::string from = sourceNode(*original), to = sourceNode(*s);
            b.addEdge({fmt::format("republished.{}.{}", from, to), from, to, "republished as", "republished", true,
                       false, true});
            s = original;
        }
    }
    return b.finish();
}

}  // namespace relgraph::render
