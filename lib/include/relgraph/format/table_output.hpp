#pragma once
// Query answers as readable text for the terminal. All data text goes through
// text::terminalSafe: a name cannot move the cursor or change colours.

#include <optional>
#include <string>

#include "relgraph/query/attribution_query.hpp"
#include "relgraph/query/conflict_query.hpp"
#include "relgraph/query/entity_report.hpp"
#include "relgraph/query/neighborhood_query.hpp"
#include "relgraph/query/path_query.hpp"

namespace relgraph::format {

std::string entityTable(const store::GraphStore& store, const query::EntityReport& report);
std::string neighborhoodTable(const store::GraphStore& store, const query::Neighborhood& n, int depth);
std::string pathTable(const store::GraphStore& store, store::Vertex from, store::Vertex to,
                      const std::optional<query::Path>& path);
std::string attributionTable(const store::GraphStore& store, const query::AttributionReport& report,
                             const std::string& subject);
std::string conflictTable(const store::GraphStore& store, const std::vector<query::Conflict>& conflicts);

}  // namespace relgraph::format
