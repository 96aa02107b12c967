#pragma once
// The options that say what a query may walk over (relation types and entity kinds to use or to
// avoid, attribution relations), shared by path, paths, neighbors, subgraph and stats.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "relgraph/query/traversal.hpp"

namespace relgraph::cli {

struct FilterArgs {
    std::vector<std::string> types;
    std::vector<std::string> avoidTypes;
    std::vector<std::string> kinds;
    std::vector<std::string> avoidKinds;
    bool includeAttribution = false;
};

void addFilterOptions(CLI::App& command, FilterArgs& args);

// Resolves type and kind names or labels; QueryError for unknown ones or a contradiction.
query::TraversalFilter resolveFilter(const store::GraphStore& store, const FilterArgs& args);

}  // namespace relgraph::cli
