#include "relgraph/model/attribute_value.hpp"

#include <array>
#include <cmath>
#include <fmt/format.h>

#include "relgraph/common/text.hpp"

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
