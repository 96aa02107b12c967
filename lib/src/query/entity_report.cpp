#include "relgraph/query/entity_report.hpp"

#include <algorithm>

#include <map>

namespace relgraph::query {

EntityReport entityReport(const store::GraphStore& store, store::Vertex entity, const DateRange& dates) {
    EntityReport report{entity, {}, {}};
    TraversalFilter everything;
    everything.includeAttribution = true;
    const auto dated = [&](store::ClaimRef c) {
        const store::ClaimView claim = store.claim(c);
        return dates.admits(claim.dateOrSourceDate());
    };
    const auto inRange = [&](store::Edge e) {
        if (!dates.bounded()) return true;
        const store::RowRange claims = store.claimsOf(e);
        return std::any_of(claims.begin(), claims.end(), dated);
    };
    std::map<std::string, std::vector<Hop>> byType;
    for (const Hop& hop : hopsFrom(store, entity, Direction::Both, everything)) {
        if (inRange(hop.relation)) byType[std::string(store.relation(hop.relation).type())].push_back(hop);
    }
    for (auto& [type, hops] : byType) report.groups.push_back({type, std::move(hops)});
    for (const store::ClaimRef c : store.claimsNaming(entity)) {  // in relation order, then each relation's
        if (!dates.bounded() || dated(c)) report.claimsMade.push_back(c);
    }
    return report;
}

}  // namespace relgraph::query
