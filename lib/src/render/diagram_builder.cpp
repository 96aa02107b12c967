#include "relgraph/render/diagram_builder.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

#include "relgraph/common/text.hpp"
#include "relgraph/query/describe.hpp"

namespace relgraph::render {

namespace {

// Synthetic edge types of attribution drawings; not schema types (identifiers cannot hold ':').
constexpr const char* kChain = "relgraph:chain";
constexpr const char* kRepublished = "relgraph:republished";
constexpr const char* kStates = "relgraph:states";
constexpr std::size_t kClaimsInTooltip = 5;

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : separator) + p;
    return out;
}

class Builder {
public:
    Builder(const store::GraphStore& store, std::string id, std::string title, const DiagramOptions& options)
        : store_(store), options_(options) {
        diagram_.id = std::move(id);
        diagram_.title = std::move(title);
    }

    std::string entity(store::Vertex v, bool emphasized = false, bool dimmed = false) {
        const store::EntityView e = store_.entity(v);
        const std::string id(e.id()), name(e.name());
        std::string tooltip = name + " (" + store_.kindOf(v).label + ")";
        if (!e.aliases().empty()) tooltip += "\nalso: " + join(e.aliases().toStrings(), ", ");
        if (!e.description().empty()) tooltip += "\n" + std::string(e.description());
        DiagramNode node{id, name, name, std::string(e.kind()), NodeRole::Entity, emphasized, dimmed, tooltip, id, {}};
        addNode(std::move(node));
        return id;
    }

    // Parallel relations of one type between the same two entities are drawn as one edge
    // labelled "sent workers to (×2)".
    void relation(store::Edge e, bool emphasized = false, bool dimmed = false) {
        const store::RelationView r = store_.relation(e);
        const model::RelationType& type = store_.typeOf(e);
        const std::string from = entity(r.from(), false, dimmed);
        const std::string to = entity(r.to(), false, dimmed);
        const auto [it, first] = parallel_.try_emplace(from + "\n" + to + "\n" + type.name, diagram_.edges.size(), 0);
        const bool newRelation = drawnRelations_.insert(e).second;
        if (!first) {
            DiagramEdge& edge = diagram_.edges[it->second.first];
            edge.emphasized = edge.emphasized || emphasized;
            edge.dimmed = edge.dimmed && dimmed;
            if (newRelation) {
                ++it->second.second;
                edge.label = fmt::format("{} (\u00D7{})", type.label, it->second.second);
                edge.tooltip += "\n\n" + relationTooltip(e);
            }
            return;
        }
        it->second.second = 1;
        addEdge({r.id(), from, to, type.label, type.name, !type.symmetric, emphasized, dimmed, type.attribution,
                 relationTooltip(e)});
    }

    // A relation drawn as a node between its endpoints, for drawings whose arrows point at it.
    std::string relationNode(store::Edge e) {
        const store::RelationView r = store_.relation(e);
        const model::RelationType& type = store_.typeOf(e);
        const std::string node = "relation." + r.id();
        addNode({node, query::relationSentence(store_, e) + " [" + r.id() + "]", type.label, "relation",
                 NodeRole::Relation, true, false, relationTooltip(e), {}, {}});
        addEdge({node + ".from", entity(r.from()), node, "", type.name, true, true, false, false, {}});
        addEdge({node + ".to", node, entity(r.to()), "", type.name, !type.symmetric, true, false, false, {}});
        return node;
    }

    // originators → intermediaries → source → `target`, and the source's republication line.
    void chain(const query::Attribution& a, const std::string& target, const std::string& lastLabel) {
        if (!a.source) return;
        std::vector<std::string> steps;
        for (const store::Vertex v : a.intermediaries) steps.push_back(entity(v));
        steps.push_back(sourceNode(*a.source));
        for (const store::Vertex v : a.originators) {
            const std::string origin = entity(v);
            addEdge({fmt::format("said.{}.{}", origin, steps.front()), origin, steps.front(), "", kChain, true, false,
                     false, true, {}});
        }
        for (std::size_t i = 0; i + 1 < steps.size(); ++i) {
            addEdge({fmt::format("said.{}.{}", steps[i], steps[i + 1]), steps[i], steps[i + 1], "", kChain, true,
                     false, false, true, {}});
        }
        addEdge({fmt::format("reports.{}.{}", steps.back(), target), steps.back(), target, lastLabel, kChain, true,
                 false, false, true, {}});
        for (store::SourceRef s = *a.source; const auto original = store_.source(s).republishes();) {
            const std::string from = sourceNode(*original), to = sourceNode(s);
            addEdge({fmt::format("republished.{}.{}", from, to), from, to, "republished as", kRepublished, true, false,
                     false, true, {}});
            s = *original;
        }
    }

    void addNode(DiagramNode node) {
        const auto it = nodeIndex_.find(node.id);
        if (it == nodeIndex_.end()) {
            nodeIndex_.emplace(node.id, diagram_.nodes.size());
            diagram_.nodes.push_back(std::move(node));
            return;
        }
        DiagramNode& existing = diagram_.nodes[it->second];
        existing.emphasized = existing.emphasized || node.emphasized;
        existing.dimmed = existing.dimmed && node.dimmed;
    }

    void addEdge(DiagramEdge edge) {
        if (edgeIds_.insert(edge.id).second) diagram_.edges.push_back(std::move(edge));
    }

    Diagram finish(std::string description) {
        diagram_.description = std::move(description);
        limit();
        cluster();
        uniqueTitles();
        legend();
        // Canonical order: Graphviz layouts depend on insertion order.
        std::sort(diagram_.nodes.begin(), diagram_.nodes.end(),
                  [](const DiagramNode& a, const DiagramNode& b) { return a.id < b.id; });
        std::sort(diagram_.edges.begin(), diagram_.edges.end(),
                  [](const DiagramEdge& a, const DiagramEdge& b) { return a.id < b.id; });
        return std::move(diagram_);
    }

private:
    std::string sourceNode(store::SourceRef ref) {
        const store::SourceView s = store_.source(ref);
        const std::string id(s.id());
        const std::string node = "source." + id;
        std::string tooltip(s.title());
        if (!s.authors().empty()) tooltip += "\nby " + join(s.authors().toStrings(), ", ");
        if (const auto original = s.republishes()) tooltip += "\nrepublishes " + std::string(store_.source(*original).id());
        addNode({node, "source: " + query::sourceLabel(store_, ref) + " [" + id + "]", query::sourceLabel(store_, ref),
                 "source", NodeRole::Source, false, false, tooltip, {}, {}});
        return node;
    }

    std::string relationTooltip(store::Edge e) const {
        const store::RelationView r = store_.relation(e);
        std::string out = query::relationSentence(store_, e);
        const std::string attributes = query::attributesLine(r.attributes().toMap());
        if (!attributes.empty()) out += "\n" + attributes;
        const store::RowRange claims = r.claims();
        for (std::size_t i = 0; i < claims.size() && i < kClaimsInTooltip; ++i) {
            const query::Attribution a = query::attributionOf(store_, claims[i]);
            out += "\n\u2022 " + join(query::chainNames(store_, a), " \u2192 ");
            if (a.source && !store_.source(*a.source).date().empty()) {
                out += " (" + std::string(store_.source(*a.source).date()) + ")";
            }
            out += ": " + store_.claim(claims[i]).summary();
        }
        if (claims.size() > kClaimsInTooltip) out += fmt::format("\n… {} more claims", claims.size() - kClaimsInTooltip);
        return out;
    }

    // Keeps the emphasized entities and the best connected others, up to maxNodes entities.
    void limit() {
        std::vector<const DiagramNode*> entities;
        for (const DiagramNode& n : diagram_.nodes) {
            if (n.role == NodeRole::Entity) entities.push_back(&n);
        }
        if (options_.maxNodes == 0 || entities.size() <= options_.maxNodes) return;
        std::map<std::string, std::size_t> degree;
        for (const DiagramEdge& e : diagram_.edges) {
            ++degree[e.from];
            ++degree[e.to];
        }
        std::stable_sort(entities.begin(), entities.end(), [&](const DiagramNode* a, const DiagramNode* b) {
            if (a->emphasized != b->emphasized) return a->emphasized;
            if (degree[a->id] != degree[b->id]) return degree[a->id] > degree[b->id];
            return a->id < b->id;
        });
        std::set<std::string> dropped;
        for (std::size_t i = options_.maxNodes; i < entities.size(); ++i) {
            if (!entities[i]->emphasized) dropped.insert(entities[i]->id);
        }
        const std::size_t edgesBefore = diagram_.edges.size();
        std::erase_if(diagram_.edges,
                      [&](const DiagramEdge& e) { return dropped.count(e.from) > 0 || dropped.count(e.to) > 0; });
        std::erase_if(diagram_.nodes, [&](const DiagramNode& n) { return dropped.count(n.id) > 0; });
        diagram_.omitted = fmt::format("{} less connected entit{} and {} relation{} not shown (--max-nodes {})",
                                       dropped.size(), dropped.size() == 1 ? "y" : "ies",
                                       edgesBefore - diagram_.edges.size(),
                                       edgesBefore - diagram_.edges.size() == 1 ? "" : "s", options_.maxNodes);
    }

    void cluster() {
        if (options_.cluster == ClusterMode::None) return;
        std::map<std::string, std::string> clusters;  // id -> label
        for (DiagramNode& n : diagram_.nodes) {
            if (n.role != NodeRole::Entity) continue;
            if (options_.cluster == ClusterMode::Kind) {
                n.cluster = "kind-" + n.kind;
                clusters.emplace(n.cluster, store_.schema().findKind(n.kind)->label);
                continue;
            }
            const store::Vertex v = *store_.findEntityById(n.entityId);
            const auto type = store_.findType(options_.clusterType);
            for (const store::Edge e : store_.outRelations(v)) {
                if (!type || store_.typeIndexOf(e) != *type) continue;
                const store::EntityView group = store_.entity(store_.to(e));
                n.cluster = "in-" + std::string(group.id());
                clusters.emplace(n.cluster, group.name());
                break;
            }
        }
        // An entity that others are grouped under is drawn inside its own group.
        for (DiagramNode& n : diagram_.nodes) {
            if (n.role == NodeRole::Entity && n.cluster.empty() && clusters.count("in-" + n.id)) n.cluster = "in-" + n.id;
        }
        for (const auto& [id, label] : clusters) diagram_.clusters.push_back({id, label});
    }

    // Titles name nodes in the SVG; entity names are unique, other nodes carry their id.
    void uniqueTitles() {
        std::map<std::string, int> seen;
        for (DiagramNode& n : diagram_.nodes) {
            if (++seen[n.title] > 1) n.title += " [" + n.id + "]";
        }
    }

    void legend() {
        std::set<std::string> kinds, types;
        for (const DiagramNode& n : diagram_.nodes) {
            if (n.role == NodeRole::Entity) kinds.insert(n.kind);
        }
        for (const DiagramEdge& e : diagram_.edges) {
            if (store_.schema().findType(e.type)) types.insert(e.type);
        }
        for (const std::string& k : kinds) diagram_.legend.push_back({false, k, store_.schema().findKind(k)->label});
        for (const std::string& t : types) diagram_.legend.push_back({true, t, store_.schema().findType(t)->label});
    }

    const store::GraphStore& store_;
    const DiagramOptions& options_;
    Diagram diagram_;
    std::map<std::string, std::size_t> nodeIndex_;
    std::set<std::string> edgeIds_;
    std::map<std::string, std::pair<std::size_t, int>> parallel_;  // from/to/type -> (edge index, count)
    std::set<store::Edge> drawnRelations_;
};

std::string plural(std::size_t n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); }

}  // namespace

Diagram neighborhoodDiagram(const store::GraphStore& store, const query::Neighborhood& n, int depth,
                            const DiagramOptions& options) {
    const store::EntityView center = store.entity(n.center);
    Builder b(store, "neighborhood-" + std::string(center.id()),
              fmt::format("{} and its neighbours within {} hop{}", center.name(), depth, depth == 1 ? "" : "s"), options);
    b.entity(n.center, true);
    for (const query::Neighbor& neighbor : n.neighbors) b.entity(neighbor.entity);
    for (const store::Edge e : n.relations) b.relation(e);
    return b.finish(fmt::format("{} entities within {} of {}, and {} among them.", n.neighbors.size(),
                                plural(static_cast<std::size_t>(depth), "hop", "hops"), center.name(),
                                plural(n.relations.size(), "relation", "relations")));
}

Diagram pathDiagram(const store::GraphStore& store, const query::Path& path, bool context,
                    const query::TraversalFilter& filter, const DiagramOptions& options) {
    const store::EntityView from = store.entity(path.entities.front());
    const store::EntityView to = store.entity(path.entities.back());
    Builder b(store, fmt::format("path-{}-{}", from.id(), to.id()),
              fmt::format("How {} connects to {}", from.name(), to.name()), options);
    for (const store::Vertex v : path.entities) b.entity(v, true);
    for (const query::Hop& hop : path.hops) b.relation(hop.relation, true);
    for (const auto& others : path.parallel) {
        for (const query::Hop& hop : others) b.relation(hop.relation, true);
    }
    if (context) {
        for (const store::Vertex v : path.entities) {
            for (const query::Hop& hop : query::hopsFrom(store, v, query::Direction::Both, filter)) {
                b.relation(hop.relation, false, true);
            }
        }
    }
    std::vector<std::string> names;
    for (const store::Vertex v : path.entities) names.emplace_back(store.entity(v).name());
    return b.finish(fmt::format("A shortest path of {}: {}.", plural(path.hops.size(), "hop", "hops"),
                                join(names, ", then ")));
}

Diagram pathSetDiagram(const store::GraphStore& store, const query::PathSet& paths, store::Vertex from,
                       store::Vertex to, const DiagramOptions& options) {
    const store::EntityView a = store.entity(from);
    const store::EntityView z = store.entity(to);
    const char* what = paths.kind == query::PathSetKind::AllShortest ? "shortest"
                       : paths.kind == query::PathSetKind::KShortest ? "shortest simple"
                                                                      : "simple";
    Builder b(store, fmt::format("paths-{}-{}", a.id(), z.id()),
              fmt::format("{} {} path{} from {} to {}", paths.paths.size(), what, paths.paths.size() == 1 ? "" : "s",
                          a.name(), z.name()),
              options);
    b.entity(from, true);
    b.entity(to, true);
    for (const query::Path& path : paths.paths) {
        for (const query::Hop& hop : path.hops) b.relation(hop.relation);
        for (const auto& others : path.parallel) {
            for (const query::Hop& hop : others) b.relation(hop.relation);
        }
    }
    Diagram d = b.finish(fmt::format("The union of {} {} between {} and {}.", plural(paths.paths.size(), "path", "paths"),
                                     what, a.name(), z.name()));
    if (paths.stoppedBy != query::PathLimit::None) {
        d.omitted = (d.omitted.empty() ? "" : d.omitted + "; ") +
                    std::string("the search stopped at a limit: more paths exist");
    }
    return d;
}

Diagram subgraphDiagram(const store::GraphStore& store, const query::Subgraph& subgraph, const DiagramOptions& options) {
    std::vector<std::string> names;
    for (const store::Vertex v : subgraph.terminals) names.emplace_back(store.entity(v).name());
    const bool connecting = subgraph.kind == query::SubgraphKind::Connecting;
    std::string id = connecting ? "connecting" : "subgraph";
    for (const store::Vertex v : subgraph.terminals) id += "-" + std::string(store.entity(v).id());
    Builder b(store, id, (connecting ? "How these connect: " : "Among ") + join(names, ", "), options);
    for (const store::Vertex v : subgraph.terminals) b.entity(v, true);
    for (const store::Vertex v : subgraph.entities) b.entity(v);
    for (const store::Edge e : subgraph.relations) b.relation(e);
    std::vector<std::string> apart;
    for (const query::Connection& c : subgraph.connections) {
        if (!c.length) apart.push_back(fmt::format("{} and {}", store.entity(c.from).name(), store.entity(c.to).name()));
    }
    Diagram d = b.finish(fmt::format("{} and {}.", plural(subgraph.entities.size(), "entity", "entities"),
                                     plural(subgraph.relations.size(), "relation", "relations")));
    if (!apart.empty()) d.omitted = "not connected: " + join(apart, "; ");
    return d;
}

Diagram reportedByDiagram(const store::GraphStore& store, const query::ReportedBy& reported,
                          const DiagramOptions& options) {
    const store::EntityView party = store.entity(reported.party);
    Builder b(store, "reported-by-" + std::string(party.id()), fmt::format("What {} reported", party.name()), options);
    b.entity(reported.party, true);
    for (const store::Edge e : reported.relations) b.relationNode(e);
    for (const query::ReportedClaim& c : reported.claims) {
        b.chain(c.attribution, "relation." + store.relation(store.relationOfClaim(c.attribution.claim)).id(), "reported");
    }
    return b.finish(fmt::format("{} about {} that {} originated, passed on or published.",
                                plural(reported.claims.size(), "claim", "claims"),
                                plural(reported.relations.size(), "relation", "relations"), party.name()));
}

Diagram attributionDiagram(const store::GraphStore& store, const query::AttributionReport& report,
                           const std::string& id, const std::string& title, const DiagramOptions& options) {
    Builder b(store, id, title, options);
    for (const store::Edge e : report.relations) b.relationNode(e);
    for (const query::Attribution& a : report.attributions) {
        b.chain(a, "relation." + store.relation(store.relationOfClaim(a.claim)).id(), "reported");
    }
    return b.finish(fmt::format("{} and {} by {}, each traced from its originators through intermediaries to the "
                                "source that carries it.",
                                plural(report.relations.size(), "relation", "relations"),
                                plural(report.attributions.size(), "claim", "claims"),
                                plural(report.parties.size(), "reporting party", "reporting parties")));
}

Diagram conflictDiagram(const store::GraphStore& store, const std::vector<query::Conflict>& conflicts,
                        const std::string& id, const std::string& title, const DiagramOptions& options) {
    Builder b(store, id, title, options);
    for (const query::Conflict& c : conflicts) {
        const std::string relation = b.relationNode(c.relation);
        for (std::size_t i = 0; i < c.values.size(); ++i) {
            const std::string value = fmt::format("value.{}.{}.{}", store.relation(c.relation).id(), c.attribute, i);
            const std::string shown = c.attribute + ": " + model::toDisplayString(c.values[i].value);
            b.addNode({value, shown + " [" + store.relation(c.relation).id() + "]", shown, "value", NodeRole::Value,
                       false, false, fmt::format("{} claim{} state this", c.values[i].claims.size(),
                                                 c.values[i].claims.size() == 1 ? "" : "s"),
                       {}, {}});
            b.addEdge({value + ".of", relation, value, "", kStates, true, false, false, true, {}});
            for (const query::Attribution& a : c.values[i].claims) b.chain(a, value, "states");
        }
    }
    return b.finish(fmt::format("{} on which sources disagree, each value with the chains of the claims stating it.",
                                plural(conflicts.size(), "figure or date", "figures or dates")));
}

Diagram graphDiagram(const store::GraphStore& store, const query::TraversalFilter& filter,
                     const DiagramOptions& options) {
    const bool filtered =
        !filter.types.empty() || !filter.avoidTypes.empty() || !filter.kinds.empty() || !filter.avoidKinds.empty();
    Builder b(store, "graph", filtered ? "Part of the graph" : "The whole graph", options);
    const bool typed = !filter.types.empty() || !filter.avoidTypes.empty();
    for (store::Vertex v = 0; v < store.entityCount(); ++v) {
        if (!typed && filter.allowsEntity(store, v)) b.entity(v);
    }
    std::size_t drawn = 0;
    for (store::Edge e = 0; e < store.relationCount(); ++e) {
        if (!filter.allows(store, e) || !filter.allowsEntity(store, store.from(e)) ||
            !filter.allowsEntity(store, store.to(e))) {
            continue;
        }
        b.relation(e);
        ++drawn;
    }
    return b.finish(fmt::format("{} of the graph{}.", plural(drawn, "relation", "relations"),
                                filtered ? " matching the filters" : ""));
}

}  // namespace relgraph::render
