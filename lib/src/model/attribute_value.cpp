#include "relgraph/model/attribute_value.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <fmt/format.h>

#include "relgraph/common/text.hpp"
#include "relgraph/model/date.hpp"

namespace relgraph::model {

namespace {
constexpr std::array<std::pair<std::string_view, AttributeType>, 7> kTypeNames{{
    {"string", AttributeType::String},
    {"integer", AttributeType::Integer},
    {"number", AttributeType::Number},
    {"boolean", AttributeType::Boolean},
    {"date", AttributeType::Date},
    {"period", AttributeType::Period},
    {"quantity", AttributeType::Quantity},
}};

std::string formatNumber(double v) {
    if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 1e15) {
        return text::groupThousands(static_cast<long long>(v));
    }
    return fmt::format("{}", v);
}
}  // namespace

std::optional<AttributeType> parseAttributeType(std::string_view name) {
    for (const auto& [n, t] : kTypeNames) {
        if (n == name) return t;
    }
    return std::nullopt;
}

std::string_view toString(AttributeType type) {
    for (const auto& [n, t] : kTypeNames) {
        if (t == type) return n;
    }
    return "unknown";
}

bool isQuantityQualifier(std::string_view q) {
    return q == "approximately" || q == "at least" || q == "at most" || q == "more than" || q == "less than" ||
           q == "nearly";
}

namespace {
struct Interval {
    double low;
    double high;
};

bool overlap(const Interval& a, const Interval& b) { return a.low <= b.high && b.low <= a.high; }

constexpr double kInfinity = std::numeric_limits<double>::infinity();

Interval interval(const Quantity& q) {
    if (!q.value) return {*q.min, *q.max};
    if (q.qualifier == "at least" || q.qualifier == "more than") return {*q.value, kInfinity};
    if (q.qualifier == "at most" || q.qualifier == "less than") return {-kInfinity, *q.value};
    return {*q.value, *q.value};
}

// Days as yyyymmdd numbers; valid values were checked by the loader.
Interval timeInterval(const AttributeValue& v) {
    const std::string& s = std::get<std::string>(v.value);
    const auto p = parsePeriod(s);
    return {p && p->start ? static_cast<double>(p->start->earliest()) : -kInfinity,
            p && p->end ? static_cast<double>(p->end->latest()) : kInfinity};
}

double asNumber(const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
    return std::get<double>(v);
}
}  // namespace

bool mayAgree(const AttributeValue& a, const AttributeValue& b) {
    if (a.type != b.type) return false;
    switch (a.type) {
        case AttributeType::Quantity:
            return overlap(interval(std::get<Quantity>(a.value)), interval(std::get<Quantity>(b.value)));
        case AttributeType::Date:
        case AttributeType::Period:
            return overlap(timeInterval(a), timeInterval(b));
        case AttributeType::Integer:
        case AttributeType::Number:
            return asNumber(a.value) == asNumber(b.value);
        case AttributeType::String:
        case AttributeType::Boolean:
            break;
    }
    return a == b;
}

std::string toDisplayString(const AttributeValue& v) {
    struct Visitor {
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(std::int64_t i) const { return fmt::format("{}", i); }
        std::string operator()(double d) const { return formatNumber(d); }
        std::string operator()(bool b) const { return b ? "yes" : "no"; }
        std::string operator()(const Quantity& q) const {
            std::string amount;
            if (q.value) amount = formatNumber(*q.value);
            else amount = formatNumber(*q.min) + "\xE2\x80\x93" + formatNumber(*q.max);
            return q.qualifier.empty() ? amount : q.qualifier + " " + amount;
        }
    };
    return std::visit(Visitor{}, v.value);
}

}  // namespace relgraph::model
