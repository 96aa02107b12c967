#pragma once
// Short human descriptions of graph records, shared by tables, JSON and diagrams.

#include <string>

#include "relgraph/query/traversal.hpp"

namespace relgraph::query {

// "Newsweek (2025-02)"; the title when the publisher is unknown.
std::string sourceLabel(const store::GraphStore& store, const model::Source& source);

// "North Korea —sent workers→ Russia" ("—allied with—" for symmetric types).
std::string relationSentence(const store::GraphStore& store, store::Edge e);

// "sent workers →" or "← sent workers" as seen when walking `hop`; "— allied with —" if symmetric.
std::string hopLabel(const store::GraphStore& store, const Hop& hop);

// "count: approximately 15,000; period: 2024"; empty when none.
std::string attributesLine(const model::Attributes& attributes);

}  // namespace relgraph::query
