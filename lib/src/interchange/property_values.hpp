#pragma once
// Property values of foreign files as relgraph attribute values (JSON, as relgraph JSON writes
// them): decoded by a declared attribute type, or typed by what all values of a property hold.

#include <nlohmann/json.hpp>
#include <vector>

#include "relgraph/model/attribute_value.hpp"

namespace relgraph::interchange {

// `value` as the JSON a relgraph attribute of `type` takes, when it reads as one: "12" as 12 for an
// integer, "{\"value\": 3}" as an object for a quantity. Otherwise unchanged, for the loader to report.
nlohmann::json decodeAs(const nlohmann::json& value, model::AttributeType type);

// The type for a property whose values are `values`: integer when all are integers, number when
// all are numbers, boolean when all are booleans, string otherwise.
model::AttributeType inferType(const std::vector<const nlohmann::json*>& values);

// `value` as an attribute of an inferred type: numbers as numbers, anything else as text (JSON text
// for arrays and objects).
nlohmann::json convertTo(const nlohmann::json& value, model::AttributeType type);

// The text of a value that stands for a name or an id: a string as it is, anything else as JSON.
std::string textOf(const nlohmann::json& value);

}  // namespace relgraph::interchange
