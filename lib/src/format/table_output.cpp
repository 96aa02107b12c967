#include "relgraph/format/table_output.hpp"

#include <fmt/format.h>
#include <set>

#include "relgraph/common/text.hpp"
#include "relgraph/format/text_table.hpp"
#include "relgraph/query/describe.hpp"

namespace relgraph::format {

namespace {

std::string safe(const std::string& s) { return text::terminalSafe(s); }

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : separator) + p;
    return out;
}

// Distinct source labels of a relation's claims, in claim order.
std::string sourcesOf(const store::GraphStore& store, store::Edge e) {
    std::vector<std::string> labels;
    std::set<std::string> seen;
    for (const model::Claim& c : store.relation(e).claims) {
        const model::Source* s = store.findSource(c.source);
        if (s && seen.insert(s->id).second) labels.push_back(query::sourceLabel(store, *s));
    }
    return join(labels, ", ");
}

// A claim as an indented block: chain, source, date and summary, values.
std::string claimBlock(const store::GraphStore& store, const query::Attribution& a, std::size_t number,
                       bool showRelation) {
    const model::Claim& c = store.claim(a.claim);
    std::string out = fmt::format("  [{}] {}{}\n", number, safe(join(query::chainNames(store, a), " \xE2\x86\x92 ")),
                                  c.stance == model::Stance::Denies ? "  (denies)" : "");
    if (showRelation) out += fmt::format("      about:   {}\n", safe(query::relationSentence(store, a.claim.relation)));
    if (a.source) {
        out += "      source:  " + safe(query::sourceLabel(store, *a.source));
        if (!a.source->publisher.empty()) out += " \xE2\x80\x94 " + safe(a.source->title);
        if (a.original) out += fmt::format(" (republication of {})", safe(query::sourceLabel(store, *a.original)));
        out += '\n';
    }
    out += fmt::format("      claim:   {}{}  [{}]\n", c.date.empty() ? "" : c.date + ": ", safe(c.summary), c.id);
    const std::string values = query::attributesLine(c.values);
    if (!values.empty()) out += fmt::format("      values:  {}\n", safe(values));
    return out;
}

}  // namespace

std::string entityTable(const store::GraphStore& store, const query::EntityReport& report) {
    const model::Entity& e = store.entity(report.entity);
    std::string out = fmt::format("{}  ({})\n", safe(e.name), e.id);
    out += fmt::format("  kind:        {}\n", safe(store.kindOf(report.entity).label));
    if (!e.aliases.empty()) out += fmt::format("  aliases:     {}\n", safe(join(e.aliases, ", ")));
    if (!e.description.empty()) out += fmt::format("  description: {}\n", safe(e.description));
    if (!e.attributes.empty()) out += fmt::format("  attributes:  {}\n", safe(query::attributesLine(e.attributes)));
    for (const query::RelationGroup& group : report.groups) {
        out += fmt::format("\n{} ({})\n", safe(store.schema().findType(group.type)->label), group.hops.size());
        TextTable table({"direction", "entity", "relation", "details", "sources"});
        for (const query::Hop& hop : group.hops) {
            const store::Vertex other = query::target(store, hop);
            table.addRow({query::hopLabel(store, hop), store.entity(other).name, store.relation(hop.relation).id,
                          query::attributesLine(store.relation(hop.relation).attributes), sourcesOf(store, hop.relation)});
        }
        out += table.render(2);
    }
    if (!report.claimsMade.empty()) {
        out += fmt::format("\nclaims made or passed on ({})\n", report.claimsMade.size());
        TextTable table({"claim", "about", "source"});
        for (const store::ClaimRef& ref : report.claimsMade) {
            const model::Source* s = store.findSource(store.claim(ref).source);
            table.addRow({store.claim(ref).id, query::relationSentence(store, ref.relation),
                          s ? query::sourceLabel(store, *s) : ""});
        }
        out += table.render(2);
    }
    return out;
}

std::string neighborhoodTable(const store::GraphStore& store, const query::Neighborhood& n, int depth) {
    std::string out = fmt::format("{}: {} entit{} within {} hop{}\n", safe(store.entity(n.center).name),
                                  n.neighbors.size(), n.neighbors.size() == 1 ? "y" : "ies", depth,
                                  depth == 1 ? "" : "s");
    if (n.neighbors.empty()) return out;
    TextTable table({"depth", "entity", "kind", "via"});
    for (const query::Neighbor& neighbor : n.neighbors) {
        std::vector<std::string> via;
        for (const query::Hop& hop : neighbor.via) via.push_back(query::relationSentence(store, hop.relation));
        table.addRow({std::to_string(neighbor.depth), store.entity(neighbor.entity).name,
                      store.kindOf(neighbor.entity).label, join(via, "; ")});
    }
    return out + table.render(2);
}

std::string pathTable(const store::GraphStore& store, store::Vertex from, store::Vertex to,
                      const std::optional<query::Path>& path) {
    const std::string a = safe(store.entity(from).name), b = safe(store.entity(to).name);
    if (!path) return fmt::format("no path from {} to {}\n", a, b);
    std::string out = fmt::format("{} \xE2\x86\x92 {}: {} hop{}\n", a, b, path->hops.size(),
                                  path->hops.size() == 1 ? "" : "s");
    if (path->hops.empty()) return out;
    TextTable table({"#", "from", "relation", "to", "sources"});
    for (std::size_t i = 0; i < path->hops.size(); ++i) {
        const query::Hop& hop = path->hops[i];
        table.addRow({std::to_string(i + 1), store.entity(path->entities[i]).name, query::hopLabel(store, hop),
                      store.entity(path->entities[i + 1]).name, sourcesOf(store, hop.relation)});
    }
    return out + table.render(2);
}

std::string attributionTable(const store::GraphStore& store, const query::AttributionReport& report,
                             const std::string& subject) {
    std::string out = fmt::format("Who reported: {}\n", safe(subject));
    for (const store::Edge e : report.relations) {
        out += fmt::format("  {}  [{}]\n", safe(query::relationSentence(store, e)), store.relation(e).id);
    }
    out += fmt::format("\nReporting parties ({})\n", report.parties.size());
    TextTable parties({"party", "claims", "sources", "independent"});
    for (const query::ReportingParty& p : report.parties) {
        parties.addRow({p.entity ? store.entity(*p.entity).name : p.source->title, std::to_string(p.claims),
                        std::to_string(p.sources.size()), std::to_string(p.independentSources)});
    }
    out += parties.render(2);
    out += fmt::format("\nClaims ({})\n", report.attributions.size());
    for (std::size_t i = 0; i < report.attributions.size(); ++i) {
        out += claimBlock(store, report.attributions[i], i + 1, report.relations.size() > 1);
    }
    return out;
}

std::string conflictTable(const store::GraphStore& store, const std::vector<query::Conflict>& conflicts) {
    std::string out = fmt::format("Disagreements ({})\n", conflicts.size());
    for (std::size_t i = 0; i < conflicts.size(); ++i) {
        const query::Conflict& c = conflicts[i];
        out += fmt::format("\n[{}] {}: {}  [{}]\n", i + 1, safe(query::relationSentence(store, c.relation)),
                           safe(c.attribute), store.relation(c.relation).id);
        for (const query::ConflictingValue& v : c.values) {
            out += fmt::format("    {}\n", safe(model::toDisplayString(v.value)));
            for (const query::Attribution& a : v.claims) {
                std::string line = join(query::chainNames(store, a), " \xE2\x86\x92 ");
                if (a.source && !a.source->date.empty()) line += " (" + a.source->date + ")";
                if (a.original) line += ", republication";
                out += fmt::format("      {}  [{}]\n", safe(line), store.claim(a.claim).id);
            }
        }
    }
    return out;
}

}  // namespace relgraph::format
