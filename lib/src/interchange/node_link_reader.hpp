#pragma once
// Reads NetworkX node-link JSON: {"directed", "multigraph", "graph", "nodes", "links" or "edges"}.

#include <string>
#include <string_view>

#include "interchange/imported_graph.hpp"

namespace relgraph::load {
class JsonBlocks;
}

namespace relgraph::interchange {

// True when a .json text is node-link JSON (a top-level "nodes" member, and no "relgraph" member)
// rather than relgraph JSON. Nothing of the document is kept while it is parsed, and the parsing stops
// at a top-level "relgraph" key.
bool isNodeLinkJson(std::string_view text);
// The same for a file, read as a stream; false when it cannot be read.
bool isNodeLinkFile(const std::string& file);

// What the top level of a JSON document tells of its format, read without keeping anything: up to a
// top-level "relgraph" key (the file says it is relgraph JSON), and with `stopAtNodes` up to a
// top-level "nodes" key too.
struct TopLevelKeys {
    bool complete = false;  // the whole document was read, and it is JSON
    bool object = false, nodes = false, relgraph = false;
};
TopLevelKeys readTopLevelKeys(load::JsonBlocks& blocks, bool stopAtNodes);

ImportedGraph readNodeLink(const std::string& file, std::string text, ReadReport& report);

}  // namespace relgraph::interchange
