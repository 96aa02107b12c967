#pragma once
// Typed attribute values of entities, relations and claims.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace relgraph::model {

enum class AttributeType { String, Integer, Number, Boolean, Date, Period, Quantity };

std::optional<AttributeType> parseAttributeType(std::string_view name);
std::string_view toString(AttributeType type);

// A count or amount as a source states it: exact, approximate, a bound, or a range.
struct Quantity {
    std::optional<double> value;
    std::optional<double> min;
    std::optional<double> max;
    std::string qualifier;  // "", "approximately", "at least", "at most", "more than", "less than", "nearly"

    friend bool operator==(const Quantity&, const Quantity&) = default;
};

bool isQuantityQualifier(std::string_view q);

// Dates and periods are kept as validated ISO text (String alternative, AttributeType says which).
using Value = std::variant<std::string, std::int64_t, double, bool, Quantity>;

struct AttributeValue {
    AttributeType type;
    Value value;

    friend bool operator==(const AttributeValue&, const AttributeValue&) = default;
};

// Sorted by name, so every output lists attributes in one order.
using Attributes = std::map<std::string, AttributeValue>;

// Whether two statements of one attribute can both be true: numbers equal; quantity ranges and
// bounds ("at least 300") overlap, approximate figures compared as stated; dates and periods
// overlap in time (2022 and 2022-02 agree; 2023 and 2024-10 do not); strings equal.
bool mayAgree(const AttributeValue& a, const AttributeValue& b);

// Human-readable: 15,000; approximately 15,000; 10,000–12,000; 2024-10/2025-01; yes.
std::string toDisplayString(const AttributeValue& v);

}  // namespace relgraph::model
