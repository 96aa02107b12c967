#include <doctest/doctest.h>

#include "relgraph/query/neighborhood_query.hpp"
#include "test_graphs.hpp"

using namespace relgraph;

namespace {
// The entity with this id (which must exist).
store::Vertex vertexOf(const store::GraphStore& s, std::string_view id) { return s.findEntityById(id).value(); }

std::vector<std::pair<std::string, int>> members(const store::GraphStore& s, const query::Neighborhood& n) {
    std::vector<std::pair<std::string, int>> out;
    for (const auto& m : n.neighbors) out.emplace_back(std::string(s.entity(m.entity).id()), m.depth);
    return out;
}
}  // namespace

TEST_CASE("neighbors: depth 1 and 2, ordered by depth then id") {
    const store::GraphStore& s = testing::tiny();
    query::NeighborhoodOptions options;
    auto n = query::neighborhood(s, vertexOf(s, "beta"), options);
    CHECK(members(s, n) == std::vector<std::pair<std::string, int>>{{"alpha", 1}, {"res1", 1}});
    options.depth = 2;
    n = query::neighborhood(s, vertexOf(s, "beta"), options);
    CHECK(members(s, n) == std::vector<std::pair<std::string, int>>{
                               {"alpha", 1}, {"res1", 1}, {"ann", 2}, {"gamma", 2}, {"workers", 2}});
    CHECK(n.relations.size() == 5);  // every allowed relation among the six
}

TEST_CASE("neighbors: direction and type filters") {
    const store::GraphStore& s = testing::tiny();
    query::NeighborhoodOptions options;
    options.direction = query::Direction::Out;
    auto n = query::neighborhood(s, vertexOf(s, "alpha"), options);
    // Out: sent workers to beta, plus the symmetric alliance.
    CHECK(members(s, n) == std::vector<std::pair<std::string, int>>{{"beta", 1}, {"gamma", 1}});
    options.direction = query::Direction::In;
    n = query::neighborhood(s, vertexOf(s, "alpha"), options);
    CHECK(members(s, n) == std::vector<std::pair<std::string, int>>{{"ann", 1}, {"gamma", 1}, {"workers", 1}});
    options.direction = query::Direction::Both;
    options.filter.types = {"allied_with"};
    n = query::neighborhood(s, vertexOf(s, "alpha"), options);
    CHECK(members(s, n) == std::vector<std::pair<std::string, int>>{{"gamma", 1}});
}

TEST_CASE("neighbors: reporting relations only when asked") {
    const store::GraphStore& s = testing::tiny();
    query::NeighborhoodOptions options;
    CHECK(query::neighborhood(s, vertexOf(s, "wire"), options).neighbors.empty());
    options.filter.includeAttribution = true;
    CHECK(members(s, query::neighborhood(s, vertexOf(s, "wire"), options)) ==
          std::vector<std::pair<std::string, int>>{{"bob", 1}, {"gamma", 1}});
}

TEST_CASE("neighbors: via lists every relation from the previous layer") {
    const store::GraphStore& s = testing::tiny();
    query::NeighborhoodOptions options;
    options.depth = 2;
    const auto n = query::neighborhood(s, vertexOf(s, "ann"), options);
    for (const auto& m : n.neighbors) {
        REQUIRE_FALSE(m.via.empty());
        if (s.entity(m.entity).id() == "gamma") {
            CHECK(m.depth == 2);
            CHECK(s.relation(m.via.front().relation).id() == "r-alpha-allied-gamma");
        }
    }
}
