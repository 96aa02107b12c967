#pragma once
// Streams an edge list (SNAP, LDBC: docs/interchange.md) into a GraphMapper block by block: the
// delimiter from the first line that is not a comment, the header detected from the first two
// records, further columns attributes typed by all their values (per relation type), a "claims"
// column relgraph JSON claims, nodes made on first mention.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "interchange/graph_mapper.hpp"

namespace relgraph::interchange {

struct EdgeListStreamOptions {
    std::string edgeType;        // empty: "related_to"
    std::string nodeKind;        // empty: from the header ("Person.id"), else "node"
    std::optional<bool> header;  // nullopt: detected
};

// Whether an edge list's header has an "id" column, which gives relations ids of their own (so
// that every relation gets one). Reads only the first records; false when the file cannot be read.
bool edgeListHasIds(const std::string& file, const EdgeListStreamOptions& options);

// `progress` is told the bytes of each block read.
void streamEdgeList(const std::string& file, const EdgeListStreamOptions& options, GraphMapper& mapper,
                    const std::function<void(std::uint64_t)>& progress);

}  // namespace relgraph::interchange
