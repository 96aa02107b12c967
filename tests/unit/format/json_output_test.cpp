#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "relgraph/format/json_output.hpp"
#include "relgraph/format/table_output.hpp"
#include "relgraph/format/text_table.hpp"
#include "test_graphs.hpp"

using namespace relgraph;
using nlohmann::json;

TEST_CASE("json: path shape") {
    const store::GraphStore& s = testing::tiny();
    const auto from = s.vertexOf("ann"), to = s.vertexOf("res1");
    const json j = json::parse(format::pathJson(s, from, to, query::shortestPath(s, from, to, {})));
    CHECK(j["found"] == true);
    CHECK(j["length"] == 3);
    CHECK(j["entities"].size() == 4);
    CHECK(j["hops"][0]["direction"] == "forward");
    CHECK(j["hops"][0]["relation"]["claims"][0]["source"]["publisher"]["id"] == "daily");
    const json none = json::parse(format::pathJson(s, s.vertexOf("alpha"), s.vertexOf("daily"), std::nullopt));
    CHECK(none["found"] == false);
    CHECK(none["length"].is_null());
}

TEST_CASE("json: who-reported shape, quantities as objects") {
    const store::GraphStore& s = testing::tiny();
    const auto report = query::whoReported(s, {*s.findRelation("r-alpha-workers-beta")});
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
    const json ok = json::parse(format::validationJson({"g"}, {}, 3, 2, 1));
    CHECK(ok["valid"] == true);
    CHECK(ok["counts"]["claims"] == 1);
    const json bad = json::parse(format::validationJson({"g"}, {Diagnostic{Place{"f.json", 3, 4, "/x"}, "boom"}}, 0, 0, 0));
    CHECK(bad["valid"] == false);
    CHECK(bad["problems"][0]["line"] == 3);
    CHECK(bad["problems"][0]["pointer"] == "/x");
}

TEST_CASE("table: columns align on display width and cells are made terminal-safe") {
    format::TextTable t({"a", "b"});
    t.addRow({"日本", "x"});
    t.addRow({"evil\x1b[2J", "y"});
    const std::string out = t.render();
    CHECK(out == "a            b\n日本         x\nevil\\x1B[2J  y\n");
}

TEST_CASE("table: entity names with escape sequences never reach the terminal raw") {
    auto data = testing::loadTexts({{"g.json", R"({"relgraph": 1,
        "schema": {"kinds": {"k": {"label": "K"}}, "types": {"t": {"label": "t", "from": ["k"], "to": ["k"]}}},
        "sources": [{"id": "s", "title": "S"}],
        "entities": [{"id": "a", "name": "A", "kind": "k", "description": "line one\nline two \u0085 next"},
                     {"id": "b", "name": "B\u202egnp.exe", "kind": "k"}],
        "relations": [{"id": "r", "type": "t", "from": "a", "to": "b", "claims": [{"id": "c", "source": "s", "summary": "x"}]}]})"}});
    store::GraphStore s(std::move(data));
    const std::string out = format::entityTable(s, query::entityReport(s, s.vertexOf("a")));
    CHECK(out.find("\xC2\x85") == std::string::npos);
    CHECK(out.find("line two \\x85 next") != std::string::npos);
    CHECK(out.find("line one\\nline two") != std::string::npos);
    CHECK(out.find("B\\u202Egnp.exe") != std::string::npos);
}
