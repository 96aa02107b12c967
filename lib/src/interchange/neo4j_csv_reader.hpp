#pragma once
// Reads neo4j-admin import CSV files: node files (:ID, :LABEL and property columns) and
// relationship files (:START_ID, :END_ID, :TYPE and property columns), with typed columns
// (count:int, tags:string[]) and ID spaces (:ID(Person)).

#include <string>
#include <string_view>

#include "interchange/imported_graph.hpp"

namespace relgraph::interchange {

// True when the first line of `text` names a neo4j-admin column (:ID, :LABEL, :START_ID, :END_ID
// or :TYPE) in comma- or '|'-separated fields, so a .csv file is read as neo4j CSV rather than as an edge list.
bool hasNeo4jHeader(std::string_view text);

// How one file is read besides its text.
struct Neo4jCsvSource {
    std::string defaultType;        // types relationships without a :TYPE (after the file name's type)
    bool typeFromFileName = true;   // "Src_type_Dst.csv" types them (false when --edge-type names the file)
    std::string headerFile;         // a headerless continuation: the file whose header it takes
    std::string_view headerText;    // that file's text
};

// `defaultType` types relationships of a file without a :TYPE column.
ImportedGraph readNeo4jCsv(const std::string& file, std::string_view text, const std::string& defaultType,
                           ReadReport& report);
ImportedGraph readNeo4jCsv(const std::string& file, std::string_view text, const Neo4jCsvSource& source,
                           ReadReport& report);

}  // namespace relgraph::interchange
