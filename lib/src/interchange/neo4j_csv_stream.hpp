#pragma once
// Streams neo4j-admin import CSV files (docs/interchange.md) into a GraphMapper block by block: node
// files (:ID, :LABEL, typed property columns) before any relationship file (:START_ID, :END_ID,
// :TYPE, a "claims" column of relgraph JSON claims), edges only between nodes the node files define.

#include <cstdint>
#include <functional>
#include <string>

#include "interchange/graph_mapper.hpp"

namespace relgraph::interchange {

// What a file's header says before the file is read: a node or a relationship file, and for
// relationships whether an "id" column (relation ids of their own) is there. A file that cannot be
// read, or whose header is broken, counts as a node file without one.
struct Neo4jCsvColumns {
    bool relationships = false;
    bool ids = false;
};
// `headerFile`: a headerless continuation's base file, whose header it takes.
Neo4jCsvColumns peekNeo4jCsvColumns(const std::string& file, const std::string& headerFile = {});

// How one file is read: `defaultType` types the relationships
// of a file without a :TYPE column ("" for "related_to") when its name "Src_type_Dst.csv" does not
// (or `typeFromFileName` is false); `headerFile` names a continuation's base file.
struct Neo4jStreamSource {
    std::string defaultType;
    bool typeFromFileName = true;
    std::string headerFile;
};

// `progress` is told the bytes of each block read.
void streamNeo4jCsv(const std::string& file, const Neo4jStreamSource& source, GraphMapper& mapper,
                    const std::function<void(std::uint64_t)>& progress);

}  // namespace relgraph::interchange
