#pragma once

#include <filesystem>

namespace relgraph {

// The graph shipped with relgraph: <prefix>/share/relgraph/graphs beside an installed binary,
// else the source tree's graphs/ that the binary was built from. Never the current directory.
// Throws a load Error when neither exists.
std::filesystem::path bundledGraphPath();

// The default diagram theme: <prefix>/share/relgraph/themes/default.json beside an installed
// binary, else lib/themes/default.json in the source tree. Throws a load Error when neither exists.
std::filesystem::path defaultThemePath();

}  // namespace relgraph
