#pragma once
// The store a query about a few named entities needs. On a bulk-loaded snapshot (--db) only the
// part of the graph the query can reach is made into records: a search over the compact store
// (query/compact_search.hpp) picks it, and the query then runs on those records exactly as it
// would on the whole graph. Anywhere else, the whole graph.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cli_context.hpp"
#include "filter_options.hpp"
#include "relgraph/query/compact_search.hpp"

namespace relgraph::cli {

struct ScopedStore {
    std::unique_ptr<store::GraphStore> store;
    query::TraversalFilter filter;
    std::vector<store::Vertex> named;  // the entities `names` named, in order
};

// Picks the region of a bulk-loaded snapshot, given its named entities and the resolved filter.
using RegionPicker = std::function<std::vector<store::CompactId>(
    const store::CompactGraph&, const std::vector<store::CompactId>& named, const query::TraversalFilter&)>;

ScopedStore openScopedStore(const CliContext& context, const FilterArgs& filter, const std::vector<std::string>& names,
                            const RegionPicker& region);

}  // namespace relgraph::cli
