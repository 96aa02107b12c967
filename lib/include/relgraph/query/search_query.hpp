#pragma once
// `relgraph search TEXT`: ranked full-text search over the store's index (store/search_index.hpp).
//
// The query is words and "quoted phrases". Every word must be in a hit (when no record has them
// all, records with some of them are ranked instead, and the result says so); the last word, unless
// the query ends in a space, also matches as a prefix, for typing as you go. Ranking is BM25 (k1 1.2,
// b 0.75) over each record's fields, names counting three times, titles twice; records of who said
// what to whom (attribution relations and their claims) count half.

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relgraph/query/date_range.hpp"
#include "relgraph/store/graph_store.hpp"
#include "relgraph/store/search_index.hpp"

namespace relgraph::query {

struct SearchFilters {
    std::set<std::size_t> kinds;  // entities of these kinds, and claims and relations touching one
    std::set<std::size_t> types;  // relations and claims of these types, and the types themselves
    std::optional<store::SourceRef> source;  // the source and the claims it carries
    std::optional<store::Vertex> party;      // claims naming it in `by` or `via`, sources it published
    DateRange dates;                         // dated records only: claims (claim date, else source date), sources
};

struct SearchHit {
    store::SearchDocKind kind;
    store::Row row;  // the entity, relation, claim, source, type or kind
    double score;
    std::string_view field;  // where the snippet is from ("summary", "name", …)
    std::string snippet;     // the field's text around the first match, "…" where it is cut
    std::vector<std::pair<std::size_t, std::size_t>> highlights;  // the matched words in the snippet, byte offsets
};

struct SearchResult {
    std::vector<SearchHit> hits;  // best first; ties in record order
    std::size_t total = 0;        // hits before --limit
    bool allWords = true;         // false: no record has every word; these have some
};

// Throws QueryError for a query without words.
SearchResult search(const store::GraphStore& store, std::string_view query, const SearchFilters& filters,
                    std::size_t limit);

// "entity", "relation", "claim", "source", "type", "kind".
std::string_view searchKindName(store::SearchDocKind kind);

// What a hit is, as answers show it: its id (a type's or kind's name), and a title: an entity's
// name, a relation's or claim's sentence ("North Korea —sent workers→ Russia"), a source's label, a
// type's or kind's label.
std::string searchHitId(const store::GraphStore& store, const SearchHit& hit);
std::string searchHitTitle(const store::GraphStore& store, const SearchHit& hit);
// A claim hit's date: the claim's, else its source's; empty for other hits.
std::string_view searchHitDate(const store::GraphStore& store, const SearchHit& hit);

}  // namespace relgraph::query
