#pragma once
// A Cypher script that builds the graph in Neo4j: a uniqueness constraint on id per kind, then the
// nodes merged on their id and the relationships merged on theirs, in batches through UNWIND.
// Claims are JSON text in a relationship property; the schema and sources a relgraph JSON document
// in the property "document" of one (:relgraph_metadata {id: "relgraph"}) node.

#include <string>

#include "relgraph/store/graph_store.hpp"

namespace relgraph::interchange {

std::string writeCypher(const store::GraphStore& graph);

// 'text' as a Cypher string literal: quotes, backslashes and control characters escaped.
std::string cypherString(std::string_view text);
// `name` as a Cypher identifier in backquotes, backquotes doubled.
std::string cypherName(std::string_view name);

}  // namespace relgraph::interchange
