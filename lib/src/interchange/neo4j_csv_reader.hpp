#pragma once
// Reads neo4j-admin import CSV files: node files (:ID, :LABEL and property columns) and
// relationship files (:START_ID, :END_ID, :TYPE and property columns), with typed columns
// (count:int, tags:string[]) and ID spaces (:ID(Person)).

#include <string>
#include <string_view>

#include "interchange/imported_graph.hpp"

namespace relgraph::interchange {

// True when the first line of `text` names a neo4j-admin column (:ID, :LABEL, :START_ID, :END_ID
// or :TYPE), so a .csv file is read as neo4j CSV rather than as an edge list.
bool hasNeo4jHeader(std::string_view text);

// `defaultType` types relationships of a file without a :TYPE column.
ImportedGraph readNeo4jCsv(const std::string& file, std::string_view text, const std::string& defaultType,
                           ReadReport& report);

}  // namespace relgraph::interchange
