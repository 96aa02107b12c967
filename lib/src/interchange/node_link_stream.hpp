#pragma once
// Streams NetworkX node-link JSON (docs/interchange.md) into a GraphMapper through nlohmann/json's SAX
// parser, the file read in blocks and never whole, every problem placed (file:line:column and JSON
// pointer). JSON object members come in any order, so a file is read in two passes: the first reads
// every node (and finds every problem of the document), the second only the links array, once every
// input's nodes are known. The relgraph metadata a file's "graph" holds (the schema and sources, as
// relgraph's writers put them there) is read before either, by peekNodeLink.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "interchange/graph_mapper.hpp"
#include "relgraph/common/place.hpp"

namespace relgraph::interchange {

// The relgraph metadata of a node-link file: a relgraph JSON document (its "graph"."relgraph") and
// where it stands.
struct NodeLinkMetadata {
    std::string text;
    Place place;
};

// What the top level of a .json file tells of it, read up to its "nodes" member (or, with `whole`,
// to its end), keeping only the metadata. It is node-link JSON rather than relgraph JSON when it is
// a JSON object with "nodes" before any "relgraph" member (streamNodeLinkNodes makes sure of the rest).
struct NodeLinkStart {
    bool object = false, nodes = false, relgraph = false;
    bool graphRead = false;  // "graph" was read (whole), so its metadata is known
    std::optional<NodeLinkMetadata> metadata;
    bool nodeLink() const { return object && nodes && !relgraph; }
};
// `error` is set when the file cannot be read.
NodeLinkStart peekNodeLink(const std::string& file, bool whole, std::string& error);

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
    NotNodeLink,  // not node-link JSON after all (a .json file that is not JSON, or has "relgraph")
    LateMetadata  // "graph" holds relgraph metadata but was not read before (metadataRead): peek whole
};

// The first pass. `forced`: the file was named node-link (--from), so it is read as node-link
// whatever it holds. `metadataRead`: peekNodeLink read the file's "graph". `progress` is told the
// bytes read, but for the links array's, which the second pass tells.
NodeLinkNodes streamNodeLinkNodes(const std::string& file, bool forced, bool metadataRead, GraphMapper& mapper,
                                  NodeLinkLinks& links, const std::function<void(std::uint64_t)>& progress);

// The second pass: the links, between nodes all inputs define. Nothing when `links.read` is false.
void streamNodeLinkLinks(const std::string& file, const NodeLinkLinks& links, GraphMapper& mapper,
                         const std::function<void(std::uint64_t)>& progress);

}  // namespace relgraph::interchange
