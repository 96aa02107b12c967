#pragma once
// Query answers as readable text for the terminal. All data text goes through
// text::terminalSafe: a name cannot move the cursor or change colours.

#include <optional>
#include <string>

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

std::string entityTable(const store::GraphStore& store, const query::EntityReport& report);
std::string neighborhoodTable(const store::GraphStore& store, const query::Neighborhood& n, int depth);
std::string pathTable(const store::GraphStore& store, store::Vertex from, store::Vertex to,
                      const std::optional<query::Path>& path);
std::string pathSetTable(const store::GraphStore& store, store::Vertex from, store::Vertex to,
                         const query::PathSet& paths);
std::string attributionTable(const store::GraphStore& store, const query::AttributionReport& report,
                             const std::string& subject, AttributionDetail detail = AttributionDetail::Full);
std::string reportedByTable(const store::GraphStore& store, const query::ReportedBy& reported);
std::string conflictTable(const store::GraphStore& store, const std::vector<query::Conflict>& conflicts);
// Timeline events, earliest first: the date, the relation, the figures and who said so.
std::string timelineTable(const store::GraphStore& store, const std::vector<query::TimelineEvent>& events,
                          const std::string& subject);
// The kinds and types: names, labels, counts, endpoint kinds, attributes, flags.
std::string schemaTable(const store::GraphStore& store, const query::SchemaReport& report);
// Search hits, best first, each with what it is, its snippet (matches in «»), and for a claim its chain.
std::string searchTable(const store::GraphStore& store, const query::SearchResult& result, std::string_view query);
std::string subgraphTable(const store::GraphStore& store, const query::Subgraph& subgraph);
std::string statisticsTable(const store::GraphStore& store, const query::GraphStatistics& statistics, std::size_t top);

}  // namespace relgraph::format
