#pragma once
// The records behind a compact graph, for the queries and diagrams that show claims, sources and
// attributes. A graph loaded from relgraph JSON (or GraphML, DOT, node-link) has kept its own
// records as canonical JSON; a bulk-loaded graph gets the records the importer makes for files
// without claims: one source per input file and one claim of it per relation, entity and
// relation attributes from the property columns.

#include <string>
#include <vector>

#include "relgraph/model/graph_data.hpp"
#include "relgraph/store/compact_graph.hpp"

namespace relgraph::interchange {

// `name` names the graph in messages (a snapshot's path). With `region` (entity numbers in
// increasing order), a bulk-loaded graph's records are only those of these entities and the
// relations between them, with every kind and type declared (a graph with its own records is
// always whole: they come as one document).
model::GraphData compactRecords(const store::CompactGraph& graph, const std::string& name,
                                const std::vector<store::CompactId>* region = nullptr);

}  // namespace relgraph::interchange
