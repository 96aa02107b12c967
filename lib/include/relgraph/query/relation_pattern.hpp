#pragma once
// Finding relations by their endpoints: `"North Korea" sent_workers Russia`.

#include <optional>
#include <string>
#include <vector>

#include "relgraph/store/graph_store.hpp"

namespace relgraph::query {

struct RelationPattern {
    store::Vertex from;
    std::optional<std::string> type;  // any type when absent
    store::Vertex to;
};

// Parses `FROM TYPE TO` or `FROM TO` (entity names and a type name or label); throws QueryError
// for unknown names or a wrong number of words.
RelationPattern parseRelationPattern(const store::GraphStore& store, const std::vector<std::string>& words);

// Relations matching the pattern in id order; symmetric relations match either way round.
std::vector<store::Edge> findRelations(const store::GraphStore& store, const RelationPattern& pattern);

// What a who-reported question is about: an entity (every relation it takes part in), a relation
// id, a claim id, or a pattern FROM [TYPE] TO. A word that is both an entity and a relation or
// claim id means the entity.
struct ReportSubject {
    std::vector<store::Edge> relations;   // id order
    std::vector<store::ClaimRef> claims;  // every claim on the relations, or the one claim asked about
    std::string id;                       // identifier naming the subject (for diagram ids)
    std::string description;              // "North Korea", "North Korea —sent workers→ Russia", "claim c2"
};

// Throws QueryError for unknown names; the relation list may be empty (nothing was reported).
ReportSubject resolveReportSubject(const store::GraphStore& store, const std::vector<std::string>& words);

}  // namespace relgraph::query
