#include <doctest/doctest.h>

#include "relgraph/common/error.hpp"
#include "relgraph/query/traversal.hpp"
#include "test_graphs.hpp"

using namespace relgraph;

namespace {
// The entity with this id (which must exist).
store::Vertex vertexOf(const store::GraphStore& s, std::string_view id) { return s.findEntityById(id).value(); }
}  // namespace

TEST_CASE("traversal filter: types to use or avoid, kinds to reach or avoid") {
    const store::GraphStore& s = testing::parallel();
    const auto r = [&](const char* id) { return *s.findRelation(id); };
    query::TraversalFilter filter;
    CHECK(filter.allows(s, r("r01")));
    CHECK_FALSE(filter.allows(s, r("r09")));  // reported: attribution
    filter.includeAttribution = true;
    CHECK(filter.allows(s, r("r09")));
    filter.avoidTypes = {"reported"};
    CHECK_FALSE(filter.allows(s, r("r09")));
    filter.types = {"reported", "employs"};
    CHECK(filter.allows(s, r("r05")));
    CHECK_FALSE(filter.allows(s, r("r09")));  // avoiding wins

    filter = {};
    filter.avoidKinds = {"person"};
    CHECK_FALSE(filter.allowsEntity(s, vertexOf(s, "c")));
    CHECK(filter.allowsEntity(s, vertexOf(s, "a")));
    filter.named = {vertexOf(s, "c")};
    CHECK(filter.allowsEntity(s, vertexOf(s, "c")));  // named entities are never filtered out
    filter = {};
    filter.kinds = {"country"};
    CHECK_FALSE(filter.allowsEntity(s, vertexOf(s, "post")));
    CHECK(filter.allowsEntity(s, vertexOf(s, "z")));
}

TEST_CASE("traversal filter: hops into avoided kinds are not taken") {
    const store::GraphStore& s = testing::parallel();
    query::TraversalFilter filter;
    CHECK(query::hopsFrom(s, vertexOf(s, "a"), query::Direction::Both, filter).size() == 4);  // r01 r02 r03 r05
    filter.avoidKinds = {"person"};
    CHECK(query::hopsFrom(s, vertexOf(s, "a"), query::Direction::Both, filter).size() == 3);
    CHECK(query::hopsFrom(s, vertexOf(s, "a"), query::Direction::Out, filter).size() == 2);  // r01 r02
}

TEST_CASE("traversal filter: a type or kind both used and avoided is a query error") {
    query::TraversalFilter filter;
    filter.types = {"leads"};
    filter.avoidTypes = {"leads"};
    CHECK_THROWS_WITH_AS(filter.validate(), "relation type \"leads\" is both used and avoided", QueryError);
    filter = {};
    filter.kinds = {"person", "country"};
    filter.avoidKinds = {"country"};
    CHECK_THROWS_WITH_AS(filter.validate(), "entity kind \"country\" is both used and avoided", QueryError);
    filter.avoidKinds = {"media"};
    CHECK_NOTHROW(filter.validate());
}

TEST_CASE("store: kinds resolve by name or label, with suggestions") {
    const store::GraphStore& s = testing::tiny();
    CHECK(s.resolveKind("media").name == "media");
    CHECK(s.resolveKind("Media outlet").name == "media");
    CHECK_THROWS_WITH_AS(s.resolveKind("persn"), "unknown entity kind \"persn\" — did you mean \"person\"? ('relgraph schema' lists them all)",
                         QueryError);
}
