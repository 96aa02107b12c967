#pragma once
// Loads relgraph JSON graph files (docs/format.md) into validated GraphData.

#include <filesystem>
#include <string>
#include <vector>

#include "relgraph/model/graph_data.hpp"

namespace relgraph::load {

class GraphLoader {
public:
    // A .json file, or a folder read recursively for *.json files (hidden entries skipped),
    // in byte order of their paths.
    void addPath(const std::filesystem::path& path);
    // In-memory text under a display name (used by tests and by other front ends).
    void addText(std::string name, std::string text);

    // Parses and validates everything added. Throws LoadError listing every problem found,
    // in file and line order; returns data only when the graph is clean.
    model::GraphData load();

private:
    struct Input {
        std::string name;
        std::string text;
    };
    std::vector<Input> inputs_;
    std::vector<Diagnostic> early_;  // unreadable paths, found while adding
};

// Convenience: a loader over `paths`, loaded.
model::GraphData loadGraph(const std::vector<std::filesystem::path>& paths);

}  // namespace relgraph::load
