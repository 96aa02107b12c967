#pragma once
// A graph as a foreign file read whole states it (GraphML through pugixml, DOT through cgraph),
// before it is mapped onto relgraph's model (imported_graph_feed.hpp): nodes and edges with
// properties, each remembering where it stands in its file.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "relgraph/common/place.hpp"

namespace relgraph::interchange {

struct Property {
    std::string name;      // as written in the file
    nlohmann::json value;  // string, integer, number, boolean, array or object
    Place place;
};

struct ImportedNode {
    std::string id;  // as written
    std::vector<Property> properties;
    Place place;
};

struct ImportedEdge {
    std::string from, to;  // node ids as written
    Place fromPlace, toPlace;
    std::string id;  // GraphML edge id, DOT key; empty: from the properties
    Place idPlace;
    bool directed = true;
    std::vector<Property> properties;
    Place place;
};

struct ImportedGraph {
    std::string file;  // as the user named it
    std::vector<ImportedNode> nodes;
    std::vector<ImportedEdge> edges;
    // A relgraph JSON document (schema and sources) the file carries; empty when it has none.
    std::string metadata;
    Place metadataPlace;
};

// Problems found while reading, and notes on what was left out.
struct ReadReport {
    std::vector<Diagnostic> errors;
    std::vector<Diagnostic> notes;
};

}  // namespace relgraph::interchange
