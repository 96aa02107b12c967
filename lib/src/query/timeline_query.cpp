#include "relgraph/query/timeline_query.hpp"

#include <algorithm>
#include <tuple>


namespace relgraph::query {

namespace {
bool isDated(model::AttributeType t) { return t == model::AttributeType::Date || t == model::AttributeType::Period; }

}  // namespace

std::vector<TimelineEvent> timeline(const store::GraphStore& store, const std::vector<store::Vertex>& entities,
                                    const DateRange& dates) {
    std::vector<store::Edge> relations;
    if (entities.empty()) {
        for (store::Edge e = 0; e < store.relationCount(); ++e) relations.push_back(e);
    } else {
        for (const store::Vertex v : entities) {
            for (const store::Edge e : store.outRelations(v)) relations.push_back(e);
            for (const store::Edge e : store.inRelations(v)) relations.push_back(e);
        }
        std::sort(relations.begin(), relations.end());
        relations.erase(std::unique(relations.begin(), relations.end()), relations.end());
    }
    std::vector<TimelineEvent> events;
    const auto add = [&](std::string_view date, std::string what, store::Edge e, std::optional<store::ClaimRef> c) {
        if (!date.empty() && dates.admits(date)) events.push_back({std::string(date), std::move(what), e, c});
    };
    for (const store::Edge e : relations) {
        for (const store::AttributeEntry a : store.relation(e).attributes()) {
            if (isDated(a.value.type)) add(std::get<std::string>(a.value.value), std::string(a.name), e, std::nullopt);
        }
        for (const store::ClaimRef c : store.claimsOf(e)) {
            const store::ClaimView claim = store.claim(c);
            add(claim.date(), "claim", e, c);
            for (const store::AttributeEntry a : claim.values()) {
                if (isDated(a.value.type)) add(std::get<std::string>(a.value.value), std::string(a.name), e, c);
            }
        }
    }
    const auto key = [&](const TimelineEvent& ev) {
        const auto [first, last] = daySpan(ev.date).value_or(std::pair{0L, 0L});  // open ends sort first and last
        return std::tuple(first, last, ev.relation, ev.claim ? *ev.claim + 1 : 0, ev.what);
    };
    std::sort(events.begin(), events.end(), [&](const TimelineEvent& a, const TimelineEvent& b) { return key(a) < key(b); });
    return events;
}

}  // namespace relgraph::query
