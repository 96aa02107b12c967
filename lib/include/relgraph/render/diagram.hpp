#pragma once
// A diagram to draw: what the nodes and edges are, independent of Graphviz.

#include <string>
#include <vector>

namespace relgraph::render {

enum class NodeRole { Entity, Relation, Source };

struct DiagramNode {
    std::string id;     // unique in the diagram; from data ids, so safe as an SVG id
    std::string label;  // untrusted text, shown literally
    std::string kind;   // entity kind name; "relation" / "source" for the other roles
    NodeRole role = NodeRole::Entity;
    bool emphasized = false;
};

struct DiagramEdge {
    std::string id;
    std::string from;  // node ids
    std::string to;
    std::string label;  // untrusted text, shown literally
    std::string type;   // relation type name, or "reported" / "republished" for attribution steps
    bool directed = true;
    bool emphasized = false;
    bool attribution = false;  // drawn dashed
};

struct Diagram {
    std::string id;     // identifier; names the graph and prefixes element ids
    std::string title;  // shown above the drawing
    std::vector<DiagramNode> nodes;
    std::vector<DiagramEdge> edges;
};

}  // namespace relgraph::render
