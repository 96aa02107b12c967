#pragma once
// Where sources disagree: relations whose claims state different figures or dates (attributes of
// type integer, number, quantity, date or period) for the same attribute.

#include <string>
#include <vector>

#include "relgraph/query/attribution_query.hpp"

namespace relgraph::query {

struct ConflictingValue {
    model::AttributeValue value;
    std::vector<Attribution> claims;  // the claims stating this value, in claim order
};

struct Conflict {
    store::Edge relation;
    std::string attribute;
    std::vector<ConflictingValue> values;  // two or more, in order of first appearance
};

// Disagreements among the claims of `relations` (every relation when empty), in relation id then
// attribute name order: an attribute is listed, with every value stated for it, when two of its
// values cannot both be true (model::mayAgree). Claims that do not state an attribute do not
// disagree on it; claims that deny the relation are not counted as stating its values.
std::vector<Conflict> findConflicts(const store::GraphStore& store, const std::vector<store::Edge>& relations);

}  // namespace relgraph::query
