#pragma once
// Streams an edge list (SNAP, LDBC: docs/interchange.md) into a BulkMapper block by block, reading
// it as edge_list_reader.cpp and graph_mapper.cpp read it whole: the delimiter from the first line
// that is not a comment, the header detected from the first two records, further columns typed by
// all their values, nodes made on first mention.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "interchange/bulk_mapper.hpp"

namespace relgraph::interchange {

struct EdgeListStreamOptions {
    std::string edgeType;        // empty: "related_to"
    std::string nodeKind;        // empty: from the header ("Person.id"), else "node"
    std::optional<bool> header;  // nullopt: detected
    // Property values as readGraph takes them when their column is of numbers or booleans ("7" for
    // "007"), which needs a first pass over each file with further columns; else as written.
    bool canonicalValues = false;
};

// What an edge list's header holds that decides how the whole load goes: a "claims" column (which
// the streams do not read) or an "id" column (relation ids of their own). Reads only the
// first records; a file that cannot be read holds neither.
struct EdgeListColumns {
    bool claims = false;
    bool ids = false;
};
EdgeListColumns peekEdgeListColumns(const std::string& file, const EdgeListStreamOptions& options);

// `progress` is told the bytes of each block read.
void streamEdgeList(const std::string& file, const EdgeListStreamOptions& options, BulkMapper& mapper,
                    const std::function<void(std::uint64_t)>& progress);

}  // namespace relgraph::interchange
