#pragma once
// Query answers as JSON. The shapes are documented in docs/cli.md and are stable: members are
// only ever added. Output is pretty-printed UTF-8 with members in a fixed order.

#include <optional>
#include <string>
#include <vector>

#include "relgraph/common/place.hpp"
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

#include "relgraph/common/problem_summary.hpp"

namespace relgraph::format {

// `problems`: those shown ("problems"), their count ("problem_count") and the kinds not all shown
// ("more": kind and count), as the command line summarizes them.
std::string validationJson(const std::vector<std::string>& paths, const ProblemSummary& problems,
                           std::size_t entities, std::size_t relations, std::size_t claims);
std::string entityJson(const store::GraphStore& store, const query::EntityReport& report);
std::string neighborhoodJson(const store::GraphStore& store, const query::Neighborhood& n, int depth);
std::string pathJson(const store::GraphStore& store, store::Vertex from, store::Vertex to,
                     const std::optional<query::Path>& path);
std::string pathSetJson(const store::GraphStore& store, store::Vertex from, store::Vertex to,
                        const query::PathSet& paths);
std::string attributionJson(const store::GraphStore& store, const query::AttributionReport& report,
                            AttributionDetail detail = AttributionDetail::Full);
std::string reportedByJson(const store::GraphStore& store, const query::ReportedBy& reported);
std::string conflictJson(const store::GraphStore& store, const std::vector<query::Conflict>& conflicts);
std::string timelineJson(const store::GraphStore& store, const std::vector<query::TimelineEvent>& events);
std::string schemaJson(const store::GraphStore& store, const query::SchemaReport& report);
std::string searchJson(const store::GraphStore& store, const query::SearchResult& result, std::string_view query);
std::string subgraphJson(const store::GraphStore& store, const query::Subgraph& subgraph);
std::string statisticsJson(const store::GraphStore& store, const query::GraphStatistics& statistics, std::size_t top);

}  // namespace relgraph::format
