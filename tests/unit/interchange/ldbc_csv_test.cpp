// LDBC-style neo4j-admin CSV (docs/interchange.md, "neo4j-admin CSV"): '|'-separated headers,
// headerless "_N" continuation files, relationship types from "Src_type_Dst.csv" file names, ID
// spaces that reuse ids, upper-case column types, :LABEL columns anywhere, read as recorded
// (outcome_checks.hpp).

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>

#include "interchange/interchange_checks.hpp"
#include "interchange/neo4j_csv_header.hpp"
#include "interchange/outcome_checks.hpp"
#include "relgraph/store/graph_store.hpp"
#include "relgraph/store/store_records.hpp"

namespace {

using namespace relgraph;
using namespace relgraph::testing;
namespace fs = std::filesystem;

fs::path ldbcFixture() { return interchangeFixtures() / "ldbc"; }

std::string sortedLines(std::vector<std::string> lines) {
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const std::string& line : lines) out += line + "\n";
    return out;
}

// Relations (ends, type) as sorted text.
std::string relationsOf(const store::GraphStore& g) {
    std::vector<std::string> lines;
    for (store::Edge r = 0; r < g.relationCount(); ++r) {
        lines.push_back(fmt::format("{} -> {} | {}", g.entity(g.from(r)).id(), g.entity(g.to(r)).id(),
                                    g.relation(r).type()));
    }
    return sortedLines(std::move(lines));
}

}  // namespace

TEST_CASE("ldbc csv: the header line tells the separator") {
    using interchange::neo4jHeaderDelimiter;
    CHECK(neo4jHeaderDelimiter("id:ID(Comment)|creationDate:LONG|content:STRING") == '|');
    CHECK(neo4jHeaderDelimiter(":START_ID(Comment)|:END_ID(Person)\r\n1|2") == '|');
    CHECK(neo4jHeaderDelimiter("id:ID,:LABEL,name") == ',');
    CHECK(neo4jHeaderDelimiter("\xEF\xBB\xBF\"id:ID\",name") == ',');
    CHECK(neo4jHeaderDelimiter("name|other,:ID") == ',');
    CHECK(neo4jHeaderDelimiter("Person.id|Person.id") == 0);
    CHECK(neo4jHeaderDelimiter("962072782452|870") == 0);
    CHECK(neo4jHeaderDelimiter("source,target") == 0);
}

TEST_CASE("ldbc csv: continuation names and types from file names") {
    CHECK(interchange::continuationBase("d/Comment_hasCreator_Person_1.csv") == "d/Comment_hasCreator_Person.csv");
    CHECK(interchange::continuationBase("d/Person_12.csv") == "d/Person.csv");
    CHECK_FALSE(interchange::continuationBase("d/Person.csv"));
    CHECK_FALSE(interchange::continuationBase("d/Person_x1.csv"));
    CHECK_FALSE(interchange::continuationBase("d/_1.csv"));
    CHECK(interchange::neo4jTypeFromFileName("d/Comment_hasCreator_Person.csv", "Comment", "Person") == "hasCreator");
    CHECK(interchange::neo4jTypeFromFileName("d/Comment_hasCreator_Person_1.csv", "Comment", "Person") == "hasCreator");
    CHECK(interchange::neo4jTypeFromFileName("d/Person_is_part_of_Place.csv", "Person", "Place") == "is_part_of");
    CHECK(interchange::neo4jTypeFromFileName("d/Comment_hasCreator_Person.csv", "Comment", "Post").empty());
    CHECK(interchange::neo4jTypeFromFileName("d/Comment_hasCreator_Person.csv", "", "Person").empty());
    CHECK(interchange::neo4jTypeFromFileName("d/Person_Person.csv", "Person", "Person").empty());
}

TEST_CASE("ldbc csv: the fixture reads as recorded, with the expected kinds, types and counts") {
    checkOutcome("ldbc/fixture", {ldbcFixture()});
    const interchange::ImportResult read = interchange::readGraph({ldbcFixture()});

    // 3 people, 2 tags, 1 forum, 2 places: ids 0 in three ID spaces, made unique.
    CHECK(read.graph.entityCount() == 8);
    CHECK(read.graph.relationCount() == 11);

    std::vector<std::string> kinds;
    for (const auto& [name, kind] : read.graph.schema().kinds) kinds.push_back(name);
    CHECK(kinds == std::vector<std::string>{"city", "country", "node", "person"});
    std::vector<std::string> types;
    for (const auto& [name, type] : read.graph.schema().types) types.push_back(name);
    CHECK(types == std::vector<std::string>{"hasinterest", "hastag", "islocatedin", "knows", "related_to", "visited"});
    CHECK(read.graph.schema().types.at("hasinterest").label == "hasInterest");

    // Edges resolve by (ID space, id): forum 0 (read first: "0") has tags 0 and 1 ("0-3", "1-2"),
    // person 0 ("0-2") knows person 1 and is interested in tag 0, and the continuation's rows are
    // typed by the base file's name.
    const std::string relations = relationsOf(read.graph);
    INFO(relations);
    CHECK(relations.find("0-2 -> 1 | knows") != std::string::npos);
    CHECK(relations.find("1 -> 2 | knows") != std::string::npos);
    CHECK(relations.find("2 -> 0-2 | knows") != std::string::npos);
    CHECK(relations.find("0-2 -> 0-3 | hasinterest") != std::string::npos);
    CHECK(relations.find("0 -> 0-3 | hastag") != std::string::npos);
    CHECK(relations.find("0 -> 1-2 | hastag") != std::string::npos);
    CHECK(relations.find("0-2 -> 2 | related_to") != std::string::npos);
    CHECK(relations.find("2 -> 10 | visited") != std::string::npos);

    // Upper-case types, empty fields absent.
    const auto entity = [&](const std::string& id) {
        const auto v = read.graph.findEntityById(id);
        REQUIRE(v);
        return store::entityRecord(read.graph, *v);
    };
    CHECK((entity("0-2").attributes.at("birthday").type == model::AttributeType::Integer));
    CHECK_FALSE(entity("1").attributes.count("birthday"));
    CHECK((entity("10").attributes.at("population").type == model::AttributeType::Integer));
    CHECK_FALSE(entity("11").attributes.count("population"));
}

TEST_CASE("ldbc csv: --edge-type naming a file wins over its name, which wins over a global --edge-type") {
    interchange::ReadOptions options;
    options.edgeList.edgeType = "linked";
    options.edgeList.typeByFile["Person_knows_Person.csv"] = "befriends";
    const interchange::ImportResult read = interchange::readGraph({ldbcFixture()}, options);
    std::vector<std::string> types;
    for (const auto& [name, type] : read.graph.schema().types) types.push_back(name);
    CHECK(types == std::vector<std::string>{"befriends", "hasinterest", "hastag", "islocatedin", "knows", "linked",
                                            "visited"});
    checkOutcome("ldbc/fixture-edge-types", {ldbcFixture()}, options);
}

TEST_CASE("ldbc csv: a headerless _N file without a base with a neo4j header is an error at file:1:1") {
    TempFolder folder;
    folder.write("Person.csv", "id:ID(Person)|name:STRING\n1|Ann\n2|Bob\n");
    const fs::path orphan = folder.write("Person_knows_Person_1.csv", "1|2\n");
    checkFails("ldbc/continuation-without-base", {folder.path}, {});
    const std::string missing = importErrors({folder.path});
    CHECK(missing.find(orphan.generic_string() + ":1:1: no neo4j header, and \"Person_knows_Person.csv\", whose "
                                                 "header this file would continue, is not among the inputs") !=
          std::string::npos);

    folder.write("Person_knows_Person.csv", "1|2\n");
    checkFails("ldbc/continuation-of-headerless-base", {folder.path}, {});
    const std::string headerless = importErrors({folder.path});
    CHECK(headerless.find(orphan.generic_string() + ":1:1: no neo4j header, and \"Person_knows_Person.csv\", whose "
                                                    "header this file would continue, has no neo4j header either") !=
          std::string::npos);

    // With its base's header, the continuation reads; a broken base header is reported once, there.
    folder.write("Person_knows_Person.csv", ":START_ID(Person)|:END_ID(Person)\n2|1\n");
    checkOutcome("ldbc/continuation-with-base", {folder.path});
    CHECK(interchange::readGraph({folder.path}).graph.relationCount() == 2);
    const fs::path base = folder.write("Person_knows_Person.csv", ":START_ID(Person)|:END_ID(Person)|x:WHAT\n2|1|a\n");
    checkFails("ldbc/continuation-of-broken-base", {folder.path}, {});
    const std::string broken = importErrors({folder.path});
    CHECK(broken.find(base.generic_string() + ":1:") != std::string::npos);
    CHECK(broken.find(orphan.generic_string()) == std::string::npos);
}

TEST_CASE("ldbc csv: _N edge lists beside edge lists stay edge lists") {
    TempFolder folder;
    folder.write("edges.csv", "1,2\n");
    folder.write("edges_1.csv", "2,3\n");
    checkOutcome("ldbc/edge-lists-numbered", {folder.path});
    CHECK(interchange::readGraph({folder.path}).graph.relationCount() == 2);
}
