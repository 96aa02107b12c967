#pragma once
// `relgraph timeline`: what was said when — every dated claim and every dated value (a date or
// period attribute of a claim or a relation), in time order, each with its attribution.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relgraph/query/date_range.hpp"
#include "relgraph/store/graph_store.hpp"

namespace relgraph::query {

struct TimelineEvent {
    std::string date;                      // as the graph writes it: 2025-02-09, 2024, 2024-10/..
    std::string what;                      // "claim" (the claim's date) or the attribute's name
    store::Edge relation;
    std::optional<store::ClaimRef> claim;  // none for a value of the relation itself
};

// The events of the relations touching any of `entities` (all relations when empty) that fall in
// `dates`, earliest first (then the shorter span, then relation and claim order). A claim without a
// date of its own is not an event (its source's date says when it was published, not when it was said).
std::vector<TimelineEvent> timeline(const store::GraphStore& store, const std::vector<store::Vertex>& entities,
                                    const DateRange& dates);

}  // namespace relgraph::query
