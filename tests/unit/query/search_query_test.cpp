#include <doctest/doctest.h>

#include <algorithm>
#include <fmt/format.h>
#include <fstream>

#include "relgraph/common/error.hpp"
#include "relgraph/interchange/graph_reader.hpp"
#include "relgraph/query/search_query.hpp"
#include "relgraph/store/snapshot.hpp"
#include "test_graphs.hpp"

using namespace relgraph;
using store::SearchDocKind;

namespace {
query::SearchResult find(const store::GraphStore& s, std::string_view q, const query::SearchFilters& f = {},
                         std::size_t limit = 50) {
    return query::search(s, q, f, limit);
}
std::vector<std::string> ids(const store::GraphStore& s, const query::SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(query::searchHitId(s, h));
    return out;
}
bool has(const std::vector<std::string>& v, std::string_view id) { return std::find(v.begin(), v.end(), id) != v.end(); }
}  // namespace

TEST_CASE("search: words in claim summaries and values, relation values, names and type labels") {
    const store::GraphStore& s = testing::bundled();
    CHECK(has(ids(s, find(s, "stipend")), "c000-nis-stipend-800"));
    CHECK(has(ids(s, find(s, "drones")), "nhk-world-reported-dprk"));  // a relation's value: "joint drone development"
    const auto labour = find(s, "labour shortage");
    REQUIRE_FALSE(labour.hits.empty());
    CHECK(labour.allWords);
    CHECK(has(ids(s, labour), "estimated_labor_shortage"));  // the type's label
    CHECK(has(ids(s, find(s, "12-fold")), "c002-arrivals-12-fold"));  // "twelvefold"
    const auto putin = find(s, "putin");
    REQUIRE_FALSE(putin.hits.empty());
    CHECK(putin.hits[0].kind == SearchDocKind::Entity);  // names count most
    CHECK(query::searchHitId(s, putin.hits[0]) == "vladimir-putin");
}

TEST_CASE("search: every word must match; else the records with some, said so; the last word is a prefix") {
    const store::GraphStore& s = testing::bundled();
    const auto both = find(s, "student visas");
    REQUIRE_FALSE(both.hits.empty());
    for (const auto& h : both.hits) {
        CHECK(h.highlights.size() >= 1);
    }
    const auto some = find(s, "stipend zzzqqq");
    CHECK_FALSE(some.allWords);
    CHECK(has(ids(s, some), "c000-nis-stipend-800"));
    // "stip" completes to "stipend" as the last word only.
    CHECK(has(ids(s, find(s, "stip")), "c000-nis-stipend-800"));
    CHECK(find(s, "stip ").hits.empty());
    CHECK(find(s, "\"stip\"").hits.empty());
}

TEST_CASE("search: a phrase matches its words in order, next to each other") {
    const store::GraphStore& s = testing::bundled();
    const auto phrase = find(s, "\"student visas\"");
    const auto reversed = find(s, "\"visas student\"");
    CHECK_FALSE(phrase.hits.empty());
    CHECK(reversed.hits.size() < phrase.hits.size());
    for (const auto& h : phrase.hits) {
        std::string snippet = h.snippet;
        std::transform(snippet.begin(), snippet.end(), snippet.begin(), ::tolower);
        CHECK(snippet.find("student visa") != std::string::npos);
    }
}

TEST_CASE("search: filters by kind, type, source, party and date") {
    const store::GraphStore& s = testing::bundled();
    query::SearchFilters f;
    f.party = s.findEntityById("nis");
    for (const auto& h : find(s, "troops", f).hits) {
        REQUIRE(h.kind == SearchDocKind::Claim);
        const auto by = s.claim(h.row).by(), via = s.claim(h.row).via();
        CHECK((std::find(by.begin(), by.end(), *f.party) != by.end() || std::find(via.begin(), via.end(), *f.party) != via.end()));
    }
    query::SearchFilters dated;
    dated.dates = query::DateRange::parse("2025-02", "2025-02");
    const auto inFebruary = find(s, "troops", dated);
    CHECK_FALSE(inFebruary.hits.empty());
    for (const auto& h : inFebruary.hits) CHECK(query::searchHitDate(s, h).starts_with("2025-02"));
    query::SearchFilters kinds;
    kinds.kinds.insert(*s.findKind("person"));
    for (const auto& h : find(s, "kim", kinds).hits) {
        if (h.kind == SearchDocKind::Entity) CHECK(s.kindOf(h.row).name == "person");
    }
    query::SearchFilters source;
    source.source = s.findSource("korea-herald-ann-2025-02-nk-workers");
    for (const auto& h : find(s, "troops", source).hits) {
        if (h.kind == SearchDocKind::Claim) CHECK(s.claim(h.row).source() == *source.source);
        else CHECK(h.kind == SearchDocKind::Source);
    }
}

TEST_CASE("search: ranked deterministically, limited, with snippets inside the field") {
    const store::GraphStore& s = testing::bundled();
    const auto all = find(s, "north korea", {}, 1000);
    const auto first = find(s, "north korea", {}, 3);
    REQUIRE(first.hits.size() == 3);
    CHECK(first.total == all.total);
    for (std::size_t i = 0; i < 3; ++i) CHECK(query::searchHitId(s, first.hits[i]) == query::searchHitId(s, all.hits[i]));
    for (std::size_t i = 1; i < all.hits.size(); ++i) CHECK(all.hits[i - 1].score >= all.hits[i].score);
    for (const auto& h : all.hits) {
        CHECK(h.snippet.size() <= 170);
        for (const auto& [b, e] : h.highlights) CHECK((b < e && e <= h.snippet.size()));
    }
}

TEST_CASE("search: an empty query is an error; an unknown word finds nothing") {
    const store::GraphStore& s = testing::bundled();
    CHECK_THROWS_WITH_AS(find(s, ""), doctest::Contains("empty search"), QueryError);
    CHECK_THROWS_WITH_AS(find(s, " ;- \"\" "), doctest::Contains("empty search"), QueryError);
    const auto none = find(s, "qqqzzzx");
    CHECK(none.hits.empty());
    CHECK(none.total == 0);
}

TEST_CASE("search: the index is in the snapshot and answers alike from it; a snapshot without it builds one") {
    const store::GraphStore& s = testing::bundled();
    const auto with = std::filesystem::temp_directory_path() / "relgraph-search-test.rgdb";
    const auto without = std::filesystem::temp_directory_path() / "relgraph-search-test-bare.rgdb";
    store::writeSnapshot(s, with.string());
    store::writeSnapshot(s, without.string(), false);
    CHECK(std::filesystem::file_size(without) < std::filesystem::file_size(with));
    const store::GraphStore mapped = store::openSnapshot(with.string());
    CHECK(mapped.columns().searchPostingDoc.size() == s.columns().searchPostingDoc.size());
    CHECK(ids(mapped, find(mapped, "student visas")) == ids(s, find(s, "student visas")));
    const store::GraphStore bare = store::openSnapshot(without.string());
    CHECK(bare.columns().searchPostingDoc.empty());
    CHECK(ids(bare, find(bare, "student visas")) == ids(s, find(s, "student visas")));
    CHECK(bare.columns().searchPostingDoc.size() == s.columns().searchPostingDoc.size());
    std::filesystem::remove(with);
    std::filesystem::remove(without);
}

TEST_CASE("search: the index does not depend on how its build is split between threads") {
    // The claim-rich generator's shape, small: enough records for two threads.
    std::string entities, relations;
    for (int i = 0; i < 30000; ++i) {
        entities += fmt::format("{}{{\"id\": \"e{}\", \"name\": \"Name{} Word{}\", \"kind\": \"k\"}}", i ? "," : "", i, i, i % 97);
    }
    for (int i = 0; i < 30000; ++i) {
        relations += fmt::format("{}{{\"id\": \"r{}\", \"type\": \"t\", \"from\": \"e{}\", \"to\": \"e{}\", \"claims\": "
                                 "[{{\"id\": \"c{}\", \"source\": \"s\", \"summary\": \"Name{} says {} things, twelvefold\"}}]}}",
                                 i ? "," : "", i, i, (i * 7 + 1) % 30000, i, i, i % 13);
    }
    const std::string text = R"({"relgraph": 1, "schema": {"kinds": {"k": {"label": "K"}}, "types": {"t": {"label": "links", "from": ["*"], "to": ["*"]}}},
        "sources": [{"id": "s", "title": "Source"}], "entities": [)" + entities + "], \"relations\": [" + relations + "]}";
    const store::GraphStore g = testing::loadTexts({{"big.json", text}});
    const auto r = find(g, "twelvefold name7", {}, 5);
    REQUIRE_FALSE(r.hits.empty());
    CHECK(r.allWords);
    // Every term's documents rise, and every document of a hit holds the words.
    const store::SearchIndex index(g);
    for (std::size_t t = 0; t < index.termCount(); ++t) {
        const auto docs = index.documents(t);
        CHECK(std::is_sorted(docs.begin(), docs.end()));
    }
    CHECK_FALSE(g.firstProblem().has_value());
    CHECK(find(g, "word96").total == 30000 / 97 + (30000 % 97 > 96 ? 1 : 0));
}

TEST_CASE("search: an edge list's index holds only its type, and its ids are found by id, not searched") {
    const auto path = std::filesystem::temp_directory_path() / "relgraph-search-test.tsv";
    {
        std::ofstream out(path);
        out << "1\t2\n2\t3\n";
    }
    const store::GraphStore g = std::move(interchange::readGraph({path.string()}).graph);
    std::filesystem::remove(path);
    CHECK(find(g, "2").hits.empty());
    const auto type = find(g, "related");
    REQUIRE(type.hits.size() == 1);
    CHECK(type.hits[0].kind == SearchDocKind::Type);
}
