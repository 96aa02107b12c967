#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "relgraph/format/json_output.hpp"
#include "relgraph/format/table_output.hpp"
#include "relgraph/format/text_table.hpp"
#include "test_graphs.hpp"

using namespace relgraph;
using nlohmann::json;

namespace {
// The entity with this id (which must exist).
store::Vertex vertexOf(const store::GraphStore& s, std::string_view id) { return s.findEntityById(id).value(); }
}  // namespace

TEST_CASE("json: path shape") {
    const store::GraphStore& s = testing::tiny();
    const auto from = vertexOf(s, "ann"), to = vertexOf(s, "res1");
    const json j = json::parse(format::pathJson(s, from, to, query::shortestPath(s, from, to, {})));
    CHECK(j["found"] == true);
    CHECK(j["length"] == 3);
    CHECK(j["entities"].size() == 4);
    CHECK(j["hops"][0]["direction"] == "forward");
    CHECK(j["hops"][0]["relation"]["claims"][0]["source"]["publisher"]["id"] == "daily");
    const json none = json::parse(format::pathJson(s, vertexOf(s, "alpha"), vertexOf(s, "daily"), std::nullopt));
    CHECK(none["found"] == false);
    CHECK(none["length"].is_null());
}

TEST_CASE("json: who-reported shape, quantities as objects") {
    const store::GraphStore& s = testing::tiny();
    const auto report = query::whoReportedRelations(s, {*s.findRelation("r-alpha-workers-beta")});
    const json j = json::parse(format::attributionJson(s, report));
    CHECK(j["parties"][0]["id"] == "spy");
    CHECK(j["parties"][0]["independent_sources"] == 1);
    CHECK(j["claims"][0]["values"]["count"]["value"] == 1000);
    CHECK(j["claims"][0]["values"]["count"]["qualifier"] == "approximately");
    CHECK(j["claims"][1]["republication_of"] == "s-daily");
    CHECK(j["claims"][2]["values"]["count"]["value"] == 1200);
    CHECK(j["claims"][0]["chain"] == json::array({"Alpha Intelligence Agency", "Wire Service", "The Daily"}));
}

TEST_CASE("json: validation report") {
    const json ok = json::parse(format::validationJson({"g"}, ProblemSummary{}, 3, 2, 1));
    CHECK(ok["valid"] == true);
    CHECK(ok["counts"]["claims"] == 1);
    CHECK(ok["problem_count"] == 0);
    const std::vector<Diagnostic> problems = {{Place{"f.json", 3, 4, "/x"}, "boom \"a\""},
                                              {Place{"f.json", 4, 4, "/y"}, "boom \"b\""},
                                              {Place{"f.json", 5, 4, "/z"}, "bang"}};
    const json bad = json::parse(format::validationJson({"g"}, summarizeProblems(problems, 2), 0, 0, 0));
    CHECK(bad["valid"] == false);
    CHECK(bad["problem_count"] == 3);
    REQUIRE(bad["problems"].size() == 2);  // one of each kind
    CHECK(bad["problems"][0]["line"] == 3);
    CHECK(bad["problems"][0]["pointer"] == "/x");
    CHECK(bad["problems"][1]["message"] == "bang");
    CHECK(bad["more"] == json::parse(R"([{"kind": "boom \"…\"", "count": 1}])"));
}

TEST_CASE("table: columns align on display width and cells are made terminal-safe") {
    format::TextTable t({"a", "b"});
    t.addRow({"日本", "x"});
    t.addRow({"evil\x1b[2J", "y"});
    const std::string out = t.render();
    CHECK(out == "a            b\n日本         x\nevil\\x1B[2J  y\n");
}

TEST_CASE("table: entity names with escape sequences never reach the terminal raw") {
    const store::GraphStore s = testing::loadTexts({{"g.json", R"({"relgraph": 1,
        "schema": {"kinds": {"k": {"label": "K"}}, "types": {"t": {"label": "t", "from": ["k"], "to": ["k"]}}},
        "sources": [{"id": "s", "title": "S"}],
        "entities": [{"id": "a", "name": "A", "kind": "k", "description": "line one\nline two \u0085 next"},
                     {"id": "b", "name": "B\u202egnp.exe", "kind": "k"}],
        "relations": [{"id": "r", "type": "t", "from": "a", "to": "b", "claims": [{"id": "c", "source": "s", "summary": "x"}]}]})"}});
    const std::string out = format::entityTable(s, query::entityReport(s, vertexOf(s, "a")));
    CHECK(out.find("\xC2\x85") == std::string::npos);
    CHECK(out.find("line two \\x85 next") != std::string::npos);
    CHECK(out.find("line one\\nline two") != std::string::npos);
    CHECK(out.find("B\\u202Egnp.exe") != std::string::npos);
}

TEST_CASE("json: path hops carry their parallel relations") {
    const store::GraphStore& s = testing::parallel();
    const auto from = vertexOf(s, "a"), to = vertexOf(s, "d");
    const json j = json::parse(format::pathJson(s, from, to, query::shortestPath(s, from, to, {})));
    CHECK(j["hops"][0]["relation"]["id"] == "r01");
    REQUIRE(j["hops"][0]["parallel"].size() == 2);
    CHECK(j["hops"][0]["parallel"][1]["direction"] == "backward");
    CHECK(j["hops"][0]["parallel"][1]["relation"]["id"] == "r03");
    CHECK(j["hops"][1]["parallel"].empty());
}

TEST_CASE("json: path sets list hops by reference and every relation once") {
    const store::GraphStore& s = testing::parallel();
    const auto from = vertexOf(s, "a"), to = vertexOf(s, "d");
    query::PathOptions options;
    options.maxPaths = 1;
    const json j = json::parse(format::pathSetJson(s, from, to, query::allShortestPaths(s, from, to, options)));
    CHECK(j["kind"] == "all-shortest");
    CHECK(j["complete"] == false);
    CHECK(j["stopped_by"] == "max-paths");
    REQUIRE(j["paths"].size() == 1);
    CHECK(j["paths"][0]["length"] == 2);
    CHECK(j["paths"][0]["entities"][1]["id"] == "b");
    CHECK(
        j["paths"][0]["hops"][0] ==
        json{{"relation", "r01"},
             {"type", "trades_with"},
             {"direction", "forward"},
             {"parallel", json::array({json{{"relation", "r02"}, {"type", "trades_with"}, {"direction", "forward"}},
                                       json{{"relation", "r03"}, {"type", "sanctions"}, {"direction", "backward"}}})}});
    std::vector<std::string> relations;
    for (const auto& r : j["relations"]) relations.push_back(r["id"]);
    CHECK(relations == std::vector<std::string>{"r01", "r02", "r03", "r04"});
    CHECK(j["relations"][3]["claims"].size() == 4);
    const json k = json::parse(format::pathSetJson(s, from, to, query::kShortestPaths(s, from, to, 3, {})));
    CHECK(k["kind"] == "k-shortest");
    CHECK(k["complete"] == true);
    CHECK(k["stopped_by"].is_null());
}

TEST_CASE("json: who-reported parties have their earliest date, and --primary leaves the claims out") {
    const store::GraphStore& s = testing::tiny();
    const auto report = query::whoReportedRelations(s, {*s.findRelation("r-alpha-workers-beta")});
    CHECK(json::parse(format::attributionJson(s, report))["parties"][0]["earliest_date"] == "2025-02-09");
    const json primary = json::parse(format::attributionJson(s, report, format::AttributionDetail::Originators));
    CHECK(primary.contains("parties"));
    CHECK_FALSE(primary.contains("claims"));
}

TEST_CASE("json: reported-by shape") {
    const store::GraphStore& s = testing::tiny();
    const json j = json::parse(format::reportedByJson(s, query::reportedBy(s, vertexOf(s, "wire"), false)));
    CHECK(j["party"]["id"] == "wire");
    CHECK(j["roles"] == json{{"originator", 4}, {"intermediary", 2}, {"publisher", 1}});
    CHECK(j["relations"].size() == 5);
    CHECK(j["claims"][1]["id"] == "c2");
    CHECK(j["claims"][1]["role"] == "intermediary");
    CHECK(j["claims"][1]["chain"] == json::array({"Alpha Intelligence Agency", "Wire Service", "The Daily"}));
}

TEST_CASE("json: conflicts carry the range and independent sources") {
    const store::GraphStore& s = testing::parallel();
    const json j = json::parse(format::conflictJson(s, query::findConflicts(s, {})));
    const json& c = j["conflicts"][0];
    CHECK(c["lowest"] == json{{"value", 90.0}, {"display", "90"}});
    CHECK(c["highest"]["display"] == "150");
    CHECK(c["independent_sources"] == 3);
    CHECK(c["values"][1]["display"] == "100");
    CHECK(c["values"][1]["independent_sources"] == 1);
    CHECK(c["values"][1]["claims"].size() == 2);
    CHECK(j["conflicts"][1]["lowest"] == json{{"value", "2020"}, {"display", "2020"}});
}

TEST_CASE("json: subgraph shape") {
    const store::GraphStore& s = testing::parallel();
    const json j = json::parse(format::subgraphJson(
        s, query::connectingSubgraph(s, {vertexOf(s, "a"), vertexOf(s, "e"), vertexOf(s, "z")}, {})));
    CHECK(j["kind"] == "connecting");
    CHECK(j["terminals"].size() == 3);
    REQUIRE(j["connections"].size() == 3);
    CHECK(j["connections"][0]["length"] == 2);
    CHECK(j["connections"][1]["to"]["id"] == "z");
    CHECK(j["connections"][1]["length"].is_null());
    CHECK(j["entities"].size() == 4);
    CHECK(j["relations"][0]["id"] == "r05");
}

TEST_CASE("json: statistics shape") {
    const store::GraphStore& s = testing::parallel();
    const json j = json::parse(format::statisticsJson(s, query::graphStatistics(s, {}), 2));
    CHECK(j["counts"]["claims"] == 14);
    CHECK(j["kinds"][0] == json{{"kind", "country"}, {"label", "Country"}, {"entities", 5}});
    CHECK(j["types"][3]["type"] == "reported");
    CHECK(j["types"][3]["attribution"] == true);
    CHECK(j["types"][3]["walked"] == false);
    CHECK(j["walked"] == json{{"entities", 8}, {"relations", 8}, {"components", 4}, {"betweenness_measured", true}});
    CHECK(j["components"][0]["size"] == 5);
    CHECK(j["entities"][2]["id"] == "c");
    CHECK(j["entities"][2]["betweenness"] == 1.5);
    CHECK(j["entities"][2]["component"] == 1);
    CHECK(j["top"]["relations"] == json::array({"a", "b"}));
    CHECK(j["top"]["betweenness"] == json::array({"c", "d"}));
}
