#include <doctest/doctest.h>

#include "path_checks.hpp"
#include "relgraph/query/path_query.hpp"
#include "test_graphs.hpp"

using namespace relgraph;
using testing::Ids;
using testing::vertexOf;

TEST_CASE("simple paths: every one up to the length, shortest first") {
    const store::GraphStore& s = testing::parallel();
    query::PathOptions options;
    options.maxLength = 3;
    auto paths = query::allSimplePaths(s, vertexOf(s, "a"), vertexOf(s, "d"), options);
    CHECK(paths.kind == query::PathSetKind::AllSimple);
    CHECK(paths.stoppedBy == query::PathLimit::None);
    CHECK(testing::entityIds(s, paths) == std::vector<Ids>{{"a", "b", "d"}, {"a", "c", "d"}, {"a", "c", "e", "d"}});
    options.maxLength = 2;
    CHECK(query::allSimplePaths(s, vertexOf(s, "a"), vertexOf(s, "d"), options).paths.size() == 2);
    // Through the outlet, with reporting relations.
    options.maxLength = 4;
    options.filter.includeAttribution = true;
    paths = query::allSimplePaths(s, vertexOf(s, "a"), vertexOf(s, "e"), options);
    CHECK(testing::entityIds(s, paths) == std::vector<Ids>{{"a", "c", "e"},
                                                           {"a", "b", "d", "e"},
                                                           {"a", "c", "d", "e"},
                                                           {"a", "post", "d", "e"},
                                                           {"a", "b", "d", "c", "e"},
                                                           {"a", "post", "d", "c", "e"}});
}

TEST_CASE("simple paths: max paths keeps the first ones") {
    const store::GraphStore& s = testing::parallel();
    query::PathOptions options;
    options.maxLength = 4;
    options.maxPaths = 2;
    options.distinctRelations = true;
    const auto paths = query::allSimplePaths(s, vertexOf(s, "a"), vertexOf(s, "e"), options);
    CHECK(paths.stoppedBy == query::PathLimit::MaxPaths);
    CHECK(testing::relationIds(s, paths) == std::vector<Ids>{{"r05", "r08"}, {"r01", "r04", "r07"}});
}

TEST_CASE("simple paths: the expansion budget stops the search") {
    const store::GraphStore& s = testing::parallel();
    query::PathOptions options;
    options.maxLength = 6;
    options.maxExpansions = 5;
    CHECK(query::allSimplePaths(s, vertexOf(s, "a"), vertexOf(s, "e"), options).stoppedBy ==
          query::PathLimit::MaxExpansions);
}
