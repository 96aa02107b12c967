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

}  // namespace relgraph::interchange
