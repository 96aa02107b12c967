#include <doctest/doctest.h>

#include <algorithm>

#include "relgraph/common/error.hpp"
#include "test_graphs.hpp"

using namespace relgraph;

TEST_CASE("store: entities resolve by id, name and alias in any case") {
    const store::GraphStore& s = testing::tiny();
    const store::Vertex alpha = s.vertexOf("alpha");
    CHECK(s.findEntity("alpha") == alpha);
    CHECK(s.findEntity("Alphaland") == alpha);
    CHECK(s.findEntity("ALPHALAND") == alpha);
    CHECK(s.findEntity("  republic   of ALPHA ") == alpha);
    CHECK(s.findEntity("al") == alpha);
    CHECK(s.findEntity("Bob Brown") == s.vertexOf("bob"));
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
    CHECK(boost::num_vertices(s.graph()) == 12);
    CHECK(boost::num_edges(s.graph()) == 9);
    CHECK(s.claimCount() == 11);
    CHECK(s.relationsOfType("reported").size() == 2);
    CHECK(s.relationsOfType("no_such_type").empty());
    const auto edge = s.findRelation("r-alpha-workers-beta");
    REQUIRE(edge.has_value());
    CHECK(s.relation(*edge).claims.size() == 3);
    const auto claim = s.findClaim("c4");
    REQUIRE(claim.has_value());
    CHECK(s.claim(*claim).summary == "Officials put the number at 1,200.");
    CHECK(s.findSource("s-repost")->republishes == "s-daily");
    CHECK(s.findSource("nope") == nullptr);
    CHECK_FALSE(s.findRelation("nope").has_value());
}

TEST_CASE("store: vertices and relations are in id order whatever the input order") {
    const store::GraphStore& s = testing::tiny();
    std::vector<std::string> ids;
    for (const auto v : boost::make_iterator_range(boost::vertices(s.graph()))) ids.push_back(s.entity(v).id);
    CHECK(std::is_sorted(ids.begin(), ids.end()));
    std::vector<std::string> relationIds;
    for (const auto e : s.relations()) relationIds.push_back(s.relation(e).id);
    CHECK(std::is_sorted(relationIds.begin(), relationIds.end()));
}
