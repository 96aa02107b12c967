#include "relgraph/format/csv_output.hpp"

#include <fmt/format.h>

#include "relgraph/format/csv_table.hpp"
#include "relgraph/query/describe.hpp"

namespace relgraph::format {

namespace {

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
    return out;
}

std::string flag(bool b) { return b ? "true" : "false"; }

std::string claimIds(const store::GraphStore& store, store::Edge e) {
    std::vector<std::string> ids;
    for (const store::ClaimRef c : store.relation(e).claims()) ids.push_back(store.claim(c).id());
    return join(ids);
}

std::string entityIds(const store::GraphStore& store, const std::vector<store::Vertex>& entities) {
    std::vector<std::string> ids;
    for (const store::Vertex v : entities) ids.emplace_back(store.entity(v).id());
    return join(ids);
}

// Columns shared by every answer made of hops.
const std::vector<std::string> kHopColumns{"from_id",   "from",  "relation", "type",   "label",
                                           "direction", "to_id", "to",       "claims", "sources"};

std::vector<std::string> hopCells(const store::GraphStore& store, const query::Hop& hop) {
    const store::Vertex from = query::origin(store, hop), to = query::target(store, hop);
    const store::RelationView r = store.relation(hop.relation);
    return {std::string(store.entity(from).id()),
            std::string(store.entity(from).name()),
            r.id(),
            std::string(r.type()),
            store.typeOf(hop.relation).label,
            hop.forward ? "forward" : "backward",
            std::string(store.entity(to).id()),
            std::string(store.entity(to).name()),
            claimIds(store, hop.relation),
            query::sourcesLine(store, hop.relation)};
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// A path's hops, each followed by its parallel relations, after the `leading` cells.
void addPathRows(const store::GraphStore& store, CsvTable& table, const query::Path& path,
                 const std::vector<std::string>& leading) {
    for (std::size_t i = 0; i < path.hops.size(); ++i) {
        const std::vector<std::string> hop = concat(leading, {std::to_string(i + 1)});
        table.addRow(concat(concat(hop, {"false"}), hopCells(store, path.hops[i])));
        for (const query::Hop& parallel : path.parallel[i]) {
            table.addRow(concat(concat(hop, {"true"}), hopCells(store, parallel)));
        }
    }
}

// Columns shared by every answer made of claims.
const std::vector<std::string> kClaimColumns{
    "claim",        "relation",    "stance",           "date",    "by",    "via", "chain", "source",
    "source_label", "source_date", "republication_of", "summary", "values"};

std::vector<std::string> claimCells(const store::GraphStore& store, const query::Attribution& a) {
    const store::ClaimView c = store.claim(a.claim);
    return {c.id(),
            store.relation(c.relation()).id(),
            c.stance() == model::Stance::Denies ? "denies" : "asserts",
            std::string(c.date()),
            entityIds(store, a.originators),
            entityIds(store, a.intermediaries),
            query::chainLine(store, a),
            a.source ? std::string(store.source(*a.source).id()) : "",
            a.source ? query::sourceLabel(store, *a.source) : "",
            a.source ? std::string(store.source(*a.source).date()) : "",
            a.original ? std::string(store.source(*a.original).id()) : "",
            c.summary(),
            query::attributesLine(c.values().toMap())};
}

}  // namespace

std::string entityCsv(const store::GraphStore& store, const query::EntityReport& report) {
    CsvTable table(concat({"group"}, concat(kHopColumns, {"attributes"})));
    for (const query::RelationGroup& group : report.groups) {
        for (const query::Hop& hop : group.hops) {
            table.addRow(concat(concat({group.type}, hopCells(store, hop)),
                                {query::attributesLine(store.relation(hop.relation).attributes().toMap())}));
        }
    }
    return table.render();
}

std::string neighborhoodCsv(const store::GraphStore& store, const query::Neighborhood& n) {
    CsvTable table({"depth", "id", "name", "kind", "via"});
    for (const query::Neighbor& neighbor : n.neighbors) {
        std::vector<std::string> via;
        for (const query::Hop& hop : neighbor.via) via.push_back(store.relation(hop.relation).id());
        const store::EntityView e = store.entity(neighbor.entity);
        table.addRow({std::to_string(neighbor.depth), std::string(e.id()), std::string(e.name()), std::string(e.kind()),
                      join(via)});
    }
    return table.render();
}

std::string pathCsv(const store::GraphStore& store, const std::optional<query::Path>& path) {
    CsvTable table(concat({"hop", "parallel"}, kHopColumns));
    if (path) addPathRows(store, table, *path, {});
    return table.render();
}

std::string pathSetCsv(const store::GraphStore& store, const query::PathSet& paths) {
    CsvTable table(concat({"path", "length", "hop", "parallel"}, kHopColumns));
    for (std::size_t i = 0; i < paths.paths.size(); ++i) {
        const query::Path& path = paths.paths[i];
        addPathRows(store, table, path, {std::to_string(i + 1), std::to_string(path.hops.size())});
    }
    return table.render();
}

std::string attributionCsv(const store::GraphStore& store, const query::AttributionReport& report,
                           AttributionDetail detail) {
    if (detail == AttributionDetail::Originators) {
        CsvTable table({"party_id", "party", "kind", "claims", "sources", "independent_sources", "earliest_date"});
        for (const query::ReportingParty& p : report.parties) {
            table.addRow({std::string(p.entity ? store.entity(*p.entity).id() : store.source(*p.source).id()),
                          std::string(p.entity ? store.entity(*p.entity).name() : store.source(*p.source).title()),
                          std::string(p.entity ? store.entity(*p.entity).kind() : "source"), std::to_string(p.claims),
                          std::to_string(p.sources.size()), std::to_string(p.independentSources), p.earliestDate});
        }
        return table.render();
    }
    CsvTable table(kClaimColumns);
    for (const query::Attribution& a : report.attributions) table.addRow(claimCells(store, a));
    return table.render();
}

std::string reportedByCsv(const store::GraphStore& store, const query::ReportedBy& reported) {
    CsvTable table(concat({"role"}, kClaimColumns));
    for (const query::ReportedClaim& c : reported.claims) {
        table.addRow(concat({query::roleName(c.role)}, claimCells(store, c.attribution)));
    }
    return table.render();
}

std::string conflictCsv(const store::GraphStore& store, const std::vector<query::Conflict>& conflicts) {
    CsvTable table(concat(
        {"conflict", "attribute", "kind", "lowest", "highest", "independent_sources", "value", "value_independent_sources"},
        kClaimColumns));
    for (std::size_t i = 0; i < conflicts.size(); ++i) {
        const query::Conflict& c = conflicts[i];
        for (const query::ConflictingValue& v : c.values) {
            for (const query::Attribution& a : v.claims) {
                table.addRow(concat({std::to_string(i + 1), c.attribute,
                                     c.kind == query::ConflictKind::Change ? "change" : "disagreement",
                                     model::toDisplayString(c.lowest),
                                     model::toDisplayString(c.highest), std::to_string(c.independentSources),
                                     model::toDisplayString(v.value), std::to_string(v.independentSources)},
                                    claimCells(store, a)));
            }
        }
    }
    return table.render();
}

std::string subgraphCsv(const store::GraphStore& store, const query::Subgraph& subgraph) {
    CsvTable table(concat(kHopColumns, {"symmetric"}));
    for (const store::Edge e : subgraph.relations) {
        table.addRow(concat(hopCells(store, {e, true}), {flag(store.typeOf(e).symmetric)}));
    }
    return table.render();
}

std::string statisticsCsv(const store::GraphStore& store, const query::GraphStatistics& statistics) {
    CsvTable table(
        {"id", "name", "kind", "relations", "out", "in", "neighbors", "component", "pagerank", "betweenness"});
    for (const query::EntityMeasures& m : statistics.measures) {
        const store::EntityView e = store.entity(m.entity);
        table.addRow({std::string(e.id()), std::string(e.name()), std::string(e.kind()), std::to_string(m.relations), std::to_string(m.out), std::to_string(m.in),
                      std::to_string(m.neighbors), std::to_string(m.component + 1), fmt::format("{:.6f}", m.pageRank),
                      fmt::format("{:.6f}", m.betweenness)});
    }
    return table.render();
}

}  // namespace relgraph::format

namespace relgraph::format {

std::string searchCsv(const store::GraphStore& store, const query::SearchResult& result) {
    CsvTable table({"rank", "kind", "id", "title", "score", "field", "snippet", "chain", "date"});
    for (std::size_t i = 0; i < result.hits.size(); ++i) {
        const query::SearchHit& hit = result.hits[i];
        const std::string chain = hit.kind == store::SearchDocKind::Claim
                                      ? query::chainLine(store, query::attributionOf(store, hit.row))
                                      : std::string();
        table.addRow({std::to_string(i + 1), std::string(query::searchKindName(hit.kind)), query::searchHitId(store, hit),
                      query::searchHitTitle(store, hit), fmt::format("{:.3f}", hit.score), std::string(hit.field),
                      hit.snippet, chain, std::string(query::searchHitDate(store, hit))});
    }
    return table.render();
}

}  // namespace relgraph::format

namespace relgraph::format {

std::string schemaCsv(const store::GraphStore& store, const query::SchemaReport& report) {
    const auto declarations = [](const model::AttributeDeclarations& attributes) {
        std::vector<std::string> parts;
        for (const auto& [name, type] : attributes) parts.push_back(name + ":" + std::string(model::toString(type)));
        return join(parts);
    };
    const auto ends = [](const std::vector<std::string>& kinds, bool any) { return any ? std::string("*") : join(kinds); };
    CsvTable table({"record", "name", "label", "count", "from", "to", "attributes", "symmetric", "attribution"});
    for (std::size_t k = 0; k < store.kindCount(); ++k) {
        const model::EntityKind& kind = store.kind(k);
        table.addRow({"kind", kind.name, kind.label, std::to_string(report.entitiesOfKind[k]), "", "",
                      declarations(kind.attributes), "", ""});
    }
    for (std::size_t t = 0; t < store.typeCount(); ++t) {
        const model::RelationType& type = store.type(t);
        table.addRow({"type", type.name, type.label, std::to_string(report.relationsOfType[t]), ends(type.from, type.anyFrom),
                      ends(type.to, type.anyTo), declarations(type.attributes), flag(type.symmetric), flag(type.attribution)});
    }
    return table.render();
}

}  // namespace relgraph::format

namespace relgraph::format {

std::string timelineCsv(const store::GraphStore& store, const std::vector<query::TimelineEvent>& events) {
    CsvTable table({"date", "what", "relation", "about", "claim", "summary", "values", "chain"});
    for (const query::TimelineEvent& ev : events) {
        std::string claim, summary, values, chain;
        if (ev.claim) {
            const store::ClaimView c = store.claim(*ev.claim);
            claim = c.id();
            summary = c.summary();
            values = query::attributesLine(c.values().toMap());
            chain = query::chainLine(store, query::attributionOf(store, *ev.claim));
        } else {
            values = query::attributesLine(store.relation(ev.relation).attributes().toMap());
        }
        table.addRow({ev.date, ev.what, store.relation(ev.relation).id(), query::relationSentence(store, ev.relation),
                      claim, summary, values, chain});
    }
    return table.render();
}

}  // namespace relgraph::format
