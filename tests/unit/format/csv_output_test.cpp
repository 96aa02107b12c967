#include <doctest/doctest.h>

#include "relgraph/format/csv_output.hpp"
#include "relgraph/format/csv_table.hpp"
#include "test_graphs.hpp"

using namespace relgraph;

namespace {
// The entity with this id (which must exist).
store::Vertex vertexOf(const store::GraphStore& s, std::string_view id) { return s.findEntityById(id).value(); }
}  // namespace

TEST_CASE("csv: RFC 4180 quoting, CRLF line ends") {
    format::CsvTable t({"a", "b"});
    t.addRow({"plain", "with, comma"});
    t.addRow({"say \"hi\"", "two\nlines"});
    t.addRow({"only one"});
    CHECK(t.render() == "a,b\r\nplain,\"with, comma\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\nonly one,\r\n");
}

TEST_CASE("csv: untrusted cells cannot run as formulas or reach the terminal raw") {
    format::CsvTable t({"x"});
    t.addRow({"=HYPERLINK(\"http://evil\")"});
    t.addRow({"+1"});
    t.addRow({"-2"});
    t.addRow({"@SUM(A1)"});
    t.addRow({"evil\x1b[2J\xE2\x80\xAE"});
    CHECK(t.render() ==
          "x\r\n\"'=HYPERLINK(\"\"http://evil\"\")\"\r\n'+1\r\n'-2\r\n'@SUM(A1)\r\nevil\\x1B[2J\\u202E\r\n");
}

TEST_CASE("csv: a path's hops, parallel relations on rows of their own") {
    const store::GraphStore& s = testing::parallel();
    const auto path = query::shortestPath(s, vertexOf(s, "a"), vertexOf(s, "d"), {});
    const std::string csv = format::pathCsv(s, path);
    CHECK(csv.rfind("hop,parallel,from_id,from,relation,type,label,direction,to_id,to,claims,sources\r\n", 0) == 0);
    CHECK(csv.find("1,false,a,Avalon,r01,trades_with,trades with,forward,b,Brigadoon,c01,Morning Post (2024-01)\r\n") !=
          std::string::npos);
    CHECK(csv.find("1,true,a,Avalon,r03,sanctions,sanctions,backward,b,Brigadoon,c03,Wire (2024-02)\r\n") !=
          std::string::npos);
    CHECK(csv.find("2,false,b,Brigadoon,r04,trades_with,trades with,forward,d,Dunland,c04a; c04b; c04c; c04d,\"Morning "
                   "Post (2024-01), Wire (2024-02), [Repost of the Post report] (2024-03), Wire (2024-04)\"\r\n") !=
          std::string::npos);
    CHECK(format::pathCsv(s, std::nullopt) ==
          "hop,parallel,from_id,from,relation,type,label,direction,to_id,to,claims,sources\r\n");
}

TEST_CASE("csv: who-reported claims with chains, and --primary lists the parties") {
    const store::GraphStore& s = testing::tiny();
    const auto report = query::whoReportedRelations(s, {*s.findRelation("r-alpha-workers-beta")});
    const std::string claims = format::attributionCsv(s, report);
    CHECK(
        claims.find("\r\nc3,r-alpha-workers-beta,asserts,2025-02-09,spy,wire,Alpha Intelligence Agency → Wire "
                    "Service → [Repost of the Daily report],s-repost,[Repost of the Daily report] (2025-02-11),"
                    "2025-02-11,s-daily,The repost repeats the agency's figure.,\"count: approximately 1,000\"\r\n") !=
        std::string::npos);
    const std::string parties = format::attributionCsv(s, report, format::AttributionDetail::Originators);
    CHECK(parties ==
          "party_id,party,kind,claims,sources,independent_sources,earliest_date\r\n"
          "spy,Alpha Intelligence Agency,agency,2,2,1,2025-02-09\r\n"
          "officials,unnamed officials,group,1,1,1,2025-02-09\r\n");
}

TEST_CASE("csv: statistics, one row per walked entity") {
    const store::GraphStore& s = testing::parallel();
    const std::string csv = format::statisticsCsv(s, query::graphStatistics(s, {}));
    CHECK(csv.rfind("id,name,kind,relations,out,in,neighbors,component,pagerank,betweenness\r\n", 0) == 0);
    CHECK(csv.find("\r\nc,Cora Chen,person,3,2,1,3,1,") != std::string::npos);
    CHECK(csv.find(",1.500000\r\n") != std::string::npos);
}
