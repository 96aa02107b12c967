#include <doctest/doctest.h>

#include <algorithm>

#include "relgraph/common/error.hpp"
#include "test_graphs.hpp"

using namespace relgraph;

namespace {
store::Vertex vertexOf(const store::GraphStore& s, std::string_view id) { return *s.findEntityById(id); }
}  // namespace

TEST_CASE("store: entities resolve by id, name and alias in any case") {
    const store::GraphStore& s = testing::tiny();
    const store::Vertex alpha = vertexOf(s, "alpha");
    CHECK(s.findEntity("alpha") == alpha);
    CHECK(s.findEntity("Alphaland") == alpha);
    CHECK(s.findEntity("ALPHALAND") == alpha);
    CHECK(s.findEntity("  republic   of ALPHA ") == alpha);
    CHECK(s.findEntity("al") == alpha);
    CHECK(s.findEntity("Bob Brown") == vertexOf(s, "bob"));
    CHECK_FALSE(s.findEntity("Alfaland").has_value());
}

TEST_CASE("store: an unknown entity names the closest matches") {
    const store::GraphStore& s = testing::tiny();
    CHECK_THROWS_WITH_AS(s.resolveEntity("Alfaland"), doctest::Contains("did you mean \"Alphaland\""), QueryError);
    CHECK_THROWS_WITH_AS(s.resolveEntity("Betastann"), doctest::Contains("\"Betastan\""), QueryError);
    CHECK_THROWS_WITH_AS(s.resolveEntity("qqqqqqqqqq"), doctest::Contains("no entity has a similar"), QueryError);
}

TEST_CASE("store: relation types resolve by name or label") {
    const store::GraphStore& s = testing::tiny();
    CHECK(s.resolveType("sent_workers").name == "sent_workers");
    CHECK(s.resolveType("Sent Workers").name == "sent_workers");
    CHECK_THROWS_WITH_AS(s.resolveType("sent_wrkers"), doctest::Contains("did you mean \"sent_workers\""), QueryError);
}

TEST_CASE("store: indexes by id, type and claim") {
    const store::GraphStore& s = testing::tiny();
    CHECK(s.entityCount() == 12);
    CHECK(s.relationCount() == 9);
    CHECK(s.claimCount() == 11);
    CHECK(s.relationsOfType(*s.findType("reported")).size() == 2);
    CHECK_FALSE(s.findType("no_such_type").has_value());
    const auto edge = s.findRelation("r-alpha-workers-beta");
    REQUIRE(edge.has_value());
    CHECK(s.relation(*edge).claims().size() == 3);
    const auto claim = s.findClaim("c4");
    REQUIRE(claim.has_value());
    CHECK(s.claim(*claim).summary() == "Officials put the number at 1,200.");
    const auto repost = s.findSource("s-repost");
    REQUIRE(repost.has_value());
    CHECK(s.source(*s.source(*repost).republishes()).id() == "s-daily");
    CHECK_FALSE(s.findSource("nope").has_value());
    CHECK_FALSE(s.findRelation("nope").has_value());
    CHECK_FALSE(s.findClaim("nope").has_value());
}

TEST_CASE("store: entities, relations and sources are in id order whatever the input order") {
    const store::GraphStore& s = testing::tiny();
    std::vector<std::string> ids;
    for (store::Vertex v = 0; v < s.entityCount(); ++v) ids.emplace_back(s.entity(v).id());
    CHECK(std::is_sorted(ids.begin(), ids.end()));
    std::vector<std::string> relationIds;
    for (store::Edge e = 0; e < s.relationCount(); ++e) relationIds.push_back(s.relation(e).id());
    CHECK(std::is_sorted(relationIds.begin(), relationIds.end()));
    std::vector<std::string> sourceIds;
    for (store::SourceRef r = 0; r < s.sourceCount(); ++r) sourceIds.emplace_back(s.source(r).id());
    CHECK(std::is_sorted(sourceIds.begin(), sourceIds.end()));
    CHECK_FALSE(s.firstProblem().has_value());
}
