#pragma once
// Reads graphs in any supported format (relgraph JSON, node-link JSON, GraphML, DOT, neo4j CSV,
// edge lists) into the graph store, validated: the one way in, for five records or millions. Every
// input is read once, record by record, into one store builder: relgraph JSON validated by the
// loader, foreign formats mapped onto relgraph's model as docs/interchange.md describes and checked
// as relgraph JSON is, every problem placed in the file the user wrote. Edge lists, neo4j-admin CSV,
// node-link and relgraph JSON are read a block at a time, never whole; GraphML and DOT, which their
// libraries (pugixml, cgraph) parse whole, are mapped from the parsed document.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "relgraph/common/place.hpp"
#include "relgraph/interchange/interchange_format.hpp"
#include "relgraph/store/graph_store.hpp"

namespace relgraph::interchange {

// How edge lists (which name no types or kinds) are mapped.
struct EdgeListOptions {
    std::string edgeType;                             // every edge's relation type; empty: "related_to"
    std::map<std::string, std::string> typeByFile;    // file name (or path as given) -> relation type
    std::string nodeKind;                             // every node's kind; empty: "node"
    std::optional<bool> header;                       // nullopt: detected (docs/interchange.md)
};

// How far a read has come: bytes read of all the inputs' bytes (relgraph JSON counts twice: its
// schema is read first, then its records), and records read.
struct LoadProgress {
    std::uint64_t bytesRead = 0;
    std::uint64_t bytesTotal = 0;
    std::uint64_t entities = 0;
    std::uint64_t relations = 0;
};

struct ReadOptions {
    std::optional<Format> format;  // read every input as this format; nullopt: by extension and content
    EdgeListOptions edgeList;
    // Told every few megabytes, and once at the end.
    std::function<void(const LoadProgress&)> onProgress;
};

// Move-only, as the store is.
struct ImportResult {
    store::GraphStore graph;
    // What the mapping changed or left out (a name made unique, a property renamed, DOT styling
    // dropped), each with its place: worth telling the user, not an error.
    std::vector<Diagnostic> notes;
};

// The one entry point for any graph: files and folders, all loaded into one graph, or one snapshot
// (store/snapshot.hpp), mapped. A folder holding .csv files is read as neo4j CSV and edge-list files
// (with any relgraph .json beside them); any other folder as relgraph JSON.
// Throws LoadError with the problems found, placed in the input files (file:line:column and JSON
// pointer): those of reading the inputs when there are any, else those of mapping foreign records,
// else every problem the records and the whole graph have.
ImportResult readGraph(const std::vector<std::filesystem::path>& paths, const ReadOptions& options = {});

}  // namespace relgraph::interchange
