#pragma once
// Reads diagram theme files (docs/diagrams.md) with the same placed errors as graph files.

#include <filesystem>
#include <string>

#include "relgraph/model/theme_spec.hpp"

namespace relgraph::load {

// Throws LoadError listing every problem (file:line:column (pointer): message).
model::ThemeSpec loadTheme(const std::filesystem::path& path);
model::ThemeSpec parseTheme(const std::string& name, const std::string& text);

}  // namespace relgraph::load
