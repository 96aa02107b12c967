#pragma once
// A graph as a foreign file states it, before it is mapped onto relgraph's model: nodes and edges
// with properties, each remembering where it stands in its file.

#include <nlohmann/json.hpp>
#include <optional>
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
    std::string id;       // as written
    std::string idSpace;  // neo4j ID space; empty otherwise
    std::vector<std::string> labels;  // neo4j :LABEL values, in order
    Place labelPlace;
    std::vector<Property> properties;
    Place place;
};

struct ImportedEdge {
    std::string from, to;  // node ids as written
    std::string fromSpace, toSpace;
    Place fromPlace, toPlace;
    std::string type;      // neo4j :TYPE, an edge list's type; empty: from the properties
    Place typePlace;
    std::string id;        // GraphML edge id, node-link key, DOT key; empty: from the properties
    Place idPlace;
    bool directed = true;
    std::vector<Property> properties;
    std::string where;     // "line 12", "edge a -> b": names the edge in its generated claim
    Place place;
};

struct ImportedGraph {
    std::string file;  // as the user named it
    std::vector<ImportedNode> nodes;
    std::vector<ImportedEdge> edges;
    // Edge lists: endpoints are nodes of this kind, made on first mention. Empty: nodes are declared.
    bool implicitNodes = false;
    std::string fromKind, toKind;  // kinds of implicit nodes by end
    std::string defaultEdgeType;
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
