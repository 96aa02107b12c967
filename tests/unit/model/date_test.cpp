// Tests for relgraph::model dates and periods, and attribute types and their display.

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "relgraph/model/attribute_value.hpp"
#include "relgraph/model/date.hpp"

namespace model = relgraph::model;
using model::AttributeType;
using model::AttributeValue;
using model::PartialDate;

namespace {
bool isDate(std::string_view s) { return model::parseDate(s).has_value(); }
bool isPeriod(std::string_view s) { return model::parsePeriod(s).has_value(); }
}  // namespace

// --- parseDate -------------------------------------------------------------------------------

TEST_CASE("date: parseDate reads years, months and days into their fields") {
    REQUIRE(model::parseDate("2025"));
    CHECK(*model::parseDate("2025") == PartialDate{2025, 0, 0});
    REQUIRE(model::parseDate("2025-02"));
    CHECK(*model::parseDate("2025-02") == PartialDate{2025, 2, 0});
    REQUIRE(model::parseDate("2025-02-09"));
    CHECK(*model::parseDate("2025-02-09") == PartialDate{2025, 2, 9});
    CHECK(*model::parseDate("0001-01-01") == PartialDate{1, 1, 1});
    CHECK(*model::parseDate("9999-12-31") == PartialDate{9999, 12, 31});
}

TEST_CASE("date: parseDate knows the length of every month") {
    CHECK(isDate("2025-01-31"));
    CHECK(isDate("2025-03-31"));
    CHECK(isDate("2025-04-30"));
    CHECK_FALSE(isDate("2025-04-31"));
    CHECK_FALSE(isDate("2025-06-31"));
    CHECK_FALSE(isDate("2025-09-31"));
    CHECK_FALSE(isDate("2025-11-31"));
    CHECK(isDate("2025-12-31"));
    CHECK_FALSE(isDate("2025-12-32"));
    CHECK_FALSE(isDate("2025-02-30"));
}

TEST_CASE("date: parseDate applies the Gregorian leap year rules") {
    CHECK(isDate("2024-02-29"));        // divisible by 4
    CHECK_FALSE(isDate("2023-02-29"));  // not divisible by 4
    CHECK_FALSE(isDate("1900-02-29"));  // divisible by 100 but not 400
    CHECK(isDate("2000-02-29"));        // divisible by 400
    CHECK(isDate("2023-02-28"));
}

TEST_CASE("date: parseDate rejects out-of-range months and days") {
    CHECK_FALSE(isDate("2025-13"));
    CHECK_FALSE(isDate("2025-00"));
    CHECK_FALSE(isDate("2025-13-01"));
    CHECK_FALSE(isDate("2025-00-10"));
    CHECK_FALSE(isDate("2025-01-00"));
    CHECK_FALSE(isDate("0000"));
}

TEST_CASE("date: parseDate rejects garbage, wrong widths and extra characters") {
    CHECK_FALSE(isDate(""));
    CHECK_FALSE(isDate("abcd"));
    CHECK_FALSE(isDate("Feb 2025"));
    CHECK_FALSE(isDate("25"));
    CHECK_FALSE(isDate("202"));
    CHECK_FALSE(isDate("20250"));
    CHECK_FALSE(isDate("2025-"));
    CHECK_FALSE(isDate("2025-2"));
    CHECK_FALSE(isDate("2025-2-09"));
    CHECK_FALSE(isDate("2025-02-9"));
    CHECK_FALSE(isDate("2025-02-"));
    CHECK_FALSE(isDate("2025-02-099"));
    CHECK_FALSE(isDate("2025-02-09T10:00"));
    CHECK_FALSE(isDate("2025-02-09 "));
    CHECK_FALSE(isDate(" 2025"));
    CHECK_FALSE(isDate("2025/02/09"));
    CHECK_FALSE(isDate("2025.02.09"));
    CHECK_FALSE(isDate("20250209"));
    CHECK_FALSE(isDate("2025-0a"));
    CHECK_FALSE(isDate("-202"));
    CHECK_FALSE(isDate("+2025"));
    CHECK_FALSE(isDate("2025--1"));
    CHECK_FALSE(isDate("2025-01--1"));
    CHECK_FALSE(isDate("2025-+1"));
}

// --- PartialDate earliest/latest -------------------------------------------------------------

TEST_CASE("date: earliest and latest span every day a partial date can mean") {
    CHECK(PartialDate{2024, 0, 0}.earliest() == 20240101L);
    CHECK(PartialDate{2024, 0, 0}.latest() == 20241231L);
    CHECK(PartialDate{2024, 2, 0}.earliest() == 20240201L);
    CHECK(PartialDate{2024, 2, 0}.latest() == 20240229L);  // leap year
    CHECK(PartialDate{2023, 2, 0}.latest() == 20230228L);
    CHECK(PartialDate{1900, 2, 0}.latest() == 19000228L);
    CHECK(PartialDate{2025, 4, 0}.latest() == 20250430L);
    CHECK(PartialDate{2025, 12, 0}.latest() == 20251231L);
    CHECK(PartialDate{2025, 2, 9}.earliest() == 20250209L);
    CHECK(PartialDate{2025, 2, 9}.latest() == 20250209L);
}

// --- parsePeriod -----------------------------------------------------------------------------

TEST_CASE("date: parsePeriod reads a single date as a period from and to that date") {
    const auto p = model::parsePeriod("2024-10");
    REQUIRE(p);
    REQUIRE(p->start);
    REQUIRE(p->end);
    CHECK(*p->start == PartialDate{2024, 10, 0});
    CHECK(*p->end == PartialDate{2024, 10, 0});
    CHECK_FALSE(isPeriod("2024-13"));
}

TEST_CASE("date: parsePeriod reads START/END") {
    const auto p = model::parsePeriod("2024-10/2025-01-15");
    REQUIRE(p);
    REQUIRE(p->start);
    REQUIRE(p->end);
    CHECK(*p->start == PartialDate{2024, 10, 0});
    CHECK(*p->end == PartialDate{2025, 1, 15});
    CHECK(isPeriod("2024/2024"));
    CHECK(isPeriod("2024-02-29/2024-02-29"));
}

TEST_CASE("date: parsePeriod accepts one open end written ..") {
    const auto openEnd = model::parsePeriod("2022-02/..");
    REQUIRE(openEnd);
    REQUIRE(openEnd->start);
    CHECK(*openEnd->start == PartialDate{2022, 2, 0});
    CHECK_FALSE(openEnd->end);

    const auto openStart = model::parsePeriod("../2023");
    REQUIRE(openStart);
    CHECK_FALSE(openStart->start);
    REQUIRE(openStart->end);
    CHECK(*openStart->end == PartialDate{2023, 0, 0});
}

TEST_CASE("date: parsePeriod rejects two open ends and a bare ..") {
    CHECK_FALSE(isPeriod("../.."));
    CHECK_FALSE(isPeriod(".."));
    CHECK_FALSE(isPeriod("./2024"));
    CHECK_FALSE(isPeriod("2024/..."));
}

TEST_CASE("date: parsePeriod rejects a start after the end") {
    CHECK_FALSE(isPeriod("2025/2024"));
    CHECK_FALSE(isPeriod("2025-03/2025-02"));
    CHECK_FALSE(isPeriod("2025-02-10/2025-02-09"));
    CHECK_FALSE(isPeriod("2025/2024-12"));
    CHECK_FALSE(isPeriod("2025-01-01/2024-12-31"));
    CHECK(isPeriod("2025-02-09/2025-02-10"));
}

TEST_CASE("date: parsePeriod orders partial dates by the days they can mean") {
    CHECK(isPeriod("2024/2024-06"));      // 2024 may begin before June 2024
    CHECK(isPeriod("2024-06/2024"));      // and end after it
    CHECK(isPeriod("2024-06/2024-06-01"));
    CHECK(isPeriod("2024-06-30/2024-06"));
    CHECK_FALSE(isPeriod("2024-07/2024-06"));
    CHECK_FALSE(isPeriod("2024-07-01/2024-06"));
    CHECK_FALSE(isPeriod("2025/2024-12-31"));
}

TEST_CASE("date: parsePeriod rejects malformed halves and extra separators") {
    CHECK_FALSE(isPeriod(""));
    CHECK_FALSE(isPeriod("/"));
    CHECK_FALSE(isPeriod("2024/"));
    CHECK_FALSE(isPeriod("/2024"));
    CHECK_FALSE(isPeriod("2024/2025/2026"));
    CHECK_FALSE(isPeriod("2024 / 2025"));
    CHECK_FALSE(isPeriod("2023-02-29/2024"));
    CHECK_FALSE(isPeriod("2024/2025-13"));
    CHECK_FALSE(isPeriod("2024--2025"));
}

// --- attribute types -------------------------------------------------------------------------

TEST_CASE("attribute: every attribute type name round-trips through parseAttributeType") {
    for (const AttributeType t : {AttributeType::String, AttributeType::Integer, AttributeType::Number,
                                  AttributeType::Boolean, AttributeType::Date, AttributeType::Period,
                                  AttributeType::Quantity}) {
        const auto parsed = model::parseAttributeType(model::toString(t));
        REQUIRE(parsed);
        CHECK((*parsed == t));  // not decomposed: doctest would print it with model::toString
    }
    CHECK(std::string(model::toString(AttributeType::String)) == "string");
    CHECK(std::string(model::toString(AttributeType::Integer)) == "integer");
    CHECK(std::string(model::toString(AttributeType::Number)) == "number");
    CHECK(std::string(model::toString(AttributeType::Boolean)) == "boolean");
    CHECK(std::string(model::toString(AttributeType::Date)) == "date");
    CHECK(std::string(model::toString(AttributeType::Period)) == "period");
    CHECK(std::string(model::toString(AttributeType::Quantity)) == "quantity");
}

TEST_CASE("attribute: parseAttributeType rejects unknown and differently spelt names") {
    CHECK_FALSE(model::parseAttributeType(""));
    CHECK_FALSE(model::parseAttributeType("String"));
    CHECK_FALSE(model::parseAttributeType("int"));
    CHECK_FALSE(model::parseAttributeType("bool"));
    CHECK_FALSE(model::parseAttributeType("float"));
    CHECK_FALSE(model::parseAttributeType("quantity "));
}

TEST_CASE("attribute: isQuantityQualifier accepts exactly the documented qualifiers") {
    for (const char* q : {"approximately", "at least", "at most", "more than", "less than", "nearly"}) {
        CHECK(model::isQuantityQualifier(q));
    }
    CHECK_FALSE(model::isQuantityQualifier(""));
    CHECK_FALSE(model::isQuantityQualifier("about"));
    CHECK_FALSE(model::isQuantityQualifier("Approximately"));
    CHECK_FALSE(model::isQuantityQualifier("at  least"));
}

// --- toDisplayString -------------------------------------------------------------------------

TEST_CASE("attribute: toDisplayString shows strings, dates and periods as written") {
    CHECK(model::toDisplayString({AttributeType::String, std::string("construction")}) == "construction");
    CHECK(model::toDisplayString({AttributeType::Date, std::string("2019-12")}) == "2019-12");
    CHECK(model::toDisplayString({AttributeType::Period, std::string("2024-10/2025-01")}) == "2024-10/2025-01");
    CHECK(model::toDisplayString({AttributeType::Period, std::string("2022-02/..")}) == "2022-02/..");
}

TEST_CASE("attribute: toDisplayString does not group integers") {
    CHECK(model::toDisplayString({AttributeType::Integer, std::int64_t{2017}}) == "2017");
    CHECK(model::toDisplayString({AttributeType::Integer, std::int64_t{1234567}}) == "1234567");
    CHECK(model::toDisplayString({AttributeType::Integer, std::int64_t{-42}}) == "-42");
    CHECK(model::toDisplayString({AttributeType::Integer, std::int64_t{0}}) == "0");
}

TEST_CASE("attribute: toDisplayString groups whole numbers and keeps fractions") {
    CHECK(model::toDisplayString({AttributeType::Number, 15000.0}) == "15,000");
    CHECK(model::toDisplayString({AttributeType::Number, -2500.0}) == "-2,500");
    CHECK(model::toDisplayString({AttributeType::Number, 0.0}) == "0");
    CHECK(model::toDisplayString({AttributeType::Number, 0.9}) == "0.9");
    CHECK(model::toDisplayString({AttributeType::Number, 1234.5}) == "1234.5");
}

TEST_CASE("attribute: toDisplayString shows booleans as yes and no") {
    CHECK(model::toDisplayString({AttributeType::Boolean, true}) == "yes");
    CHECK(model::toDisplayString({AttributeType::Boolean, false}) == "no");
}

TEST_CASE("attribute: toDisplayString shows exact, qualified and ranged quantities") {
    auto show = [](model::Quantity q) { return model::toDisplayString({AttributeType::Quantity, q}); };
    CHECK(show({15000.0, {}, {}, ""}) == "15,000");
    CHECK(show({15000.0, {}, {}, "approximately"}) == "approximately 15,000");
    CHECK(show({300.0, {}, {}, "more than"}) == "more than 300");
    CHECK(show({2.5, {}, {}, "at least"}) == "at least 2.5");
    // A range uses an en dash (U+2013) between grouped bounds.
    CHECK(show({{}, 10000.0, 12000.0, ""}) == "10,000\xE2\x80\x93" "12,000");
    CHECK(show({{}, 10000.0, 12000.0, "nearly"}) == "nearly 10,000\xE2\x80\x93" "12,000");
}
