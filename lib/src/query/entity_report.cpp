#include "relgraph/query/entity_report.hpp"

#include <map>

namespace relgraph::query {

EntityReport entityReport(const store::GraphStore& store, store::Vertex entity) {
    EntityReport report{entity, {}, {}};
    TraversalFilter everything;
    everything.includeAttribution = true;
    std::map<std::string, std::vector<Hop>> byType;
    for (const Hop& hop : hopsFrom(store, entity, Direction::Both, everything)) {
        byType[std::string(store.relation(hop.relation).type())].push_back(hop);
    }
    for (auto& [type, hops] : byType) report.groups.push_back({type, std::move(hops)});
    report.claimsMade = store.claimsNaming(entity).toVector();  // in relation order, then each relation's
    return report;
}

}  // namespace relgraph::query
