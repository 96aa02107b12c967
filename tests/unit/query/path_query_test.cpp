#include <doctest/doctest.h>

#include "path_checks.hpp"
#include "relgraph/query/path_query.hpp"
#include "test_graphs.hpp"

using namespace relgraph;
using testing::entityIds;
using testing::Ids;
using testing::relationIds;
using testing::vertexOf;

TEST_CASE("path: shortest path skips reporting relations unless asked") {
    const store::GraphStore& s = testing::tiny();
    query::PathOptions options;
    auto p = query::shortestPath(s, vertexOf(s, "bob"), vertexOf(s, "gamma"), options);
    REQUIRE(p.has_value());
    CHECK(entityIds(s, *p) == Ids{"bob", "workers", "alpha", "gamma"});
    CHECK(relationIds(s, *p) == Ids{"r-bob-employs-workers", "r-workers-member-alpha", "r-alpha-allied-gamma"});
    CHECK(p->hops[0].forward);
    CHECK(p->hops[2].forward == false);  // stored gamma -> alpha, walked alpha -> gamma

    options.filter.includeAttribution = true;
    p = query::shortestPath(s, vertexOf(s, "bob"), vertexOf(s, "gamma"), options);
    REQUIRE(p.has_value());
    CHECK(entityIds(s, *p) == Ids{"bob", "wire", "gamma"});
}

TEST_CASE("path: directed paths follow arrows, symmetric relations both ways") {
    const store::GraphStore& s = testing::tiny();
    query::PathOptions options;
    options.directed = true;
    const auto p = query::shortestPath(s, vertexOf(s, "ann"), vertexOf(s, "gamma"), options);
    REQUIRE(p.has_value());
    CHECK(entityIds(s, *p) == Ids{"ann", "alpha", "gamma"});
    CHECK_FALSE(query::shortestPath(s, vertexOf(s, "beta"), vertexOf(s, "alpha"), options).has_value());
}

TEST_CASE("path: type filters restrict the hops") {
    const store::GraphStore& s = testing::tiny();
    query::PathOptions options;
    options.filter.types = {"leads"};
    CHECK_FALSE(query::shortestPath(s, vertexOf(s, "ann"), vertexOf(s, "beta"), options).has_value());
    options.filter.types = {"leads", "sent_workers"};
    const auto p = query::shortestPath(s, vertexOf(s, "ann"), vertexOf(s, "beta"), options);
    REQUIRE(p.has_value());
    CHECK(p->hops.size() == 2);
}

TEST_CASE("path: avoided types and kinds are walked around, and the ends are never avoided") {
    const store::GraphStore& s = testing::parallel();
    query::PathOptions options;
    options.filter.avoidKinds = {"person"};  // Cora Chen
    auto p = query::shortestPath(s, vertexOf(s, "a"), vertexOf(s, "e"), options);
    REQUIRE(p.has_value());
    CHECK(entityIds(s, *p) == Ids{"a", "b", "d", "e"});
    // The path may start at an entity of an avoided kind.
    p = query::shortestPath(s, vertexOf(s, "c"), vertexOf(s, "b"), options);
    REQUIRE(p.has_value());
    CHECK(entityIds(s, *p) == Ids{"c", "a", "b"});

    options.filter = {};
    options.filter.avoidTypes = {"trades_with"};
    p = query::shortestPath(s, vertexOf(s, "a"), vertexOf(s, "b"), options);
    REQUIRE(p.has_value());
    CHECK(relationIds(s, *p) == Ids{"r03"});
    CHECK(p->parallel[0].empty());
    options.filter.avoidTypes = {"trades_with", "sanctions"};
    CHECK_FALSE(query::shortestPath(s, vertexOf(s, "a"), vertexOf(s, "b"), options).has_value());

    options.filter = {};
    options.filter.kinds = {"country"};  // only countries between the ends
    p = query::shortestPath(s, vertexOf(s, "a"), vertexOf(s, "e"), options);
    REQUIRE(p.has_value());
    CHECK(entityIds(s, *p) == Ids{"a", "b", "d", "e"});
}

TEST_CASE("path: a hop lists the parallel relations between its two entities") {
    const store::GraphStore& s = testing::parallel();
    query::PathOptions options;
    auto p = query::shortestPath(s, vertexOf(s, "a"), vertexOf(s, "d"), options);
    REQUIRE(p.has_value());
    CHECK(relationIds(s, *p) == Ids{"r01", "r04"});
    REQUIRE(p->parallel.size() == 2);
    REQUIRE(p->parallel[0].size() == 2);
    CHECK(s.relation(p->parallel[0][0].relation).id() == "r02");
    CHECK(s.relation(p->parallel[0][1].relation).id() == "r03");
    CHECK(p->parallel[0][1].forward == false);  // Brigadoon sanctions Avalon, walked from Avalon
    CHECK(p->parallel[1].empty());
    // Directed: the sanction points the other way and is no alternative.
    options.directed = true;
    p = query::shortestPath(s, vertexOf(s, "a"), vertexOf(s, "d"), options);
    REQUIRE(p.has_value());
    REQUIRE(p->parallel[0].size() == 1);
    CHECK(s.relation(p->parallel[0][0].relation).id() == "r02");
}

TEST_CASE("path: max length bounds the search") {
    const store::GraphStore& s = testing::parallel();
    query::PathOptions options;
    options.maxLength = 1;
    CHECK_FALSE(query::shortestPath(s, vertexOf(s, "a"), vertexOf(s, "d"), options).has_value());
    options.maxLength = 2;
    CHECK(query::shortestPath(s, vertexOf(s, "a"), vertexOf(s, "d"), options).has_value());
}

TEST_CASE("path: from an entity to itself is empty, and unconnected entities have none") {
    const store::GraphStore& s = testing::tiny();
    const auto self = query::shortestPath(s, vertexOf(s, "alpha"), vertexOf(s, "alpha"), {});
    REQUIRE(self.has_value());
    CHECK(self->hops.empty());
    CHECK(self->entities.size() == 1);
    // The Daily only appears as a publisher: no relation touches it.
    CHECK_FALSE(query::shortestPath(s, vertexOf(s, "alpha"), vertexOf(s, "daily"), {}).has_value());
}
