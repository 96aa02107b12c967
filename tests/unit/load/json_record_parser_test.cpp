// The fast record parser (load/json_record_parser.hpp): what it accepts it reads exactly as
// nlohmann/json's parser does; what it leaves to that parser includes everything nlohmann refuses.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "load/json_record_parser.hpp"
#include "test_graphs.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The same value with every number of the same type.
bool sameValue(const json& a, const json& b) {
    if (a.type() != b.type()) return false;
    if (a.is_object()) {
        if (a.size() != b.size()) return false;
        for (auto it = a.begin(), jt = b.begin(); it != a.end(); ++it, ++jt) {
            if (it.key() != jt.key() || !sameValue(*it, *jt)) return false;
        }
        return true;
    }
    if (a.is_array()) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!sameValue(a[i], b[i])) return false;
        }
        return true;
    }
    return a == b;
}

// What nlohmann's parser makes of `text` (a repeated key: the last stands).
std::optional<json> nlohmannValue(const std::string& text) {
    try {
        return json::parse(text);
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

void checkAgrees(const std::string& text, bool mustAccept) {
    CAPTURE(text);
    json fast;
    const bool accepted = relgraph::load::parseRecordFast(text, fast);
    if (mustAccept) CHECK(accepted);
    const auto expected = nlohmannValue(text);
    if (accepted) {
        REQUIRE(expected);
        CHECK(sameValue(fast, *expected));
        CHECK(fast.dump() == expected->dump());
    }
}

}  // namespace

TEST_CASE("fast record parser: values as nlohmann reads them, numbers of the same types") {
    for (const char* text : {
             R"({})", R"([])", R"({"a": 1})", R"({"a": -1, "b": 0, "c": -0, "d": 1.5, "e": -2.25e-3, "f": 1E+2})",
             R"({"max": 18446744073709551615, "min": -9223372036854775808, "x": 9223372036854775808})",
             R"({"s": "plain", "e": "\" \\ \/ \b \f \n \r \t", "u": "\u00e9\u4e2d\ud83d\ude00", "z": "\u0000"})",
             R"({"t": true, "f": false, "n": null, "nested": [1, [2, [3, {"deep": {}}]], "x"]})",
             " \r\n\t{ \"a\" : [ 1 , 2 ] , \"b\" : { } } \n",
             R"({"ключ": "значение", "日本": "語"})",
             R"({"id":"r0","type":"funds","from":"e0","to":"e1","claims":[{"id":"c0","source":"s1","by":["e2"],"date":"2021-05-01","summary":"x","values":{"amount_usd":{"value":325566,"qualifier":"more than"}}}]})",
         }) {
        checkAgrees(text, true);
    }
}

TEST_CASE("fast record parser: what nlohmann refuses it leaves to nlohmann") {
    for (const std::string& text : std::vector<std::string>{
             "", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a: 1}", "[01]", "[1.]", "[.5]", "[-]", "[1e]", "[+1]",
             "[tru]", "[nul]", "[True]", "[\"\\x\"]", "[\"\\u12\"]", "[\"\\ud800\"]", "[\"\\udc00\"]",
             "[\"\\ud800\\u0041\"]", "[\"a\nb\"]", "[\"tab\there\"]", "[1] [2]", "[1, 2", "{\"a\": {\"b\": 1}",
             "[1e400]", "[-1e400]"}) {
        CAPTURE(text);
        json fast;
        CHECK_FALSE(relgraph::load::parseRecordFast(text, fast));
        CHECK_FALSE(nlohmannValue(text).has_value());
    }
}

TEST_CASE("fast record parser: repeated keys, and numbers it is not sure to read as nlohmann does, are left to it") {
    json fast;
    CHECK_FALSE(relgraph::load::parseRecordFast(R"({"a": 1, "a": 2})", fast));
    CHECK_FALSE(relgraph::load::parseRecordFast(R"({"x": {"b": 1, "b": 1}})", fast));
    // Integers too large for 64 bits: nlohmann reads them as doubles.
    CHECK_FALSE(relgraph::load::parseRecordFast("[18446744073709551616]", fast));
    CHECK_FALSE(relgraph::load::parseRecordFast("[-9223372036854775809]", fast));
    checkAgrees("[1e-400]", false);  // underflow: whichever reads it, the same value
    // Nesting deeper than the loader follows: its own reader reports it.
    CHECK_FALSE(relgraph::load::parseRecordFast(std::string(1001, '[') + std::string(1001, ']'), fast));
    CHECK(relgraph::load::parseRecordFast(std::string(999, '[') + std::string(999, ']'), fast));
}

TEST_CASE("fast record parser: every record of the bundled graph and the fixtures reads as nlohmann reads it") {
    std::size_t records = 0;
    for (const fs::path& root : {relgraph::testing::bundledGraphDir(), relgraph::testing::testDir() / "fixtures"}) {
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            const auto whole = nlohmannValue(text.str());
            if (!whole || !whole->is_object()) continue;
            checkAgrees(text.str(), false);
            for (const char* list : {"sources", "entities", "relations"}) {
                if (!whole->contains(list) || !(*whole)[list].is_array()) continue;
                for (const json& record : (*whole)[list]) {
                    checkAgrees(record.dump(), true);
                    checkAgrees(record.dump(2), true);
                    ++records;
                }
            }
        }
    }
    CHECK(records > 100);
}
