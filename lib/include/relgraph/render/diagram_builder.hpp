#pragma once
// Turns query answers into diagrams.

#include "relgraph/query/attribution_query.hpp"
#include "relgraph/query/neighborhood_query.hpp"
#include "relgraph/query/path_query.hpp"
#include "relgraph/render/diagram.hpp"

namespace relgraph::render {

// The center (emphasized), its neighbours and the relations among them.
Diagram neighborhoodDiagram(const store::GraphStore& store, const query::Neighborhood& n, int depth);

// The path's entities and hops, in order, all emphasized.
Diagram pathDiagram(const store::GraphStore& store, const query::Path& path);

// Each relation drawn as a node between its endpoints, and every attribution chain leading to it:
// originators → intermediaries → the source that carries the claim; republications link sources.
// `id` must be an identifier (it names the SVG graph); `title` is shown above the drawing.
Diagram attributionDiagram(const store::GraphStore& store, const query::AttributionReport& report,
                           const std::string& id, const std::string& title);

}  // namespace relgraph::render
