#include <doctest/doctest.h>

#include "path_checks.hpp"
#include "relgraph/query/path_query.hpp"
#include "test_graphs.hpp"

using namespace relgraph;
using testing::Ids;
using testing::vertexOf;

TEST_CASE("k shortest paths: shortest first, then by relation ids") {
    const store::GraphStore& s = testing::parallel();
    const auto paths = query::kShortestPaths(s, vertexOf(s, "a"), vertexOf(s, "d"), 5, {});
    CHECK(paths.kind == query::PathSetKind::KShortest);
    CHECK(paths.stoppedBy == query::PathLimit::None);
    // Only three simple paths exist between Avalon and Dunland.
    CHECK(testing::entityIds(s, paths) == std::vector<Ids>{{"a", "b", "d"}, {"a", "c", "d"}, {"a", "c", "e", "d"}});
    CHECK(testing::relationIds(s, query::kShortestPaths(s, vertexOf(s, "a"), vertexOf(s, "d"), 2, {})) ==
          std::vector<Ids>{{"r01", "r04"}, {"r05", "r06"}});
}

TEST_CASE("k shortest paths: distinct relations, direction and avoided kinds") {
    const store::GraphStore& s = testing::parallel();
    query::PathOptions options;
    options.distinctRelations = true;
    CHECK(testing::relationIds(s, query::kShortestPaths(s, vertexOf(s, "a"), vertexOf(s, "d"), 5, options)) ==
          std::vector<Ids>{{"r01", "r04"}, {"r02", "r04"}, {"r03", "r04"}, {"r05", "r06"}, {"r05", "r08", "r07"}});
    options.directed = true;  // the sanction points from Brigadoon to Avalon
    CHECK(testing::relationIds(s, query::kShortestPaths(s, vertexOf(s, "a"), vertexOf(s, "d"), 5, options)) ==
          std::vector<Ids>{{"r01", "r04"}, {"r02", "r04"}, {"r05", "r06"}, {"r05", "r08", "r07"}});
    options = {};
    options.filter.avoidKinds = {"person"};
    CHECK(testing::entityIds(s, query::kShortestPaths(s, vertexOf(s, "a"), vertexOf(s, "d"), 5, options)) ==
          std::vector<Ids>{{"a", "b", "d"}});
}

TEST_CASE("k shortest paths: max length, budget, and trivial cases") {
    const store::GraphStore& s = testing::parallel();
    query::PathOptions options;
    options.maxLength = 2;
    CHECK(query::kShortestPaths(s, vertexOf(s, "a"), vertexOf(s, "d"), 5, options).paths.size() == 2);
    options = {};
    options.maxExpansions = 10;
    const auto stopped = query::kShortestPaths(s, vertexOf(s, "a"), vertexOf(s, "d"), 5, options);
    CHECK(stopped.stoppedBy == query::PathLimit::MaxExpansions);
    CHECK(stopped.paths.size() < 3);
    CHECK(query::kShortestPaths(s, vertexOf(s, "a"), vertexOf(s, "z"), 3, {}).paths.empty());
    CHECK(query::kShortestPaths(s, vertexOf(s, "a"), vertexOf(s, "d"), 0, {}).paths.empty());
    const auto self = query::kShortestPaths(s, vertexOf(s, "a"), vertexOf(s, "a"), 3, {});
    REQUIRE(self.paths.size() == 1);
    CHECK(self.paths[0].hops.empty());
}
