// Writing a graph in each format and reading it back gives the same graph: the fixture graph, the
// bundled graph and a graph of awkward text.

#include <doctest/doctest.h>

#include "interchange/interchange_checks.hpp"
#include "relgraph/interchange/graph_writer.hpp"

namespace {

using namespace relgraph;
using namespace relgraph::testing;
using interchange::Format;

// Writes `graph` as `format` under `folder` and reads it back.
store::GraphStore throughFormat(const store::GraphStore& graph, Format format, const TempFolder& folder) {
    const char* name = format == Format::RelgraphJson ? "graph.json"
                       : format == Format::NodeLink   ? "graph.node-link.json"
                       : format == Format::GraphMl    ? "graph.graphml"
                       : format == Format::Dot        ? "graph.dot"
                                                      : "neo4j";
    const auto path = folder.path / name;
    interchange::writeGraph(graph, format, path);
    interchange::ImportResult back = interchange::readGraph({path});
    CHECK(back.notes.empty());
    return std::move(back.graph);
}

const Format kReadable[] = {Format::RelgraphJson, Format::NodeLink, Format::GraphMl, Format::Dot, Format::Neo4jCsv};

}  // namespace

TEST_CASE("interchange: every format round-trips the awkward graph exactly") {
    const store::GraphStore graph = awkwardGraph();
    for (const Format format : kReadable) {
        INFO("format: ", interchange::formatName(format));
        TempFolder folder;
        checkSameGraph(graph, throughFormat(graph, format, folder));
    }
}

TEST_CASE("interchange: every format round-trips the fixture and bundled graphs") {
    for (const auto& path : {tinyGraphDir(), bundledGraphDir()}) {
        const store::GraphStore graph = load::loadGraph({path});
        for (const Format format : kReadable) {
            INFO("graph: ", path.string(), ", format: ", interchange::formatName(format));
            TempFolder folder;
            checkSameGraph(graph, throughFormat(graph, format, folder));
        }
    }
}

TEST_CASE("interchange: relgraph JSON output is deterministic and reads back to the same text") {
    const store::GraphStore graph = awkwardGraph();
    const std::string once = interchange::writeGraphText(graph, Format::RelgraphJson);
    // The same records given to the store in the opposite order.
    model::GraphData records = graphData(graph);
    std::reverse(records.entities.begin(), records.entities.end());
    std::reverse(records.relations.begin(), records.relations.end());
    std::reverse(records.sources.begin(), records.sources.end());
    REQUIRE(graph.inputFileCount() == 1);
    const store::GraphStore shuffled = storeOf(records, std::string(graph.inputFile(0)));
    CHECK(interchange::writeGraphText(shuffled, Format::RelgraphJson) == once);
    const store::GraphStore back = loadTexts({{"back.json", once}});
    CHECK(interchange::writeGraphText(back, Format::RelgraphJson) == once);
    for (const Format format : {Format::NodeLink, Format::GraphMl, Format::Dot, Format::Cypher}) {
        CHECK(interchange::writeGraphText(shuffled, format) == interchange::writeGraphText(graph, format));
    }
}

TEST_CASE("interchange: text in the exports is escaped for each format") {
    const store::GraphStore graph = awkwardGraph();
    const std::string graphml = interchange::writeGraphText(graph, Format::GraphMl);
    CHECK(graphml.find("<data key=\"n.name\">Café ☕ 東京 &lt;main&gt; &amp; 'co'</data>") != std::string::npos);
    CHECK(graphml.find("attr.name=\"@name\"") != std::string::npos);
    CHECK(graphml.find("<key id=\"n.attribute.height\" for=\"node\" attr.name=\"height\" attr.type=\"double\"") !=
          std::string::npos);
    CHECK(graphml.find("<edge id=\"ann-knows-bob\" source=\"ann\" target=\"bob\">") != std::string::npos);

    const std::string cypher = interchange::writeGraphText(graph, Format::Cypher);
    CHECK(cypher.find("`name`: 'Bob \\\\N \\\\\\\\ \\\\'") != std::string::npos);
    CHECK(cypher.find("'First line,\\nsecond \\\\\\nthird \"q\" <b>&amp;</b>'") != std::string::npos);
    CHECK(cypher.find("`@name`: 'Ann\\'s own \"name\" attribute'") != std::string::npos);
    CHECK(cypher.find("`aliases`: ['A; B', 'Ann\\\\', 'Анна']") != std::string::npos);
    CHECK(cypher.find("`alive`: true, `born`: '1970-05', `children`: 3, `height`: 1.75") != std::string::npos);
    CHECK(cypher.find("CREATE CONSTRAINT `relgraph_person_id` IF NOT EXISTS FOR (n:`person`) REQUIRE n.id IS "
                      "UNIQUE;") != std::string::npos);
    CHECK(cypher.find("MERGE (n:`person` {id: row.id}) SET n += row.properties;") != std::string::npos);
    CHECK(cypher.find("MATCH (a:`person` {id: row.from}), (b:`place` {id: row.to})\nMERGE (a)-[r:`lives_in` {id: "
                      "row.id}]->(b) SET r += row.properties;") != std::string::npos);

    TempFolder folder;
    interchange::writeGraph(graph, Format::Neo4jCsv, folder.path / "csv");
    const std::string nodes = readText(folder.path / "csv" / "nodes.csv");
    CHECK(nodes.rfind("id:ID,:LABEL,name,aliases,description,active,alive:boolean,born,children:long,height:double,"
                      "@kind,@name,size\n",
                      0) == 0);
    CHECK(nodes.find("ann,person,\"Ann \"\"The Ace\"\", O'Hara: Jr.\",\"[\"\"A; B\"\",\"\"Ann\\\\\"\",\"\"Анна\"\"]\","
                     "\"First line,\nsecond \\\nthird \"\"q\"\" <b>&amp;</b>\"") != std::string::npos);
    CHECK(nodes.find("d.e-f_9,place,\"   spaced   out  \",,,,,,,,,,\n") != std::string::npos);
}

TEST_CASE("interchange: a Cypher script writes floats Cypher reads") {
    const store::GraphStore graph = loadTexts({{"g.json", R"({"relgraph": 1,
        "schema": {"kinds": {"k": {"label": "K", "attributes": {"x": "number"}}}, "types": {}},
        "entities": [{"id": "a", "name": "A", "kind": "k", "attributes": {"x": 1e300}}]})"}});
    CHECK(interchange::writeGraphText(graph, Format::Cypher).find("`x`: 1e300}") != std::string::npos);
}
