#pragma once
// Query answers as CSV (see csv_table.hpp): one row per record — a hop, a claim, a relation, an
// entity — with the columns documented in docs/cli.md. Several values in one cell are separated by
// "; "; relation directions are "forward"/"backward" and flags "true"/"false", as in JSON.

#include <optional>
#include <string>
#include <vector>

#include "relgraph/format/attribution_detail.hpp"
#include "relgraph/query/timeline_query.hpp"
#include "relgraph/query/schema_report.hpp"
#include "relgraph/query/search_query.hpp"
#include "relgraph/query/attribution_query.hpp"
#include "relgraph/query/conflict_query.hpp"
#include "relgraph/query/entity_report.hpp"
#include "relgraph/query/graph_statistics.hpp"
#include "relgraph/query/neighborhood_query.hpp"
#include "relgraph/query/path_query.hpp"
#include "relgraph/query/reported_by_query.hpp"
#include "relgraph/query/subgraph_query.hpp"

namespace relgraph::format {

std::string entityCsv(const store::GraphStore& store, const query::EntityReport& report);
std::string neighborhoodCsv(const store::GraphStore& store, const query::Neighborhood& n);
std::string pathCsv(const store::GraphStore& store, const std::optional<query::Path>& path);
std::string pathSetCsv(const store::GraphStore& store, const query::PathSet& paths);
std::string attributionCsv(const store::GraphStore& store, const query::AttributionReport& report,
                           AttributionDetail detail = AttributionDetail::Full);
std::string reportedByCsv(const store::GraphStore& store, const query::ReportedBy& reported);
std::string conflictCsv(const store::GraphStore& store, const std::vector<query::Conflict>& conflicts);
std::string timelineCsv(const store::GraphStore& store, const std::vector<query::TimelineEvent>& events);
std::string schemaCsv(const store::GraphStore& store, const query::SchemaReport& report);
std::string searchCsv(const store::GraphStore& store, const query::SearchResult& result);
std::string subgraphCsv(const store::GraphStore& store, const query::Subgraph& subgraph);
std::string statisticsCsv(const store::GraphStore& store, const query::GraphStatistics& statistics);

}  // namespace relgraph::format
