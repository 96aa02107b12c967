#include <doctest/doctest.h>

#include "relgraph/common/error.hpp"
#include "relgraph/query/schema_report.hpp"
#include "relgraph/query/timeline_query.hpp"
#include "test_graphs.hpp"

using namespace relgraph;

TEST_CASE("date range: partial dates and periods overlap the range; bad dates and inverted ranges are errors") {
    const auto feb = query::DateRange::parse("2025-02", "2025-02");
    CHECK(feb.admits("2025-02-09"));
    CHECK(feb.admits("2025-02"));
    CHECK(feb.admits("2025"));             // may mean February
    CHECK(feb.admits("2024-10/.."));       // open period still running
    CHECK_FALSE(feb.admits("2025-03-01"));
    CHECK_FALSE(feb.admits("2024"));
    CHECK_FALSE(feb.admits(""));           // undated
    CHECK(query::DateRange().admits(""));  // unbounded
    CHECK(feb.description() == "from 2025-02 to 2025-02");
    CHECK(query::DateRange::parse("2024", "").description() == "from 2024");
    CHECK_THROWS_WITH_AS(query::DateRange::parse("2025-13", ""), doctest::Contains("--from \"2025-13\" is not a date"), QueryError);
    CHECK_THROWS_WITH_AS(query::DateRange::parse("", "yesterday"), doctest::Contains("--to \"yesterday\" is not a date"), QueryError);
    CHECK_THROWS_WITH_AS(query::DateRange::parse("2025", "2024-12-31"), doctest::Contains("is after --to"), QueryError);
}

TEST_CASE("timeline: dated claims and dated values, earliest first, of the entities asked about") {
    const store::GraphStore& s = testing::bundled();
    const auto all = query::timeline(s, {}, {});
    REQUIRE(all.size() > 10);
    long last = 0;
    for (const auto& ev : all) {
        const auto p = model::parsePeriod(ev.date);
        REQUIRE(p.has_value());
        const long start = p->start ? p->start->earliest() : 0;
        CHECK(start >= last);
        last = start;
        if (ev.what == "claim") CHECK(s.claim(*ev.claim).date() == ev.date);
    }
    const store::Vertex troops = s.resolveEntity("North Korean troops");
    const auto mine = query::timeline(s, {troops}, {});
    REQUIRE_FALSE(mine.empty());
    for (const auto& ev : mine) CHECK((s.from(ev.relation) == troops || s.to(ev.relation) == troops));
    const auto feb = query::timeline(s, {}, query::DateRange::parse("2025-02", "2025-02"));
    CHECK(feb.size() < all.size());
    bool withdrawal = false;
    for (const auto& ev : query::timeline(s, {troops}, query::DateRange::parse("2025-01", "2025-01"))) {
        withdrawal = withdrawal || (ev.claim && s.claim(*ev.claim).id() == "c004-nis-withdrawn-january");
    }
    CHECK(withdrawal);
}

TEST_CASE("schema report: entities per kind and relations per type add up") {
    const store::GraphStore& s = testing::bundled();
    const query::SchemaReport r = query::schemaReport(s);
    REQUIRE(r.entitiesOfKind.size() == s.kindCount());
    REQUIRE(r.relationsOfType.size() == s.typeCount());
    std::size_t entities = 0, relations = 0;
    for (const std::size_t n : r.entitiesOfKind) entities += n;
    for (const std::size_t n : r.relationsOfType) relations += n;
    CHECK(entities == s.entityCount());
    CHECK(relations == s.relationCount());
    CHECK(r.relationsOfType[*s.findType("sent_workers")] >= 1);
}

TEST_CASE("types and kinds resolve by name, label, spaced name or a unique label start") {
    const store::GraphStore& s = testing::bundled();
    CHECK(s.resolveType("sent troops").name == "sent_troops");      // the spaced name; the label is "sent troops to"
    CHECK(s.resolveType("Sent Troops To").name == "sent_troops");
    CHECK(s.resolveType("sent-troops").name == "sent_troops");
    CHECK(s.resolveKind("Media outlet").name == "media_outlet");
    CHECK_THROWS_WITH_AS(s.resolveType("drones"), doctest::Contains("'relgraph schema' lists them all"), QueryError);
    CHECK_THROWS_WITH_AS(s.resolveType("sent_trops"), doctest::Contains("did you mean \"sent_troops\""), QueryError);
    CHECK(s.resolveSource("korea-herald-ann-2025-02-nk-workers") == s.findSource("korea-herald-ann-2025-02-nk-workers"));
    CHECK(s.resolveSource("north korean workers flood into russia amid deepening alliance with putin") ==
          s.findSource("workers-flood-into-russia"));
    CHECK_THROWS_WITH_AS(s.resolveSource("newswek-2025-02-nk-workers"), doctest::Contains("unknown source"), QueryError);
}

TEST_CASE("entities resolve by a word of one name; a word of several is ambiguous") {
    const store::GraphStore& s = testing::bundled();
    CHECK(s.entity(s.resolveEntity("Putin")).id() == "vladimir-putin");
    CHECK(s.entity(s.resolveEntity("zelenskyy")).id() == "volodymyr-zelensky");  // an alias
    CHECK_THROWS_WITH_AS(s.resolveEntity("North Korean"), doctest::Contains("is ambiguous: it is in the names of"), QueryError);
    CHECK_THROWS_WITH_AS(s.resolveEntity("North Korean"), doctest::Contains("\"North Korean troops\" (Group)"), QueryError);
    CHECK_THROWS_WITH_AS(s.resolveEntity("Nobodyland"), doctest::Contains("unknown entity"), QueryError);
}
