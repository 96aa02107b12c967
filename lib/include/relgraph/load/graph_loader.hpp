#pragma once
// Loads relgraph JSON graph files (docs/format.md) into the graph store, validated record by record.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "relgraph/common/place.hpp"
#include "relgraph/store/graph_store.hpp"

namespace relgraph::load {

class GraphLoader {
public:
    // A .json file, or a folder read recursively for *.json files (hidden entries skipped),
    // in byte order of their paths.
    void addPath(const std::filesystem::path& path);
    // A file read as relgraph JSON, whatever its name.
    void addFile(const std::filesystem::path& file);
    // In-memory text under a display name (used by tests and by other front ends).
    void addText(std::string name, std::string text);

    // Told the bytes of each file as they are read (files are read twice; text added is not told).
    void onBytes(std::function<void(std::uint64_t)> progress) { progress_ = std::move(progress); }

    // Parses and validates everything added. Throws LoadError listing every problem found,
    // in file and line order; returns a store only when the graph is clean. Files are read a block
    // at a time, twice (the schema first, then the records one by one, each into the store's
    // builder), and never held whole.
    store::GraphStore load();

private:
    struct Input {
        std::string name;
        std::optional<std::string> text;  // none: the file `name`, read when loading
    };
    std::vector<Input> inputs_;
    std::vector<Diagnostic> early_;  // unreadable paths, found while adding
    std::function<void(std::uint64_t)> progress_;
};

// Convenience: a loader over `paths`, loaded.
store::GraphStore loadGraph(const std::vector<std::filesystem::path>& paths);

}  // namespace relgraph::load
