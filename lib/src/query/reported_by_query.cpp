#include "relgraph/query/reported_by_query.hpp"

#include <algorithm>
#include <optional>

namespace relgraph::query {

namespace {
std::optional<ReportRole> roleIn(const store::GraphStore& store, const Attribution& a, store::Vertex party) {
    const auto has = [&](const std::vector<store::Vertex>& parties) {
        return std::find(parties.begin(), parties.end(), party) != parties.end();
    };
    const auto publishedBy = [&](const std::optional<store::SourceRef>& s) {
        return s && store.source(*s).publisher() == party;
    };
    // A republication's copy of a claim is the original's claim, listed from the original itself.
    if (has(a.originators) || (a.originators.empty() && publishedBy(a.source))) return ReportRole::Originator;
    if (has(a.intermediaries)) return ReportRole::Intermediary;
    if (publishedBy(a.source)) return ReportRole::Publisher;
    return std::nullopt;
}

// The claims `party` may have a role in, in increasing order, each once: those naming it in their
// `by` or `via`, and those of the sources it published.
std::vector<store::ClaimRef> candidateClaims(const store::GraphStore& store, store::Vertex party) {
    std::vector<store::ClaimRef> claims = store.claimsNaming(party).toVector();
    for (store::SourceRef s = 0; s < store.sourceCount(); ++s) {
        if (store.source(s).publisher() != party) continue;
        const std::vector<store::ClaimRef> carried = store.claimsOfSource(s);
        claims.insert(claims.end(), carried.begin(), carried.end());
    }
    std::sort(claims.begin(), claims.end());
    claims.erase(std::unique(claims.begin(), claims.end()), claims.end());
    return claims;
}
}  // namespace

ReportedBy reportedBy(const store::GraphStore& store, store::Vertex party, bool primaryOnly) {
    ReportedBy result{party, {}, {}};
    for (const store::ClaimRef c : candidateClaims(store, party)) {
        Attribution a = attributionOf(store, c);
        const auto role = roleIn(store, a, party);
        if (!role || (primaryOnly && *role != ReportRole::Originator)) continue;
        const store::Edge e = store.relationOfClaim(c);
        if (result.relations.empty() || result.relations.back() != e) result.relations.push_back(e);
        result.claims.push_back({std::move(a), *role});
    }
    return result;
}

}  // namespace relgraph::query
