#pragma once
// Reads graphs in any supported format (relgraph JSON, node-link JSON, GraphML, DOT, neo4j CSV,
// edge lists) into the graph store, validated. Foreign formats are mapped onto relgraph's model as
// docs/interchange.md describes, then validated like relgraph JSON, with every problem placed in
// the file the user wrote.

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

struct ReadOptions {
    std::optional<Format> format;  // read every input as this format; nullopt: by extension and content
    EdgeListOptions edgeList;
    // Told the bytes of relgraph JSON files as they are read, a block at a time (each file is read
    // twice: its schema first, then its records).
    std::function<void(std::uint64_t)> onBytes;
};

// Move-only, as the store is.
struct ImportResult {
    store::GraphStore graph;
    // What the mapping changed or left out (a name made unique, a property renamed, DOT styling
    // dropped), each with its place: worth telling the user, not an error.
    std::vector<Diagnostic> notes;
};

// Files and folders, all loaded into one graph. A folder holding .csv files is read as neo4j CSV
// and edge-list files (with any relgraph .json beside them); any other folder as relgraph JSON.
// Throws LoadError with every problem found, placed in the input files.
ImportResult readGraph(const std::vector<std::filesystem::path>& paths, const ReadOptions& options = {});

}  // namespace relgraph::interchange
