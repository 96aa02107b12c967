#pragma once

#include <filesystem>

namespace relgraph {

// The graph shipped with relgraph: <prefix>/share/relgraph/graphs beside an installed binary,
// else the source tree's graphs/ that the binary was built from. Never the current directory.
// Throws a load Error when neither exists.
std::filesystem::path bundledGraphPath();

}  // namespace relgraph
