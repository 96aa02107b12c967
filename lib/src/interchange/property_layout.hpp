#pragma once
// How relgraph records are laid out as the properties of nodes and edges in GraphML, node-link
// JSON, neo4j CSV, Cypher and DOT (docs/interchange.md): entities carry "kind", "name", "aliases"
// and "description"; relations "id", "type" and "claims"; attributes keep their names, with "@" in
// front of a name the layout already uses ("@name" is the attribute "name").

#include <map>
#include <string>

#include "relgraph/model/graph_data.hpp"

namespace relgraph::interchange {

std::string nodePropertyName(const std::string& attribute);
std::string edgePropertyName(const std::string& attribute);

// The value types of formats with typed columns or keys.
enum class ColumnType { String, Integer, Number, Boolean };

// One column type per attribute name over the kinds (or relation types) that declare it: the
// attribute's own type when they all agree, String when they differ (values are then written as text).
std::map<std::string, ColumnType> kindAttributeColumns(const model::Schema& schema);
std::map<std::string, ColumnType> typeAttributeColumns(const model::Schema& schema);

}  // namespace relgraph::interchange
