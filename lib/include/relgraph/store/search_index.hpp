#pragma once
// The store's full-text index: every record with text (entities, relations with values, claims,
// sources, relation types, entity kinds) is a document; its fields are the texts below. The index
// keeps, for every term (common/search_text.hpp), the documents it is in and its weight there, as
// columns of the store (StoreColumns::search*) and so of its snapshot. A store read from graph
// files builds it when it is first searched or written (GraphStore::ensureSearchIndex). Queries rank with BM25
// (query/search_query.hpp).

#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "relgraph/store/graph_store.hpp"

namespace relgraph::store {

enum class SearchDocKind : std::uint8_t { Entity, Relation, Claim, Source, Type, Kind };

struct SearchField {
    std::string_view name;  // "name", "alias", "summary", "values", "title", …
    std::string text;
    std::uint8_t weight;    // how much an occurrence counts (names 3, titles 2, the rest 1)
};

// The fields of a record, in the order snippets look at them; empty when it has no text.
std::vector<SearchField> searchFields(const GraphStore& store, SearchDocKind kind, Row row);

// The index's documents and terms, read from a store's columns.
class SearchIndex {
public:
    // Builds the store's index first if it has none (GraphStore::ensureSearchIndex).
    explicit SearchIndex(const GraphStore& store) : c_(&store.columns()) { store.ensureSearchIndex(); }

    std::size_t documentCount() const { return c_->searchDocKind.size(); }
    SearchDocKind documentKind(Row doc) const { return static_cast<SearchDocKind>(c_->searchDocKind[doc]); }
    Row documentRow(Row doc) const { return c_->searchDocRow[doc]; }
    std::size_t documentLength(Row doc) const { return c_->searchDocLength[doc]; }
    double averageLength() const;

    std::size_t termCount() const { return c_->searchTermOffsets.empty() ? 0 : c_->searchTermOffsets.size() - 1; }
    std::string_view term(std::size_t t) const {
        return {c_->searchTermBytes.data() + c_->searchTermOffsets[t], c_->searchTermOffsets[t + 1] - c_->searchTermOffsets[t]};
    }
    // The term's index, if the index holds it; the terms that start with `prefix`, as [first, last).
    std::optional<std::size_t> findTerm(std::string_view term) const;
    std::pair<std::size_t, std::size_t> termsStartingWith(std::string_view prefix) const;
    // The documents holding term t (increasing) and its weights there.
    std::span<const Row> documents(std::size_t t) const {
        return c_->searchPostingDoc.subspan(c_->searchTermStart[t], c_->searchTermStart[t + 1] - c_->searchTermStart[t]);
    }
    std::span<const std::uint8_t> weights(std::size_t t) const {
        return c_->searchPostingWeight.subspan(c_->searchTermStart[t], c_->searchTermStart[t + 1] - c_->searchTermStart[t]);
    }

private:
    const StoreColumns* c_;
};

}  // namespace relgraph::store
