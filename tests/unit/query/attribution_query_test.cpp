#include <doctest/doctest.h>

#include "relgraph/common/error.hpp"
#include "relgraph/query/attribution_query.hpp"
#include "relgraph/query/entity_report.hpp"
#include "relgraph/query/relation_pattern.hpp"
#include "test_graphs.hpp"

using namespace relgraph;

namespace {
// The entity with this id (which must exist).
store::Vertex vertexOf(const store::GraphStore& s, std::string_view id) { return s.findEntityById(id).value(); }
}  // namespace

TEST_CASE("who-reported: chains, parties and republications for a relation") {
    const store::GraphStore& s = testing::tiny();
    const auto subject = query::resolveReportSubject(s, {"Alphaland", "sent workers", "beta"});
    REQUIRE(subject.relations.size() == 1);
    const auto report = query::whoReportedRelations(s, subject.relations);
    REQUIRE(report.attributions.size() == 3);
    CHECK(query::chainNames(s, report.attributions[0]) ==
          std::vector<std::string>{"Alpha Intelligence Agency", "Wire Service", "The Daily"});
    CHECK(query::chainNames(s, report.attributions[1]) ==
          std::vector<std::string>{"Alpha Intelligence Agency", "Wire Service", "[Repost of the Daily report]"});
    REQUIRE(report.attributions[1].original.has_value());
    CHECK(s.source(*report.attributions[1].original).id() == "s-daily");
    CHECK_FALSE(report.attributions[0].original.has_value());

    REQUIRE(report.parties.size() == 2);
    CHECK(s.entity(*report.parties[0].entity).id() == "spy");
    CHECK(report.parties[0].claims == 2);
    CHECK(report.parties[0].sources.size() == 2);
    CHECK(report.parties[0].independentSources == 1);  // the repost is not independent
    CHECK(s.entity(*report.parties[1].entity).id() == "officials");
}

TEST_CASE("who-reported: a claim with no originator is the publisher's, or the source's") {
    const store::GraphStore& s = testing::tiny();
    const auto report = query::whoReportedRelations(s, {*s.findRelation("r-beta-voted-res1")});
    REQUIRE(report.parties.size() == 1);
    CHECK(s.entity(*report.parties[0].entity).id() == "daily");
    CHECK(query::chainNames(s, report.attributions[0]) == std::vector<std::string>{"The Daily"});
}

TEST_CASE("who-reported: subjects are entities, relation ids or patterns") {
    const store::GraphStore& s = testing::tiny();
    CHECK(query::resolveReportSubject(s, {"bob"}).relations.size() == 2);
    CHECK(query::resolveReportSubject(s, {"r-beta-voted-res1"}).relations.size() == 1);
    // Symmetric relations match either way round; a two-word pattern takes any type.
    CHECK(query::resolveReportSubject(s, {"alpha", "gamma"}).relations.size() == 1);
    CHECK(query::resolveReportSubject(s, {"alpha", "allied_with", "gamma"}).relations.size() == 1);
    // Patterns match either way round: the relation found goes alpha → beta.
    const auto reversed = query::resolveReportSubject(s, {"beta", "sent_workers", "alpha"});
    REQUIRE(reversed.relations.size() == 1);
    CHECK(s.entity(s.from(reversed.relations[0])).id() == "alpha");
    // * for either end (not both without a type).
    const auto anyFrom = query::resolveReportSubject(s, {"*", "sent_workers", "beta"});
    CHECK(anyFrom.relations == reversed.relations);
    CHECK(query::resolveReportSubject(s, {"*", "sent_workers", "*"}).relations == reversed.relations);
    CHECK(query::resolveReportSubject(s, {"alpha", "*"}).relations.size() >= 2);
    CHECK_THROWS_WITH_AS(query::resolveReportSubject(s, {"*", "*"}), doctest::Contains("* * matches every relation"), QueryError);
    CHECK(query::resolveReportSubject(s, {"gamma", "sent_workers", "beta"}).relations.empty());
    CHECK_THROWS_AS(query::resolveReportSubject(s, {"a", "b", "c", "d"}), QueryError);
    CHECK_THROWS_AS(query::resolveReportSubject(s, {"nobody"}), QueryError);
}

TEST_CASE("who-reported: a pattern that matches nothing names the parts and wholes that match") {
    const store::GraphStore& s = testing::bundled();
    const auto subject = query::resolveReportSubject(s, {"North Korea", "returned_to", "Kursk region"});
    CHECK(subject.relations.empty());
    REQUIRE(subject.hints.size() == 1);
    CHECK(subject.hints[0] == "North Korean troops (part of North Korea) has one: relgraph who-reported \"North Korean troops\" "
                              "returned_to \"Kursk region\"");
    CHECK(query::resolveReportSubject(s, {"Russia", "returned_to", "Ukraine"}).hints.empty());
}

TEST_CASE("show: relations grouped by type and claims made") {
    const store::GraphStore& s = testing::tiny();
    const auto report = query::entityReport(s, vertexOf(s, "alpha"));
    std::vector<std::string> types;
    for (const auto& g : report.groups) types.push_back(g.type);
    CHECK(types == std::vector<std::string>{"allied_with", "leads", "member_of", "sent_workers"});
    CHECK(report.claimsMade.empty());
    const auto wire = query::entityReport(s, vertexOf(s, "wire"));
    CHECK(wire.claimsMade.size() == 2);  // passed on c2 and c3
    CHECK(wire.groups.size() == 1);      // its reporting relations are listed too
}

TEST_CASE("who-reported: a claim id is a subject of its own") {
    const store::GraphStore& s = testing::tiny();
    const auto subject = query::resolveReportSubject(s, {"c4"});
    REQUIRE(subject.claims.size() == 1);
    CHECK(s.relation(subject.relations.at(0)).id() == "r-alpha-workers-beta");
    CHECK(subject.description == "claim c4 (Alphaland —sent workers→ Betastan)");
    const auto report = query::whoReportedClaims(s, subject.claims);
    REQUIRE(report.attributions.size() == 1);
    REQUIRE(report.parties.size() == 1);
    CHECK(s.entity(*report.parties[0].entity).id() == "officials");
    // Entity and relation subjects carry every claim of their relations.
    CHECK(query::resolveReportSubject(s, {"alpha", "beta"}).claims.size() == 3);
}

TEST_CASE("who-reported: each party's earliest date, from claims or else their sources") {
    const store::GraphStore& s = testing::tiny();
    const auto report = query::whoReportedRelations(s, {*s.findRelation("r-alpha-workers-beta")});
    CHECK(report.parties[0].earliestDate == "2025-02-09");  // the agency: claim dates
    CHECK(report.parties[1].earliestDate == "2025-02-09");  // the officials: the wire bulletin's date
    const auto daily = query::whoReportedRelations(s, {*s.findRelation("r-beta-voted-res1")});
    CHECK(daily.parties[0].earliestDate == "2025-02-10");
}
