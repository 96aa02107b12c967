#include <doctest/doctest.h>

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
    CHECK(model::mayAgree({model::AttributeType::Integer, std::int64_t{5}}, {model::AttributeType::Integer, std::int64_t{5}}));
    CHECK_FALSE(model::mayAgree({model::AttributeType::Number, 5.0}, {model::AttributeType::Number, 5.5}));
}

TEST_CASE("conflicts: the fixture's worker count disagrees, with every value and its claims") {
    const store::GraphStore& s = testing::tiny();
    const auto conflicts = query::findConflicts(s, {});
    REQUIRE(conflicts.size() == 1);
    const query::Conflict& c = conflicts.front();
    CHECK(s.relation(c.relation).id == "r-alpha-workers-beta");
    CHECK(c.attribute == "count");
    REQUIRE(c.values.size() == 2);
    CHECK(model::toDisplayString(c.values[0].value) == "approximately 1,000");
    CHECK(c.values[0].claims.size() == 2);  // the original and its repost
    CHECK(model::toDisplayString(c.values[1].value) == "1,200");
    CHECK(s.claim(c.values[1].claims[0].claim).id == "c4");
    // Limited to relations that agree: nothing.
    CHECK(query::findConflicts(s, {*s.findRelation("r-beta-voted-res1")}).empty());
}
