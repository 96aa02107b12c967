#pragma once
// Feeds a graph a foreign file states whole (imported_graph.hpp: GraphML, DOT) into a GraphMapper,
// as the streams feed theirs: every input's nodes first, then every input's edges.

#include "interchange/graph_mapper.hpp"
#include "interchange/imported_graph.hpp"

namespace relgraph::interchange {

void mapImportedNodes(const ImportedGraph& graph, GraphMapper& mapper);
// Edges between nodes all inputs define; the type from a "type" or "label" property, else
// "related_to"; the relation id from the file's edge id or an "id" property.
void mapImportedEdges(const ImportedGraph& graph, GraphMapper& mapper);

}  // namespace relgraph::interchange
