#include <doctest/doctest.h>

#include "relgraph/query/path_query.hpp"
#include "test_graphs.hpp"

using namespace relgraph;

namespace {
std::vector<std::string> entityIds(const store::GraphStore& s, const query::Path& p) {
    std::vector<std::string> out;
    for (const auto v : p.entities) out.push_back(s.entity(v).id);
    return out;
}
std::vector<std::string> relationIds(const store::GraphStore& s, const query::Path& p) {
    std::vector<std::string> out;
    for (const auto& h : p.hops) out.push_back(s.relation(h.relation).id);
    return out;
}
}  // namespace

TEST_CASE("path: shortest path skips reporting relations unless asked") {
    const store::GraphStore& s = testing::tiny();
    query::PathOptions options;
    auto p = query::shortestPath(s, s.vertexOf("bob"), s.vertexOf("gamma"), options);
    REQUIRE(p.has_value());
    CHECK(entityIds(s, *p) == std::vector<std::string>{"bob", "workers", "alpha", "gamma"});
    CHECK(relationIds(s, *p) ==
          std::vector<std::string>{"r-bob-employs-workers", "r-workers-member-alpha", "r-alpha-allied-gamma"});
    CHECK(p->hops[0].forward);
    CHECK(p->hops[2].forward == false);  // stored gamma -> alpha, walked alpha -> gamma

    options.filter.includeAttribution = true;
    p = query::shortestPath(s, s.vertexOf("bob"), s.vertexOf("gamma"), options);
    REQUIRE(p.has_value());
    CHECK(entityIds(s, *p) == std::vector<std::string>{"bob", "wire", "gamma"});
}

TEST_CASE("path: directed paths follow arrows, symmetric relations both ways") {
    const store::GraphStore& s = testing::tiny();
    query::PathOptions options;
    options.directed = true;
    const auto p = query::shortestPath(s, s.vertexOf("ann"), s.vertexOf("gamma"), options);
    REQUIRE(p.has_value());
    CHECK(entityIds(s, *p) == std::vector<std::string>{"ann", "alpha", "gamma"});
    CHECK_FALSE(query::shortestPath(s, s.vertexOf("beta"), s.vertexOf("alpha"), options).has_value());
}

TEST_CASE("path: type filters restrict the hops") {
    const store::GraphStore& s = testing::tiny();
    query::PathOptions options;
    options.filter.types = {"leads"};
    CHECK_FALSE(query::shortestPath(s, s.vertexOf("ann"), s.vertexOf("beta"), options).has_value());
    options.filter.types = {"leads", "sent_workers"};
    const auto p = query::shortestPath(s, s.vertexOf("ann"), s.vertexOf("beta"), options);
    REQUIRE(p.has_value());
    CHECK(p->hops.size() == 2);
}

TEST_CASE("path: from an entity to itself is empty; unconnected entities have none") {
    const store::GraphStore& s = testing::tiny();
    const auto self = query::shortestPath(s, s.vertexOf("alpha"), s.vertexOf("alpha"), {});
    REQUIRE(self.has_value());
    CHECK(self->hops.empty());
    CHECK(self->entities.size() == 1);
    // The Daily only appears as a publisher: no relation touches it.
    CHECK_FALSE(query::shortestPath(s, s.vertexOf("alpha"), s.vertexOf("daily"), {}).has_value());
}
