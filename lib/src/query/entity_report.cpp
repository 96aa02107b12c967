#include "relgraph/query/entity_report.hpp"

#include <algorithm>
#include <map>

namespace relgraph::query {

EntityReport entityReport(const store::GraphStore& store, store::Vertex entity) {
    EntityReport report{entity, {}, {}};
    TraversalFilter everything;
    everything.includeAttribution = true;
    std::map<std::string, std::vector<Hop>> byType;
    for (const Hop& hop : hopsFrom(store, entity, Direction::Both, everything)) {
        byType[store.relation(hop.relation).type].push_back(hop);
    }
    for (auto& [type, hops] : byType) report.groups.push_back({type, std::move(hops)});

    const std::string& id = store.entity(entity).id;
    for (const store::Edge e : store.relations()) {
        const auto& claims = store.relation(e).claims;
        for (std::size_t i = 0; i < claims.size(); ++i) {
            const auto mentions = [&](const std::vector<std::string>& ids) {
                return std::find(ids.begin(), ids.end(), id) != ids.end();
            };
            if (mentions(claims[i].by) || mentions(claims[i].via)) report.claimsMade.push_back({e, i});
        }
    }
    return report;
}

}  // namespace relgraph::query
