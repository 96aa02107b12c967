// GraphLoader and the graph validator: every problem they report, with its file, line:column,
// JSON pointer and message; loading graphs split over files and folders.

#include <doctest/doctest.h>

#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "relgraph/common/error.hpp"
#include "relgraph/load/graph_loader.hpp"
#include "relgraph/store/graph_store.hpp"
#include "relgraph/store/store_records.hpp"
#include "interchange/interchange_checks.hpp"
#include "load/diagnostic_checks.hpp"
#include "test_graphs.hpp"
#include "unreadable_file.hpp"

namespace {

using namespace relgraph::testing;
namespace fs = std::filesystem;
using relgraph::Diagnostic;
using relgraph::testing::loadTexts;

// "file:line:column (pointer)" of `needle` in `text`, as messages name other places.
std::string placeString(const std::string& file, const std::string& text, const std::string& needle,
                        const std::string& pointer) {
    const Position p = positionOf(text, needle);
    return file + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + " (" + pointer + ")";
}

std::vector<Diagnostic> pathProblems(const std::vector<fs::path>& paths) {
    CHECK_THROWS_AS(relgraph::load::loadGraph(paths), relgraph::LoadError);
    try {
        relgraph::load::loadGraph(paths);
    } catch (const relgraph::LoadError& e) {
        return e.diagnostics();
    }
    return {};
}

// Kinds and types for most tests. "thing" declares one attribute of every type.
const std::string kSchema = R"json({
  "relgraph": 1,
  "schema": {
    "kinds": {
      "country": { "label": "Country" },
      "person": { "label": "Person", "attributes": { "born": "date", "height": "number" } },
      "media": { "label": "Media outlet" },
      "thing": { "label": "Thing", "attributes": {
        "s": "string", "i": "integer", "n": "number", "b": "boolean",
        "d": "date", "p": "period", "q": "quantity" } }
    },
    "types": {
      "leads": { "label": "leads", "from": ["person"], "to": ["country"] },
      "advises": { "label": "advises", "from": ["person"], "to": ["country"], "symmetric": true },
      "allied_with": { "label": "allied with", "from": ["country"], "to": ["country"], "symmetric": true },
      "sent_workers": { "label": "sent workers", "from": ["country"], "to": ["country"],
        "attributes": { "count": "quantity", "period": "period", "sector": "string" } },
      "reported": { "label": "reported", "from": ["media"], "to": ["*"], "attribution": true }
    }
  }
}
)json";

// Sources and entities the test files refer to.
const std::string kBase = R"json({
  "relgraph": 1,
  "sources": [
    { "id": "s-daily", "title": "Daily report", "publisher": "daily", "date": "2025-02-10" },
    { "id": "s-wire", "title": "Wire bulletin", "url": "https://wire.example.org/b?id=1&x=2" }
  ],
  "entities": [
    { "id": "alpha", "name": "Alphaland", "kind": "country", "aliases": ["Republic of Alpha"] },
    { "id": "beta", "name": "Betastan", "kind": "country" },
    { "id": "ann", "name": "Ann Archer", "kind": "person" },
    { "id": "daily", "name": "The Daily", "kind": "media" },
    { "id": "widget", "name": "Widget", "kind": "thing" }
  ]
}
)json";

Files withBase(const std::string& text) { return {{"schema.json", kSchema}, {"base.json", kBase}, {"t.json", text}}; }

std::string fileWith(const std::string& member, const std::string& items) {
    return "{\n  \"relgraph\": 1,\n  \"" + member + "\": [\n" + items + "\n  ]\n}\n";
}
std::string sourcesFile(const std::string& items) { return fileWith("sources", items); }
std::string entitiesFile(const std::string& items) { return fileWith("entities", items); }
std::string relationsFile(const std::string& items) { return fileWith("relations", items); }

// A relation between two countries with one good claim; `extra` is spliced into the relation.
std::string relationWith(const std::string& extra) {
    return relationsFile("    { \"id\": \"r1\", \"type\": \"sent_workers\", \"from\": \"alpha\", \"to\": \"beta\"" + extra +
                         ",\n      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"Workers went.\" } ] }");
}

// A claim on a relation between two countries; `claim` is the claim's members.
std::string claimWith(const std::string& claim) {
    return relationsFile("    { \"id\": \"r1\", \"type\": \"sent_workers\", \"from\": \"alpha\", \"to\": \"beta\",\n"
                         "      \"claims\": [ { " + claim + " } ] }");
}

// The widget entity of kind "thing" with the given attributes object.
std::string thingWith(const std::string& attributes) {
    return entitiesFile("    { \"id\": \"gadget\", \"name\": \"Gadget\", \"kind\": \"thing\",\n      \"attributes\": " +
                        attributes + " }");
}

// A file with a schema member.
std::string schemaFile(const std::string& schema) { return "{\n  \"relgraph\": 1,\n  \"schema\": " + schema + "\n}\n"; }

struct TempDir {
    fs::path path;
    TempDir() {
        static std::atomic<int> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        path = fs::temp_directory_path() /
               ("relgraph-loader-test-" + std::to_string(::getpid()) + "-" + std::to_string(stamp) + "-" +
                std::to_string(counter++));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
        for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
             it.increment(ec)) {
            fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
        }
        fs::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    fs::path write(const std::string& relative, const std::string& content) const {
        const fs::path p = path / relative;
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << content;
        return p;
    }
};

}  // namespace

// Loads TEXT as t.json beside the schema and base files and expects exactly one problem, in
// t.json at NEEDLE.
#define CHECK_ONLY_PROBLEM(TEXT, NEEDLE, POINTER, MESSAGE)                                \
    do {                                                                                  \
        const std::string text_ = (TEXT);                                                 \
        const auto diags_ = problemsOf(withBase(text_));                                  \
        INFO("t.json:\n", text_, "\nproblems:\n", listOf(diags_));                        \
        REQUIRE(diags_.size() == 1);                                                      \
        CHECK_DIAGNOSTIC(diags_[0], "t.json", text_, NEEDLE, POINTER, MESSAGE);           \
    } while (false)

// Loads TEXT as t.json beside the schema and base files and expects no problem.
#define CHECK_LOADS(TEXT)                                                                 \
    do {                                                                                  \
        const std::string text_ = (TEXT);                                                 \
        INFO("t.json:\n", text_);                                                         \
        CHECK_NOTHROW(loadTexts(withBase(text_)));                                        \
    } while (false)

// --- the helpers' own baseline ---------------------------------------------------------------

TEST_CASE("loader: the schema and base files used by these tests load cleanly") {
    REQUIRE_NOTHROW(loadTexts({{"schema.json", kSchema}, {"base.json", kBase}}));
    CHECK_LOADS(relationWith(""));
    CHECK_LOADS(claimWith("\"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"ok\""));
    CHECK_LOADS(thingWith("{ \"s\": \"x\", \"i\": 1, \"n\": 1.5, \"b\": true, \"d\": \"2024\", \"p\": \"2024/..\", "
                          "\"q\": 5 }"));
}

// --- LoadError -------------------------------------------------------------------------------

TEST_CASE("loader: LoadError lists every diagnostic, counts them and exits with code 2") {
    const std::string text = entitiesFile("    { \"id\": \"x\", \"name\": \"X\", \"kind\": \"country\", \"bogus\": 1, \"odd\": 2 }");
    try {
        loadTexts(withBase(text));
        FAIL("expected a LoadError");
    } catch (const relgraph::LoadError& e) {
        REQUIRE(e.diagnostics().size() == 2);
        CHECK(e.kind() == relgraph::ErrorKind::Load);
        CHECK(e.exitCode() == relgraph::ExitCode::InvalidInput);
        const Position bogus = positionOf(text, "\"bogus\"");
        const std::string expectedFirst = "t.json:" + std::to_string(bogus.line) + ":" + std::to_string(bogus.column) +
                                          " (/entities/0/bogus): unknown member \"bogus\"";
        CHECK(e.diagnostics()[0].toString() == expectedFirst);
        CHECK(std::string(e.what()) ==
              e.diagnostics()[0].toString() + "\n" + e.diagnostics()[1].toString() + "\n2 problems found");
    }
}

TEST_CASE("loader: a single problem is counted in the singular") {
    try {
        loadTexts({{"t.json", "{}"}});
        FAIL("expected a LoadError");
    } catch (const relgraph::LoadError& e) {
        CHECK(std::string(e.what()) == "t.json:1:1: missing required member \"relgraph\"\n1 problem found");
    }
}

// --- the top level ---------------------------------------------------------------------------

TEST_CASE("loader: a top level that is not an object is reported with what it is") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"[]", "an array"}, {"\"graph\"", "a string"}, {"42", "an integer"}, {"4.5", "a number"},
        {"true", "a boolean"}, {"null", "null"}};
    for (const auto& [text, what] : cases) {
        CAPTURE(text);
        const auto d = problemsOf({{"t.json", "  " + text}});
        REQUIRE(d.size() == 1);
        CHECK(d[0].place.file == "t.json");
        CHECK(d[0].place.line == 1);
        CHECK(d[0].place.column == 3);
        CHECK(d[0].place.pointer == "");
        CHECK(d[0].message == "expected a relgraph graph (an object), got " + what);
    }
}

TEST_CASE("loader: the format version is required") {
    const auto d = problemsOf({{"t.json", "\n  { \"entities\": [] }"}});
    REQUIRE(d.size() == 1);
    CHECK(d[0].place.line == 2);
    CHECK(d[0].place.column == 3);
    CHECK(d[0].place.pointer == "");
    CHECK(d[0].message == "missing required member \"relgraph\"");
}

TEST_CASE("loader: an unsupported format version is reported at the version") {
    for (const std::string version : {"2", "0", "-1"}) {
        CAPTURE(version);
        const std::string text = "{\n  \"relgraph\": " + version + "\n}";
        const auto d = problemsOf({{"t.json", text}});
        REQUIRE(d.size() == 1);
        CHECK_DIAGNOSTIC(d[0], "t.json", text, "\"relgraph\"", "/relgraph",
                         "unsupported format version " + version + " (this relgraph reads version 1)");
    }
}

TEST_CASE("loader: a format version that is not an integer is a wrong type") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"\"1\"", "a string"}, {"1.0", "a number"}, {"[1]", "an array"}, {"null", "null"}};
    for (const auto& [version, what] : cases) {
        CAPTURE(version);
        const std::string text = "{\n  \"relgraph\": " + version + "\n}";
        const auto d = problemsOf({{"t.json", text}});
        REQUIRE(d.size() == 1);
        CHECK_DIAGNOSTIC(d[0], "t.json", text, "\"relgraph\"", "/relgraph",
                         "\"relgraph\" must be an integer, got " + what);
    }
}

TEST_CASE("loader: an unknown top-level member is reported with the closest member") {
    const std::string text = "{\n  \"relgraph\": 1,\n  \"$schema\": \"../docs/graph.schema.json\",\n  \"entites\": [],\n"
                             "  \"zzzzzz\": 1\n}";
    const auto d = problemsOf({{"t.json", text}});
    INFO(listOf(d));
    REQUIRE(d.size() == 2);
    CHECK_DIAGNOSTIC(d[0], "t.json", text, "\"entites\"", "/entites",
                     "unknown member \"entites\" — did you mean \"entities\"?");
    CHECK_DIAGNOSTIC(d[1], "t.json", text, "\"zzzzzz\"", "/zzzzzz", "unknown member \"zzzzzz\"");
    CHECK(d[1].message == "unknown member \"zzzzzz\"");
}

TEST_CASE("loader: top-level collections must be arrays and the schema an object") {
    SUBCASE("sources") {
        const std::string text = "{\n  \"relgraph\": 1,\n  \"sources\": {}\n}";
        CHECK_ONLY_PROBLEM(text, "\"sources\"", "/sources", "\"sources\" must be an array, got an object");
    }
    SUBCASE("entities") {
        const std::string text = "{\n  \"relgraph\": 1,\n  \"entities\": \"alpha\"\n}";
        CHECK_ONLY_PROBLEM(text, "\"entities\"", "/entities", "\"entities\" must be an array, got a string");
    }
    SUBCASE("relations") {
        const std::string text = "{\n  \"relgraph\": 1,\n  \"relations\": null\n}";
        CHECK_ONLY_PROBLEM(text, "\"relations\"", "/relations", "\"relations\" must be an array, got null");
    }
    SUBCASE("schema") {
        const std::string text = "{\n  \"relgraph\": 1,\n  \"schema\": []\n}";
        CHECK_ONLY_PROBLEM(text, "\"schema\"", "/schema", "expected the schema (an object), got an array");
    }
}

TEST_CASE("loader: elements of the collections must be objects") {
    CHECK_ONLY_PROBLEM(sourcesFile("    \"s-x\""), "\"s-x\"", "/sources/0", "expected a source (an object), got a string");
    CHECK_ONLY_PROBLEM(entitiesFile("    7"), "7", "/entities/0", "expected an entity (an object), got an integer");
    CHECK_ONLY_PROBLEM(relationsFile("    []"), "[]", "/relations/0", "expected a relation (an object), got an array");
    CHECK_ONLY_PROBLEM(relationsFile("    { \"id\": \"r1\", \"type\": \"allied_with\", \"from\": \"alpha\", \"to\": \"beta\",\n"
                                     "      \"claims\": [ \"c1\" ] }"),
                       "\"c1\"", "/relations/0/claims/0", "expected a claim (an object), got a string");
}

// --- the schema ------------------------------------------------------------------------------

TEST_CASE("loader: schema members are checked: unknown members, wrong types") {
    SUBCASE("an unknown schema member") {
        const std::string text = schemaFile("{ \"knids\": {} }");
        CHECK_ONLY_PROBLEM(text, "\"knids\"", "/schema/knids", "unknown member \"knids\" — did you mean \"kinds\"?");
    }
    SUBCASE("kinds not an object") {
        const std::string text = schemaFile("{ \"kinds\": [] }");
        CHECK_ONLY_PROBLEM(text, "\"kinds\"", "/schema/kinds", "\"kinds\" must be an object, got an array");
    }
    SUBCASE("types not an object") {
        const std::string text = schemaFile("{ \"types\": 3 }");
        CHECK_ONLY_PROBLEM(text, "\"types\"", "/schema/types", "\"types\" must be an object, got an integer");
    }
}

TEST_CASE("loader: kind and relation type names must be identifiers") {
    SUBCASE("kind") {
        const std::string text = schemaFile("{ \"kinds\": { \"Ship\": { \"label\": \"Ship\" } } }");
        CHECK_ONLY_PROBLEM(text, "\"Ship\":", "/schema/kinds/Ship", "kind name \"Ship\" is not a valid identifier");
    }
    SUBCASE("relation type") {
        const std::string text =
            schemaFile("{ \"types\": { \"sails to\": { \"label\": \"sails to\", \"from\": [\"*\"], \"to\": [\"*\"] } } }");
        CHECK_ONLY_PROBLEM(text, "\"sails to\":", "/schema/types/sails to",
                           "relation type name \"sails to\" is not a valid identifier");
    }
}

TEST_CASE("loader: a kind or relation type declared in two files names where the first is") {
    SUBCASE("kind") {
        const std::string text = schemaFile("{ \"kinds\": {\n    \"person\": { \"label\": \"Human\" } } }");
        CHECK_ONLY_PROBLEM(text, "\"person\"", "/schema/kinds/person",
                           "kind \"person\" is declared twice (first at " +
                               placeString("schema.json", kSchema, "\"person\": {", "/schema/kinds/person") + ")");
    }
    SUBCASE("relation type") {
        const std::string text =
            schemaFile("{ \"types\": {\n    \"leads\": { \"label\": \"leads\", \"from\": [\"*\"], \"to\": [\"*\"] } } }");
        CHECK_ONLY_PROBLEM(text, "\"leads\": {", "/schema/types/leads",
                           "relation type \"leads\" is declared twice (first at " +
                               placeString("schema.json", kSchema, "\"leads\": {", "/schema/types/leads") + ")");
    }
}

TEST_CASE("loader: a kind or relation type must be an object") {
    SUBCASE("kind") {
        const std::string text = schemaFile("{ \"kinds\": { \"ship\": \"Ship\" } }");
        CHECK_ONLY_PROBLEM(text, "\"ship\"", "/schema/kinds/ship", "expected a kind (an object), got a string");
    }
    SUBCASE("relation type") {
        const std::string text = schemaFile("{ \"types\": { \"sails\": [] } }");
        CHECK_ONLY_PROBLEM(text, "\"sails\"", "/schema/types/sails",
                           "expected a relation type (an object), got an array");
    }
}

TEST_CASE("loader: a kind needs a one-line label and knows only its members") {
    SUBCASE("missing label") {
        const std::string text = schemaFile("{ \"kinds\": { \"ship\": { \"description\": \"Boats\" } } }");
        CHECK_ONLY_PROBLEM(text, "\"ship\"", "/schema/kinds/ship", "missing required member \"label\"");
    }
    SUBCASE("empty label") {
        const std::string text = schemaFile("{ \"kinds\": { \"ship\": { \"label\": \" \" } } }");
        CHECK_ONLY_PROBLEM(text, "\"label\"", "/schema/kinds/ship/label", "must not be empty");
    }
    SUBCASE("label with a newline") {
        const std::string text = schemaFile("{ \"kinds\": { \"ship\": { \"label\": \"Sh\\nip\" } } }");
        CHECK_ONLY_PROBLEM(text, "\"label\"", "/schema/kinds/ship/label",
                           "contains a control character (newline, tab, …)");
    }
    SUBCASE("description with a newline is fine, with a tab is not") {
        CHECK_LOADS(schemaFile("{ \"kinds\": { \"ship\": { \"label\": \"Ship\", \"description\": \"a\\nb\" } } }"));
        const std::string text = schemaFile("{ \"kinds\": { \"ship\": { \"label\": \"Ship\", \"description\": \"a\\tb\" } } }");
        CHECK_ONLY_PROBLEM(text, "\"description\"", "/schema/kinds/ship/description", "contains a control character");
        const auto d = problemsOf(withBase(text));
        REQUIRE(d.size() == 1);
        CHECK(d[0].message == "contains a control character");
    }
    SUBCASE("unknown member") {
        const std::string text = schemaFile("{ \"kinds\": { \"ship\": { \"label\": \"Ship\", \"attribute\": {} } } }");
        CHECK_ONLY_PROBLEM(text, "\"attribute\"", "/schema/kinds/ship/attribute",
                           "unknown member \"attribute\" — did you mean \"attributes\"?");
    }
}

TEST_CASE("loader: attribute declarations need identifier names and known types") {
    SUBCASE("invalid attribute name") {
        const std::string text = schemaFile("{ \"kinds\": { \"ship\": { \"label\": \"Ship\", \"attributes\": { \"Tons\": \"number\" } } } }");
        CHECK_ONLY_PROBLEM(text, "\"Tons\"", "/schema/kinds/ship/attributes/Tons",
                           "attribute name \"Tons\" is not a valid identifier");
    }
    SUBCASE("unknown attribute type") {
        const std::string text = schemaFile("{ \"kinds\": { \"ship\": { \"label\": \"Ship\", \"attributes\": { \"tons\": \"float\" } } } }");
        CHECK_ONLY_PROBLEM(text, "\"tons\"", "/schema/kinds/ship/attributes/tons",
                           "attribute type must be one of \"string\", \"integer\", \"number\", \"boolean\", \"date\", "
                           "\"period\", \"quantity\"");
    }
    SUBCASE("attribute type that is not a string, on a relation type") {
        const std::string text = schemaFile(
            "{ \"types\": { \"sails\": { \"label\": \"sails\", \"from\": [\"*\"], \"to\": [\"*\"], \"attributes\": { \"knots\": 3 } } } }");
        CHECK_ONLY_PROBLEM(text, "\"knots\"", "/schema/types/sails/attributes/knots", "attribute type must be one of");
    }
    SUBCASE("attributes not an object") {
        const std::string text = schemaFile("{ \"kinds\": { \"ship\": { \"label\": \"Ship\", \"attributes\": [\"tons\"] } } }");
        CHECK_ONLY_PROBLEM(text, "\"attributes\"", "/schema/kinds/ship/attributes",
                           "\"attributes\" must be an object, got an array");
    }
}

TEST_CASE("loader: relation type ends must be non-empty lists of kind names or *") {
    SUBCASE("missing from") {
        const std::string text = schemaFile("{ \"types\": { \"sails\": { \"label\": \"sails\", \"to\": [\"*\"] } } }");
        CHECK_ONLY_PROBLEM(text, "\"sails\": {", "/schema/types/sails", "missing required member \"from\"");
    }
    SUBCASE("missing to") {
        const std::string text = schemaFile("{ \"types\": { \"sails\": { \"label\": \"sails\", \"from\": [\"*\"] } } }");
        CHECK_ONLY_PROBLEM(text, "\"sails\": {", "/schema/types/sails", "missing required member \"to\"");
    }
    SUBCASE("from not an array") {
        const std::string text = schemaFile("{ \"types\": { \"sails\": { \"label\": \"sails\", \"from\": \"country\", \"to\": [\"*\"] } } }");
        CHECK_ONLY_PROBLEM(text, "\"from\"", "/schema/types/sails/from", "\"from\" must be an array, got a string");
    }
    SUBCASE("empty from") {
        const std::string text = schemaFile("{ \"types\": { \"sails\": { \"label\": \"sails\", \"from\": [], \"to\": [\"*\"] } } }");
        CHECK_ONLY_PROBLEM(text, "\"from\"", "/schema/types/sails/from", "\"from\" must name at least one kind, or \"*\"");
    }
    SUBCASE("empty to") {
        const std::string text = schemaFile("{ \"types\": { \"sails\": { \"label\": \"sails\", \"from\": [\"*\"], \"to\": [] } } }");
        CHECK_ONLY_PROBLEM(text, "\"to\"", "/schema/types/sails/to", "\"to\" must name at least one kind, or \"*\"");
    }
    SUBCASE("an end that is not a kind name") {
        const std::string text =
            schemaFile("{ \"types\": { \"sails\": { \"label\": \"sails\", \"from\": [\"country\", 5, \"Person\"], \"to\": [\"*\"] } } }");
        const auto d = problemsOf(withBase(text));
        INFO(listOf(d));
        REQUIRE(d.size() == 2);
        CHECK_DIAGNOSTIC(d[0], "t.json", text, "5", "/schema/types/sails/from/1", "expected a kind name or \"*\"");
        CHECK_DIAGNOSTIC(d[1], "t.json", text, "\"Person\"", "/schema/types/sails/from/2", "expected a kind name or \"*\"");
    }
}

TEST_CASE("loader: relation type flags must be booleans and members known") {
    SUBCASE("symmetric") {
        const std::string text =
            schemaFile("{ \"types\": { \"sails\": { \"label\": \"sails\", \"from\": [\"*\"], \"to\": [\"*\"], \"symmetric\": \"yes\" } } }");
        CHECK_ONLY_PROBLEM(text, "\"symmetric\"", "/schema/types/sails/symmetric",
                           "\"symmetric\" must be a boolean, got a string");
    }
    SUBCASE("attribution") {
        const std::string text =
            schemaFile("{ \"types\": { \"sails\": { \"label\": \"sails\", \"from\": [\"*\"], \"to\": [\"*\"], \"attribution\": 1 } } }");
        CHECK_ONLY_PROBLEM(text, "\"attribution\"", "/schema/types/sails/attribution",
                           "\"attribution\" must be a boolean, got an integer");
    }
    SUBCASE("misspelt member") {
        const std::string text =
            schemaFile("{ \"types\": { \"sails\": { \"label\": \"sails\", \"from\": [\"*\"], \"to\": [\"*\"], \"symetric\": true } } }");
        CHECK_ONLY_PROBLEM(text, "\"symetric\"", "/schema/types/sails/symetric",
                           "unknown member \"symetric\" — did you mean \"symmetric\"?");
    }
    SUBCASE("missing label") {
        const std::string text = schemaFile("{ \"types\": { \"sails\": { \"from\": [\"*\"], \"to\": [\"*\"] } } }");
        CHECK_ONLY_PROBLEM(text, "\"sails\": {", "/schema/types/sails", "missing required member \"label\"");
    }
}

TEST_CASE("loader: a relation type naming an undeclared kind suggests the closest kind") {
    const std::string text = schemaFile(
        "{ \"types\": { \"sails\": { \"label\": \"sails\",\n      \"from\": [\"persn\"],\n      \"to\": [\"country\", \"spaceship\"] } } }");
    const auto d = problemsOf(withBase(text));
    INFO(listOf(d));
    REQUIRE(d.size() == 2);
    CHECK_DIAGNOSTIC(d[0], "t.json", text, "\"persn\"", "/schema/types/sails/from/0",
                     "relation type \"sails\" names unknown kind \"persn\" — did you mean \"person\"?");
    CHECK_DIAGNOSTIC(d[1], "t.json", text, "\"spaceship\"", "/schema/types/sails/to/1",
                     "relation type \"sails\" names unknown kind \"spaceship\"");
    CHECK(d[1].message == "relation type \"sails\" names unknown kind \"spaceship\"");
}

TEST_CASE("loader: kinds and types may be declared in any file, after the files using them") {
    const std::string uses = relationsFile(
        "    { \"id\": \"r1\", \"type\": \"sails\", \"from\": \"boaty\", \"to\": \"alpha\",\n"
        "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"It sails.\" } ] }");
    const std::string declares = "{ \"relgraph\": 1,\n"
                                 "  \"schema\": { \"kinds\": { \"ship\": { \"label\": \"Ship\" } },\n"
                                 "    \"types\": { \"sails\": { \"label\": \"sails\", \"from\": [\"ship\"], \"to\": [\"country\"] } } },\n"
                                 "  \"entities\": [ { \"id\": \"boaty\", \"name\": \"Boaty\", \"kind\": \"ship\" } ] }";
    const auto data = loadTexts({{"a-uses.json", uses}, {"schema.json", kSchema}, {"base.json", kBase}, {"z.json", declares}});
    CHECK(data.schema().findKind("ship") != nullptr);
    REQUIRE(data.schema().findType("sails") != nullptr);
    CHECK(data.relationCount() == 1);
}

TEST_CASE("loader: records may come before the schema that declares their kinds, in the same file") {
    const std::string text =
        "{ \"relgraph\": 1,\n"
        "  \"entities\": [ { \"id\": \"boaty\", \"name\": \"Boaty\", \"kind\": \"ship\", \"attributes\": { \"tons\": 5 } } ],\n"
        "  \"schema\": { \"kinds\": { \"ship\": { \"label\": \"Ship\", \"attributes\": { \"tons\": \"integer\" } } } } }";
    const auto data = loadTexts({{"late.json", text}});
    REQUIRE(data.entityCount() == 1);
    CHECK(data.entity(0).kind() == "ship");
    CHECK(data.entity(0).attributes().size() == 1);
    // A value of the wrong type is still found: the record was read against the schema after it.
    const std::string wrong = std::string(text).replace(text.find("5 }"), 1, "\"five\"");
    const auto d = problemsOf(Files{{"late.json", wrong}});
    INFO(listOf(d));
    REQUIRE(d.size() == 1);
    CHECK_DIAGNOSTIC(d[0], "late.json", wrong, "\"tons\": \"five\"", "/entities/0/attributes/tons", "integer");
}

TEST_CASE("loader: a graph read from its files, a block at a time, equals the graph read from their text") {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(bundledGraphDir())) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    relgraph::load::GraphLoader fromText;
    for (const fs::path& file : files) fromText.addText(file.generic_string(), relgraph::testing::readText(file));
    relgraph::testing::checkSameGraph(relgraph::load::loadGraph({bundledGraphDir()}), fromText.load());
}

// --- sources ---------------------------------------------------------------------------------

TEST_CASE("loader: a source needs an identifier id and a title") {
    SUBCASE("missing id") {
        const std::string text = sourcesFile("    { \"title\": \"T\" }");
        CHECK_ONLY_PROBLEM(text, "{ \"title\"", "/sources/0", "missing required member \"id\"");
    }
    SUBCASE("missing title") {
        const std::string text = sourcesFile("    { \"id\": \"s-new\" }");
        CHECK_ONLY_PROBLEM(text, "{ \"id\"", "/sources/0", "missing required member \"title\"");
    }
    SUBCASE("invalid id") {
        const std::string text = sourcesFile("    { \"id\": \"S New\", \"title\": \"T\" }");
        CHECK_ONLY_PROBLEM(text, "\"id\"", "/sources/0/id",
                           "\"S New\" is not a valid identifier: use 1–100 of a-z 0-9 _ - . starting with a letter or digit");
    }
    SUBCASE("id of the wrong type") {
        const std::string text = sourcesFile("    { \"id\": 12, \"title\": \"T\" }");
        CHECK_ONLY_PROBLEM(text, "\"id\"", "/sources/0/id", "\"id\" must be a string, got an integer");
    }
    SUBCASE("empty title") {
        const std::string text = sourcesFile("    { \"id\": \"s-new\", \"title\": \"\" }");
        CHECK_ONLY_PROBLEM(text, "\"title\"", "/sources/0/title", "must not be empty");
    }
    SUBCASE("title with a control character") {
        const std::string text = sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\\u001b[2J\" }");
        CHECK_ONLY_PROBLEM(text, "\"title\"", "/sources/0/title", "contains a control character (newline, tab, …)");
    }
    SUBCASE("title with DEL") {
        const std::string text = sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\\u007f\" }");
        CHECK_ONLY_PROBLEM(text, "\"title\"", "/sources/0/title", "contains a control character");
    }
}

TEST_CASE("loader: source dates, URLs, authors and notes are checked") {
    SUBCASE("bad date") {
        const std::string text = sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\", \"date\": \"2023-02-29\" }");
        CHECK_ONLY_PROBLEM(text, "\"date\"", "/sources/0/date",
                           "\"2023-02-29\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
    }
    SUBCASE("date of the wrong type") {
        const std::string text = sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\", \"date\": 2023 }");
        CHECK_ONLY_PROBLEM(text, "\"date\"", "/sources/0/date", "\"date\" must be a string, got an integer");
    }
    SUBCASE("bad URLs") {
        for (const std::string url : {"ftp://example.org/x", "example.org", "https://example.org/a b",
                                      "https://example.org/\\\"q\\\"", "https://example.org/<x>",
                                      "http://", "https://", "javascript:alert(1)"}) {
            CAPTURE(url);
            const std::string text = sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\", \"url\": \"" + url + "\" }");
            CHECK_ONLY_PROBLEM(text, "\"url\"", "/sources/0/url",
                               "is not an http(s) URL without spaces, quotes or angle brackets");
        }
    }
    SUBCASE("good URLs") {
        for (const std::string url : {"http://example.org", "https://example.org/a?b=c&d=e#f", "https://x.y"}) {
            CAPTURE(url);
            CHECK_LOADS(sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\", \"url\": \"" + url + "\" }"));
        }
    }
    SUBCASE("authors not an array") {
        const std::string text = sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\", \"authors\": \"A. Writer\" }");
        CHECK_ONLY_PROBLEM(text, "\"authors\"", "/sources/0/authors", "\"authors\" must be an array, got a string");
    }
    SUBCASE("an author that is not a string, or empty") {
        const std::string text = sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\", \"authors\": [\"A. Writer\", 3, \"  \"] }");
        const auto d = problemsOf(withBase(text));
        INFO(listOf(d));
        REQUIRE(d.size() == 2);
        CHECK_DIAGNOSTIC(d[0], "t.json", text, "3", "/sources/0/authors/1", "expected a string, got an integer");
        CHECK_DIAGNOSTIC(d[1], "t.json", text, "\"  \"", "/sources/0/authors/2", "must not be empty");
    }
    SUBCASE("empty note") {
        const std::string text = sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\", \"note\": \"\" }");
        CHECK_ONLY_PROBLEM(text, "\"note\"", "/sources/0/note", "must not be empty");
    }
    SUBCASE("unknown member") {
        const std::string text = sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\", \"publsher\": \"daily\" }");
        CHECK_ONLY_PROBLEM(text, "\"publsher\"", "/sources/0/publsher",
                           "unknown member \"publsher\" — did you mean \"publisher\"?");
    }
}

TEST_CASE("loader: source references must be identifiers") {
    SUBCASE("publisher") {
        const std::string text = sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\", \"publisher\": \"The Daily\" }");
        CHECK_ONLY_PROBLEM(text, "\"publisher\"", "/sources/0/publisher", "\"The Daily\" is not a valid identifier");
    }
    SUBCASE("republishes") {
        const std::string text = sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\", \"republishes\": [\"s-daily\"] }");
        CHECK_ONLY_PROBLEM(text, "\"republishes\"", "/sources/0/republishes",
                           "\"republishes\" must be a string, got an array");
    }
    SUBCASE("relies_on not an array") {
        const std::string text = sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\", \"relies_on\": \"s-daily\" }");
        CHECK_ONLY_PROBLEM(text, "\"relies_on\"", "/sources/0/relies_on", "\"relies_on\" must be an array, got a string");
    }
    SUBCASE("relies_on items") {
        const std::string text =
            sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\", \"relies_on\": [\"s-daily\", 4, \"S Wire\"] }");
        const auto d = problemsOf(withBase(text));
        INFO(listOf(d));
        REQUIRE(d.size() == 2);
        CHECK_DIAGNOSTIC(d[0], "t.json", text, "4", "/sources/0/relies_on/1", "expected an identifier (a string), got an integer");
        CHECK_DIAGNOSTIC(d[1], "t.json", text, "\"S Wire\"", "/sources/0/relies_on/2", "\"S Wire\" is not a valid identifier");
    }
}

TEST_CASE("loader: dangling source references suggest the closest id") {
    SUBCASE("publisher names an entity") {
        const std::string text = sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\", \"publisher\": \"dailly\" }");
        CHECK_ONLY_PROBLEM(text, "\"publisher\"", "/sources/0/publisher", "unknown entity \"dailly\" — did you mean \"daily\"?");
    }
    SUBCASE("publisher that resembles nothing") {
        const std::string text = sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\", \"publisher\": \"zzzzzzzz\" }");
        CHECK_ONLY_PROBLEM(text, "\"publisher\"", "/sources/0/publisher", "unknown entity \"zzzzzzzz\"");
        CHECK(problemsOf(withBase(text))[0].message == "unknown entity \"zzzzzzzz\"");
    }
    SUBCASE("republishes names a source") {
        const std::string text = sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\", \"republishes\": \"s-dialy\" }");
        CHECK_ONLY_PROBLEM(text, "\"republishes\"", "/sources/0/republishes",
                           "unknown source \"s-dialy\" — did you mean \"s-daily\"?");
    }
    SUBCASE("relies_on names sources") {
        const std::string text =
            sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\", \"relies_on\": [\"s-wire\", \"s-wir\"] }");
        CHECK_ONLY_PROBLEM(text, "\"s-wir\"", "/sources/0/relies_on/1",
                           "unknown source \"s-wir\" — did you mean \"s-wire\"?");
    }
    SUBCASE("a source id is not an entity id") {
        const std::string text = sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\", \"publisher\": \"s-daily\" }");
        CHECK_ONLY_PROBLEM(text, "\"publisher\"", "/sources/0/publisher", "unknown entity \"s-daily\"");
    }
}

TEST_CASE("loader: a duplicate source id names where the first one is") {
    const std::string text = sourcesFile("    { \"id\": \"s-wire\", \"title\": \"Another\" }");
    CHECK_ONLY_PROBLEM(text, "\"id\"", "/sources/0/id",
                       "duplicate source id \"s-wire\" (first at " +
                           placeString("base.json", kBase, "{ \"id\": \"s-wire\"", "/sources/1") + ")");
}

TEST_CASE("loader: a source and an entity may share an id") {
    CHECK_LOADS(sourcesFile("    { \"id\": \"alpha\", \"title\": \"Alpha's own bulletin\", \"publisher\": \"alpha\" }"));
}

TEST_CASE("loader: a republication cycle is reported at every source on it") {
    SUBCASE("a source that republishes itself") {
        const std::string text = sourcesFile("    { \"id\": \"s-loop\", \"title\": \"T\", \"republishes\": \"s-loop\" }");
        CHECK_ONLY_PROBLEM(text, "\"republishes\"", "/sources/0/republishes", "republication cycle: s-loop → s-loop");
    }
    SUBCASE("three sources in a ring, and one leading into it") {
        const std::string text = sourcesFile(
            "    { \"id\": \"s-a\", \"title\": \"A\", \"republishes\": \"s-b\" },\n"
            "    { \"id\": \"s-b\", \"title\": \"B\", \"republishes\": \"s-c\" },\n"
            "    { \"id\": \"s-c\", \"title\": \"C\", \"republishes\": \"s-a\" },\n"
            "    { \"id\": \"s-d\", \"title\": \"D\", \"republishes\": \"s-a\" }");
        const auto d = problemsOf(withBase(text));
        INFO(listOf(d));
        REQUIRE(d.size() == 3);
        CHECK_DIAGNOSTIC(d[0], "t.json", text, "\"republishes\": \"s-b\"", "/sources/0/republishes",
                         "republication cycle: s-a → s-b → s-c → s-a");
        CHECK_DIAGNOSTIC(d[1], "t.json", text, "\"republishes\": \"s-c\"", "/sources/1/republishes",
                         "republication cycle: s-b → s-c → s-a → s-b");
        CHECK_DIAGNOSTIC(d[2], "t.json", text, "\"republishes\": \"s-a\" },", "/sources/2/republishes",
                         "republication cycle: s-c → s-a → s-b → s-c");
    }
    SUBCASE("a chain without a cycle is fine") {
        CHECK_LOADS(sourcesFile("    { \"id\": \"s-a\", \"title\": \"A\", \"republishes\": \"s-b\" },\n"
                                "    { \"id\": \"s-b\", \"title\": \"B\", \"republishes\": \"s-daily\" }"));
    }
}

// --- entities --------------------------------------------------------------------------------

TEST_CASE("loader: an entity needs an id, a name and a kind") {
    const std::string text = entitiesFile("    { \"description\": \"Nothing else.\" }");
    const auto d = problemsOf(withBase(text));
    INFO(listOf(d));
    REQUIRE(d.size() == 3);
    CHECK_DIAGNOSTIC(d[0], "t.json", text, "{ \"description\"", "/entities/0", "missing required member \"id\"");
    CHECK_DIAGNOSTIC(d[1], "t.json", text, "{ \"description\"", "/entities/0", "missing required member \"name\"");
    CHECK_DIAGNOSTIC(d[2], "t.json", text, "{ \"description\"", "/entities/0", "missing required member \"kind\"");
}

TEST_CASE("loader: entity members of the wrong type") {
    SUBCASE("name") {
        const std::string text = entitiesFile("    { \"id\": \"gamma\", \"name\": [\"Gammaria\"], \"kind\": \"country\" }");
        CHECK_ONLY_PROBLEM(text, "\"name\"", "/entities/0/name", "\"name\" must be a string, got an array");
    }
    SUBCASE("kind") {
        const std::string text = entitiesFile("    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": {} }");
        CHECK_ONLY_PROBLEM(text, "\"kind\"", "/entities/0/kind", "\"kind\" must be a string, got an object");
    }
    SUBCASE("aliases") {
        const std::string text = entitiesFile("    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"country\", \"aliases\": \"G\" }");
        CHECK_ONLY_PROBLEM(text, "\"aliases\"", "/entities/0/aliases", "\"aliases\" must be an array, got a string");
    }
    SUBCASE("attributes") {
        const std::string text = entitiesFile("    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"country\", \"attributes\": [] }");
        CHECK_ONLY_PROBLEM(text, "\"attributes\"", "/entities/0/attributes", "\"attributes\" must be an object, got an array");
    }
    SUBCASE("description") {
        const std::string text = entitiesFile("    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"country\", \"description\": false }");
        CHECK_ONLY_PROBLEM(text, "\"description\"", "/entities/0/description",
                           "\"description\" must be a string, got a boolean");
    }
}

TEST_CASE("loader: entity ids and kinds must be identifiers") {
    SUBCASE("id") {
        const std::string text = entitiesFile("    { \"id\": \"Gamma\", \"name\": \"Gammaria\", \"kind\": \"country\" }");
        CHECK_ONLY_PROBLEM(text, "\"id\"", "/entities/0/id", "\"Gamma\" is not a valid identifier: use 1–100 of");
    }
    SUBCASE("id too long") {
        const std::string text = entitiesFile("    { \"id\": \"" + std::string(101, 'g') + "\", \"name\": \"Gammaria\", \"kind\": \"country\" }");
        CHECK_ONLY_PROBLEM(text, "\"id\"", "/entities/0/id", "is not a valid identifier");
    }
    SUBCASE("kind") {
        const std::string text = entitiesFile("    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"Country\" }");
        CHECK_ONLY_PROBLEM(text, "\"kind\"", "/entities/0/kind", "\"Country\" is not a valid identifier");
    }
    SUBCASE("an invalid identifier is shown terminal-safe") {
        const std::string text = entitiesFile("    { \"id\": \"g\\u001b[31m\", \"name\": \"Gammaria\", \"kind\": \"country\" }");
        CHECK_ONLY_PROBLEM(text, "\"id\"", "/entities/0/id", "\"g\\x1B[31m\" is not a valid identifier");
    }
}

TEST_CASE("loader: an unknown entity kind suggests the closest kind") {
    SUBCASE("close") {
        const std::string text = entitiesFile("    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"contry\" }");
        CHECK_ONLY_PROBLEM(text, "\"kind\"", "/entities/0/kind", "unknown kind \"contry\" — did you mean \"country\"?");
    }
    SUBCASE("far") {
        const std::string text = entitiesFile("    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"spaceship\" }");
        CHECK_ONLY_PROBLEM(text, "\"kind\"", "/entities/0/kind", "unknown kind \"spaceship\"");
        CHECK(problemsOf(withBase(text))[0].message == "unknown kind \"spaceship\"");
    }
    SUBCASE("the attributes of an entity of unknown kind are not checked") {
        const std::string text =
            entitiesFile("    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"spaceship\", \"attributes\": { \"x\": 1 } }");
        CHECK_ONLY_PROBLEM(text, "\"kind\"", "/entities/0/kind", "unknown kind \"spaceship\"");
    }
}

TEST_CASE("loader: entity names, aliases and descriptions are checked text") {
    SUBCASE("empty name") {
        const std::string text = entitiesFile("    { \"id\": \"gamma\", \"name\": \"\", \"kind\": \"country\" }");
        CHECK_ONLY_PROBLEM(text, "\"name\"", "/entities/0/name", "must not be empty");
    }
    SUBCASE("blank name") {
        const std::string text = entitiesFile("    { \"id\": \"gamma\", \"name\": \" \\t \", \"kind\": \"country\" }");
        CHECK_ONLY_PROBLEM(text, "\"name\"", "/entities/0/name", "must not be empty");
    }
    SUBCASE("name with a newline") {
        const std::string text = entitiesFile("    { \"id\": \"gamma\", \"name\": \"Gam\\nmaria\", \"kind\": \"country\" }");
        CHECK_ONLY_PROBLEM(text, "\"name\"", "/entities/0/name", "contains a control character (newline, tab, …)");
    }
    SUBCASE("name with a NUL") {
        const std::string text = entitiesFile("    { \"id\": \"gamma\", \"name\": \"Gam\\u0000maria\", \"kind\": \"country\" }");
        CHECK_ONLY_PROBLEM(text, "\"name\"", "/entities/0/name", "contains a control character");
    }
    SUBCASE("aliases: not a string, empty, control character") {
        const std::string text = entitiesFile(
            "    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"country\",\n"
            "      \"aliases\": [\"Gam\", null, \"\", \"G\\r\"] }");
        const auto d = problemsOf(withBase(text));
        INFO(listOf(d));
        REQUIRE(d.size() == 3);
        CHECK_DIAGNOSTIC(d[0], "t.json", text, "null", "/entities/0/aliases/1", "expected a string, got null");
        CHECK_DIAGNOSTIC(d[1], "t.json", text, "\"\"", "/entities/0/aliases/2", "must not be empty");
        CHECK_DIAGNOSTIC(d[2], "t.json", text, "\"G\\r\"", "/entities/0/aliases/3", "contains a control character");
    }
    SUBCASE("description: newlines allowed, tabs not") {
        CHECK_LOADS(entitiesFile("    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"country\", \"description\": \"One.\\nTwo.\" }"));
        const std::string text =
            entitiesFile("    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"country\", \"description\": \"One.\\tTwo.\" }");
        CHECK_ONLY_PROBLEM(text, "\"description\"", "/entities/0/description", "contains a control character");
    }
    SUBCASE("empty description") {
        const std::string text = entitiesFile("    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"country\", \"description\": \"\\n\" }");
        CHECK_ONLY_PROBLEM(text, "\"description\"", "/entities/0/description", "must not be empty");
    }
    SUBCASE("quotes, backslashes, markup and non-ASCII are fine") {
        CHECK_LOADS(entitiesFile("    { \"id\": \"gamma\", \"name\": \"G\\\"a\\\\m <b>&{|}\xC3\xA9\xE4\xB8\xAD\", \"kind\": \"country\" }"));
    }
    SUBCASE("unknown member") {
        const std::string text = entitiesFile("    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"country\", \"alias\": [\"G\"] }");
        CHECK_ONLY_PROBLEM(text, "\"alias\"", "/entities/0/alias", "unknown member \"alias\" — did you mean \"aliases\"?");
    }
}

TEST_CASE("loader: a duplicate entity id names where the first one is") {
    const std::string text = entitiesFile("    { \"id\": \"beta\", \"name\": \"Beta Two\", \"kind\": \"country\" }");
    const auto d = problemsOf(withBase(text));
    INFO(listOf(d));
    REQUIRE_FALSE(d.empty());
    CHECK_DIAGNOSTIC(d[0], "t.json", text, "\"id\"", "/entities/0/id",
                     "duplicate entity id \"beta\" (first at " +
                         placeString("base.json", kBase, "{ \"id\": \"beta\"", "/entities/1") + ")");
}

TEST_CASE("loader: names and aliases may mean one entity only, compared case- and space-insensitively") {
    SUBCASE("a name used twice, in another case") {
        const std::string text = entitiesFile("    { \"id\": \"gamma\", \"name\": \"ALPHALAND\", \"kind\": \"country\" }");
        CHECK_ONLY_PROBLEM(text, "\"name\"", "/entities/0/name",
                           "\"ALPHALAND\" already names entity \"alpha\" (at " +
                               placeString("base.json", kBase, "\"name\": \"Alphaland\"", "/entities/0/name") +
                               "): names, aliases and ids must be unique");
    }
    SUBCASE("an alias equal to another entity's alias, with other spacing") {
        const std::string text = entitiesFile(
            "    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"country\", \"aliases\": [\"G\", \" republic  of ALPHA\"] }");
        CHECK_ONLY_PROBLEM(text, "\" republic", "/entities/0/aliases/1",
                           "\" republic  of ALPHA\" already names entity \"alpha\" (at " +
                               placeString("base.json", kBase, "\"Republic of Alpha\"", "/entities/0/aliases/0") + ")");
    }
    SUBCASE("a name equal to another entity's id") {
        const std::string text = entitiesFile("    { \"id\": \"gamma\", \"name\": \"Beta\", \"kind\": \"country\" }");
        CHECK_ONLY_PROBLEM(text, "\"name\"", "/entities/0/name",
                           "\"Beta\" already names entity \"beta\" (at " +
                               placeString("base.json", kBase, "\"id\": \"beta\"", "/entities/1/id") + ")");
    }
    SUBCASE("an alias equal to another entity's id") {
        const std::string text = entitiesFile("    { \"id\": \"widgetland\", \"name\": \"Widgetland\", \"kind\": \"country\" },\n"
                                              "    { \"id\": \"gadget\", \"name\": \"Gadget\", \"kind\": \"thing\", \"aliases\": [\"WIDGETLAND\"] }");
        CHECK_ONLY_PROBLEM(text, "\"WIDGETLAND\"", "/entities/1/aliases/0",
                           "\"WIDGETLAND\" already names entity \"widgetland\" (at " +
                               placeString("t.json", text, "\"id\": \"widgetland\"", "/entities/0/id") + ")");
    }
    SUBCASE("ids take precedence: a name equal to a later entity's id is the one reported") {
        const std::string text = entitiesFile("    { \"id\": \"zed\", \"name\": \"Gamma\", \"kind\": \"country\" },\n"
                                              "    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"country\" }");
        CHECK_ONLY_PROBLEM(text, "\"name\": \"Gamma\"", "/entities/0/name",
                           "\"Gamma\" already names entity \"gamma\" (at " +
                               placeString("t.json", text, "\"id\": \"gamma\"", "/entities/1/id") + ")");
    }
    SUBCASE("typographic and ASCII apostrophes are the same") {
        const std::string text = entitiesFile("    { \"id\": \"p1\", \"name\": \"People's Front\", \"kind\": \"country\" },\n"
                                              "    { \"id\": \"p2\", \"name\": \"People\xE2\x80\x99s front\", \"kind\": \"country\" }");
        CHECK_ONLY_PROBLEM(text, "\"name\": \"People\xE2\x80\x99s", "/entities/1/name", "already names entity \"p1\"");
    }
    SUBCASE("an entity may repeat its own name and id among its aliases") {
        CHECK_LOADS(entitiesFile(
            "    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"country\", \"aliases\": [\"GAMMARIA\", \"Gamma\", \"gammaria\"] }"));
    }
    SUBCASE("names that differ only in non-ASCII case are one name") {
        const std::string text = entitiesFile("    { \"id\": \"e1\", \"name\": \"\xC3\x89le\", \"kind\": \"country\" },\n"
                                              "    { \"id\": \"e2\", \"name\": \"\xC3\xA9le\", \"kind\": \"country\" }");
        CHECK_ONLY_PROBLEM(text, "\"name\": \"\xC3\xA9le", "/entities/1/name", "already names entity \"e1\"");
    }
}

// --- attributes ------------------------------------------------------------------------------

TEST_CASE("loader: an undeclared entity attribute suggests the closest declared one") {
    SUBCASE("close") {
        const std::string text = entitiesFile("    { \"id\": \"bob\", \"name\": \"Bob\", \"kind\": \"person\", \"attributes\": { \"bron\": \"1970\" } }");
        CHECK_ONLY_PROBLEM(text, "\"bron\"", "/entities/0/attributes/bron",
                           "kind \"person\" declares no attribute \"bron\" — did you mean \"born\"?");
    }
    SUBCASE("far: lists the declared attributes") {
        const std::string text = entitiesFile("    { \"id\": \"bob\", \"name\": \"Bob\", \"kind\": \"person\", \"attributes\": { \"religion\": \"x\" } }");
        CHECK_ONLY_PROBLEM(text, "\"religion\"", "/entities/0/attributes/religion",
                           "kind \"person\" declares no attribute \"religion\" (declared: \"born\" or \"height\")");
    }
    SUBCASE("a kind without attributes") {
        const std::string text = entitiesFile("    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"country\", \"attributes\": { \"capital\": \"G\" } }");
        CHECK_ONLY_PROBLEM(text, "\"capital\"", "/entities/0/attributes/capital", "kind \"country\" declares no attribute \"capital\"");
        CHECK(problemsOf(withBase(text))[0].message == "kind \"country\" declares no attribute \"capital\"");
    }
}

TEST_CASE("loader: undeclared relation attributes and claim values suggest the closest declared one") {
    SUBCASE("relation attributes") {
        const std::string text = relationWith(", \"attributes\": { \"cuont\": 5 }");
        CHECK_ONLY_PROBLEM(text, "\"cuont\"", "/relations/0/attributes/cuont",
                           "relation type \"sent_workers\" declares no attribute \"cuont\" — did you mean \"count\"?");
    }
    SUBCASE("claim values") {
        const std::string text = claimWith("\"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"s\", \"values\": { \"sectr\": \"x\" }");
        CHECK_ONLY_PROBLEM(text, "\"sectr\"", "/relations/0/claims/0/values/sectr",
                           "relation type \"sent_workers\" declares no attribute \"sectr\" — did you mean \"sector\"?");
    }
    SUBCASE("a type without attributes") {
        const std::string text = relationsFile(
            "    { \"id\": \"r1\", \"type\": \"leads\", \"from\": \"ann\", \"to\": \"alpha\", \"attributes\": { \"since\": \"2020\" },\n"
            "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"Ann leads.\" } ] }");
        CHECK_ONLY_PROBLEM(text, "\"since\"", "/relations/0/attributes/since",
                           "relation type \"leads\" declares no attribute \"since\"");
    }
    SUBCASE("values not an object") {
        const std::string text = claimWith("\"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"s\", \"values\": [1]");
        CHECK_ONLY_PROBLEM(text, "\"values\"", "/relations/0/claims/0/values", "\"values\" must be an object, got an array");
    }
}

TEST_CASE("loader: attribute values of the wrong JSON type, for every attribute type") {
    struct Case {
        std::string attributes;
        std::string needle;
        std::string pointer;
        std::string message;
    };
    const std::vector<Case> cases{
        {"{ \"s\": 5 }", "\"s\"", "/entities/0/attributes/s", "expected a string (string), got an integer"},
        {"{ \"i\": 1.5 }", "\"i\"", "/entities/0/attributes/i", "expected an integer (integer), got a number"},
        {"{ \"i\": \"3\" }", "\"i\"", "/entities/0/attributes/i", "expected an integer (integer), got a string"},
        {"{ \"n\": \"1.5\" }", "\"n\"", "/entities/0/attributes/n", "expected a number (number), got a string"},
        {"{ \"n\": true }", "\"n\"", "/entities/0/attributes/n", "expected a number (number), got a boolean"},
        {"{ \"b\": \"yes\" }", "\"b\"", "/entities/0/attributes/b", "expected true or false (boolean), got a string"},
        {"{ \"b\": 1 }", "\"b\"", "/entities/0/attributes/b", "expected true or false (boolean), got an integer"},
        {"{ \"d\": 2024 }", "\"d\"", "/entities/0/attributes/d", "expected a date string (date), got an integer"},
        {"{ \"p\": 2024 }", "\"p\"", "/entities/0/attributes/p", "expected a period string (period), got an integer"},
        {"{ \"p\": [\"2024\", \"2025\"] }", "\"p\"", "/entities/0/attributes/p", "expected a period string (period), got an array"},
        {"{ \"q\": \"many\" }", "\"q\"", "/entities/0/attributes/q",
         "expected a number or {\"value\": …} / {\"min\": …, \"max\": …} (quantity), got a string"},
        {"{ \"q\": [1, 2] }", "\"q\"", "/entities/0/attributes/q", "(quantity), got an array"},
        {"{ \"q\": null }", "\"q\"", "/entities/0/attributes/q", "(quantity), got null"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.attributes);
        CHECK_ONLY_PROBLEM(thingWith(c.attributes), c.needle, c.pointer, c.message);
    }
}

TEST_CASE("loader: attribute values with the right JSON type but a bad value") {
    struct Case {
        std::string attributes;
        std::string pointer;
        std::string message;
    };
    const std::vector<Case> cases{
        {"{ \"s\": \"\" }", "/entities/0/attributes/s", "must not be empty"},
        {"{ \"s\": \"a\\nb\" }", "/entities/0/attributes/s", "contains a control character (newline, tab, …)"},
        {"{ \"i\": 18446744073709551615 }", "/entities/0/attributes/i", "integer out of range"},
        {"{ \"i\": 9223372036854775808 }", "/entities/0/attributes/i", "integer out of range"},
        {"{ \"d\": \"2024-13\" }", "/entities/0/attributes/d", "\"2024-13\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"},
        {"{ \"d\": \"2024/2025\" }", "/entities/0/attributes/d", "\"2024/2025\" is not a date"},
        {"{ \"p\": \"2025/2024\" }", "/entities/0/attributes/p",
         "\"2025/2024\" is not a period: write a date, or START/END with dates or \"..\", START not after END"},
        {"{ \"p\": \"../..\" }", "/entities/0/attributes/p", "\"../..\" is not a period"},
        {"{ \"p\": \"2024-02-30\" }", "/entities/0/attributes/p", "\"2024-02-30\" is not a period"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.attributes);
        const std::string key = c.pointer.substr(c.pointer.rfind('/') + 1);
        CHECK_ONLY_PROBLEM(thingWith(c.attributes), "\"" + key + "\"", c.pointer, c.message);
    }
}

TEST_CASE("loader: quantity objects are checked member by member") {
    struct Case {
        std::string quantity;
        std::string needle;
        std::string pointer;
        std::string message;
    };
    const std::vector<Case> cases{
        {"{}", "\"q\"", "/entities/0/attributes/q", "a quantity has either \"value\" or both \"min\" and \"max\""},
        {"{ \"min\": 1 }", "\"q\"", "/entities/0/attributes/q", "a quantity has either \"value\" or both \"min\" and \"max\""},
        {"{ \"max\": 1 }", "\"q\"", "/entities/0/attributes/q", "a quantity has either"},
        {"{ \"qualifier\": \"nearly\" }", "\"q\"", "/entities/0/attributes/q", "a quantity has either"},
        {"{ \"value\": 5, \"min\": 1, \"max\": 9 }", "\"q\"", "/entities/0/attributes/q", "a quantity has either"},
        {"{ \"value\": 5, \"max\": 9 }", "\"q\"", "/entities/0/attributes/q", "a quantity has either"},
        {"{ \"min\": 9, \"max\": 1 }", "\"q\"", "/entities/0/attributes/q", "\"min\" is greater than \"max\""},
        {"{ \"value\": \"5\" }", "\"value\"", "/entities/0/attributes/q/value", "\"value\" must be a number, got a string"},
        {"{ \"min\": null, \"max\": 2 }", "\"min\"", "/entities/0/attributes/q/min", "\"min\" must be a number, got null"},
        {"{ \"min\": 1, \"max\": [2] }", "\"max\"", "/entities/0/attributes/q/max", "\"max\" must be a number, got an array"},
        {"{ \"value\": 5, \"qualifier\": \"about\" }", "\"qualifier\"", "/entities/0/attributes/q/qualifier",
         "unknown qualifier \"about\": use approximately, at least, at most, more than, less than or nearly"},
        {"{ \"value\": 5, \"qualifier\": 1 }", "\"qualifier\"", "/entities/0/attributes/q/qualifier",
         "\"qualifier\" must be a string, got an integer"},
        {"{ \"value\": 5, \"qualifer\": \"nearly\" }", "\"qualifer\"", "/entities/0/attributes/q/qualifer",
         "unknown member \"qualifer\" — did you mean \"qualifier\"?"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.quantity);
        CHECK_ONLY_PROBLEM(thingWith("{ \"q\": " + c.quantity + " }"), c.needle, c.pointer, c.message);
    }
}

TEST_CASE("loader: valid attribute values of every type load with their types") {
    const auto data = loadTexts(withBase(thingWith(
        "{ \"s\": \"x \\\"y\\\"\", \"i\": -9223372036854775808, \"n\": 2, \"b\": false, \"d\": \"2024-02-29\",\n"
        "        \"p\": \"../2024-06\", \"q\": { \"min\": 10000, \"max\": 12000, \"qualifier\": \"at most\" } }")));
    const auto gadget = data.findEntityById("gadget");
    REQUIRE(gadget);
    const relgraph::model::Attributes a = data.entity(*gadget).attributes().toMap();
    REQUIRE(a.size() == 7);
    CHECK(std::get<std::string>(a.at("s").value) == "x \"y\"");
    CHECK(std::get<std::int64_t>(a.at("i").value) == INT64_MIN);
    CHECK(std::get<double>(a.at("n").value) == 2.0);
    CHECK(std::get<bool>(a.at("b").value) == false);
    CHECK(std::get<std::string>(a.at("d").value) == "2024-02-29");
    CHECK(std::get<std::string>(a.at("p").value) == "../2024-06");
    const auto& q = std::get<relgraph::model::Quantity>(a.at("q").value);
    CHECK_FALSE(q.value);
    CHECK(q.min == 10000.0);
    CHECK(q.max == 12000.0);
    CHECK(q.qualifier == "at most");
    CHECK(relgraph::model::toDisplayString(a.at("q")) == "at most 10,000\xE2\x80\x93" "12,000");
}

TEST_CASE("loader: a bare number and a min equal to max are valid quantities") {
    CHECK_LOADS(thingWith("{ \"q\": 15000 }"));
    CHECK_LOADS(thingWith("{ \"q\": 2.5 }"));
    CHECK_LOADS(thingWith("{ \"q\": { \"min\": 3, \"max\": 3 } }"));
    CHECK_LOADS(thingWith("{ \"q\": { \"value\": 1e3, \"qualifier\": \"nearly\" } }"));
}

// --- relations -------------------------------------------------------------------------------

TEST_CASE("loader: a relation needs an id, a type, both ends and claims") {
    const std::string text = relationsFile("    { \"attributes\": {} }");
    const auto d = problemsOf(withBase(text));
    INFO(listOf(d));
    REQUIRE(d.size() == 5);
    for (std::size_t i = 0; i < d.size(); ++i) {
        CHECK_DIAGNOSTIC(d[i], "t.json", text, "{ \"attributes\"", "/relations/0", "missing required member ");
    }
    CHECK(d[0].message == "missing required member \"id\"");
    CHECK(d[1].message == "missing required member \"type\"");
    CHECK(d[2].message == "missing required member \"from\"");
    CHECK(d[3].message == "missing required member \"to\"");
    CHECK(d[4].message == "missing required member \"claims\"");
}

TEST_CASE("loader: relation members of the wrong type and unknown members") {
    SUBCASE("an unknown member") {
        const std::string text = relationWith(", \"via\": 1");
        CHECK_ONLY_PROBLEM(text, "\"via\"", "/relations/0/via", "unknown member \"via\"");
    }
    SUBCASE("claims not an array") {
        const std::string text = relationsFile(
            "    { \"id\": \"r1\", \"type\": \"allied_with\", \"from\": \"alpha\", \"to\": \"beta\", \"claims\": {} }");
        CHECK_ONLY_PROBLEM(text, "\"claims\"", "/relations/0/claims", "\"claims\" must be an array, got an object");
    }
    SUBCASE("to of the wrong type") {
        const std::string text = relationsFile(
            "    { \"id\": \"r1\", \"type\": \"allied_with\", \"from\": \"alpha\", \"to\": [\"beta\"],\n"
            "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"Allies.\" } ] }");
        CHECK_ONLY_PROBLEM(text, "\"to\"", "/relations/0/to", "\"to\" must be a string, got an array");
    }
    SUBCASE("invalid type identifier") {
        const std::string text = relationsFile(
            "    { \"id\": \"r1\", \"type\": \"Allied With\", \"from\": \"alpha\", \"to\": \"beta\",\n"
            "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"Allies.\" } ] }");
        CHECK_ONLY_PROBLEM(text, "\"type\"", "/relations/0/type", "\"Allied With\" is not a valid identifier");
    }
}

TEST_CASE("loader: a relation must rest on at least one claim") {
    const std::string text = relationsFile(
        "    { \"id\": \"r1\", \"type\": \"allied_with\", \"from\": \"alpha\", \"to\": \"beta\",\n      \"claims\": [] }");
    CHECK_ONLY_PROBLEM(text, "\"claims\"", "/relations/0/claims", "a relation must rest on at least one claim");
}

TEST_CASE("loader: an unknown relation type suggests the closest type") {
    SUBCASE("close") {
        const std::string text = relationsFile(
            "    { \"id\": \"r1\", \"type\": \"allied-with\", \"from\": \"alpha\", \"to\": \"beta\",\n"
            "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"Allies.\" } ] }");
        CHECK_ONLY_PROBLEM(text, "\"type\"", "/relations/0/type",
                           "unknown relation type \"allied-with\" — did you mean \"allied_with\"?");
    }
    SUBCASE("far, and its attributes and values are not checked") {
        const std::string text = relationsFile(
            "    { \"id\": \"r1\", \"type\": \"bombarded\", \"from\": \"alpha\", \"to\": \"beta\", \"attributes\": { \"x\": 1 },\n"
            "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"Boom.\", \"values\": { \"y\": 2 } } ] }");
        CHECK_ONLY_PROBLEM(text, "\"type\"", "/relations/0/type", "unknown relation type \"bombarded\"");
        CHECK(problemsOf(withBase(text))[0].message == "unknown relation type \"bombarded\"");
    }
}

TEST_CASE("loader: dangling relation endpoints suggest the closest id") {
    const std::string text = relationsFile(
        "    { \"id\": \"r1\", \"type\": \"allied_with\", \"from\": \"alpah\",\n"
        "      \"to\": \"betta\",\n"
        "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"Allies.\" } ] },\n"
        "    { \"id\": \"r2\", \"type\": \"allied_with\", \"from\": \"alpha\", \"to\": \"nowhere-land\",\n"
        "      \"claims\": [ { \"id\": \"c2\", \"source\": \"s-daily\", \"summary\": \"Allies.\" } ] }");
    const auto d = problemsOf(withBase(text));
    INFO(listOf(d));
    REQUIRE(d.size() == 3);
    CHECK_DIAGNOSTIC(d[0], "t.json", text, "\"from\": \"alpah\"", "/relations/0/from",
                     "unknown entity \"alpah\" — did you mean \"alpha\"?");
    CHECK_DIAGNOSTIC(d[1], "t.json", text, "\"to\": \"betta\"", "/relations/0/to",
                     "unknown entity \"betta\" — did you mean \"beta\"?");
    CHECK_DIAGNOSTIC(d[2], "t.json", text, "\"to\": \"nowhere-land\"", "/relations/1/to", "unknown entity \"nowhere-land\"");
    CHECK(d[2].message == "unknown entity \"nowhere-land\"");
}

TEST_CASE("loader: dangling claim references suggest the closest id") {
    SUBCASE("source") {
        const std::string text = claimWith("\"id\": \"c1\", \"source\": \"s-wyre\", \"summary\": \"s\"");
        CHECK_ONLY_PROBLEM(text, "\"source\"", "/relations/0/claims/0/source",
                           "unknown source \"s-wyre\" — did you mean \"s-wire\"?");
    }
    SUBCASE("by") {
        const std::string text = claimWith("\"id\": \"c1\", \"source\": \"s-daily\", \"by\": [\"ann\", \"anne\"], \"summary\": \"s\"");
        CHECK_ONLY_PROBLEM(text, "\"anne\"", "/relations/0/claims/0/by/1", "unknown entity \"anne\" — did you mean \"ann\"?");
    }
    SUBCASE("via") {
        const std::string text = claimWith("\"id\": \"c1\", \"source\": \"s-daily\", \"via\": [\"daly\"], \"summary\": \"s\"");
        CHECK_ONLY_PROBLEM(text, "\"daly\"", "/relations/0/claims/0/via/0", "unknown entity \"daly\" — did you mean \"daily\"?");
    }
    SUBCASE("a source id is not an entity id") {
        const std::string text = claimWith("\"id\": \"c1\", \"source\": \"s-daily\", \"by\": [\"s-wire\"], \"summary\": \"s\"");
        CHECK_ONLY_PROBLEM(text, "\"s-wire\"", "/relations/0/claims/0/by/0", "unknown entity \"s-wire\"");
    }
}

TEST_CASE("loader: relation endpoints must be of kinds the type allows") {
    SUBCASE("the end") {
        const std::string text = relationsFile(
            "    { \"id\": \"r1\", \"type\": \"leads\", \"from\": \"ann\", \"to\": \"daily\",\n"
            "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"s\" } ] }");
        CHECK_ONLY_PROBLEM(text, "\"to\"", "/relations/0/to",
                           "relation type \"leads\" cannot end at \"daily\", an entity of kind \"media\" (allowed kinds: \"country\")");
    }
    SUBCASE("the start") {
        const std::string text = relationsFile(
            "    { \"id\": \"r1\", \"type\": \"sent_workers\", \"from\": \"widget\", \"to\": \"beta\",\n"
            "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"s\" } ] }");
        CHECK_ONLY_PROBLEM(text, "\"from\"", "/relations/0/from",
                           "relation type \"sent_workers\" cannot start from \"widget\", an entity of kind \"thing\" "
                           "(allowed kinds: \"country\")");
    }
    SUBCASE("a directed type given reversed") {
        const std::string text = relationsFile(
            "    { \"id\": \"r1\", \"type\": \"leads\", \"from\": \"alpha\", \"to\": \"ann\",\n"
            "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"s\" } ] }");
        CHECK_ONLY_PROBLEM(text, "\"from\"", "/relations/0/from",
                           "relation type \"leads\" cannot start from \"alpha\", an entity of kind \"country\" "
                           "(allowed kinds: \"person\")");
    }
    SUBCASE("a symmetric type may be given either way round") {
        CHECK_LOADS(relationsFile(
            "    { \"id\": \"r1\", \"type\": \"advises\", \"from\": \"alpha\", \"to\": \"ann\",\n"
            "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"s\" } ] },\n"
            "    { \"id\": \"r2\", \"type\": \"advises\", \"from\": \"ann\", \"to\": \"alpha\",\n"
            "      \"claims\": [ { \"id\": \"c2\", \"source\": \"s-daily\", \"summary\": \"s\" } ] }"));
    }
    SUBCASE("a symmetric type still checks kinds") {
        const std::string text = relationsFile(
            "    { \"id\": \"r1\", \"type\": \"advises\", \"from\": \"ann\", \"to\": \"daily\",\n"
            "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"s\" } ] }");
        CHECK_ONLY_PROBLEM(text, "\"to\"", "/relations/0/to", "relation type \"advises\" cannot end at \"daily\"");
    }
    SUBCASE("* allows every kind") {
        CHECK_LOADS(relationsFile(
            "    { \"id\": \"r1\", \"type\": \"reported\", \"from\": \"daily\", \"to\": \"widget\",\n"
            "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"s\" } ] },\n"
            "    { \"id\": \"r2\", \"type\": \"reported\", \"from\": \"daily\", \"to\": \"daily\",\n"
            "      \"claims\": [ { \"id\": \"c2\", \"source\": \"s-daily\", \"summary\": \"s\" } ] }"));
        const std::string text = relationsFile(
            "    { \"id\": \"r1\", \"type\": \"reported\", \"from\": \"ann\", \"to\": \"widget\",\n"
            "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"s\" } ] }");
        CHECK_ONLY_PROBLEM(text, "\"from\"", "/relations/0/from",
                           "relation type \"reported\" cannot start from \"ann\", an entity of kind \"person\" "
                           "(allowed kinds: \"media\")");
    }
}

TEST_CASE("loader: a duplicate relation id names where the first one is") {
    const std::string text = relationsFile(
        "    { \"id\": \"r1\", \"type\": \"allied_with\", \"from\": \"alpha\", \"to\": \"beta\",\n"
        "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"s\" } ] },\n"
        "    { \"id\": \"r1\", \"type\": \"allied_with\", \"from\": \"beta\", \"to\": \"alpha\",\n"
        "      \"claims\": [ { \"id\": \"c2\", \"source\": \"s-daily\", \"summary\": \"s\" } ] }");
    CHECK_ONLY_PROBLEM(text, "\"id\": \"r1\", \"type\": \"allied_with\", \"from\": \"beta\"", "/relations/1/id",
                       "duplicate relation id \"r1\" (first at " +
                           placeString("t.json", text, "{ \"id\": \"r1\", \"type\": \"allied_with\", \"from\": \"alpha\"",
                                       "/relations/0") + ")");
}

TEST_CASE("loader: problems found after reading are placed inside the records they are in, read or written") {
    // 60 relations; a few refer to entities nobody declares, deep in their claims and at their ends.
    std::string items;
    for (int i = 0; i < 60; ++i) {
        const bool bad = i == 3 || i == 31 || i == 58;
        items += fmt::format("{}    {{ \"id\": \"r{}\", \"type\": \"sent_workers\", \"from\": \"alpha\", \"to\": \"{}\",\n"
                             "      \"claims\": [ {{ \"id\": \"c{}a\", \"source\": \"s-daily\", \"summary\": \"s\" }},\n"
                             "                  {{ \"id\": \"c{}b\", \"source\": \"s-daily\", \"summary\": \"s\", "
                             "\"by\": [\"ann\", \"{}\"] }} ] }}",
                             i ? ",\n" : "", i, bad ? fmt::format("nobody-{}", i) : "beta", i, i,
                             bad ? fmt::format("noone-{}", i) : "ann");
    }
    const std::string text = relationsFile(items);
    TempDir dir;
    const fs::path file = dir.path / "t.json";
    std::ofstream(file, std::ios::binary) << text;
    const std::vector<Diagnostic> fromText = problemsOf(withBase(text));
    relgraph::load::GraphLoader loader;
    loader.addText("schema.json", kSchema);
    loader.addText("base.json", kBase);
    loader.addFile(file);
    std::vector<Diagnostic> fromFile;
    try {
        loader.load();
    } catch (const relgraph::LoadError& e) {
        fromFile = e.diagnostics();
    }
    for (const std::vector<Diagnostic>* d : {&fromText, static_cast<const std::vector<Diagnostic>*>(&fromFile)}) {
        INFO(listOf(*d));
        REQUIRE(d->size() == 6);
        const std::string name = d == &fromText ? "t.json" : file.generic_string();
        std::size_t k = 0;
        for (const int i : {3, 31, 58}) {
            CHECK_DIAGNOSTIC((*d)[k], name, text, fmt::format("\"to\": \"nobody-{}\"", i), fmt::format("/relations/{}/to", i),
                             fmt::format("unknown entity \"nobody-{}\"", i));
            CHECK_DIAGNOSTIC((*d)[k + 1], name, text, fmt::format("\"noone-{}\"", i),
                             fmt::format("/relations/{}/claims/1/by/1", i), fmt::format("unknown entity \"noone-{}\"", i));
            k += 2;
        }
    }
}

TEST_CASE("loader: claim ids are unique across all relations") {
    SUBCASE("in two relations") {
        const std::string text = relationsFile(
            "    { \"id\": \"r1\", \"type\": \"allied_with\", \"from\": \"alpha\", \"to\": \"beta\",\n"
            "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"first\" } ] },\n"
            "    { \"id\": \"r2\", \"type\": \"leads\", \"from\": \"ann\", \"to\": \"alpha\",\n"
            "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"second\" } ] }");
        CHECK_ONLY_PROBLEM(text, "\"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"second\"", "/relations/1/claims/0/id",
                           "duplicate claim id \"c1\" (first at " +
                               placeString("t.json", text, "{ \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"first\"",
                                           "/relations/0/claims/0") + ")");
    }
    SUBCASE("in one relation") {
        const std::string text = relationsFile(
            "    { \"id\": \"r1\", \"type\": \"allied_with\", \"from\": \"alpha\", \"to\": \"beta\",\n"
            "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"first\" },\n"
            "                  { \"id\": \"c1\", \"source\": \"s-wire\", \"summary\": \"second\" } ] }");
        CHECK_ONLY_PROBLEM(text, "\"id\": \"c1\", \"source\": \"s-wire\"", "/relations/0/claims/1/id", "duplicate claim id \"c1\"");
    }
    SUBCASE("a claim and a relation may share an id") {
        CHECK_LOADS(relationsFile(
            "    { \"id\": \"r1\", \"type\": \"allied_with\", \"from\": \"alpha\", \"to\": \"beta\",\n"
            "      \"claims\": [ { \"id\": \"r1\", \"source\": \"s-daily\", \"summary\": \"s\" } ] }"));
    }
}

TEST_CASE("loader: two relations may connect the same entities with the same type") {
    const auto data = loadTexts(withBase(relationsFile(
        "    { \"id\": \"r1\", \"type\": \"sent_workers\", \"from\": \"alpha\", \"to\": \"beta\",\n"
        "      \"attributes\": { \"period\": \"2023\" },\n"
        "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"s\" } ] },\n"
        "    { \"id\": \"r2\", \"type\": \"sent_workers\", \"from\": \"alpha\", \"to\": \"beta\",\n"
        "      \"attributes\": { \"period\": \"2024\" },\n"
        "      \"claims\": [ { \"id\": \"c2\", \"source\": \"s-daily\", \"summary\": \"s\" } ] }")));
    CHECK(data.relationCount() == 2);
}

// --- claims ----------------------------------------------------------------------------------

TEST_CASE("loader: a claim needs an id, a source and a summary") {
    const std::string text = claimWith("\"date\": \"2025\"");
    const auto d = problemsOf(withBase(text));
    INFO(listOf(d));
    REQUIRE(d.size() == 3);
    CHECK_DIAGNOSTIC(d[0], "t.json", text, "{ \"date\"", "/relations/0/claims/0", "missing required member \"id\"");
    CHECK_DIAGNOSTIC(d[1], "t.json", text, "{ \"date\"", "/relations/0/claims/0", "missing required member \"source\"");
    CHECK_DIAGNOSTIC(d[2], "t.json", text, "{ \"date\"", "/relations/0/claims/0", "missing required member \"summary\"");
}

TEST_CASE("loader: claim members are checked") {
    SUBCASE("invalid id") {
        const std::string text = claimWith("\"id\": \"C 1\", \"source\": \"s-daily\", \"summary\": \"s\"");
        CHECK_ONLY_PROBLEM(text, "\"id\": \"C 1\"", "/relations/0/claims/0/id", "\"C 1\" is not a valid identifier");
    }
    SUBCASE("bad date") {
        const std::string text = claimWith("\"id\": \"c1\", \"source\": \"s-daily\", \"date\": \"2025-02-30\", \"summary\": \"s\"");
        CHECK_ONLY_PROBLEM(text, "\"date\"", "/relations/0/claims/0/date",
                           "\"2025-02-30\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
    }
    SUBCASE("by not an array") {
        const std::string text = claimWith("\"id\": \"c1\", \"source\": \"s-daily\", \"by\": \"ann\", \"summary\": \"s\"");
        CHECK_ONLY_PROBLEM(text, "\"by\"", "/relations/0/claims/0/by", "\"by\" must be an array, got a string");
    }
    SUBCASE("by items") {
        const std::string text = claimWith("\"id\": \"c1\", \"source\": \"s-daily\", \"by\": [{}, \"Ann\"], \"summary\": \"s\"");
        const auto d = problemsOf(withBase(text));
        INFO(listOf(d));
        REQUIRE(d.size() == 2);
        CHECK_DIAGNOSTIC(d[0], "t.json", text, "{}", "/relations/0/claims/0/by/0", "expected an identifier (a string), got an object");
        CHECK_DIAGNOSTIC(d[1], "t.json", text, "\"Ann\"", "/relations/0/claims/0/by/1", "\"Ann\" is not a valid identifier");
    }
    SUBCASE("empty summary") {
        const std::string text = claimWith("\"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"  \"");
        CHECK_ONLY_PROBLEM(text, "\"summary\"", "/relations/0/claims/0/summary", "must not be empty");
    }
    SUBCASE("summary: newlines allowed, other controls not") {
        CHECK_LOADS(claimWith("\"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"one\\ntwo\""));
        const std::string text = claimWith("\"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"one\\u0007\"");
        CHECK_ONLY_PROBLEM(text, "\"summary\"", "/relations/0/claims/0/summary", "contains a control character");
    }
    SUBCASE("unknown member") {
        const std::string text = claimWith("\"id\": \"c1\", \"source\": \"s-daily\", \"sumary\": \"s\", \"summary\": \"s\"");
        CHECK_ONLY_PROBLEM(text, "\"sumary\"", "/relations/0/claims/0/sumary",
                           "unknown member \"sumary\" — did you mean \"summary\"?");
    }
}

TEST_CASE("loader: a claim's stance is asserts or denies") {
    SUBCASE("unknown stance") {
        const std::string text = claimWith("\"id\": \"c1\", \"source\": \"s-daily\", \"stance\": \"refutes\", \"summary\": \"s\"");
        CHECK_ONLY_PROBLEM(text, "\"stance\"", "/relations/0/claims/0/stance", "\"stance\" must be \"asserts\" or \"denies\"");
    }
    SUBCASE("case matters") {
        const std::string text = claimWith("\"id\": \"c1\", \"source\": \"s-daily\", \"stance\": \"Denies\", \"summary\": \"s\"");
        CHECK_ONLY_PROBLEM(text, "\"stance\"", "/relations/0/claims/0/stance", "\"stance\" must be \"asserts\" or \"denies\"");
    }
    SUBCASE("stance of the wrong type") {
        const std::string text = claimWith("\"id\": \"c1\", \"source\": \"s-daily\", \"stance\": false, \"summary\": \"s\"");
        CHECK_ONLY_PROBLEM(text, "\"stance\"", "/relations/0/claims/0/stance", "\"stance\" must be a string, got a boolean");
    }
    SUBCASE("valid stances load") {
        const auto data = loadTexts(withBase(relationsFile(
            "    { \"id\": \"r1\", \"type\": \"allied_with\", \"from\": \"alpha\", \"to\": \"beta\", \"claims\": [\n"
            "      { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"s\" },\n"
            "      { \"id\": \"c2\", \"source\": \"s-daily\", \"stance\": \"asserts\", \"summary\": \"s\" },\n"
            "      { \"id\": \"c3\", \"source\": \"s-daily\", \"stance\": \"denies\", \"summary\": \"s\" } ] }")));
        REQUIRE(data.relationCount() == 1);
        const auto claims = relgraph::store::relationRecord(data, 0).claims;
        REQUIRE(claims.size() == 3);
        CHECK(claims[0].stance == relgraph::model::Stance::Asserts);
        CHECK(claims[1].stance == relgraph::model::Stance::Asserts);
        CHECK(claims[2].stance == relgraph::model::Stance::Denies);
    }
}

TEST_CASE("loader: claim values are checked against the relation type's attributes") {
    const std::string text = claimWith(
        "\"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"s\",\n"
        "        \"values\": { \"count\": { \"value\": 1000, \"qualifier\": \"approx\" }, \"period\": \"2025/2024\" }");
    const auto d = problemsOf(withBase(text));
    INFO(listOf(d));
    REQUIRE(d.size() == 2);
    CHECK_DIAGNOSTIC(d[0], "t.json", text, "\"qualifier\"", "/relations/0/claims/0/values/count/qualifier",
                     "unknown qualifier \"approx\"");
    CHECK_DIAGNOSTIC(d[1], "t.json", text, "\"period\"", "/relations/0/claims/0/values/period", "\"2025/2024\" is not a period");
}

// --- one pass, several files -----------------------------------------------------------------

TEST_CASE("loader: all problems of a file are reported in one pass, sorted by line") {
    // Found in the order source (reader), entity (reader), relation (validator); reported by line.
    const std::string text =
        "{\n"
        "  \"relgraph\": 1,\n"
        "  \"relations\": [\n"
        "    { \"id\": \"r1\", \"type\": \"allied_with\", \"from\": \"alpha\", \"to\": \"gammma\",\n"
        "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-daily\", \"summary\": \"s\" } ] }\n"
        "  ],\n"
        "  \"entities\": [\n"
        "    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"country\", \"colour\": \"green\" }\n"
        "  ],\n"
        "  \"sources\": [\n"
        "    { \"id\": \"s-new\", \"title\": \"T\", \"date\": \"2025-13\" }\n"
        "  ]\n"
        "}\n";
    const auto d = problemsOf(withBase(text));
    INFO(listOf(d));
    REQUIRE(d.size() == 3);
    CHECK_DIAGNOSTIC(d[0], "t.json", text, "\"to\": \"gammma\"", "/relations/0/to",
                     "unknown entity \"gammma\" — did you mean \"gamma\"?");
    CHECK_DIAGNOSTIC(d[1], "t.json", text, "\"colour\"", "/entities/0/colour", "unknown member \"colour\"");
    CHECK_DIAGNOSTIC(d[2], "t.json", text, "\"date\"", "/sources/0/date", "\"2025-13\" is not a date");
}

TEST_CASE("loader: problems on one line are sorted by column") {
    const std::string text = entitiesFile("    { \"zz\": 1, \"id\": \"Bad\", \"name\": \"\", \"kind\": \"contry\", \"aa\": 2 }");
    const auto d = problemsOf(withBase(text));
    INFO(listOf(d));
    REQUIRE(d.size() == 5);
    for (std::size_t i = 1; i < d.size(); ++i) CHECK(d[i - 1].place.column < d[i].place.column);
    CHECK(d[0].place.pointer == "/entities/0/zz");
    CHECK(d[1].place.pointer == "/entities/0/id");
    CHECK(d[2].place.pointer == "/entities/0/name");
    CHECK(d[3].place.pointer == "/entities/0/kind");
    CHECK(d[4].place.pointer == "/entities/0/aa");
}

TEST_CASE("loader: problems in two files are reported by file, then by line") {
    const std::string b = entitiesFile("    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"contry\" }");
    const std::string a = sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\",\n      \"url\": \"nope\" }");
    const auto d = problemsOf({{"z-schema.json", kSchema}, {"m-base.json", kBase}, {"b.json", b}, {"a.json", a}});
    INFO(listOf(d));
    REQUIRE(d.size() == 2);
    CHECK_DIAGNOSTIC(d[0], "a.json", a, "\"url\"", "/sources/0/url", "\"nope\" is not an http(s) URL");
    CHECK_DIAGNOSTIC(d[1], "b.json", b, "\"kind\"", "/entities/0/kind", "unknown kind \"contry\"");
}

TEST_CASE("loader: a graph split over files loads, references crossing files") {
    const std::string entities = "{ \"relgraph\": 1,\n  \"entities\": [ { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"country\" } ] }";
    const std::string relations = relationsFile(
        "    { \"id\": \"r1\", \"type\": \"allied_with\", \"from\": \"gamma\", \"to\": \"alpha\",\n"
        "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-new\", \"summary\": \"s\" } ] }");
    const std::string sources = sourcesFile("    { \"id\": \"s-new\", \"title\": \"T\", \"publisher\": \"gamma\", \"relies_on\": [\"s-wire\"] }");
    const auto data = loadTexts({{"relations.json", relations}, {"schema.json", kSchema}, {"entities.json", entities},
                                 {"base.json", kBase}, {"sources.json", sources}});
    CHECK(data.entityCount() == 6);
    CHECK(data.sourceCount() == 3);
    REQUIRE(data.relationCount() == 1);
    CHECK(data.entity(data.from(0)).id() == "gamma");
    // The store keeps the file each relation was read from (not where in it).
    CHECK(data.inputFile(data.fileOf(0)) == "relations.json");
    REQUIRE(data.relation(0).claims().size() == 1);
    CHECK(data.claim(data.relation(0).claims().front()).id() == "c1");
}

TEST_CASE("loader: the store orders a graph the same whatever the file order") {
    const std::string one = "{ \"relgraph\": 1,\n"
                            "  \"entities\": [ { \"id\": \"zeta\", \"name\": \"Zetania\", \"kind\": \"country\" },\n"
                            "                { \"id\": \"eta\", \"name\": \"Etaland\", \"kind\": \"country\" } ],\n"
                            "  \"sources\": [ { \"id\": \"s-z\", \"title\": \"Z\" } ],\n"
                            "  \"relations\": [ { \"id\": \"r-z\", \"type\": \"allied_with\", \"from\": \"zeta\", \"to\": \"eta\",\n"
                            "      \"claims\": [ { \"id\": \"cz\", \"source\": \"s-z\", \"summary\": \"s\" } ] } ] }";
    const std::string two = "{ \"relgraph\": 1,\n"
                            "  \"entities\": [ { \"id\": \"delta\", \"name\": \"Deltaland\", \"kind\": \"country\" } ],\n"
                            "  \"sources\": [ { \"id\": \"s-a\", \"title\": \"A\" } ],\n"
                            "  \"relations\": [ { \"id\": \"r-a\", \"type\": \"sent_workers\", \"from\": \"delta\", \"to\": \"zeta\",\n"
                            "      \"claims\": [ { \"id\": \"ca\", \"source\": \"s-z\", \"summary\": \"s\" } ] },\n"
                            "      { \"id\": \"r-m\", \"type\": \"leads\", \"from\": \"ann\", \"to\": \"delta\",\n"
                            "      \"claims\": [ { \"id\": \"cm\", \"source\": \"s-a\", \"summary\": \"s\" } ] } ] }";
    auto order = [](const relgraph::store::GraphStore& store) {
        std::vector<std::string> out;
        for (relgraph::store::Vertex v = 0; v < store.entityCount(); ++v) {
            out.push_back("e:" + std::string(store.entity(v).id()));
        }
        for (relgraph::store::Edge e = 0; e < store.relationCount(); ++e) out.push_back("r:" + store.relation(e).id());
        for (relgraph::store::SourceRef s = 0; s < store.sourceCount(); ++s) {
            out.push_back("s:" + std::string(store.source(s).id()));
        }
        return out;
    };
    const relgraph::store::GraphStore forward =
        loadTexts({{"schema.json", kSchema}, {"base.json", kBase}, {"one.json", one}, {"two.json", two}});
    const relgraph::store::GraphStore backward =
        loadTexts({{"two.json", two}, {"one.json", one}, {"base.json", kBase}, {"schema.json", kSchema}});
    const auto f = order(forward);
    CHECK(f == order(backward));
    const std::vector<std::string> expected{"e:alpha", "e:ann",  "e:beta", "e:daily", "e:delta", "e:eta",   "e:widget",
                                            "e:zeta",  "r:r-a",  "r:r-m",  "r:r-z",   "s:s-a",   "s:s-daily", "s:s-wire",
                                            "s:s-z"};
    CHECK(f == expected);
}

TEST_CASE("loader: a syntax error in one file suppresses dangling-reference errors in the others") {
    const std::string broken = "{ \"relgraph\": 1,\n  \"entities\": [ { \"id\": \"gamma\" ] }";
    const std::string uses = relationsFile(
        "    { \"id\": \"r1\", \"type\": \"allied_with\", \"from\": \"gamma\", \"to\": \"alpha\",\n"
        "      \"claims\": [ { \"id\": \"c1\", \"source\": \"s-gone\", \"by\": [\"ghost\"], \"summary\": \"s\" } ] }");
    const auto d = problemsOf({{"schema.json", kSchema}, {"base.json", kBase}, {"broken.json", broken}, {"uses.json", uses}});
    INFO(listOf(d));
    REQUIRE(d.size() == 1);
    CHECK(d[0].place.file == "broken.json");
    CHECK(d[0].place.line == 2);
    CHECK(contains(d[0].message, "invalid JSON: "));
}

TEST_CASE("loader: a syntax error in one file does not hide reading problems in the others") {
    const std::string broken = "{ \"relgraph\": 1,, }";
    const std::string other = entitiesFile("    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"country\", \"nam\": 1 }");
    const auto d = problemsOf({{"schema.json", kSchema}, {"base.json", kBase}, {"broken.json", broken}, {"other.json", other}});
    INFO(listOf(d));
    REQUIRE(d.size() == 2);
    CHECK(d[0].place.file == "broken.json");
    CHECK(contains(d[0].message, "invalid JSON: "));
    CHECK_DIAGNOSTIC(d[1], "other.json", other, "\"nam\"", "/entities/0/nam", "unknown member \"nam\" — did you mean \"name\"?");
}

TEST_CASE("loader: a file given twice under the same name loads once") {
    const std::string extra = entitiesFile("    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"country\" }");
    const auto data = loadTexts({{"schema.json", kSchema}, {"base.json", kBase}, {"x.json", extra}, {"x.json", extra}});
    CHECK(data.entityCount() == 6);
}

TEST_CASE("loader: the same content under two names is a duplicate") {
    const std::string extra = entitiesFile("    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"country\" }");
    const auto d = problemsOf({{"schema.json", kSchema}, {"base.json", kBase}, {"x.json", extra}, {"y.json", extra}});
    INFO(listOf(d));
    REQUIRE_FALSE(d.empty());
    CHECK(d[0].place.file == "y.json");
    CHECK(d[0].place.pointer == "/entities/0/id");
    CHECK(contains(d[0].message, "duplicate entity id \"gamma\" (first at x.json:"));
}

// --- files and folders -----------------------------------------------------------------------

TEST_CASE("loader: a path that does not exist is reported by its name") {
    TempDir dir;
    const fs::path missing = dir.path / "missing.json";
    const auto d = pathProblems({missing});
    INFO(listOf(d));
    REQUIRE(d.size() == 1);
    CHECK(d[0].place.file == missing.generic_string());
    CHECK(d[0].place.line == 0);
    CHECK(d[0].place.column == 0);
    CHECK(d[0].place.pointer.empty());
    CHECK(d[0].message == "no such file or folder");
    CHECK(d[0].toString() == missing.generic_string() + ": no such file or folder");
}

TEST_CASE("loader: a folder without .json files is reported") {
    TempDir dir;
    dir.write("notes.txt", "{}");
    dir.write("graph.json.bak", "{}");
    dir.write(".hidden.json", "{ \"relgraph\": 1 }");
    dir.write(".git/x.json", "{ \"relgraph\": 1 }");
    const auto d = pathProblems({dir.path});
    INFO(listOf(d));
    REQUIRE(d.size() == 1);
    CHECK(d[0].place.file == dir.path.generic_string());
    CHECK(d[0].place.line == 0);
    CHECK(d[0].message == "no .json graph files in this folder");
}

TEST_CASE("loader: a file that is not .json is refused by its extension") {
    TempDir dir;
    const fs::path yaml = dir.write("graph.yaml", "relgraph: 1\n");
    const auto d = pathProblems({yaml});
    INFO(listOf(d));
    REQUIRE(d.size() == 1);
    CHECK(d[0].place.file == yaml.generic_string());
    CHECK(d[0].place.line == 0);
    CHECK(d[0].message == "unsupported file type \".yaml\": relgraph reads .json graph files");
}

TEST_CASE("loader: a .json path that cannot be read is reported") {
    TempDir dir;
    const fs::path socketPath = dir.path / "socket.json";
    relgraph::testing::makeUnreadableFile(socketPath);
    const auto d = pathProblems({socketPath});
    INFO(listOf(d));
    REQUIRE(d.size() == 1);
    CHECK(d[0].place.file == socketPath.generic_string());
    CHECK(d[0].place.line == 0);
    CHECK(contains(d[0].message, "cannot read file: "));
}

TEST_CASE("loader: a folder that cannot be read is reported") {
    TempDir dir;
    dir.write("ok.json", "{ \"relgraph\": 1 }");
    dir.write("locked/inner.json", "{ \"relgraph\": 1 }");
    fs::permissions(dir.path / "locked", fs::perms::none);
    // Permissions do not stop root: then the check runs in a child that gives up root first.
    auto check = [&] {
        const auto d = pathProblems({dir.path});
        return d.size() == 1 && d[0].place.file == dir.path.generic_string() &&
               contains(d[0].message, "cannot read folder: ");
    };
    if (::geteuid() != 0) {
        CHECK(check());
        return;
    }
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        const bool dropped = ::setgid(65534) == 0 && ::setuid(65534) == 0;
        ::_exit(dropped && check() ? 0 : 1);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("loader: a folder is read recursively in byte order, skipping hidden entries") {
    TempDir dir;
    dir.write("schema.json", kSchema);
    dir.write("base.json", kBase);
    // The same source id in three files: the one read first is "first", the others duplicates.
    const std::string dup = sourcesFile("    { \"id\": \"s-dup\", \"title\": \"D\" }");
    dir.write("a/y.json", dup);
    dir.write("a.json", dup);
    dir.write("B/z.json", dup);
    dir.write(".hidden/broken.json", "{ not json");
    dir.write(".broken.json", "{ not json");
    dir.write("readme.md", "not a graph");
    const auto d = pathProblems({dir.path});
    INFO(listOf(d));
    REQUIRE(d.size() == 2);
    // 'B' (0x42) sorts before 'a' (0x61), and "a.json" before "a/y.json" ('.' < '/').
    const std::string first = "(first at " + (dir.path / "B/z.json").generic_string() + ":4:5 (/sources/0))";
    CHECK(d[0].place.file == (dir.path / "a.json").generic_string());
    CHECK(d[0].message == "duplicate source id \"s-dup\" " + first);
    CHECK(d[1].place.file == (dir.path / "a/y.json").generic_string());
    CHECK(d[1].message == "duplicate source id \"s-dup\" " + first);
}

TEST_CASE("loader: files and folders given as paths load together") {
    TempDir dir;
    const fs::path schema = dir.write("schema/schema.json", kSchema);
    dir.write("data/base.json", kBase);
    dir.write("data/more/gamma.json", entitiesFile("    { \"id\": \"gamma\", \"name\": \"Gammaria\", \"kind\": \"country\" }"));
    const auto data = relgraph::load::loadGraph({schema, dir.path / "data"});
    CHECK(data.entityCount() == 6);
    CHECK(data.schema().kinds.size() == 4);
}

TEST_CASE("loader: path problems and content problems are reported together") {
    TempDir dir;
    const fs::path bad = dir.write("bad.json", "{ \"relgraph\": 3 }");
    const fs::path missing = dir.path / "nope.json";
    const auto d = pathProblems({bad, missing});
    INFO(listOf(d));
    REQUIRE(d.size() == 2);
    CHECK(d[0].place.file == bad.generic_string());
    CHECK(contains(d[0].message, "unsupported format version 3"));
    CHECK(d[1].place.file == missing.generic_string());
    CHECK(d[1].message == "no such file or folder");
}

TEST_CASE("loader: the tiny fixture graph loads") {
    const auto data = relgraph::load::loadGraph({relgraph::testing::tinyGraphDir()});
    CHECK(data.entityCount() > 0);
    CHECK(data.relationCount() > 0);
}

// --- regressions: one problem, one message ----------------------------------------------------

TEST_CASE("loader: an entity of unknown kind is not also judged by the kinds its relations allow") {
    const std::string text = R"json({
  "relgraph": 1,
  "entities": [ { "id": "north", "name": "North", "kind": "contry" } ],
  "relations": [ { "id": "r", "type": "allied_with", "from": "north", "to": "alpha",
                   "claims": [ { "id": "c", "source": "s-daily", "summary": "Allies." } ] } ]
}
)json";
    const auto d = problemsOf(withBase(text));
    INFO(listOf(d));
    REQUIRE(d.size() == 1);
    CHECK(contains(d[0].message, "unknown kind \"contry\" — did you mean \"country\"?"));
}

TEST_CASE("loader: a schema file that does not parse hides unknown kinds and types, not itself") {
    std::string schema = kSchema;
    schema.replace(schema.find("\"schema\": {"), 11, "\"schema\": {{");
    const auto d = problemsOf({{"schema.json", schema}, {"base.json", kBase}});
    INFO(listOf(d));
    REQUIRE(d.size() == 1);
    CHECK(d[0].place.file == "schema.json");
    CHECK(contains(d[0].message, "invalid JSON"));
}

TEST_CASE("loader: a duplicate entity id is one problem, not also a name clash") {
    const auto d = problemsOf(withBase(entitiesFile(R"(    { "id": "alpha", "name": "Another", "kind": "country" })")));
    INFO(listOf(d));
    REQUIRE(d.size() == 1);
    CHECK(contains(d[0].message, "duplicate entity id \"alpha\""));
}

TEST_CASE("loader: keys and parser excerpts in messages are terminal-safe") {
    auto d = problemsOf({{"a.json", "{ \"relgraph\": 1, \"\\u001b[31mred\": 1, \"\\u001b[31mred\": 2 }"}});
    INFO(listOf(d));
    REQUIRE_FALSE(d.empty());
    for (const auto& diagnostic : d) CHECK(diagnostic.toString().find('\x1b') == std::string::npos);
    CHECK(contains(listOf(d), "duplicate key \"\\x1B[31mred\""));

    d = problemsOf({{"b.json", "{ \"relgraph\": 1, \"x\u202Ey\": 1 }"}});
    REQUIRE(d.size() == 1);
    CHECK(d[0].toString().find("\u202E") == std::string::npos);
    CHECK(contains(d[0].toString(), "(/x\\u202Ey)"));

    d = problemsOf({{"c.json", "{ \"relgraph\": 1, \"schema\": \x01 }"}});
    REQUIRE(d.size() == 1);
    CHECK(d[0].toString().find('\x01') == std::string::npos);
}

TEST_CASE("loader: a number too large for a double is invalid JSON without parser jargon") {
    const auto d = problemsOf({{"a.json", "{ \"relgraph\": 1e400 }"}});
    REQUIRE(d.size() == 1);
    CHECK(d[0].message == "invalid JSON: number overflow parsing '1e400'");
}

TEST_CASE("loader: a path without an extension is not a graph file") {
    TempDir dir;
    const fs::path file = dir.write("graph", "{ \"relgraph\": 1 }");
    const auto d = pathProblems({file});
    REQUIRE(d.size() == 1);
    CHECK(d[0].message == "not a .json file: relgraph reads .json graph files");
}

// The store is built on a thread of its own while the records are read (load/store_feed.hpp): what
// the builder refuses reaches the caller as it would from one thread, and the loading stops.
TEST_CASE("loader: what the store builder refuses on its own thread stops the load with its error") {
    std::string text = "{\"relgraph\": 1, \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"k\"}], \"relations\": [\n";
    for (int i = 0; i < 65536; ++i) {
        text += fmt::format("{}{{\"id\": \"r{}\", \"type\": \"t{}\", \"from\": \"a\", \"to\": \"a\"}}\n", i ? "," : "", i, i);
    }
    text += "]}";
    try {
        loadTexts({{"many-types.json", text}});
        FAIL("loaded");
    } catch (const relgraph::LoadError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(e.diagnostics()[0].message == "more than 65535 relation types");
    }
}
