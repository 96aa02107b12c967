#pragma once
// Backslashes in DOT attribute values. cgraph's writer quotes values but leaves backslashes as they
// are, so a value ending in '\' or holding '\' before a newline would not read back. relgraph
// writes every '\' as "\\" (which Graphviz itself shows as one backslash) and reads "\\" as '\'.

#include <string>
#include <string_view>

namespace relgraph::interchange {

std::string escapeDotValue(std::string_view value);
std::string unescapeDotValue(std::string_view value);

}  // namespace relgraph::interchange
