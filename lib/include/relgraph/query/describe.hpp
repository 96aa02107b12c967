#pragma once
// Short human descriptions of graph records, shared by tables, JSON and diagrams.

#include <string>

#include "relgraph/query/attribution_query.hpp"
#include "relgraph/query/reported_by_query.hpp"
#include "relgraph/query/traversal.hpp"

namespace relgraph::query {

// "Newsweek (2025-02)"; the title when the publisher is unknown.
std::string sourceLabel(const store::GraphStore& store, store::SourceRef source);

// "North Korea —sent workers→ Russia" ("—allied with—" for symmetric types).
std::string relationSentence(const store::GraphStore& store, store::Edge e);

// "sent workers →" or "← sent workers" as seen when walking `hop`; "— allied with —" if symmetric.
std::string hopLabel(const store::GraphStore& store, const Hop& hop);

// "count: approximately 15,000; period: 2024"; empty when none.
std::string attributesLine(const model::Attributes& attributes);

// The distinct sources of a relation's claims, in claim order: "The Daily (2025-02-10), Wire Service (2025-02-09)".
std::string sourcesLine(const store::GraphStore& store, store::Edge e);
// The chains of a relation's claims, each once, in claim order: "NIS → Yonhap → Newsweek; NIS → The Korea Herald".
std::string chainsLine(const store::GraphStore& store, store::Edge e);

// "NIS → Yonhap → Newsweek" (chainNames joined).
std::string chainLine(const store::GraphStore& store, const Attribution& a);

// "originator", "intermediary", "publisher".
std::string roleName(ReportRole role);

}  // namespace relgraph::query
