#include "relgraph/query/attribution_query.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace relgraph::query {

Attribution attributionOf(const store::GraphStore& store, store::ClaimRef ref) {
    const store::ClaimView claim = store.claim(ref);
    Attribution a;
    a.claim = ref;
    a.originators = claim.by().toVector();
    a.intermediaries = claim.via().toVector();
    a.source = claim.source();
    a.publisher = store.source(*a.source).publisher();
    // Follow republications to the original; the store has no cycles.
    std::vector<store::SourceRef> originals;
    for (auto s = store.source(*a.source).republishes(); s; s = store.source(*s).republishes()) {
        a.original = s;
        originals.push_back(*s);
    }
    // A republication passes on what an original it republishes says about the relation, by the
    // same originators; what it adds is its own.
    for (const store::ClaimRef other : store.claimsOf(claim.relation())) {
        if (a.passedOn) break;
        const store::ClaimView o = store.claim(other);
        a.passedOn = other != ref && std::find(originals.begin(), originals.end(), o.source()) != originals.end() &&
                     std::equal(o.by().begin(), o.by().end(), claim.by().begin(), claim.by().end());
    }
    return a;
}

std::optional<store::SourceRef> originalSource(const Attribution& a) { return a.passedOn ? a.original : a.source; }

AttributionReport whoReportedRelations(const store::GraphStore& store, const std::vector<store::Edge>& relations) {
    std::vector<store::ClaimRef> claims;
    for (const store::Edge e : relations) {
        for (const store::ClaimRef c : store.claimsOf(e)) claims.push_back(c);
    }
    return whoReportedClaims(store, claims);
}

AttributionReport whoReportedClaims(const store::GraphStore& store, const std::vector<store::ClaimRef>& claims) {
    AttributionReport report;
    std::vector<store::ClaimRef> ordered = claims;
    std::sort(ordered.begin(), ordered.end());  // claims are numbered by relation, then in the relation's order
    for (const store::ClaimRef ref : ordered) {
        const store::Edge e = store.relationOfClaim(ref);
        if (report.relations.empty() || report.relations.back() != e) report.relations.push_back(e);
        report.attributions.push_back(attributionOf(store, ref));
    }

    // Group claims by party: entities first, then sources, each in id order.
    using PartyKey = std::pair<bool, store::Row>;  // (a source, its row)
    struct Tally {
        ReportingParty party;
        std::set<store::SourceRef> sources;
        std::set<store::SourceRef> originals;
    };
    std::map<PartyKey, Tally> tallies;
    for (const Attribution& a : report.attributions) {
        std::vector<std::pair<PartyKey, ReportingParty>> parties;
        const auto byEntity = [&](store::Vertex v) {
            ReportingParty p;
            p.entity = v;
            parties.push_back({{false, v}, p});
        };
        for (const store::Vertex v : a.originators) byEntity(v);
        // A claim in a source's own voice belongs to the original publication when the source
        // passes it on from there (a repost repeating the original is not a second party), else
        // to the source itself.
        const std::optional<store::SourceRef> speaker = originalSource(a);
        const std::optional<store::Vertex> speakerPublisher =
            speaker ? store.source(*speaker).publisher() : std::nullopt;
        if (a.originators.empty() && speakerPublisher) {
            byEntity(*speakerPublisher);
        } else if (a.originators.empty() && speaker) {
            ReportingParty p;
            p.source = speaker;
            parties.push_back({{true, *speaker}, p});
        }
        const std::string_view date = store.claim(a.claim).dateOrSourceDate();
        for (auto& [key, party] : parties) {
            Tally& t = tallies.try_emplace(key, Tally{party, {}, {}}).first->second;
            ++t.party.claims;
            if (a.source) {
                t.sources.insert(*a.source);
                t.originals.insert(*originalSource(a));
            }
            if (!date.empty() && (t.party.earliestDate.empty() || date < t.party.earliestDate)) {
                t.party.earliestDate = date;
            }
        }
    }
    for (auto& [key, t] : tallies) {
        t.party.sources.assign(t.sources.begin(), t.sources.end());
        t.party.independentSources = t.originals.size();
        report.parties.push_back(std::move(t.party));
    }
    auto name = [&](const ReportingParty& p) {
        return p.entity ? store.entity(*p.entity).name() : store.source(*p.source).title();
    };
    std::stable_sort(report.parties.begin(), report.parties.end(), [&](const auto& x, const auto& y) {
        return x.claims != y.claims ? x.claims > y.claims : name(x) < name(y);
    });
    return report;
}

std::vector<std::string> chainNames(const store::GraphStore& store, const Attribution& a) {
    std::vector<std::string> chain;
    std::string originators;  // several originators speak side by side: one step
    for (const store::Vertex v : a.originators) {
        if (!originators.empty()) originators += " and ";
        originators += store.entity(v).name();
    }
    if (!originators.empty()) chain.push_back(originators);
    for (const store::Vertex v : a.intermediaries) chain.emplace_back(store.entity(v).name());
    if (a.publisher) {
        const std::string_view name = store.entity(*a.publisher).name();
        if (chain.empty() || chain.back() != name) chain.emplace_back(name);
    } else if (a.source) {
        chain.emplace_back(store.source(*a.source).title());
    }
    return chain;
}

}  // namespace relgraph::query
