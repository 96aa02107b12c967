#pragma once
// Finding relations by their endpoints: `"North Korea" sent_workers Russia`.

#include <optional>
#include <string>
#include <vector>

#include "relgraph/store/graph_store.hpp"

namespace relgraph::query {

struct RelationPattern {
    std::optional<store::Vertex> from;  // any entity when absent (written *)
    std::optional<std::string> type;    // any type when absent
    std::optional<store::Vertex> to;
};

// Parses `FROM TYPE TO` or `FROM TO` (entity names or *, and a type name or label); throws
// QueryError for unknown names or a wrong number of words.
RelationPattern parseRelationPattern(const store::GraphStore& store, const std::vector<std::string>& words);

// Relations matching the pattern in id order, either way round: FROM → TO and TO → FROM.
std::vector<store::Edge> findRelations(const store::GraphStore& store, const RelationPattern& pattern);

// When a pattern matches nothing: the same pattern with an end replaced by an entity that is part
// of it or that it is part of (`part_of` relations), where that matches — "North Korean troops
// (part of North Korea)" for `"North Korea" returned_to Kursk`. Each hint is a line for the user.
std::vector<std::string> relatedPatternHints(const store::GraphStore& store, const RelationPattern& pattern);

// What a who-reported question is about: an entity (every relation it takes part in), a relation
// id, a claim id, or a pattern FROM [TYPE] TO. A word that is both an entity and a relation or
// claim id means the entity.
struct ReportSubject {
    std::vector<store::Edge> relations;   // id order
    std::vector<store::ClaimRef> claims;  // every claim on the relations, or the one claim asked about
    std::string id;                       // identifier naming the subject (for diagram ids)
    std::string description;              // "North Korea", "North Korea —sent workers→ Russia", "claim c2"
    std::vector<std::string> hints;       // when a pattern matched nothing: related ones that match
};

// Throws QueryError for unknown names; the relation list may be empty (nothing was reported).
ReportSubject resolveReportSubject(const store::GraphStore& store, const std::vector<std::string>& words);

}  // namespace relgraph::query
