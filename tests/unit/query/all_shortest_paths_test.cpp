#include <doctest/doctest.h>

#include "path_checks.hpp"
#include "relgraph/query/path_query.hpp"
#include "test_graphs.hpp"

using namespace relgraph;
using testing::Ids;
using testing::vertexOf;

TEST_CASE("all shortest paths: entity sequences, in relation id order") {
    const store::GraphStore& s = testing::parallel();
    query::PathOptions options;
    const auto paths = query::allShortestPaths(s, vertexOf(s, "a"), vertexOf(s, "d"), options);
    CHECK(paths.kind == query::PathSetKind::AllShortest);
    CHECK(paths.stoppedBy == query::PathLimit::None);
    CHECK(testing::entityIds(s, paths) == std::vector<Ids>{{"a", "b", "d"}, {"a", "c", "d"}});
    CHECK(testing::relationIds(s, paths) == std::vector<Ids>{{"r01", "r04"}, {"r05", "r06"}});
    CHECK(paths.paths[0].parallel[0].size() == 2);  // r02 and r03
}

TEST_CASE("all shortest paths: with distinct relations, each parallel relation is a path") {
    const store::GraphStore& s = testing::parallel();
    query::PathOptions options;
    options.distinctRelations = true;
    const auto paths = query::allShortestPaths(s, vertexOf(s, "a"), vertexOf(s, "d"), options);
    CHECK(testing::relationIds(s, paths) ==
          std::vector<Ids>{{"r01", "r04"}, {"r02", "r04"}, {"r03", "r04"}, {"r05", "r06"}});
    for (const auto& p : paths.paths) {
        for (const auto& parallel : p.parallel) CHECK(parallel.empty());
    }
}

TEST_CASE("all shortest paths: attribution relations add the outlet's path") {
    const store::GraphStore& s = testing::parallel();
    query::PathOptions options;
    options.filter.includeAttribution = true;
    const auto paths = query::allShortestPaths(s, vertexOf(s, "a"), vertexOf(s, "d"), options);
    CHECK(testing::entityIds(s, paths) == std::vector<Ids>{{"a", "b", "d"}, {"a", "c", "d"}, {"a", "post", "d"}});
}

TEST_CASE("all shortest paths: max paths stops early and says so") {
    const store::GraphStore& s = testing::parallel();
    query::PathOptions options;
    options.distinctRelations = true;
    options.maxPaths = 2;
    auto paths = query::allShortestPaths(s, vertexOf(s, "a"), vertexOf(s, "d"), options);
    CHECK(paths.stoppedBy == query::PathLimit::MaxPaths);
    CHECK(testing::relationIds(s, paths) == std::vector<Ids>{{"r01", "r04"}, {"r02", "r04"}});
    // Exactly as many paths as allowed is complete.
    options.maxPaths = 4;
    paths = query::allShortestPaths(s, vertexOf(s, "a"), vertexOf(s, "d"), options);
    CHECK(paths.stoppedBy == query::PathLimit::None);
    CHECK(paths.paths.size() == 4);
}

TEST_CASE("all shortest paths: the expansion budget stops the search") {
    const store::GraphStore& s = testing::parallel();
    query::PathOptions options;
    options.maxExpansions = 3;
    const auto paths = query::allShortestPaths(s, vertexOf(s, "a"), vertexOf(s, "d"), options);
    CHECK(paths.stoppedBy == query::PathLimit::MaxExpansions);
    CHECK(paths.paths.size() <= 1);
}

TEST_CASE("all shortest paths: none between unconnected entities, one empty path to itself") {
    const store::GraphStore& s = testing::parallel();
    CHECK(query::allShortestPaths(s, vertexOf(s, "a"), vertexOf(s, "z"), {}).paths.empty());
    const auto self = query::allShortestPaths(s, vertexOf(s, "a"), vertexOf(s, "a"), {});
    REQUIRE(self.paths.size() == 1);
    CHECK(self.paths[0].hops.empty());
    query::PathOptions options;
    options.maxLength = 1;
    CHECK(query::allShortestPaths(s, vertexOf(s, "a"), vertexOf(s, "d"), options).paths.empty());
}
