#pragma once
// A diagram to draw: what the nodes and edges are, independent of Graphviz. All text is
// untrusted data and is shown literally.

#include <string>
#include <vector>

namespace relgraph::render {

enum class NodeRole { Entity, Relation, Source, Value, Note };

struct DiagramNode {
    std::string id;       // identifier-safe; element ids in the SVG derive from it
    std::string title;    // unique in the diagram: the node's SVG <title> (what screen readers say)
    std::string label;
    std::string kind;     // entity kind name; "relation", "source", "value", "note" for the other roles
    NodeRole role = NodeRole::Entity;
    bool emphasized = false;  // the focus, the path
    bool dimmed = false;      // context around the answer
    std::string tooltip;
    std::string entityId;     // set for entities: what a link template may point to
    std::string cluster;      // id of the cluster it is drawn in; empty for none
};

struct DiagramEdge {
    std::string id;
    std::string from;  // node ids
    std::string to;
    std::string label;
    std::string type;  // relation type name, or "reported" / "republished" / "states" for attribution steps
    bool directed = true;
    bool emphasized = false;
    bool dimmed = false;
    bool attribution = false;  // drawn dashed
    std::string tooltip;
};

struct DiagramCluster {
    std::string id;  // identifier-safe
    std::string label;
};

// One row of the legend: an entity kind or a relation type present in the diagram.
struct LegendEntry {
    bool isType = false;
    std::string name;   // kind or type name
    std::string label;  // its human label from the schema
};

struct Diagram {
    std::string id;           // identifier: prefixes every element id, so diagrams inlined together do not collide
    std::string title;        // shown above the drawing and as the SVG's <title>
    std::string description;  // the SVG's <desc>
    std::vector<DiagramNode> nodes;
    std::vector<DiagramEdge> edges;
    std::vector<DiagramCluster> clusters;
    std::vector<LegendEntry> legend;  // kinds first, then types, each in name order
    std::string omitted;      // what was left out to keep the drawing legible; shown on the diagram
};

}  // namespace relgraph::render
