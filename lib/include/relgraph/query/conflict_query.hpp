#pragma once
// Where sources disagree: relations whose claims state different figures or dates (attributes of
// type integer, number, quantity, date or period) for the same attribute.

#include <set>
#include <string>
#include <vector>

#include "relgraph/query/attribution_query.hpp"
#include "relgraph/query/date_range.hpp"

namespace relgraph::query {

struct ConflictingValue {
    model::AttributeValue value;
    std::vector<Attribution> claims;     // the claims stating this value, in claim order
    std::size_t independentSources = 0;  // their sources, after folding republications into originals
};

// Whether differing values contradict each other, or one originator's figure changed over time.
enum class ConflictKind {
    Disagreement,  // some two values that cannot both be true have no common originator at different times
    Change,        // every such two come from one originator at different times (as_of, period or date)
};

struct Conflict {
    store::Edge relation;
    std::string attribute;
    ConflictKind kind = ConflictKind::Disagreement;
    std::vector<ConflictingValue> values;  // two or more, lowest first (ties: in order of first appearance)
    // The lowest and highest figure or date any value states ("approximately 1,000" states 1,000;
    // "10,000–12,000" states both ends; open ends of periods state nothing): integers, numbers or
    // dates, displayed with model::toDisplayString.
    model::AttributeValue lowest;
    model::AttributeValue highest;
    std::size_t independentSources = 0;  // behind all the values together
};

enum class ConflictOrder {
    Relation,  // relation id, then attribute name
    Sources,   // most independent sources first
    Values,    // most distinct values first
};

struct ConflictOptions {
    std::set<std::string> attributes;  // only these attributes; empty: every figure and date
    std::size_t minSources = 0;        // only disagreements resting on at least this many independent sources
    DateRange dates;                   // only claims dated in the range (claim date, else source date)
    ConflictOrder order = ConflictOrder::Relation;  // ties keep relation order
};

// Disagreements among the claims of `relations` (every relation when empty): an attribute is
// listed, with every value stated for it, when two of its values cannot both be true
// (model::mayAgree), and told a change over time (ConflictKind::Change) from a disagreement: a claim's
// time is its as_of, else its period, else its date, else its source's date; two values are a change
// when claims by the same originators state them at different times. Claims that do not state an
// attribute do not disagree on it; claims that deny
// the relation are not counted as stating its values. QueryError when options.attributes names an
// attribute no relation type declares, or one that is free text or a yes/no (never compared).
std::vector<Conflict> findConflicts(const store::GraphStore& store, const std::vector<store::Edge>& relations,
                                    const ConflictOptions& options = {});

}  // namespace relgraph::query
