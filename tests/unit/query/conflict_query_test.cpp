#include <doctest/doctest.h>

#include "relgraph/common/error.hpp"
#include "relgraph/query/conflict_query.hpp"
#include "test_graphs.hpp"

using namespace relgraph;

namespace {
model::AttributeValue quantity(std::optional<double> v, std::optional<double> lo, std::optional<double> hi,
                               std::string qualifier = "") {
    return {model::AttributeType::Quantity, model::Quantity{v, lo, hi, std::move(qualifier)}};
}
model::AttributeValue date(const char* s) { return {model::AttributeType::Date, std::string(s)}; }
model::AttributeValue period(const char* s) { return {model::AttributeType::Period, std::string(s)}; }
}  // namespace

TEST_CASE("conflicts: figures that cannot both be true") {
    CHECK_FALSE(model::mayAgree(quantity(11000, {}, {}, "approximately"), quantity(12000, {}, {})));
    CHECK(model::mayAgree(quantity({}, 10000, 12000), quantity(12000, {}, {})));
    CHECK(model::mayAgree(quantity(300, {}, {}, "more than"), quantity(350, {}, {})));
    CHECK_FALSE(model::mayAgree(quantity(300, {}, {}, "at most"), quantity(350, {}, {})));
    CHECK(model::mayAgree(quantity(15000, {}, {}, "nearly"), quantity(15000, {}, {}, "approximately")));
    CHECK(model::mayAgree(date("2022"), date("2022-02")));
    CHECK_FALSE(model::mayAgree(date("2023"), date("2024-10")));
    CHECK(model::mayAgree(period("2024-10/.."), period("2025-01")));
    CHECK_FALSE(model::mayAgree(period("../2023"), period("2024")));
    CHECK(model::mayAgree({model::AttributeType::Integer, std::int64_t{5}},
                          {model::AttributeType::Integer, std::int64_t{5}}));
    CHECK_FALSE(model::mayAgree({model::AttributeType::Number, 5.0}, {model::AttributeType::Number, 5.5}));
}

TEST_CASE("conflicts: the fixture's worker count disagrees, with every value and its claims") {
    const store::GraphStore& s = testing::tiny();
    const auto conflicts = query::findConflicts(s, {});
    REQUIRE(conflicts.size() == 1);
    const query::Conflict& c = conflicts.front();
    CHECK(s.relation(c.relation).id() == "r-alpha-workers-beta");
    CHECK(c.attribute == "count");
    REQUIRE(c.values.size() == 2);
    CHECK(model::toDisplayString(c.values[0].value) == "approximately 1,000");
    CHECK(c.values[0].claims.size() == 2);  // the original and its repost
    CHECK(model::toDisplayString(c.values[1].value) == "1,200");
    CHECK(s.claim(c.values[1].claims[0].claim).id() == "c4");
    // Limited to relations that agree: nothing.
    CHECK(query::findConflicts(s, {*s.findRelation("r-beta-voted-res1")}).empty());
}

TEST_CASE("conflicts: values lowest first, the range they span, and independent sources per value") {
    const store::GraphStore& s = testing::parallel();
    const auto conflicts = query::findConflicts(s, {});
    REQUIRE(conflicts.size() == 2);
    const query::Conflict& volume = conflicts[0];
    CHECK(s.relation(volume.relation).id() == "r04");
    REQUIRE(volume.values.size() == 3);
    CHECK(model::toDisplayString(volume.values[0].value) == "at least 90");
    CHECK(model::toDisplayString(volume.values[1].value) == "100");
    CHECK(model::toDisplayString(volume.values[2].value) == "approximately 150");
    CHECK(volume.values[1].claims.size() == 2);
    CHECK(volume.values[1].independentSources == 1);  // the Post and its repost
    CHECK(volume.independentSources == 3);
    CHECK(model::toDisplayString(volume.lowest) == "90");
    CHECK(model::toDisplayString(volume.highest) == "150");
    const query::Conflict& since = conflicts[1];
    CHECK(since.attribute == "since");
    CHECK(model::toDisplayString(since.lowest) == "2020");
    CHECK(model::toDisplayString(since.highest) == "2021-03");
}

TEST_CASE("conflicts: filtered by attribute and sources, sorted by sources or values") {
    const store::GraphStore& s = testing::parallel();
    query::ConflictOptions options;
    options.attributes = {"since"};
    auto conflicts = query::findConflicts(s, {}, options);
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].attribute == "since");
    options = {};
    options.minSources = 3;
    conflicts = query::findConflicts(s, {}, options);
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0].attribute == "volume");
    options.minSources = 4;
    CHECK(query::findConflicts(s, {}, options).empty());
}

TEST_CASE("conflicts: sorted by relation, by independent sources or by number of values") {
    store::GraphStore s(testing::loadTexts({{"g.json", R"({"relgraph": 1,
        "schema": {"kinds": {"k": {"label": "K"}},
                   "types": {"t": {"label": "t", "from": ["k"], "to": ["k"], "attributes": {"n": "integer"}}}},
        "sources": [{"id": "s1", "title": "S1"}, {"id": "s2", "title": "S2"}, {"id": "s3", "title": "S3"}],
        "entities": [{"id": "a", "name": "A", "kind": "k"}, {"id": "b", "name": "B", "kind": "k"}],
        "relations": [
          {"id": "r1", "type": "t", "from": "a", "to": "b", "claims": [
            {"id": "c1", "source": "s1", "summary": "x", "values": {"n": 1}},
            {"id": "c2", "source": "s1", "summary": "x", "values": {"n": 2}}]},
          {"id": "r2", "type": "t", "from": "b", "to": "a", "claims": [
            {"id": "c3", "source": "s1", "summary": "x", "values": {"n": 1}},
            {"id": "c4", "source": "s2", "summary": "x", "values": {"n": 2}},
            {"id": "c5", "source": "s3", "summary": "x", "values": {"n": 3}}]}]})"}}));
    const auto first = [&](query::ConflictOrder order) {
        query::ConflictOptions options;
        options.order = order;
        return s.relation(query::findConflicts(s, {}, options).at(0).relation).id();
    };
    CHECK(first(query::ConflictOrder::Relation) == "r1");
    CHECK(first(query::ConflictOrder::Sources) == "r2");
    CHECK(first(query::ConflictOrder::Values) == "r2");
    CHECK(query::findConflicts(s, {})[0].independentSources == 1);  // both of r1's claims come from s1
}

TEST_CASE("conflicts: an unknown or free-text attribute is a query error") {
    const store::GraphStore& s = testing::parallel();
    query::ConflictOptions options;
    options.attributes = {"volum"};
    CHECK_THROWS_WITH_AS(query::findConflicts(s, {}, options),
                         "no relation type has an attribute \"volum\" — did you mean \"volume\"?", QueryError);
    options.attributes = {"goods"};
    CHECK_THROWS_WITH_AS(query::findConflicts(s, {}, options),
                         "attribute \"goods\" is free text or yes/no; only figures and dates are compared", QueryError);
}
