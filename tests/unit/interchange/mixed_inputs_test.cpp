// relgraph JSON and foreign files read into one store (interchange/graph_reader.hpp): foreign
// records meet relgraph JSON's (references by id either way, ids and names unique across both),
// are checked against the kinds and types relgraph JSON declares, carry claims resting on its
// sources, and every problem is placed in the file that holds it.

#include <doctest/doctest.h>

#include "interchange/interchange_checks.hpp"
#include "relgraph/store/graph_store.hpp"
#include "relgraph/store/store_records.hpp"

namespace {

using namespace relgraph;
using namespace relgraph::testing;

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// A schema with a source and one entity, beside the foreign files of each test.
std::filesystem::path writeSchema(const TempFolder& folder) {
    return folder.write("schema.json", R"({"relgraph": 1,
  "schema": {"kinds": {"person": {"label": "Person"}, "city": {"label": "City", "attributes": {"founded": "date"}}},
             "types": {"lives_in": {"label": "lives in", "from": ["person"], "to": ["city"]},
                       "knows": {"label": "knows", "from": ["person"], "to": ["person"], "symmetric": true}}},
  "sources": [{"id": "census", "title": "Census"}],
  "entities": [{"id": "rome", "name": "Rome", "kind": "city", "aliases": ["Roma"]}],
  "relations": [{"id": "r1", "type": "lives_in", "from": "ann", "to": "rome",
                 "claims": [{"id": "c1", "source": "census", "by": ["bob"], "summary": "Counted."}]}]
})");
}

}  // namespace

TEST_CASE("mixed inputs: relgraph JSON refers to foreign entities by their ids, and foreign claims to its sources") {
    TempFolder folder;
    const auto schema = writeSchema(folder);
    const auto people = folder.write("people.csv", "id:ID,:LABEL,name\nann,person,Ann\nbob,person,Bob\n");
    const auto knows = folder.write(
        "knows.csv", ":START_ID,:END_ID,:TYPE,claims\nann,bob,knows,\"[{\"\"id\"\": \"\"c2\"\", \"\"source\"\": "
                     "\"\"census\"\", \"\"by\"\": [\"\"ann\"\"], \"\"summary\"\": \"\"Asked.\"\"}]\"\n");
    const store::GraphStore g = interchange::readGraph({schema, people, knows}).graph;
    REQUIRE(g.entityCount() == 3);
    // The JSON relation runs from the CSV's ann to the JSON's rome; its claim is by the CSV's bob.
    const model::Relation r1 = store::relationRecord(g, *g.findRelation("r1"));
    CHECK(r1.from == "ann");
    CHECK(r1.to == "rome");
    CHECK(r1.claims.at(0).by == std::vector<std::string>{"bob"});
    // The CSV relation is of the declared (symmetric) type, resting on its own claim of the JSON source.
    const model::Relation k = store::relationRecord(g, *g.findRelation("ann-knows-bob"));
    REQUIRE(k.claims.size() == 1);
    CHECK(k.claims[0].id == "c2");
    CHECK(k.claims[0].source == "census");
    CHECK(g.schema().types.at("knows").symmetric);
    CHECK(g.schema().types.at("knows").label == "knows");
    // Whom a party is in: the party index covers foreign claims too.
    CHECK(g.claimsNaming(*g.findEntityById("ann")).size() == 1);
}

TEST_CASE("mixed inputs: foreign records are checked against the declared types and relgraph JSON's records") {
    TempFolder folder;
    const auto schema = writeSchema(folder);
    // A city as the end of "knows", a person named as the JSON city's alias, and the JSON's own id.
    const auto nodes = folder.write("nodes.csv", "id:ID,:LABEL,name\nann,person,Ann\nbob,person,Roma\nrome,city,Rome\n");
    const auto rels = folder.write("rels.csv", ":START_ID,:END_ID,:TYPE\nann,rome,knows\n");
    const std::string message = importErrors({schema, nodes, rels});
    INFO(message);
    CHECK(contains(message, "rels.csv:2:5: relation type \"knows\" cannot end at \"rome\", an entity of kind \"city\""));
    CHECK(contains(message, "duplicate entity id \"rome\" (first at "));
    CHECK(contains(message, "nodes.csv:4:1)"));
    CHECK(contains(message, "nodes.csv:3:12: \"Roma\" already names entity \"rome\""));
}

TEST_CASE("mixed inputs: claims in foreign files are read as relgraph JSON's, their problems placed in the file") {
    TempFolder folder;
    const auto schema = writeSchema(folder);
    const auto edges = folder.write("edges.csv", "from,to,type,claims\n"
                                                 "x,y,met,\"[{\"\"id\"\": \"\"c9\"\", \"\"source\"\": \"\"nowhere\"\", "
                                                 "\"\"summary\"\": \"\"Seen.\"\"}]\"\n"
                                                 "y,x,met,\"[{\"\"id\"\": \"\"c9\"\", \"\"source\"\": \"\"census\"\"}]\"\n"
                                                 "x,z,met,not json\n");
    const std::string message = importErrors({schema, edges});
    INFO(message);
    CHECK(contains(message, "edges.csv:4:9: \"claims\" must hold a JSON array of claims"));
    // Read, mapped, then checked: the mapping's problem stops the read before the claims are checked.
    CHECK_FALSE(contains(message, "nowhere"));

    const auto fixed = folder.write("fixed.csv", "from,to,type,claims\n"
                                                 "x,y,met,\"[{\"\"id\"\": \"\"c9\"\", \"\"source\"\": \"\"nowhere\"\", "
                                                 "\"\"summary\"\": \"\"Seen.\"\"}]\"\n"
                                                 "y,x,met,\"[{\"\"id\"\": \"\"c9\"\", \"\"source\"\": \"\"census\"\"}]\"\n");
    const std::string problems = importErrors({schema, fixed});
    INFO(problems);
    CHECK(contains(problems, "fixed.csv:2:9 (claims/0/source): unknown source \"nowhere\""));
    CHECK(contains(problems, "fixed.csv:3:9 (claims/0): missing required member \"summary\""));
    CHECK(contains(problems, "fixed.csv:3:9 (claims/0/id): duplicate claim id \"c9\" (first at "));
}

TEST_CASE("mixed inputs: a .json file with \"nodes\" and then \"relgraph\" is relgraph JSON, read again as such") {
    TempFolder folder;
    const auto file = folder.write("graph.json", R"({"nodes": [], "relgraph": 1, "schema": {"kinds": {"city": {"label": "City"}}},
 "entities": [{"id": "rome", "name": "Rome", "kind": "city"}]})");
    interchange::ReadOptions options;
    std::size_t calls = 0;
    options.onProgress = [&](const interchange::LoadProgress&) { ++calls; };
    const std::string message = [&] {
        try {
            interchange::readGraph({file}, options);
        } catch (const LoadError& e) {
            return std::string(e.what());
        }
        return std::string();
    }();
    // As relgraph JSON, "nodes" is no member of its.
    CHECK(contains(message, "graph.json:1:2 (/nodes): unknown member \"nodes\""));
    CHECK(calls > 0);
}

TEST_CASE("mixed inputs: node-link metadata after the nodes declares their kinds all the same") {
    TempFolder folder;
    const auto late = folder.write("late.json", R"({"nodes": [{"id": "rome", "kind": "city", "founded": "1200"}],
 "links": [],
 "graph": {"relgraph": {"relgraph": 1, "schema": {"kinds": {"city": {"label": "City",
                                                   "attributes": {"founded": "date"}}}}}}})");
    // Read again once the metadata is found, progress told through both rounds.
    interchange::ReadOptions options;
    std::vector<interchange::LoadProgress> calls;
    options.onProgress = [&](const interchange::LoadProgress& p) { calls.push_back(p); };
    const store::GraphStore g = interchange::readGraph({late}, options).graph;
    REQUIRE_FALSE(calls.empty());
    CHECK(calls.back().bytesRead == calls.back().bytesTotal);
    CHECK(calls.back().entities == 1);
    const model::Entity rome = store::entityRecord(g, *g.findEntityById("rome"));
    CHECK(g.schema().kinds.at("city").label == "City");
    CHECK((rome.attributes.at("founded").type == model::AttributeType::Date));

    const auto bad = folder.write("bad.json", R"({"nodes": [{"id": "rome", "kind": "city", "founded": "long ago"}],
 "graph": {"relgraph": {"relgraph": 1, "schema": {"kinds": {"city": {"label": "City",
                                                   "attributes": {"founded": "date"}}}}}}})");
    const std::string message = importErrors({bad});
    CHECK(contains(message, "bad.json:1:43 (/nodes/0/founded): \"long ago\" is not a date"));
}
