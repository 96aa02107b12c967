#pragma once
// Snapshot files (.rgdb): a GraphStore's columns written as they lie in memory, so that opening
// one maps the file and points the columns straight into the mapping — no parsing, no copying.
// The layout, the versioning and checksum policy and what opening checks: docs/snapshot.md.

#include <filesystem>

#include "relgraph/store/graph_store.hpp"

namespace relgraph::store {

// The format version this relgraph writes and reads; a file of any other version is refused.
inline constexpr std::uint32_t kSnapshotVersion = 4;

// Writes `graph` to `path` atomically (a temporary file beside it, renamed over it when complete):
// a reader sees the old file or the new one, never a partial one, and a graph mapped from the old
// file stays valid. The file keeps the search index (store/search_index.hpp), built first if the
// graph has none, unless `withSearchIndex` is false: then a search on the file builds it in memory.
// Throws OutputError naming the file and the reason.
void writeSnapshot(const GraphStore& graph, const std::filesystem::path& path, bool withSearchIndex = true);

// Maps the snapshot at `path` read-only and checks it whole: header, section table, a checksum of
// every byte, then that no reading of the graph can leave its columns (GraphStore::firstProblem
// with Check::Bounds), in time linear in the file's size. The graph keeps the mapping alive.
// Throws LoadError naming the file and what is wrong: not a snapshot, another format version,
// truncated, corrupt, inconsistent.
GraphStore openSnapshot(const std::filesystem::path& path);

// openSnapshot, then the check opening leaves out (GraphStore::Check::Full): that every sparse-row
// run lists exactly its entity's relations, in order. For `relgraph validate --db`.
GraphStore verifySnapshot(const std::filesystem::path& path);

// Whether `path` is a readable file that starts like a snapshot (for commands that take either a
// graph or a snapshot); false for anything else, including missing files and folders.
bool isSnapshotFile(const std::filesystem::path& path);

}  // namespace relgraph::store
