// Places (file:line:column and JSON pointer) that the JSON layer gives to values, and its syntax
// and duplicate-key errors. JsonDocument is a private header of lib/ (lib/src is not on the test
// include path), so it is exercised through GraphLoader and the places of the problems it reports.

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "relgraph/common/error.hpp"
#include "load/diagnostic_checks.hpp"
#include "test_graphs.hpp"

namespace {

using namespace relgraph::testing;

using relgraph::Diagnostic;

using relgraph::testing::problemsOf;
std::vector<Diagnostic> problemsOf(const std::string& text) { return problemsOf(Files{{"doc.json", text}}); }

}  // namespace

// --- places of values ------------------------------------------------------------------------

TEST_CASE("json: an object member is placed at its key's opening quote") {
    const std::string text =
        "{\n"
        "  \"relgraph\": 1,\n"
        "  \"schema\": {\n"
        "    \"kinds\": { \"country\": { \"label\": \"Country\",     \"lable\":\n"
        "       \"typo\" } }\n"
        "  }\n"
        "}\n";
    const auto d = problemsOf(text);
    INFO(listOf(d));
    REQUIRE(d.size() == 1);
    CHECK_DIAGNOSTIC(d[0], "doc.json", text, "\"lable\"", "/schema/kinds/country/lable",
                     "unknown member \"lable\" — did you mean \"label\"?");
}

TEST_CASE("json: a missing member is reported at the object that lacks it") {
    SUBCASE("an object that is an array element is placed at its opening brace") {
        const std::string text =
            "{ \"relgraph\": 1,\n"
            "  \"schema\": { \"kinds\": { \"country\": { \"label\": \"Country\" } } },\n"
            "  \"entities\": [\n"
            "      { \"id\": \"a\", \"name\": \"A\", \"kind\": \"country\" },   {\"id\": \"b\", \"kind\": \"country\" }\n"
            "  ] }\n";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK_DIAGNOSTIC(d[0], "doc.json", text, "{\"id\": \"b\"", "/entities/1", "missing required member \"name\"");
    }
    SUBCASE("an object that is a member value is placed at its key") {
        const std::string text =
            "{ \"relgraph\": 1,\n"
            "  \"schema\": { \"kinds\": {\n"
            "     \"country\":\n"
            "        { \"description\": \"no label\" } } } }\n";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK_DIAGNOSTIC(d[0], "doc.json", text, "\"country\"", "/schema/kinds/country",
                         "missing required member \"label\"");
    }
    SUBCASE("the whole document is placed at its first non-blank character") {
        const std::string text = "\n\n   {\n  \"entities\": []\n}\n";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK_DIAGNOSTIC(d[0], "doc.json", text, "{", "", "missing required member \"relgraph\"");
    }
}

TEST_CASE("json: array elements are placed at their first character") {
    const std::string text =
        "{\"relgraph\": 1, \"entities\": [12345,-1.5e3, \"a\\\"b\" ,\n"
        "   \"c\\\\\",true,   false,null, [], {}]}";
    const auto d = problemsOf(text);
    INFO(listOf(d));
    REQUIRE(d.size() == 11);
    CHECK_DIAGNOSTIC(d[0], "doc.json", text, "12345", "/entities/0", "expected an entity (an object), got an integer");
    CHECK_DIAGNOSTIC(d[1], "doc.json", text, "-1.5e3", "/entities/1", "expected an entity (an object), got a number");
    CHECK_DIAGNOSTIC(d[2], "doc.json", text, "\"a\\\"b\"", "/entities/2", "expected an entity (an object), got a string");
    CHECK_DIAGNOSTIC(d[3], "doc.json", text, "\"c\\\\\"", "/entities/3", "expected an entity (an object), got a string");
    CHECK_DIAGNOSTIC(d[4], "doc.json", text, "true", "/entities/4", "got a boolean");
    CHECK_DIAGNOSTIC(d[5], "doc.json", text, "false", "/entities/5", "got a boolean");
    CHECK_DIAGNOSTIC(d[6], "doc.json", text, "null", "/entities/6", "got null");
    CHECK_DIAGNOSTIC(d[7], "doc.json", text, "[]", "/entities/7", "got an array");
    // An empty object is an entity missing every required member: each placed at its brace.
    CHECK_DIAGNOSTIC(d[8], "doc.json", text, "{}", "/entities/8", "missing required member \"id\"");
    CHECK_DIAGNOSTIC(d[9], "doc.json", text, "{}", "/entities/8", "missing required member \"name\"");
    CHECK_DIAGNOSTIC(d[10], "doc.json", text, "{}", "/entities/8", "missing required member \"kind\"");
}

TEST_CASE("json: numbers are placed at their first character whatever follows them") {
    const std::string text =
        "{\"relgraph\": 1,\n"
        "\"sources\": [7,\n"
        "   88\n"
        ",\t999 ]\n"
        "}";
    const auto d = problemsOf(text);
    INFO(listOf(d));
    REQUIRE(d.size() == 3);
    CHECK_DIAGNOSTIC(d[0], "doc.json", text, "7", "/sources/0", "expected a source (an object), got an integer");
    CHECK_DIAGNOSTIC(d[1], "doc.json", text, "88", "/sources/1", "expected a source (an object), got an integer");
    CHECK_DIAGNOSTIC(d[2], "doc.json", text, "999", "/sources/2", "expected a source (an object), got an integer");
}

TEST_CASE("json: nested values get the full pointer and their own place") {
    const std::string text =
        "{\n"
        "  \"relgraph\": 1,\n"
        "  \"schema\": {\n"
        "    \"kinds\": { \"country\": { \"label\": \"Country\" } },\n"
        "    \"types\": {\n"
        "      \"sent\": { \"label\": \"sent\", \"from\": [\"country\"], \"to\": [\"country\"],\n"
        "                \"attributes\": { \"count\": \"quantity\" } }\n"
        "    }\n"
        "  },\n"
        "  \"sources\": [ { \"id\": \"s\", \"title\": \"T\" } ],\n"
        "  \"entities\": [ { \"id\": \"a\", \"name\": \"A\", \"kind\": \"country\" } ],\n"
        "  \"relations\": [\n"
        "    { \"id\": \"r\", \"type\": \"sent\", \"from\": \"a\", \"to\": \"a\", \"claims\": [\n"
        "      { \"id\": \"c0\", \"source\": \"s\", \"summary\": \"x\" },\n"
        "      { \"id\": \"c1\", \"source\": \"s\", \"summary\": \"y\",\n"
        "        \"values\": { \"count\": { \"value\": 3, \"qualifier\": \"roughly\" } } } ] }\n"
        "  ]\n"
        "}\n";
    const auto d = problemsOf(text);
    INFO(listOf(d));
    REQUIRE(d.size() == 1);
    CHECK_DIAGNOSTIC(d[0], "doc.json", text, "\"qualifier\"", "/relations/0/claims/1/values/count/qualifier",
                     "unknown qualifier \"roughly\"");
}

TEST_CASE("json: keys containing / and ~ are escaped as ~1 and ~0 in pointers") {
    SUBCASE("an unknown top-level member") {
        const std::string text = "{\"relgraph\": 1,\n  \"a/b~c\": 1}";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK_DIAGNOSTIC(d[0], "doc.json", text, "\"a/b~c\"", "/a~1b~0c", "unknown member \"a/b~c\"");
    }
    SUBCASE("a nested attribute name, with ~1 written literally in the key") {
        const std::string text =
            "{\"relgraph\": 1,\n"
            " \"schema\": {\"kinds\": {\"country\": {\"label\": \"Country\"}}},\n"
            " \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"country\",\n"
            "   \"attributes\": {\"x~1/y\": 1}}]}";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK_DIAGNOSTIC(d[0], "doc.json", text, "\"x~1/y\"", "/entities/0/attributes/x~01~1y",
                         "kind \"country\" declares no attribute \"x~1/y\"");
    }
    SUBCASE("a kind whose name holds a slash") {
        const std::string text =
            "{\"relgraph\": 1,\n"
            " \"schema\": {\"kinds\": {\"a/b\": {\"label\": \"AB\"}}}}";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK_DIAGNOSTIC(d[0], "doc.json", text, "\"a/b\"", "/schema/kinds/a~1b",
                         "kind name \"a/b\" is not a valid identifier");
    }
}

TEST_CASE("json: escaped quotes and backslashes before a value do not shift its place") {
    const std::string text =
        "{\"relgraph\": 1,\n"
        " \"schema\": {\"kinds\": {\"country\": {\"label\": \"Country\"}}},\n"
        " \"entities\": [{\"id\": \"a\", \"name\": \"say \\\"hi\\\" \\\\\", \"kind\": \"country\", \"colour\": 1},\n"
        "   {\"id\": \"b\", \"name\": \"\\\\\\\"\", \"kind\": \"country\", \"we\\\"ird\": 2}]}";
    const auto d = problemsOf(text);
    INFO(listOf(d));
    REQUIRE(d.size() == 2);
    CHECK_DIAGNOSTIC(d[0], "doc.json", text, "\"colour\"", "/entities/0/colour", "unknown member \"colour\"");
    CHECK_DIAGNOSTIC(d[1], "doc.json", text, "\"we\\\"ird\"", "/entities/1/we\"ird", "unknown member \"we\"ird\"");
}

TEST_CASE("json: columns count bytes, so multi-byte characters before a value count in full") {
    const std::string text =
        "{\"relgraph\": 1,\n"
        " \"schema\": {\"kinds\": {\"country\": {\"label\": \"Country\"}}},\n"
        " \"entities\": [{\"id\": \"a\", \"name\": \"\xE5\x8C\x97\xE6\x9C\x9D\xE9\xAE\xAE\", \"kind\": \"country\", "
        "\"nmae\": 1}]}";
    const auto d = problemsOf(text);
    INFO(listOf(d));
    REQUIRE(d.size() == 1);
    CHECK_DIAGNOSTIC(d[0], "doc.json", text, "\"nmae\"", "/entities/0/nmae", "unknown member \"nmae\"");
    CHECK(d[0].place.column == 67);  // 9 bytes for three characters, not 3
}

TEST_CASE("json: CRLF line endings and a byte order mark do not disturb lines and columns") {
    const std::string text = "\xEF\xBB\xBF{\r\n  \"relgraph\": 1,\r\n  \"extra\": true\r\n}\r\n";
    const auto d = problemsOf(text);
    INFO(listOf(d));
    REQUIRE(d.size() == 1);
    CHECK_DIAGNOSTIC(d[0], "doc.json", text, "\"extra\"", "/extra", "unknown member \"extra\"");
    CHECK(d[0].place.line == 3);
    CHECK(d[0].place.column == 3);
}

// --- duplicate keys --------------------------------------------------------------------------

TEST_CASE("json: a duplicate key is reported at the second key, naming the line of the first") {
    const std::string text =
        "{\n"
        "  \"relgraph\": 1,\n"
        "  \"schema\": { \"kinds\": {\n"
        "    \"country\": { \"label\": \"Country\" },\n"
        "    \"person\": { \"label\": \"Person\" },\n"
        "      \"country\": { \"label\": \"Land\" } } }\n"
        "}\n";
    const auto d = problemsOf(text);
    INFO(listOf(d));
    REQUIRE(d.size() == 1);
    CHECK_DIAGNOSTIC(d[0], "doc.json", text, "\"country\": { \"label\": \"Land\"", "/schema/kinds/country",
                     "duplicate key \"country\" (first at line 4)");
}

TEST_CASE("json: duplicate keys inside array elements and with escaped characters") {
    SUBCASE("inside an array element") {
        const std::string text =
            "{\"relgraph\": 1, \"entities\": [\n"
            "  {\"id\": \"a\"},\n"
            "  {\"id\": \"b\", \"name\": \"B\",\n"
            "   \"kind\": \"country\", \"name\": \"C\"}]}";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK_DIAGNOSTIC(d[0], "doc.json", text, "\"name\": \"C\"", "/entities/1/name",
                         "duplicate key \"name\" (first at line 3)");
    }
    SUBCASE("a key with a slash") {
        const std::string text = "{\"relgraph\": 1, \"a/b\": 1,\n\n  \"a/b\": 2}";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK_DIAGNOSTIC(d[0], "doc.json", text, "\"a/b\": 2", "/a~1b", "duplicate key \"a/b\" (first at line 1)");
    }
    SUBCASE("a key written once with an escape and once without") {
        const std::string text = "{\"relgraph\": 1,\n \"\\u0061\": 1,\n \"a\": 2}";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK_DIAGNOSTIC(d[0], "doc.json", text, "\"a\": 2", "/a", "duplicate key \"a\" (first at line 2)");
    }
    SUBCASE("a key given three times names the first each time") {
        const std::string text = "{\"relgraph\": 1,\n \"k\": 1,\n \"k\": 2,\n \"k\": 3}";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 2);
        CHECK_DIAGNOSTIC(d[0], "doc.json", text, "\"k\": 2", "/k", "duplicate key \"k\" (first at line 2)");
        CHECK_DIAGNOSTIC(d[1], "doc.json", text, "\"k\": 3", "/k", "duplicate key \"k\" (first at line 2)");
    }
}

TEST_CASE("json: a duplicate key stops the rest of that file from being checked") {
    // The unknown member and the bad date would be problems, but a file with a duplicate key is
    // not read further.
    const std::string text =
        "{\"relgraph\": 1, \"bogus\": 1,\n"
        " \"sources\": [{\"id\": \"s\", \"title\": \"T\", \"date\": \"nope\"}],\n"
        " \"relgraph\": 1}";
    const auto d = problemsOf(text);
    INFO(listOf(d));
    REQUIRE(d.size() == 1);
    CHECK(contains(d[0].message, "duplicate key \"relgraph\""));
}

// --- syntax errors ---------------------------------------------------------------------------

TEST_CASE("json: a record nests as deep as in the whole document, and no deeper") {
    // The top-level object, "entities" and the record are three levels: 997 arrays inside make
    // 1000, the most that is read; 998 are one too many.
    for (const int arrays : {997, 998}) {
        CAPTURE(arrays);
        const std::string text = "{\"relgraph\": 1, \"entities\": [{\"id\": \"a\", \"x\": " +
                                 std::string(static_cast<std::size_t>(arrays), '[') +
                                 std::string(static_cast<std::size_t>(arrays), ']') + "}]}";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        bool tooDeep = false;
        for (const auto& problem : d) tooDeep = tooDeep || contains(problem.message, "nested more than 1000 levels");
        CHECK(tooDeep == (arrays == 998));
        CHECK_FALSE(d.empty());  // "x" is not a member of an entity, and its name and kind are missing
    }
}


// The loader's first pass moves past the records without reading them (brackets and strings
// followed); what it finds must not depend on that.
TEST_CASE("json: records skipped by the first pass hide nothing of the rest of the file") {
    SUBCASE("brackets and quotes inside record strings do not end the records") {
        const std::string text =
            "{ \"relgraph\": 1,\n"
            "  \"entities\": [ { \"id\": \"a\", \"name\": \"A ]} [{ \\\" \\\\\", \"kind\": \"country\" } ],\n"
            "  \"schema\": { \"kinds\": { \"country\": { \"label\": \"Country\", \"lable\": 1 } } }\n"
            "}\n";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);  // the schema after the records is read, and its kind is known
        CHECK_DIAGNOSTIC(d[0], "doc.json", text, "\"lable\"", "/schema/kinds/country/lable",
                         "unknown member \"lable\" — did you mean \"label\"?");
    }
    SUBCASE("a string left open in a record: the error stands where a whole read finds it") {
        const std::string text =
            "{ \"relgraph\": 1,\n"
            "  \"entities\": [ { \"id\": \"a\", \"name\": \"A\n"
            "  } ],\n"
            "  \"schema\": {}\n"
            "}\n";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK(d[0].place.line == 2);
        CHECK(contains(d[0].message, "invalid JSON: "));
    }
    SUBCASE("a syntax error after the records is placed exactly") {
        const std::string text =
            "{ \"relgraph\": 1,\n"
            "  \"entities\": [ { \"id\": \"a\", \"name\": \"[[[\", \"kind\": \"k\" } ]\n"
            "  \"schema\": {}\n"
            "}\n";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK(d[0].place.line == 3);  // at the end of the token the parser did not expect, as ever
        CHECK(d[0].place.column == 10);
        CHECK(contains(d[0].message, "unexpected string literal; expected '}'"));
    }
    SUBCASE("a record that repeats a key: the file is reported as one that does not parse") {
        const std::string text =
            "{ \"relgraph\": 1,\n"
            "  \"entities\": [ { \"id\": \"a\" },\n"
            "                { \"id\": \"b\", \"id\": \"c\" } ]\n"
            "}\n";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);  // not the first record's missing members
        CHECK_DIAGNOSTIC(d[0], "doc.json", text, "\"id\": \"c\"", "/entities/1/id",
                         "duplicate key \"id\" (first at line 3)");
    }
}


TEST_CASE("json: a missing comma is reported at the token after the gap") {
    SUBCASE("between array elements: at the next element's brace") {
        const std::string text =
            "{\n"
            "  \"relgraph\": 1,\n"
            "  \"entities\": [ { \"id\": \"a\" }\n"
            "     { \"id\": \"b\" } ]\n"
            "}\n";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK_DIAGNOSTIC(d[0], "doc.json", text, "{ \"id\": \"b\"", "", "invalid JSON: ");
        CHECK(contains(d[0].message, "expected ']'"));
    }
    SUBCASE("between members: on the line of the next member") {
        const std::string text =
            "{\n"
            "  \"relgraph\": 1,\n"
            "  \"entities\": []\n"
            "  \"relations\": []\n"
            "}\n";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK(d[0].place.file == "doc.json");
        CHECK(d[0].place.line == 4);
        CHECK(d[0].place.pointer.empty());
        CHECK(contains(d[0].message, "invalid JSON: "));
        CHECK(contains(d[0].message, "expected '}'"));
    }
}

TEST_CASE("json: an empty or blank file is invalid JSON") {
    SUBCASE("empty") {
        const auto d = problemsOf("");
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK(d[0].place.file == "doc.json");
        CHECK(d[0].place.line == 1);
        CHECK(d[0].place.column == 1);
        CHECK(d[0].place.pointer.empty());
        CHECK(contains(d[0].message, "invalid JSON: "));
        CHECK(contains(d[0].message, "unexpected end of input"));
    }
    SUBCASE("white space only") {
        const auto d = problemsOf("  \n\n");
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK(contains(d[0].message, "invalid JSON: "));
        CHECK(contains(d[0].message, "unexpected end of input"));
    }
}

TEST_CASE("json: trailing garbage after the document is invalid JSON at the garbage") {
    SUBCASE("a stray word") {
        const std::string text = "{\"relgraph\": 1}  x";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK_DIAGNOSTIC(d[0], "doc.json", text, "x", "", "invalid JSON: ");
        CHECK(contains(d[0].message, "expected end of input"));
    }
    SUBCASE("a second document on the next line") {
        const std::string text = "{\"relgraph\": 1}\n{\"relgraph\": 1}";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK(d[0].place.line == 2);
        CHECK(d[0].place.column == 1);
        CHECK(contains(d[0].message, "invalid JSON: "));
    }
}

TEST_CASE("json: invalid UTF-8 is reported at the bad byte, alone") {
    SUBCASE("inside a string") {
        const std::string text = "{\"relgraph\": 1,\n \"entities\": [{\"id\": \"a\", \"name\": \"ab\xFF\xFE\"}]}";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK_DIAGNOSTIC(d[0], "doc.json", text, "\xFF", "", "invalid UTF-8");
    }
    SUBCASE("after the document") {
        const std::string text = "{\"relgraph\": 1}\n\xC0\x80";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK_DIAGNOSTIC(d[0], "doc.json", text, "\xC0", "", "invalid UTF-8");
    }
    SUBCASE("after a syntax error, only the syntax error") {
        const std::string text = "{\"relgraph\": 1,,\n \"x\": \"\xFF\"}";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK_DIAGNOSTIC(d[0], "doc.json", text, ",\n", "", "invalid JSON: ");
    }
}

TEST_CASE("json: other syntax errors are invalid JSON at the offending character") {
    SUBCASE("a raw tab inside a string") {
        const std::string text = "{\"relgraph\": 1,\n \"x\": \"a\tb\"}";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK_DIAGNOSTIC(d[0], "doc.json", text, "\t", "", "invalid JSON: ");
    }
    SUBCASE("a trailing comma") {
        const std::string text = "{\"relgraph\": 1,\n \"entities\": [{\"id\": \"a\"},\n ]}";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK_DIAGNOSTIC(d[0], "doc.json", text, "]", "", "invalid JSON: ");
    }
    SUBCASE("a comment") {
        const std::string text = "{\"relgraph\": 1,\n  // a comment\n \"entities\": []}";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK(d[0].place.line == 2);
        CHECK(contains(d[0].message, "invalid JSON: "));
    }
    SUBCASE("an unterminated document") {
        const std::string text = "{\"relgraph\": 1,\n \"entities\": [";
        const auto d = problemsOf(text);
        INFO(listOf(d));
        REQUIRE(d.size() == 1);
        CHECK(d[0].place.line == 2);
        CHECK(contains(d[0].message, "unexpected end of input"));
    }
}

TEST_CASE("json: syntax errors in two files are both reported, each in its own file") {
    const auto d = problemsOf(Files{{"b.json", "{\"relgraph\": 1,,}"}, {"a.json", "\n["}});
    INFO(listOf(d));
    REQUIRE(d.size() == 2);
    CHECK(d[0].place.file == "a.json");
    CHECK(d[0].place.line == 2);
    CHECK(contains(d[0].message, "invalid JSON: "));
    CHECK(d[1].place.file == "b.json");
    CHECK(d[1].place.line == 1);
    CHECK(d[1].place.column == 16);
    CHECK(contains(d[1].message, "invalid JSON: "));
}
