#pragma once
// neo4j-admin import CSV: nodes.csv (id:ID, :LABEL = kind, name, aliases, description, typed
// attribute columns), relationships.csv (:START_ID, :END_ID, :TYPE, id, attributes, claims) and
// relgraph.json, the schema and sources as a relgraph JSON document.

#include <map>
#include <string>

#include "relgraph/store/graph_store.hpp"

namespace relgraph::interchange {

// File name -> content.
std::map<std::string, std::string> writeNeo4jCsv(const store::GraphStore& graph);

}  // namespace relgraph::interchange
