#pragma once
// Property values of foreign files as the values relgraph attributes declared of a type take.

#include <nlohmann/json.hpp>
#include <string>

#include "relgraph/model/attribute_value.hpp"

namespace relgraph::interchange {

// `value` as the JSON a relgraph attribute of `type` takes, when it reads as one: "12" as 12 for an
// integer, "{\"value\": 3}" as an object for a quantity. Otherwise unchanged, for the loader's checks
// to report.
nlohmann::json decodeAs(const nlohmann::json& value, model::AttributeType type);

// The text of a value that stands for a name or an id: a string as it is, anything else as JSON.
std::string textOf(const nlohmann::json& value);

}  // namespace relgraph::interchange
