#include "relgraph/query/attribution_query.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace relgraph::query {

Attribution attributionOf(const store::GraphStore& store, const store::ClaimRef& ref) {
    const model::Claim& claim = store.claim(ref);
    Attribution a;
    a.claim = ref;
    for (const std::string& id : claim.by) a.originators.push_back(store.vertexOf(id));
    for (const std::string& id : claim.via) a.intermediaries.push_back(store.vertexOf(id));
    a.source = store.findSource(claim.source);
    if (a.source && !a.source->publisher.empty()) a.publisher = store.vertexOf(a.source->publisher);
    // Follow republications to the original; the loader rejected cycles.
    for (const model::Source* s = a.source; s && !s->republishes.empty();) {
        s = store.findSource(s->republishes);
        a.original = s;
    }
    return a;
}

const model::Source* originalSource(const Attribution& a) { return a.original ? a.original : a.source; }

AttributionReport whoReported(const store::GraphStore& store, const std::vector<store::Edge>& relations) {
    std::vector<store::ClaimRef> claims;
    for (const store::Edge e : relations) {
        for (std::size_t i = 0; i < store.relation(e).claims.size(); ++i) claims.push_back({e, i});
    }
    return whoReported(store, claims);
}

AttributionReport whoReported(const store::GraphStore& store, const std::vector<store::ClaimRef>& claims) {
    AttributionReport report;
    std::vector<store::ClaimRef> ordered = claims;
    std::sort(ordered.begin(), ordered.end(), [&](const store::ClaimRef& x, const store::ClaimRef& y) {
        const std::string &a = store.relation(x.relation).id, &b = store.relation(y.relation).id;
        return a != b ? a < b : x.index < y.index;
    });
    for (const store::ClaimRef& ref : ordered) {
        if (report.relations.empty() || report.relations.back() != ref.relation)
            report.relations.push_back(ref.relation);
        report.attributions.push_back(attributionOf(store, ref));
    }

    // Group claims by party. Key: "e:<entity id>" or "s:<source id>".
    struct Tally {
        ReportingParty party;
        std::set<std::string> sources;
        std::set<std::string> originals;
    };
    std::map<std::string, Tally> tallies;
    for (const Attribution& a : report.attributions) {
        std::vector<std::pair<std::string, ReportingParty>> parties;
        const auto byEntity = [&](store::Vertex v) {
            ReportingParty p;
            p.entity = v;
            parties.push_back({"e:" + store.entity(v).id, p});
        };
        for (const store::Vertex v : a.originators) byEntity(v);
        // A claim in a source's own voice belongs to the original publication: a repost's own
        // words are the original's, not a second party.
        const model::Source* speaker = originalSource(a);
        if (a.originators.empty() && speaker && !speaker->publisher.empty()) {
            byEntity(store.vertexOf(speaker->publisher));
        } else if (a.originators.empty() && speaker) {
            ReportingParty p;
            p.source = speaker;
            parties.push_back({"s:" + speaker->id, p});
        }
        for (auto& [key, party] : parties) {
            Tally& t = tallies.try_emplace(key, Tally{party, {}, {}}).first->second;
            ++t.party.claims;
            if (a.source) {
                t.sources.insert(a.source->id);
                t.originals.insert(originalSource(a)->id);
            }
            const model::Claim& claim = store.claim(a.claim);
            const std::string& date = claim.date.empty() && a.source ? a.source->date : claim.date;
            if (!date.empty() && (t.party.earliestDate.empty() || date < t.party.earliestDate)) {
                t.party.earliestDate = date;
            }
        }
    }
    for (auto& [key, t] : tallies) {
        for (const std::string& id : t.sources) t.party.sources.push_back(store.findSource(id));
        t.party.independentSources = t.originals.size();
        report.parties.push_back(std::move(t.party));
    }
    auto name = [&](const ReportingParty& p) { return p.entity ? store.entity(*p.entity).name : p.source->title; };
    std::stable_sort(report.parties.begin(), report.parties.end(), [&](const auto& x, const auto& y) {
        return x.claims != y.claims ? x.claims > y.claims : name(x) < name(y);
    });
    return report;
}

std::vector<std::string> chainNames(const store::GraphStore& store, const Attribution& a) {
    std::vector<std::string> chain;
    std::string originators;  // several originators speak side by side: one step
    for (const store::Vertex v : a.originators) {
        originators += (originators.empty() ? "" : " and ") + store.entity(v).name;
    }
    if (!originators.empty()) chain.push_back(originators);
    for (const store::Vertex v : a.intermediaries) chain.push_back(store.entity(v).name);
    if (a.publisher) {
        const std::string& name = store.entity(*a.publisher).name;
        if (chain.empty() || chain.back() != name) chain.push_back(name);
    } else if (a.source) {
        chain.push_back(a.source->title);
    }
    return chain;
}

}  // namespace relgraph::query
