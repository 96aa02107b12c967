#pragma once
// Maps graphs read from foreign files onto relgraph's model, as one generated relgraph JSON
// document for the loader to validate: kinds and relation types from labels and types (declared
// ones reused, others generated with attribute types from the values), ids made identifiers,
// names made unique, and one claim per relation that has none, from a source per file.

#include <string>
#include <vector>

#include "interchange/declared_schema.hpp"
#include "interchange/imported_graph.hpp"
#include "interchange/origin_map.hpp"

namespace relgraph::interchange {

struct MappedDocument {
    std::string text;  // a relgraph JSON document
    OriginMap origins;
};

// Errors (a node defined twice, an edge to no node, claims that are not JSON) and notes go to
// `report`.
MappedDocument mapGraphs(const std::vector<ImportedGraph>& graphs, const DeclaredSchema& declared,
                         ReadReport& report);

}  // namespace relgraph::interchange
