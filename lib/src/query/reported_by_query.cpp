#include "relgraph/query/reported_by_query.hpp"

#include <algorithm>
#include <optional>

namespace relgraph::query {

namespace {
std::optional<ReportRole> roleIn(const store::GraphStore& store, const Attribution& a, store::Vertex party) {
    const auto has = [&](const std::vector<store::Vertex>& parties) {
        return std::find(parties.begin(), parties.end(), party) != parties.end();
    };
    const auto publishedBy = [&](const model::Source* s) {
        return s && !s->publisher.empty() && store.vertexOf(s->publisher) == party;
    };
    if (has(a.originators) || (a.originators.empty() && publishedBy(originalSource(a)))) return ReportRole::Originator;
    if (has(a.intermediaries)) return ReportRole::Intermediary;
    if (publishedBy(a.source)) return ReportRole::Publisher;
    return std::nullopt;
}
}  // namespace

ReportedBy reportedBy(const store::GraphStore& store, store::Vertex party, bool primaryOnly) {
    ReportedBy result{party, {}, {}};
    for (const store::Edge e : store.relations()) {
        for (std::size_t i = 0; i < store.relation(e).claims.size(); ++i) {
            Attribution a = attributionOf(store, {e, i});
            const auto role = roleIn(store, a, party);
            if (!role || (primaryOnly && *role != ReportRole::Originator)) continue;
            if (result.relations.empty() || result.relations.back() != e) result.relations.push_back(e);
            result.claims.push_back({std::move(a), *role});
        }
    }
    return result;
}

}  // namespace relgraph::query
