#pragma once
// Reads the first graph of a DOT file through Graphviz's cgraph, in process. Subgraphs are
// flattened; attribute values are text. cgraph keeps no line numbers for nodes and edges, so their
// places name them instead ("node \"a\"").

#include <string>
#include <string_view>

#include "interchange/imported_graph.hpp"

namespace relgraph::interchange {

ImportedGraph readDot(const std::string& file, std::string_view text, ReadReport& report);

}  // namespace relgraph::interchange
