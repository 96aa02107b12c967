#include "interchange/property_values.hpp"

#include "relgraph/model/scalar_text.hpp"

namespace relgraph::interchange {

using nlohmann::json;
using model::AttributeType;

std::string textOf(const json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

json decodeAs(const json& value, AttributeType type) {
    if (!value.is_string()) {
        const bool text = type == AttributeType::String || type == AttributeType::Date || type == AttributeType::Period;
        return text && (value.is_number() || value.is_boolean()) ? json(value.dump()) : value;
    }
    const std::string& s = value.get_ref<const std::string&>();
    switch (type) {
        case AttributeType::Integer:
            if (const auto v = model::parseInteger(s)) return *v;
            break;
        case AttributeType::Number:
            if (const auto v = model::parseNumber(s)) return *v;
            break;
        case AttributeType::Boolean:
            if (const auto v = model::parseBoolean(s)) return *v;
            break;
        case AttributeType::Quantity: {
            json parsed = json::parse(s, nullptr, false);
            if (parsed.is_number() || parsed.is_object()) return parsed;
            break;
        }
        case AttributeType::String:
        case AttributeType::Date:
        case AttributeType::Period: break;
    }
    return value;
}

AttributeType inferType(const std::vector<const json*>& values) {
    bool integers = true, numbers = true, booleans = true;
    for (const json* v : values) {
        integers = integers && v->is_number_integer();
        numbers = numbers && v->is_number();
        booleans = booleans && v->is_boolean();
    }
    if (values.empty()) return AttributeType::String;
    if (integers) return AttributeType::Integer;
    if (numbers) return AttributeType::Number;
    if (booleans) return AttributeType::Boolean;
    return AttributeType::String;
}

json convertTo(const json& value, AttributeType type) {
    if (type == AttributeType::String) return textOf(value);
    if (type == AttributeType::Number) return value.get<double>();
    return value;
}

}  // namespace relgraph::interchange
