#include <doctest/doctest.h>

#include "relgraph/common/error.hpp"
#include "relgraph/query/subgraph_query.hpp"
#include "test_graphs.hpp"

using namespace relgraph;

namespace {
using Ids = std::vector<std::string>;

std::vector<store::Vertex> vertices(const store::GraphStore& s, const Ids& ids) {
    std::vector<store::Vertex> out;
    for (const auto& id : ids) out.push_back(s.findEntityById(id).value());
    return out;
}

Ids entityIds(const store::GraphStore& s, const std::vector<store::Vertex>& vs) {
    Ids out;
    for (const auto v : vs) out.push_back(std::string(s.entity(v).id()));
    return out;
}

Ids relationIds(const store::GraphStore& s, const std::vector<store::Edge>& es) {
    Ids out;
    for (const auto e : es) out.push_back(s.relation(e).id());
    return out;
}
}  // namespace

TEST_CASE("subgraph: induced by a set of entities, parallel relations included") {
    const store::GraphStore& s = testing::parallel();
    const auto sub = query::inducedSubgraph(s, vertices(s, {"d", "a", "b", "a"}), {});
    CHECK(sub.kind == query::SubgraphKind::Induced);
    CHECK(entityIds(s, sub.terminals) == Ids{"a", "b", "d"});
    CHECK(entityIds(s, sub.entities) == Ids{"a", "b", "d"});
    CHECK(relationIds(s, sub.relations) == Ids{"r01", "r02", "r03", "r04"});
    CHECK(sub.connections.empty());
    query::TraversalFilter filter;
    filter.avoidTypes = {"trades_with"};
    CHECK(relationIds(s, query::inducedSubgraph(s, vertices(s, {"a", "b", "d"}), filter).relations) == Ids{"r03"});
    // Reporting relations only when asked.
    CHECK(query::inducedSubgraph(s, vertices(s, {"post", "a"}), {}).relations.empty());
    filter = {};
    filter.includeAttribution = true;
    CHECK(relationIds(s, query::inducedSubgraph(s, vertices(s, {"post", "a"}), filter).relations) == Ids{"r09"});
}

TEST_CASE("subgraph: connecting several entities is the union of their shortest connections") {
    const store::GraphStore& s = testing::parallel();
    auto sub = query::connectingSubgraph(s, vertices(s, {"a", "e"}), {});
    CHECK(sub.kind == query::SubgraphKind::Connecting);
    CHECK(entityIds(s, sub.entities) == Ids{"a", "c", "e"});
    CHECK(relationIds(s, sub.relations) == Ids{"r05", "r08"});
    REQUIRE(sub.connections.size() == 1);
    CHECK(sub.connections[0].length == 2);

    sub = query::connectingSubgraph(s, vertices(s, {"a", "d", "e"}), {});
    CHECK(entityIds(s, sub.entities) == Ids{"a", "b", "c", "d", "e"});
    CHECK(relationIds(s, sub.relations) == Ids{"r01", "r02", "r03", "r04", "r05", "r06", "r07", "r08"});
    REQUIRE(sub.connections.size() == 3);  // a–d, a–e, d–e
    CHECK(sub.connections[0].length == 2);
    CHECK(sub.connections[1].length == 2);
    CHECK(sub.connections[2].length == 1);

    query::TraversalFilter filter;
    filter.avoidKinds = {"person"};
    sub = query::connectingSubgraph(s, vertices(s, {"a", "e"}), filter);
    CHECK(entityIds(s, sub.entities) == Ids{"a", "b", "d", "e"});
    CHECK(sub.connections[0].length == 3);
}

TEST_CASE("subgraph: unconnected entities are reported as such") {
    const store::GraphStore& s = testing::parallel();
    const auto sub = query::connectingSubgraph(s, vertices(s, {"a", "z"}), {});
    REQUIRE(sub.connections.size() == 1);
    CHECK_FALSE(sub.connections[0].length.has_value());
    CHECK(sub.relations.empty());
    CHECK(entityIds(s, sub.entities) == Ids{"a", "z"});
}

TEST_CASE("subgraph: connecting needs two different entities") {
    const store::GraphStore& s = testing::parallel();
    CHECK_THROWS_WITH_AS(query::connectingSubgraph(s, vertices(s, {"a", "a"}), {}),
                         "a connecting subgraph needs at least two different entities", QueryError);
}
