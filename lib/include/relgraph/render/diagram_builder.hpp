#pragma once
// Turns query answers into diagrams: what to draw, what to emphasize, and what to leave out so
// that the drawing stays legible.

#include <set>
#include <string>
#include <vector>

#include "relgraph/query/attribution_query.hpp"
#include "relgraph/query/conflict_query.hpp"
#include "relgraph/query/neighborhood_query.hpp"
#include "relgraph/query/path_query.hpp"
#include "relgraph/query/reported_by_query.hpp"
#include "relgraph/query/subgraph_query.hpp"
#include "relgraph/render/diagram.hpp"

namespace relgraph::render {

enum class ClusterMode { None, Kind, Relation };

struct DiagramOptions {
    ClusterMode cluster = ClusterMode::None;
    std::string clusterType;     // with ClusterMode::Relation: entities are grouped under the target of
                                 // their first relation of this type (e.g. part_of: ministries in their country)
    std::size_t maxNodes = 150;  // entities drawn at most (0: no limit); the best connected are kept
};

// The center (emphasized), its neighbours and the relations among them.
Diagram neighborhoodDiagram(const store::GraphStore& store, const query::Neighborhood& n, int depth,
                            const DiagramOptions& options = {});

// The path's entities and hops, emphasized; with `context`, the entities next to the path (under
// `filter`) and their relations, dimmed.
Diagram pathDiagram(const store::GraphStore& store, const query::Path& path, bool context,
                    const query::TraversalFilter& filter = {}, const DiagramOptions& options = {});

// Several paths between two entities: their union, the two ends emphasized; says so when the search
// stopped at a limit and more paths exist.
Diagram pathSetDiagram(const store::GraphStore& store, const query::PathSet& paths, store::Vertex from,
                       store::Vertex to, const DiagramOptions& options = {});

// A subgraph: its entities (the ones asked about emphasized) and relations; for a connecting
// subgraph, names the pairs that are not connected.
Diagram subgraphDiagram(const store::GraphStore& store, const query::Subgraph& subgraph,
                        const DiagramOptions& options = {});

// What an entity reported: each relation as a node, and the chain of every claim it took part in.
Diagram reportedByDiagram(const store::GraphStore& store, const query::ReportedBy& reported,
                          const DiagramOptions& options = {});

// Each relation drawn as a node between its endpoints, and every attribution chain leading to it:
// originators → intermediaries → the source that carries the claim; republications link sources.
// `id` must be an identifier (it prefixes every SVG id); `title` is shown above the drawing.
Diagram attributionDiagram(const store::GraphStore& store, const query::AttributionReport& report,
                           const std::string& id, const std::string& title, const DiagramOptions& options = {});

// Each disagreement: the relation, a node per value stated, and the chains of the claims stating it.
Diagram conflictDiagram(const store::GraphStore& store, const std::vector<query::Conflict>& conflicts,
                        const std::string& id, const std::string& title, const DiagramOptions& options = {});

// The whole graph, or the part `filter` allows (relation types and entity kinds to use or avoid;
// attribution relations only when it includes them or names their types).
Diagram graphDiagram(const store::GraphStore& store, const query::TraversalFilter& filter,
                     const DiagramOptions& options = {});

}  // namespace relgraph::render
