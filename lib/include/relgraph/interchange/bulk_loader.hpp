#pragma once
// Loads graphs into the graph store (store/graph_store.hpp) for `relgraph load`. Edge lists,
// neo4j-admin CSV and node-link JSON are streamed: read in blocks, never whole (JSON through
// nlohmann/json's SAX parser, nodes then links in two passes), each record put into a StoreBuilder
// as it is read, so memory grows with the graph and not with the files. Any other input (relgraph
// JSON, GraphML, DOT), node-link with claims or relgraph metadata, and graphs whose attributes need
// a type per kind go through readGraph and the validating loader.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "relgraph/common/place.hpp"
#include "relgraph/interchange/graph_reader.hpp"
#include "relgraph/store/graph_store.hpp"

namespace relgraph::interchange {

// How far a load has come: bytes read of all the inputs' bytes, and records read.
struct LoadProgress {
    std::uint64_t bytesRead = 0;
    std::uint64_t bytesTotal = 0;
    std::uint64_t entities = 0;
    std::uint64_t relations = 0;
};

struct BulkResult {
    store::GraphStore graph;
    std::vector<Diagnostic> notes;  // as ImportResult::notes
    bool streamed = false;          // read by the streaming readers (false: through readGraph)
};

// Throws LoadError with the problems found, placed in the input files (file:line:column).
// `progress`, when set, is called every few megabytes and once at the end.
BulkResult loadBulk(const std::vector<std::filesystem::path>& paths, const ReadOptions& options = {},
                    const std::function<void(const LoadProgress&)>& progress = {});

}  // namespace relgraph::interchange
