// Graphs from other tools mapped onto relgraph's model (tests/fixtures/interchange): kinds and
// types, ids, names, typed attributes, one generated claim per relation, places and notes.

#include <doctest/doctest.h>

#include "interchange/interchange_checks.hpp"
#include "relgraph/interchange/graph_writer.hpp"
#include "relgraph/store/graph_store.hpp"
#include "relgraph/store/store_records.hpp"

namespace {

using namespace relgraph;
using namespace relgraph::testing;
using model::AttributeType;
using model::AttributeValue;

model::Entity entity(const store::GraphStore& g, const std::string& id) {
    const auto v = g.findEntityById(id);
    REQUIRE(v);
    return store::entityRecord(g, *v);
}

model::Relation relation(const store::GraphStore& g, const std::string& id) {
    const auto e = g.findRelation(id);
    REQUIRE(e);
    return store::relationRecord(g, *e);
}

// The summary of the one claim the importer made for a relation: it tells where the relation was
// read ("Imported from FILE.").
std::string summaryOf(const model::Relation& r) {
    REQUIRE(r.claims.size() == 1);
    return r.claims[0].summary;
}

std::string notesOf(const interchange::ImportResult& result) {
    std::string out;
    for (const Diagnostic& d : result.notes) out += d.toString() + "\n";
    return out;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("interchange: neo4j-admin CSV with ID spaces, labels, typed and array columns") {
    const auto result = interchange::readGraph({interchangeFixtures() / "neo4j"});
    const store::GraphStore& g = result.graph;
    REQUIRE(g.schema().kinds.size() == 2);
    CHECK(g.schema().kinds.at("person").label == "Person");
    CHECK(g.schema().kinds.at("person").attributes ==
          model::AttributeDeclarations{{"born", AttributeType::Integer}, {"member", AttributeType::Boolean},
                                       {"nicknames", AttributeType::String}, {"original_id", AttributeType::String},
                                       {"rating", AttributeType::Number}});
    CHECK(g.schema().types.at("acted_in").label == "ACTED_IN");
    CHECK(g.schema().types.at("acted_in").anyFrom);
    CHECK_FALSE(g.schema().types.at("acted_in").symmetric);
    CHECK(g.schema().types.at("acted_in").attributes == model::AttributeDeclarations{{"role", AttributeType::String}});

    // The movie m1 and the person p1 share the id "p1" in different ID spaces: the one read later
    // gets "p1-2" and keeps its id as original_id.
    const model::Entity keanu = entity(g, "p1-2");
    CHECK(keanu.name == "Keanu Reeves");
    CHECK(keanu.kind == "person");
    CHECK(keanu.attributes.at("original_id") == AttributeValue{AttributeType::String, std::string("p1")});
    CHECK(keanu.attributes.at("born") == AttributeValue{AttributeType::Integer, std::int64_t{1964}});
    CHECK(keanu.attributes.at("rating") == AttributeValue{AttributeType::Number, 9.5});
    CHECK(keanu.attributes.at("member") == AttributeValue{AttributeType::Boolean, true});
    CHECK(keanu.attributes.at("nicknames") == AttributeValue{AttributeType::String, std::string("[\"Neo\",\"The One\"]")});
    CHECK(entity(g, "p1").kind == "movie");
    CHECK(entity(g, "m2").name == "The Matrix, \"Reloaded\"");
    CHECK(entity(g, "p3").attributes.count("rating") == 0);  // an empty field is no value

    const model::Relation neo = relation(g, "p1-2-acted_in-m1");
    CHECK(neo.from == "p1-2");
    CHECK(neo.attributes.at("role") == AttributeValue{AttributeType::String, std::string("Neo")});
    REQUIRE(neo.claims.size() == 1);
    CHECK(neo.claims[0].summary == "Imported from " + (interchangeFixtures() / "neo4j" / "roles.csv").generic_string() + ".");
    const auto source = g.findSource(neo.claims[0].source);
    REQUIRE(source);
    CHECK(g.source(*source).id() == "imported-roles.csv");
    CHECK(g.source(*source).title().starts_with("Imported from "));
    CHECK(contains(notesOf(result), "people.csv:2:45: only the first label, \"Person\", is kept (as the kind)"));

    // Every query works on an imported graph.
    CHECK(g.resolveEntity("keanu reeves") == g.resolveEntity("p1-2"));
}

TEST_CASE("interchange: a SNAP edge list with comments, numbered nodes and no header") {
    const auto result = interchange::readGraph({interchangeFixtures() / "snap.txt"});
    const store::GraphStore& g = result.graph;
    CHECK(g.entityCount() == 3);
    CHECK(entity(g, "0").kind == "node");
    CHECK(entity(g, "0").name == "0");
    CHECK(g.schema().types.at("related_to").label == "related to");
    CHECK(summaryOf(relation(g, "2-related_to-0")) == "Imported from " + (interchangeFixtures() / "snap.txt").generic_string() + ".");
    CHECK(result.notes.empty());
}

TEST_CASE("interchange: an LDBC edge list names its kinds in the header and types by --edge-type") {
    interchange::ReadOptions options;
    options.edgeList.typeByFile["ldbc.csv"] = "knows";
    const auto result = interchange::readGraph({interchangeFixtures() / "ldbc.csv"}, options);
    const store::GraphStore& g = result.graph;
    CHECK(entity(g, "933").kind == "person");
    CHECK(g.schema().kinds.at("person").label == "Person");
    const model::Relation r = relation(g, "933-knows-4139");
    CHECK(r.attributes.at("creationdate") ==
          AttributeValue{AttributeType::String, std::string("2010-03-24T11:49:22.057+0000")});
    CHECK(contains(notesOf(result), "ldbc.csv:2:10: property \"creationDate\" is kept as attribute \"creationdate\""));
}

TEST_CASE("interchange: edge list columns are typed by their values, and --node-kind and --no-header") {
    TempFolder folder;
    const auto file = folder.write("weights.tsv", "x\ty\t1\t0.5\ttrue\tmixed\ttype\nb\tc\t2\t3\tfalse\t4\tKNOWS\n");
    interchange::ReadOptions options;
    options.edgeList.nodeKind = "City";
    options.edgeList.header = false;
    options.edgeList.edgeType = "road";
    const store::GraphStore g = interchange::readGraph({file}, options).graph;
    CHECK(g.schema().types.at("road").attributes ==
          model::AttributeDeclarations{{"column3", AttributeType::Integer}, {"column4", AttributeType::Number},
                                       {"column5", AttributeType::Boolean}, {"column6", AttributeType::String},
                                       {"column7", AttributeType::String}});
    CHECK(entity(g, "x").kind == "city");
    CHECK(relation(g, "b-road-c").attributes.at("column4") == AttributeValue{AttributeType::Number, 3.0});

    // With a header, a "type" column types each edge.
    const auto typed = folder.write("typed.csv", "from,to,type\na,b,likes\nb,a,LIKES\na,c,\n");
    const store::GraphStore h = interchange::readGraph({typed}).graph;
    CHECK(relation(h, "a-likes-b").type == "likes");
    CHECK(relation(h, "b-likes-a").type == "likes");
    CHECK(relation(h, "a-related_to-c").type == "related_to");
}

TEST_CASE("interchange: GraphML with typed keys, defaults and undirected edges") {
    const auto result = interchange::readGraph({interchangeFixtures() / "karate.graphml"});
    const store::GraphStore& g = result.graph;
    CHECK(entity(g, "n0").name == "Mr. Hi");
    CHECK(entity(g, "n2").name == "n2");
    CHECK(entity(g, "n0").attributes.at("age") == AttributeValue{AttributeType::Integer, std::int64_t{42}});
    const model::RelationType& type = g.schema().types.at("related_to");
    CHECK(type.symmetric);
    CHECK(type.attributes == model::AttributeDeclarations{{"weight", AttributeType::Number}});
    CHECK(relation(g, "n0-related_to-n2").attributes.at("weight") == AttributeValue{AttributeType::Number, 1.0});
    CHECK(summaryOf(relation(g, "n0-related_to-n1")).ends_with("karate.graphml."));
    CHECK(result.notes.empty());
}

TEST_CASE("interchange: DOT read through cgraph: labels, types, defaults and subgraphs") {
    const auto result = interchange::readGraph({interchangeFixtures() / "network.dot"});
    const store::GraphStore& g = result.graph;
    CHECK(entity(g, "alice").name == "Alice Smith");
    CHECK(entity(g, "alice").attributes.at("role") == AttributeValue{AttributeType::String, std::string("lead")});
    CHECK(entity(g, "bob").attributes.empty());  // node [shape=box] is styling, not data
    CHECK(relation(g, "alice-manages-bob").type == "manages");
    CHECK(relation(g, "alice-knows-carol").attributes.at("weight") ==
          AttributeValue{AttributeType::String, std::string("3")});
    CHECK(summaryOf(relation(g, "bob-related_to-carol")).ends_with("network.dot."));
    const std::string notes = notesOf(result);
    CHECK(contains(notes, "network.dot: graph attribute \"rankdir\" is not read"));
    CHECK(contains(notes, "network.dot: subgraphs are flattened"));
    CHECK(contains(notes, "network.dot: the default node [shape=\"box\"] is not read"));
}

TEST_CASE("interchange: undirected DOT and dir=none make symmetric types, and cgraph warnings are notes") {
    TempFolder folder;
    const auto undirected = folder.write("u.gv", "graph { a -- b [type=\"allied with\"]; x -> y }");
    CHECK(contains(importErrors({undirected}), "u.gv:1:0: syntax error near '->'"));
    const auto file = folder.write("d.gv", "digraph { a -> b [type=\"allied with\", dir=none]; 2x }");
    const auto result = interchange::readGraph({file});
    CHECK(result.graph.schema().types.at("allied_with").symmetric);
    CHECK(result.graph.schema().types.at("allied_with").label == "allied with");
    CHECK(contains(notesOf(result), "d.gv:1:0: syntax ambiguity - badly delimited number '2x'"));
}

TEST_CASE("interchange: NetworkX node-link JSON with \"edges\", integer ids and mixed values") {
    const auto result = interchange::readGraph({interchangeFixtures() / "networkx.json"});
    const store::GraphStore& g = result.graph;
    CHECK(entity(g, "1").name == "One");
    CHECK(entity(g, "three").name == "three");
    CHECK(g.schema().kinds.at("node").attributes ==
          model::AttributeDeclarations{{"score", AttributeType::Number}, {"tags", AttributeType::String}});
    CHECK(entity(g, "1").attributes.at("score") == AttributeValue{AttributeType::Number, 1.0});
    CHECK(entity(g, "three").attributes.at("tags") == AttributeValue{AttributeType::String, std::string("[\"a\",\"b\"]")});
    CHECK(g.schema().types.at("follows").symmetric);  // "directed": false
    CHECK(summaryOf(relation(g, "2-follows-three")).ends_with("networkx.json."));
    CHECK(contains(notesOf(result), "networkx.json:4:13 (/graph/name): graph attribute \"name\" is not read"));
}

TEST_CASE("interchange: node-link keys that are strings are relation ids, and NetworkX's edge numbers are not") {
    TempFolder folder;
    const auto file = folder.write("multi.json", R"({"directed": true, "multigraph": true,
        "nodes": [{"id": "a"}, {"id": "b"}],
        "links": [{"source": "a", "target": "b", "key": 0}, {"source": "a", "target": "b", "key": 1},
                  {"source": "b", "target": "a", "key": "back"}]})");
    const store::GraphStore g = interchange::readGraph({file}).graph;
    CHECK(relation(g, "a-related_to-b").to == "b");
    CHECK(relation(g, "a-related_to-b-2").to == "b");
    CHECK(relation(g, "back").from == "b");
}

TEST_CASE("interchange: ids and names are made identifiers and unique, with notes") {
    TempFolder folder;
    const auto file = folder.write("people.csv",
                                   "id:ID,name,First Name,Home Town,:LABEL\n"
                                   "Ann Smith,Ann,Ann,Paris,Media Outlet\n"
                                   "ann-smith,Ann,Annie,,Media Outlet\n"
                                   "3,ann-smith,,,\n");
    const auto result = interchange::readGraph({file});
    const store::GraphStore& g = result.graph;
    CHECK(g.schema().kinds.at("media_outlet").label == "Media Outlet");
    CHECK(g.schema().kinds.at("node").label == "Node");
    CHECK(entity(g, "ann-smith").attributes.at("original_id") ==
          AttributeValue{AttributeType::String, std::string("Ann Smith")});
    CHECK(entity(g, "ann-smith").attributes.at("first_name") ==
          AttributeValue{AttributeType::String, std::string("Ann")});
    CHECK(entity(g, "ann-smith-2").name == "Ann (ann-smith)");
    CHECK(entity(g, "3").name == "ann-smith (3)");
    const std::string notes = notesOf(result);
    CHECK(contains(notes, "people.csv:2:15: property \"First Name\" is kept as attribute \"first_name\""));
    CHECK(contains(notes, "people.csv:3:11: \"Ann\" names another entity too: this one is named \"Ann (ann-smith)\""));
    CHECK(contains(notes, "people.csv:4:3: \"ann-smith\" names another entity too"));
}

TEST_CASE("interchange: a schema given beside foreign files types their records") {
    TempFolder folder;
    const auto schema = folder.write("schema.json", R"({"relgraph": 1,
        "schema": {"kinds": {"person": {"label": "Person", "attributes": {"born": "date", "kids": "integer"}},
                             "city": {"label": "City"}},
                   "types": {"lives_in": {"label": "lives in", "from": ["person"], "to": ["city"],
                                          "attributes": {"since": "period", "size": "quantity"}}}},
        "sources": [{"id": "census", "title": "Census"}]})");
    const auto nodes = folder.write("nodes.csv", "id:ID,:LABEL,born,kids,Note\nP1,person,1970,2,x\nparis,city,,,\n");
    const auto edges = folder.write(
        "edges.csv",
        ":START_ID,:END_ID,:TYPE,since,size,claims\n"
        "P1,paris,lives_in,2001/..,\"{\"\"value\"\": 3, \"\"qualifier\"\": \"\"nearly\"\"}\","
        "\"[{\"\"id\"\": \"\"c1\"\", \"\"source\"\": \"\"census\"\", \"\"summary\"\": \"\"Counted.\"\"}]\"\n");
    const std::string message = importErrors({schema, nodes, edges});
    CHECK(contains(message, "nodes.csv:2:18: kind \"person\" declares no attribute \"Note\""));

    const auto clean = folder.write("clean.csv", "id:ID,:LABEL,born,kids\nP1,person,1970,2\nparis,city,,\n");
    const auto result = interchange::readGraph({schema, clean, edges});
    const store::GraphStore& g = result.graph;
    CHECK(entity(g, "p1").attributes.at("born") == AttributeValue{AttributeType::Date, std::string("1970")});
    CHECK(entity(g, "p1").attributes.at("kids") == AttributeValue{AttributeType::Integer, std::int64_t{2}});
    const model::Relation r = relation(g, "p1-lives_in-paris");
    CHECK(r.claims.at(0).source == "census");
    CHECK(r.attributes.at("size") ==
          AttributeValue{AttributeType::Quantity, model::Quantity{3.0, {}, {}, "nearly"}});
    CHECK(contains(notesOf(result), "clean.csv:2:1: ids of kind \"person\" are made identifiers (\"P1\" is \"p1\") "
                                    "and the original ids are not kept"));
}

TEST_CASE("interchange: edge ids from the file, taken twice, or made from the ends") {
    TempFolder folder;
    const auto file = folder.write("ids.graphml", R"(<graphml>
  <graph edgedefault="directed">
    <node id="a"/><node id="b"/>
    <edge id="E 1" source="a" target="b"/>
    <edge id="e-1" source="b" target="a"/>
  </graph>
</graphml>
)");
    const auto result = interchange::readGraph({file});
    CHECK(relation(result.graph, "e-1").from == "a");
    CHECK(relation(result.graph, "b-related_to-a").from == "b");
    const std::string notes = notesOf(result);
    CHECK(contains(notes, "ids.graphml:4:5: edge id \"E 1\" is relation id \"e-1\""));
    CHECK(contains(notes, "ids.graphml:5:5: edge id \"e-1\" is taken by another edge: this relation gets a new id"));
}

TEST_CASE("interchange: GraphML notes on what is not read") {
    TempFolder folder;
    const auto file = folder.write("yed.graphml", R"(<graphml>
  <key id="g" for="graph" attr.name="title"/>
  <key id="y" for="node" yfiles.type="nodegraphics"/>
  <graph edgedefault="directed">
    <data key="g">A graph</data>
    <node id="a"><data key="y"><shape/></data><port name="p"/></node>
    <node id="b"><data key="y"><shape/></data></node>
  </graph>
</graphml>
)");
    const std::string notes = notesOf(interchange::readGraph({file}));
    CHECK(contains(notes, "yed.graphml:5:5: graph data \"title\" is not read"));
    CHECK(contains(notes, "yed.graphml:6:18: yFiles graphics (key \"y\") are not read"));
    CHECK(contains(notes, "yed.graphml:6:47: ports are not read"));
}

TEST_CASE("interchange: --from reads a file whatever its extension, and relgraph JSON mixes with other formats") {
    TempFolder folder;
    const auto file = folder.write("graph.data", "a b\n");
    interchange::ReadOptions options;
    options.format = interchange::Format::EdgeList;
    CHECK(interchange::readGraph({file}, options).graph.relationCount() == 1);
    const store::GraphStore mixed =
        interchange::readGraph({tinyGraphDir(), interchangeFixtures() / "snap.txt"}).graph;
    CHECK(mixed.entityCount() == 15);
}
