#pragma once
// Building the store's search index (store/search_index.hpp) from a store's other columns
// (GraphStore::ensureSearchIndex).

#include <cstdint>

#include "relgraph/common/large_array.hpp"
#include "relgraph/store/graph_store.hpp"

namespace relgraph::store {

// The StoreColumns::search* columns.
struct SearchIndexArrays {
    LargeArray<std::uint8_t> docKind;
    LargeArray<Row> docRow;
    LargeArray<std::uint16_t> docLength;
    LargeArray<char> termBytes;
    LargeArray<std::uint64_t> termOffsets;
    LargeArray<Row> termStart;
    LargeArray<Row> postingDoc;
    LargeArray<std::uint8_t> postingWeight;
};

SearchIndexArrays buildSearchIndex(const GraphStore& store);

}  // namespace relgraph::store
