#pragma once
// Typed values written as text (CSV cells, GraphML data, DOT attributes, bulk files' property columns).

#include <cstdint>
#include <optional>
#include <string_view>

namespace relgraph::model {

std::optional<std::int64_t> parseInteger(std::string_view text);
// A finite decimal number ("1.5", "-2", "1e3"); nullopt for anything else, "nan" and "inf" included.
std::optional<double> parseNumber(std::string_view text);
// "true" or "false" in any case.
std::optional<bool> parseBoolean(std::string_view text);

}  // namespace relgraph::model
