#pragma once
// Streams NetworkX node-link JSON (docs/interchange.md) into a BulkMapper through nlohmann/json's SAX
// parser, the file read in blocks and never whole, mapped as node_link_reader.cpp, graph_mapper.cpp
// and the loader map a whole document: the same entities, relations, attributes, notes and problems
// at the same places (file:line:column and JSON pointer). JSON object members come in any order, so
// a file is read in two passes: the first reads every node (and finds every problem the reader
// would), the second only the links array, once every input's nodes are known.

#include <cstdint>
#include <functional>
#include <string>

#include "interchange/bulk_mapper.hpp"

namespace relgraph::interchange {

// Whether a .json file is node-link JSON rather than relgraph JSON, as far as its start tells: it is
// a JSON object with a "nodes" member before anything that is not JSON and before a "relgraph" member
// (the rest is read by streamNodeLinkNodes). False with `error` set when the file cannot be read.
bool peekNodeLink(const std::string& file, std::string& error);

// Where the first pass found a file's links, for the second.
struct NodeLinkLinks {
    bool read = false;           // a links array to map: the file has no problems that stop the reader first
    bool directed = false;       // the document's "directed"
    const char* list = nullptr;  // "links" or "edges"
    std::uint64_t offset = 0;    // where the array starts (its '['), its line and column
    std::uint64_t line = 0, column = 0;
    std::uint64_t bytes = 0;  // the array's length in bytes
};

enum class NodeLinkNodes {
    Streamed,     // the nodes are in the mapper, the problems too
    NotNodeLink,  // not node-link JSON after all (a .json file that is not JSON, or has no "nodes")
    NeedsRecords  // a link's "claims" or the graph's "relgraph" metadata: only readGraph can read it
};

// The first pass. `forced`: the file was named node-link (--from), so it is read as node-link
// whatever it holds. `progress` is told the bytes read, but for the links array's, which the second
// pass tells.
NodeLinkNodes streamNodeLinkNodes(const std::string& file, bool forced, BulkMapper& mapper, NodeLinkLinks& links,
                                  const std::function<void(std::uint64_t)>& progress);

// The second pass: the links, between nodes all inputs define. Nothing when `links.read` is false.
void streamNodeLinkLinks(const std::string& file, const NodeLinkLinks& links, BulkMapper& mapper,
                         const std::function<void(std::uint64_t)>& progress);

}  // namespace relgraph::interchange
