#pragma once
// Typed attribute values (model::AttributeValue) as the store keeps them (StoredAttribute), and back.

#include <bit>
#include <cstdint>
#include <string_view>

#include "relgraph/common/large_array.hpp"
#include "relgraph/model/attribute_value.hpp"
#include "relgraph/model/scalar_text.hpp"
#include "relgraph/store/store_columns.hpp"

namespace relgraph::store {

// `intern(text)` gives the string row of a text; quantity bounds are appended to `bounds`.
template <class Intern>
StoredAttribute encodeAttribute(Row name, const model::AttributeValue& v, Intern&& intern,
                                LargeArray<AttributeBounds>& bounds) {
    StoredAttribute a;
    a.name = name;
    a.type = static_cast<std::uint8_t>(v.type);
    switch (v.type) {
        case model::AttributeType::Integer:
            a.value = std::bit_cast<std::uint64_t>(std::get<std::int64_t>(v.value));
            break;
        case model::AttributeType::Number:
            a.value = std::bit_cast<std::uint64_t>(std::get<double>(v.value));
            break;
        case model::AttributeType::Boolean:
            a.value = std::get<bool>(v.value) ? 1 : 0;
            break;
        case model::AttributeType::Quantity: {
            const auto& q = std::get<model::Quantity>(v.value);
            if (q.value) {
                a.flags |= kQuantityValue;
                a.value = std::bit_cast<std::uint64_t>(*q.value);
            }
            if (q.min) a.flags |= kQuantityMin;
            if (q.max) a.flags |= kQuantityMax;
            if (q.min || q.max) {
                a.bounds = static_cast<Row>(bounds.size());
                bounds.push_back({q.min.value_or(0), q.max.value_or(0)});
            }
            if (!q.qualifier.empty()) a.text = intern(q.qualifier);
            break;
        }
        default:  // strings, dates and periods
            a.text = intern(std::get<std::string>(v.value));
            break;
    }
    return a;
}

// `text(row)` gives a string row's text.
template <class Text>
model::AttributeValue decodeAttribute(const StoredAttribute& a, Text&& text, std::span<const AttributeBounds> bounds) {
    const auto type = static_cast<model::AttributeType>(a.type);
    switch (type) {
        case model::AttributeType::Integer:
            return {type, std::bit_cast<std::int64_t>(a.value)};
        case model::AttributeType::Number:
            return {type, std::bit_cast<double>(a.value)};
        case model::AttributeType::Boolean:
            return {type, a.value != 0};
        case model::AttributeType::Quantity: {
            model::Quantity q;
            if (a.flags & kQuantityValue) q.value = std::bit_cast<double>(a.value);
            if (a.bounds != kNoRow && a.bounds < bounds.size()) {
                if (a.flags & kQuantityMin) q.min = bounds[a.bounds].min;
                if (a.flags & kQuantityMax) q.max = bounds[a.bounds].max;
            }
            if (a.text != kNoString) q.qualifier = std::string(text(a.text));
            return {type, q};
        }
        default:
            return {type, std::string(text(a.text))};
    }
}

// A bulk file's property text read as the type its column was given: integers, numbers and
// booleans as such (the mappers type a column so only when every value reads so), anything else text.
inline model::AttributeValue propertyValue(std::string_view text, model::AttributeType type) {
    switch (type) {
        case model::AttributeType::Integer:
            if (const auto v = model::parseInteger(text)) return {type, *v};
            break;
        case model::AttributeType::Number:
            if (const auto v = model::parseNumber(text)) return {type, *v};
            break;
        case model::AttributeType::Boolean:
            if (const auto v = model::parseBoolean(text)) return {type, *v};
            break;
        default:
            break;
    }
    return {model::AttributeType::String, std::string(text)};
}

}  // namespace relgraph::store
