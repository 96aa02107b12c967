#include "relgraph/format/table_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "relgraph/common/text.hpp"
#include "relgraph/format/text_table.hpp"
#include "relgraph/query/describe.hpp"

namespace relgraph::format {

namespace {

std::string safe(std::string_view s) { return text::terminalSafe(s); }

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : separator) + p;
    return out;
}

// "1 entity", "3 entities".
std::string storageLine(const query::StoreFootprint& f) {
    return fmt::format("Store: {} bytes, {:.1f} bytes per relation ({:.1f} in the relation columns)\n",
                       text::groupThousands(static_cast<long long>(f.bytes)), f.bytesPerRelation(),
                       f.relations ? static_cast<double>(f.relationBytes) / static_cast<double>(f.relations) : 0.0);
}

std::string count(std::size_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// A claim as an indented block: chain, source, date and summary, values.
std::string claimBlock(const store::GraphStore& store, const query::Attribution& a, std::size_t number,
                       bool showRelation, std::string_view role = {}) {
    const store::ClaimView c = store.claim(a.claim);
    std::string out = fmt::format("  [{}] {}{}{}\n", number, safe(query::chainLine(store, a)),
                                  c.stance() == model::Stance::Denies ? "  (denies)" : "",
                                  role.empty() ? "" : fmt::format("  ({})", role));
    if (showRelation) out += fmt::format("      about:   {}\n", safe(query::relationSentence(store, c.relation())));
    if (a.source) {
        const store::SourceView s = store.source(*a.source);
        out += "      source:  " + safe(query::sourceLabel(store, *a.source));
        if (s.publisher()) out += " \xE2\x80\x94 " + safe(s.title());
        if (a.original) out += fmt::format(" (republication of {})", safe(query::sourceLabel(store, *a.original)));
        out += '\n';
    }
    const std::string_view date = c.date();
    out += fmt::format("      claim:   {}{}  [{}]\n", date.empty() ? "" : std::string(date) + ": ", safe(c.summary()), c.id());
    const std::string values = query::attributesLine(c.values().toMap());
    if (!values.empty()) out += fmt::format("      values:  {}\n", safe(values));
    return out;
}

// A path's hops as a table; each hop's parallel relations follow it on rows of their own.
std::string hopTable(const store::GraphStore& store, const query::Path& path) {
    TextTable table({"#", "from", "relation", "to", "sources"});
    for (std::size_t i = 0; i < path.hops.size(); ++i) {
        const query::Hop& hop = path.hops[i];
        table.addRow({std::to_string(i + 1), std::string(store.entity(path.entities[i]).name()), query::hopLabel(store, hop),
                      std::string(store.entity(path.entities[i + 1]).name()), query::sourcesLine(store, hop.relation)});
        for (const query::Hop& parallel : path.parallel[i]) {
            table.addRow({"", "", query::hopLabel(store, parallel), "", query::sourcesLine(store, parallel.relation)});
        }
    }
    return table.render(2);
}

std::string entityNames(const store::GraphStore& store, const std::vector<store::Vertex>& entities,
                        const std::string& separator) {
    std::vector<std::string> names;
    for (const store::Vertex v : entities) names.emplace_back(store.entity(v).name());
    return join(names, separator);
}

std::string partyName(const store::GraphStore& store, const query::ReportingParty& p) {
    return std::string(p.entity ? store.entity(*p.entity).name() : store.source(*p.source).title());
}

}  // namespace

std::string entityTable(const store::GraphStore& store, const query::EntityReport& report) {
    const store::EntityView e = store.entity(report.entity);
    std::string out = fmt::format("{}  ({})\n", safe(e.name()), e.id());
    out += fmt::format("  kind:        {}\n", safe(store.kindOf(report.entity).label));
    if (!e.aliases().empty()) out += fmt::format("  aliases:     {}\n", safe(join(e.aliases().toStrings(), ", ")));
    if (!e.description().empty()) out += fmt::format("  description: {}\n", safe(e.description()));
    if (!e.attributes().empty()) {
        out += fmt::format("  attributes:  {}\n", safe(query::attributesLine(e.attributes().toMap())));
    }
    for (const query::RelationGroup& group : report.groups) {
        out += fmt::format("\n{} ({})\n", safe(store.schema().findType(group.type)->label), group.hops.size());
        TextTable table({"direction", "entity", "relation", "details", "reported by"});
        for (const query::Hop& hop : group.hops) {
            const store::Vertex other = query::target(store, hop);
            table.addRow({query::hopLabel(store, hop), std::string(store.entity(other).name()),
                          store.relation(hop.relation).id(),
                          query::attributesLine(store.relation(hop.relation).attributes().toMap()),
                          query::chainsLine(store, hop.relation)});
        }
        out += table.render(2);
    }
    if (!report.claimsMade.empty()) {
        out += fmt::format("\nclaims made or passed on ({})\n", report.claimsMade.size());
        TextTable table({"claim", "about", "source"});
        for (const store::ClaimRef ref : report.claimsMade) {
            const store::ClaimView c = store.claim(ref);
            table.addRow({c.id(), query::relationSentence(store, c.relation()), query::sourceLabel(store, c.source())});
        }
        out += table.render(2);
    }
    return out;
}

std::string neighborhoodTable(const store::GraphStore& store, const query::Neighborhood& n, int depth) {
    std::string out = fmt::format("{}: {} within {}\n", safe(store.entity(n.center).name()),
                                  count(n.neighbors.size(), "entity", "entities"),
                                  count(static_cast<std::size_t>(depth), "hop", "hops"));
    if (n.neighbors.empty()) return out;
    TextTable table({"depth", "entity", "kind", "via"});
    for (const query::Neighbor& neighbor : n.neighbors) {
        std::vector<std::string> via;
        for (const query::Hop& hop : neighbor.via) via.push_back(query::relationSentence(store, hop.relation));
        table.addRow({std::to_string(neighbor.depth), std::string(store.entity(neighbor.entity).name()),
                      store.kindOf(neighbor.entity).label, join(via, "; ")});
    }
    return out + table.render(2);
}

std::string pathTable(const store::GraphStore& store, store::Vertex from, store::Vertex to,
                      const std::optional<query::Path>& path) {
    const std::string a = safe(store.entity(from).name()), b = safe(store.entity(to).name());
    if (!path) return fmt::format("no path from {} to {}\n", a, b);
    std::string out = fmt::format("{} \xE2\x86\x92 {}: {}\n", a, b, count(path->hops.size(), "hop", "hops"));
    if (path->hops.empty()) return out;
    return out + hopTable(store, *path);
}

std::string pathSetTable(const store::GraphStore& store, store::Vertex from, store::Vertex to,
                         const query::PathSet& paths) {
    const std::string a = safe(store.entity(from).name()), b = safe(store.entity(to).name());
    if (paths.paths.empty() && paths.stoppedBy == query::PathLimit::None) {
        return fmt::format("no path from {} to {}\n", a, b);
    }
    const char* what = paths.kind == query::PathSetKind::AllShortest ? "shortest path"
                       : paths.kind == query::PathSetKind::KShortest ? "shortest simple path"
                                                                     : "simple path";
    std::string out =
        fmt::format("{} \xE2\x86\x92 {}: {} {}{}", a, b, paths.paths.size(), what, paths.paths.size() == 1 ? "" : "s");
    if (paths.kind == query::PathSetKind::AllShortest && !paths.paths.empty()) {
        out += " of " + count(paths.paths.front().hops.size(), "hop", "hops");
    }
    out += '\n';
    for (std::size_t i = 0; i < paths.paths.size(); ++i) {
        const query::Path& path = paths.paths[i];
        out += fmt::format("\n[{}] {}: {}\n", i + 1, count(path.hops.size(), "hop", "hops"),
                           safe(entityNames(store, path.entities, " \xE2\x86\x92 ")));
        if (!path.hops.empty()) out += hopTable(store, path);
    }
    return out;
}

std::string attributionTable(const store::GraphStore& store, const query::AttributionReport& report,
                             const std::string& subject, AttributionDetail detail) {
    const bool originators = detail == AttributionDetail::Originators;
    std::string out = fmt::format("Who reported: {}{}\n", safe(subject), originators ? " (originators only)" : "");
    for (const store::Edge e : report.relations) {
        out += fmt::format("  {}  [{}]\n", safe(query::relationSentence(store, e)), store.relation(e).id());
        // The figures the relation itself states, and with several relations, who reported each.
        const std::string values = query::attributesLine(store.relation(e).attributes().toMap());
        if (!values.empty()) out += fmt::format("    values: {}\n", safe(values));
        if (report.relations.size() > 1) {
            std::vector<std::string> parties;
            std::vector<store::ClaimRef> claims;  // the report's claims on this relation
            for (const query::Attribution& a : report.attributions) {
                if (store.relationOfClaim(a.claim) == e) claims.push_back(a.claim);
            }
            for (const query::ReportingParty& p : query::whoReportedClaims(store, claims).parties) {
                parties.push_back(fmt::format("{} ({})", partyName(store, p), p.claims));
            }
            if (!parties.empty()) out += fmt::format("    reported by: {}\n", safe(join(parties, ", ")));
        }
    }
    out += fmt::format("\nReporting parties ({})\n", report.parties.size());
    std::vector<std::string> headers{"party", "claims", "sources", "independent"};
    if (originators) headers.push_back("first reported");
    TextTable parties(headers);
    for (const query::ReportingParty& p : report.parties) {
        parties.addRow({partyName(store, p), std::to_string(p.claims), std::to_string(p.sources.size()),
                        std::to_string(p.independentSources), p.earliestDate});
    }
    out += parties.render(2);
    if (originators) return out;
    out += fmt::format("\nClaims ({})\n", report.attributions.size());
    for (std::size_t i = 0; i < report.attributions.size(); ++i) {
        out += claimBlock(store, report.attributions[i], i + 1, report.relations.size() > 1);
    }
    return out;
}

std::string reportedByTable(const store::GraphStore& store, const query::ReportedBy& reported) {
    std::size_t byRole[3] = {0, 0, 0};
    for (const query::ReportedClaim& c : reported.claims) ++byRole[static_cast<int>(c.role)];
    std::string out = fmt::format("Reported by {}: {} about {}\n", safe(store.entity(reported.party).name()),
                                  count(reported.claims.size(), "claim", "claims"),
                                  count(reported.relations.size(), "relation", "relations"));
    if (reported.claims.empty()) return out;
    out += fmt::format("  originated {}, passed on {}, published {}\n", byRole[0], byRole[1], byRole[2]);
    for (std::size_t i = 0; i < reported.claims.size(); ++i) {
        const query::ReportedClaim& c = reported.claims[i];
        out += "\n" + claimBlock(store, c.attribution, i + 1, true, query::roleName(c.role));
    }
    return out;
}

std::string conflictTable(const store::GraphStore& store, const std::vector<query::Conflict>& conflicts) {
    std::size_t changes = 0;
    for (const query::Conflict& c : conflicts) changes += c.kind == query::ConflictKind::Change;
    std::string out = fmt::format("Conflicts ({}: {}, {} over time)\n", conflicts.size(),
                                  count(conflicts.size() - changes, "disagreement", "disagreements"),
                                  count(changes, "change", "changes"));
    for (std::size_t i = 0; i < conflicts.size(); ++i) {
        const query::Conflict& c = conflicts[i];
        out += fmt::format("\n[{}] {}: {}  [{}]\n    {}\n", i + 1, safe(query::relationSentence(store, c.relation)),
                           safe(c.attribute), store.relation(c.relation).id(),
                           c.kind == query::ConflictKind::Change
                               ? "a change over time: the same originator's figure at different dates"
                               : "a disagreement: sources state figures that cannot all be true");
        std::vector<std::string> sides;
        for (const query::ConflictingValue& v : c.values) sides.push_back(std::to_string(v.independentSources));
        out += fmt::format("    {} values from {} to {}; independent sources {}\n", c.values.size(),
                           safe(model::toDisplayString(c.lowest)), safe(model::toDisplayString(c.highest)),
                           join(sides, " vs "));
        for (const query::ConflictingValue& v : c.values) {
            out += fmt::format("    {}\n", safe(model::toDisplayString(v.value)));
            for (const query::Attribution& a : v.claims) {
                std::string line = query::chainLine(store, a);
                if (a.source && !store.source(*a.source).date().empty()) {
                    line += " (" + std::string(store.source(*a.source).date()) + ")";
                }
                if (a.original) line += ", republication";
                out += fmt::format("      {}  [{}]\n", safe(line), store.claim(a.claim).id());
            }
        }
    }
    return out;
}

std::string subgraphTable(const store::GraphStore& store, const query::Subgraph& subgraph) {
    const bool connecting = subgraph.kind == query::SubgraphKind::Connecting;
    std::string out = fmt::format("{} {}: {}, {}\n", connecting ? "Connecting subgraph of" : "Subgraph induced by",
                                  count(subgraph.terminals.size(), "entity", "entities"),
                                  count(subgraph.entities.size(), "entity", "entities"),
                                  count(subgraph.relations.size(), "relation", "relations"));
    for (const query::Connection& c : subgraph.connections) {
        out += fmt::format("  {} \xE2\x80\x94 {}: {}\n", safe(store.entity(c.from).name()), safe(store.entity(c.to).name()),
                           c.length ? count(*c.length, "hop", "hops") : "not connected");
    }
    out += fmt::format("\nEntities ({})\n", subgraph.entities.size());
    TextTable entities({"entity", "kind", "asked"});
    for (const store::Vertex v : subgraph.entities) {
        const bool asked = std::binary_search(subgraph.terminals.begin(), subgraph.terminals.end(), v);
        entities.addRow({std::string(store.entity(v).name()), store.kindOf(v).label, asked ? "yes" : ""});
    }
    out += entities.render(2);
    if (subgraph.relations.empty()) return out;
    out += fmt::format("\nRelations ({})\n", subgraph.relations.size());
    TextTable relations({"relation", "from", "type", "to", "sources"});
    for (const store::Edge e : subgraph.relations) {
        relations.addRow({store.relation(e).id(), std::string(store.entity(store.from(e)).name()), store.typeOf(e).label,
                          std::string(store.entity(store.to(e)).name()), query::sourcesLine(store, e)});
    }
    return out + relations.render(2);
}

std::string statisticsTable(const store::GraphStore& store, const query::GraphStatistics& s, std::size_t top) {
    std::string out = fmt::format("Graph: {}, {}, {}, {} ({} original)\n", count(s.entities, "entity", "entities"),
                                  count(s.relations, "relation", "relations"), count(s.claims, "claim", "claims"),
                                  count(s.sources, "source", "sources"), s.originalSources);
    out += storageLine(s.footprint);
    out += "\nEntities by kind\n";
    TextTable kinds({"kind", "entities"});
    for (const query::KindCount& k : s.kinds)
        kinds.addRow({store.schema().findKind(k.kind)->label, std::to_string(k.entities)});
    out += kinds.render(2);
    out += "\nRelations by type\n";
    TextTable types({"type", "relations", "claims", "walked"});
    for (const query::TypeCount& t : s.types) {
        const model::RelationType& type = *store.schema().findType(t.type);
        types.addRow({type.label, std::to_string(t.relations), std::to_string(t.claims), t.walked ? "yes" : "no"});
    }
    out += types.render(2);

    std::size_t isolated = 0;
    for (const auto& component : s.components) isolated += component.size() == 1 ? 1 : 0;
    out += fmt::format("\nWalked: {}, {}; {} ({} isolated)\n", count(s.measures.size(), "entity", "entities"),
                       count(s.walkedRelations, "relation", "relations"),
                       count(s.components.size(), "connected component", "connected components"), isolated);
    // The largest components, each with its first members (CSV and JSON list them all).
    constexpr std::size_t kComponentsShown = 10, kMembersShown = 12;
    TextTable components({"#", "entities", "members"});
    std::size_t listed = 0;
    for (; listed < s.components.size() && listed < kComponentsShown && s.components[listed].size() > 1; ++listed) {
        const std::vector<store::Vertex>& members = s.components[listed];
        const std::vector<store::Vertex> first(members.begin(),
                                               members.begin() + static_cast<std::ptrdiff_t>(std::min(members.size(), kMembersShown)));
        std::string names = entityNames(store, first, ", ");
        if (members.size() > first.size()) names += fmt::format(" … and {} more", members.size() - first.size());
        components.addRow({std::to_string(listed + 1), std::to_string(members.size()), names});
    }
    if (!components.empty()) out += components.render(2);
    const std::size_t unlisted = s.components.size() - isolated - listed;
    if (listed == kComponentsShown && unlisted > 0) {
        out += fmt::format("  … and {} smaller\n", count(unlisted, "component", "components"));
    }

    const auto ranking = [&](query::Measure measure, const std::string& title, const std::string& column,
                             const std::function<std::string(const query::EntityMeasures&)>& value) {
        const auto best = query::topEntities(s, measure, top);
        if (best.empty()) return;
        out += fmt::format("\nTop {} by {}\n", best.size(), title);
        TextTable table({"entity", "kind", column});
        for (const query::EntityMeasures& m : best)
            table.addRow({std::string(store.entity(m.entity).name()), store.kindOf(m.entity).label, value(m)});
        out += table.render(2);
    };
    ranking(query::Measure::Relations, "relations", "relations (out/in)",
            [](const query::EntityMeasures& m) { return fmt::format("{} ({}/{})", m.relations, m.out, m.in); });
    ranking(query::Measure::PageRank, "PageRank", "PageRank",
            [](const query::EntityMeasures& m) {
                // Shares of a large graph's rank are small: those below 0.0001 in scientific notation.
                return m.pageRank >= 0.0001 ? fmt::format("{:.4f}", m.pageRank) : fmt::format("{:.3e}", m.pageRank);
            });
    if (s.betweennessMeasured) {
        ranking(query::Measure::Betweenness, "betweenness", "betweenness",
                [](const query::EntityMeasures& m) { return fmt::format("{:.2f}", m.betweenness); });
    } else {
        out += fmt::format("\nBetweenness is not measured on a graph this large ({} walked entities and {}: it takes "
                           "time proportional to both multiplied).\n",
                           s.measures.size(), count(s.walkedRelations, "relation", "relations"));
    }
    return out;
}

}  // namespace relgraph::format

namespace relgraph::format {

namespace {
// The snippet with its matches in «», each part made safe for a terminal.
std::string markedSnippet(const query::SearchHit& hit) {
    std::string out;
    std::size_t at = 0;
    for (const auto& [b, e] : hit.highlights) {
        out += safe(std::string_view(hit.snippet).substr(at, b - at)) + "\xC2\xAB" +
               safe(std::string_view(hit.snippet).substr(b, e - b)) + "\xC2\xBB";
        at = e;
    }
    return out + safe(std::string_view(hit.snippet).substr(at));
}
}  // namespace

std::string searchTable(const store::GraphStore& store, const query::SearchResult& result, std::string_view query) {
    std::string out = fmt::format("Search \"{}\": {}", safe(query), count(result.total, "hit", "hits"));
    if (!result.allWords) out += " (no record has every word: these have some)";
    if (result.hits.size() < result.total) out += fmt::format(", the first {} shown (--limit N shows more)", result.hits.size());
    out += '\n';
    for (std::size_t i = 0; i < result.hits.size(); ++i) {
        const query::SearchHit& hit = result.hits[i];
        std::string title = safe(query::searchHitTitle(store, hit));
        if (hit.kind == store::SearchDocKind::Entity) title += " (" + safe(store.kindOf(hit.row).label) + ")";
        out += fmt::format("\n  [{}] {:<8} {}  [{}]\n", i + 1, query::searchKindName(hit.kind), title,
                           safe(query::searchHitId(store, hit)));
        if (hit.kind == store::SearchDocKind::Claim) {
            const std::string_view date = query::searchHitDate(store, hit);
            out += fmt::format("      {:<13}{}{}\n", "by:", safe(query::chainLine(store, query::attributionOf(store, hit.row))),
                               date.empty() ? "" : fmt::format("  ({})", date));
        } else if (hit.kind == store::SearchDocKind::Source && !query::searchHitDate(store, hit).empty()) {
            out += fmt::format("      {:<13}{}\n", "date:", query::searchHitDate(store, hit));
        }
        out += fmt::format("      {:<13}{}\n", std::string(hit.field) + ":", markedSnippet(hit));
        if ((hit.kind == store::SearchDocKind::Claim || hit.kind == store::SearchDocKind::Relation) && hit.field != "values") {
            const std::string values = query::attributesLine(hit.kind == store::SearchDocKind::Claim
                                                                  ? store.claim(hit.row).values().toMap()
                                                                  : store.relation(hit.row).attributes().toMap());
            if (!values.empty()) out += fmt::format("      {:<13}{}\n", "values:", safe(values));
        }
    }
    return out;
}

}  // namespace relgraph::format

namespace relgraph::format {

namespace {
std::string declarationsLine(const model::AttributeDeclarations& attributes) {
    std::vector<std::string> parts;
    for (const auto& [name, type] : attributes) parts.push_back(fmt::format("{} ({})", name, model::toString(type)));
    return join(parts, ", ");
}

std::string endsLine(const std::vector<std::string>& kinds, bool any) { return any ? "*" : join(kinds, "|"); }
}  // namespace

std::string schemaTable(const store::GraphStore& store, const query::SchemaReport& report) {
    std::string out = fmt::format("Entity kinds ({})\n", store.kindCount());
    TextTable kinds({"kind", "label", "entities", "attributes"});
    for (std::size_t k = 0; k < store.kindCount(); ++k) {
        const model::EntityKind& kind = store.kind(k);
        kinds.addRow({kind.name, kind.label, std::to_string(report.entitiesOfKind[k]), declarationsLine(kind.attributes)});
    }
    out += kinds.render(2);
    out += fmt::format("\nRelation types ({})\n", store.typeCount());
    TextTable types({"type", "label", "relations", "from", "to", "attributes", "flags"});
    for (std::size_t t = 0; t < store.typeCount(); ++t) {
        const model::RelationType& type = store.type(t);
        std::vector<std::string> flags;
        if (type.symmetric) flags.emplace_back("symmetric");
        if (type.attribution) flags.emplace_back("attribution");
        types.addRow({type.name, type.label, std::to_string(report.relationsOfType[t]), endsLine(type.from, type.anyFrom),
                      endsLine(type.to, type.anyTo), declarationsLine(type.attributes), join(flags, ", ")});
    }
    return out + types.render(2);
}

}  // namespace relgraph::format

namespace relgraph::format {

std::string timelineTable(const store::GraphStore& store, const std::vector<query::TimelineEvent>& events,
                          const std::string& subject) {
    std::string out = fmt::format("Timeline: {} ({})\n", safe(subject), count(events.size(), "event", "events"));
    for (const query::TimelineEvent& ev : events) {
        out += fmt::format("\n  {:<12} {}", ev.date, safe(query::relationSentence(store, ev.relation)));
        out += ev.what == "claim" ? "\n" : fmt::format("  ({})\n", safe(ev.what));
        const std::string relationValues = query::attributesLine(store.relation(ev.relation).attributes().toMap());
        if (ev.claim) {
            const store::ClaimView c = store.claim(*ev.claim);
            out += fmt::format("  {:<12} said:    {}  [{}]\n", "", safe(c.summary()), c.id());
            const std::string values = query::attributesLine(c.values().toMap());
            if (!values.empty()) out += fmt::format("  {:<12} values:  {}\n", "", safe(values));
            out += fmt::format("  {:<12} by:      {}\n", "", safe(query::chainLine(store, query::attributionOf(store, *ev.claim))));
        } else {
            out += fmt::format("  {:<12} values:  {}\n", "", safe(relationValues));
            std::vector<std::string> chains;
            for (const store::ClaimRef c : store.claimsOf(ev.relation)) {
                chains.push_back(query::chainLine(store, query::attributionOf(store, c)));
            }
            std::sort(chains.begin(), chains.end());
            chains.erase(std::unique(chains.begin(), chains.end()), chains.end());
            out += fmt::format("  {:<12} by:      {}\n", "", safe(join(chains, "; ")));
        }
    }
    return out;
}

}  // namespace relgraph::format
