// JSON read a block at a time (load/json_stream.hpp): records handed on one by one hold the same
// values at the same places as the whole document, whatever the block size, and a streamed file has
// the same problems at the same places as a whole one.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "interchange/interchange_checks.hpp"
#include "load/json_stream.hpp"
#include "test_graphs.hpp"

namespace {

namespace fs = std::filesystem;
using namespace relgraph;
using load::JsonBlocks;
using load::JsonDocument;
using load::JsonStreamPlan;
using nlohmann::json;

const std::vector<std::string> kLists = {"sources", "entities", "relations"};
// The smallest block (room for one UTF-8 sequence), sizes that split sequences and keys, and the
// loader's own.
const std::size_t kBlockSizes[] = {1, 4, 5, 7, 64, std::size_t{4} << 20};

std::string readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Every graph file the tests and the bundle hold, and one with CRLF line ends, escapes and text in
// several scripts.
std::vector<fs::path> graphFiles(const testing::TempFolder& folder) {
    std::vector<fs::path> files;
    for (const fs::path& root : {testing::bundledGraphDir(), testing::testDir() / "fixtures"}) {
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    files.push_back(folder.write("mixed.json",
                                 "{\"relgraph\": 1,\r\n \"entities\": [\r\n  {\"id\": \"a\", \"name\": \"Ким \\\"Чен\\\" "
                                 "Ын\\u00e9\\ud83d\\ude00 北朝鮮\",\r\n   \"aliases\": [\"x ]}[{ \\\\\\\" \\\\\", [1, {\"deep\": [true, null]}]]},\r\n"
                                 "  7, \"s\", [], {}],\r\n \"schema\": {\"kinds\": {}},\r\n \"relations\": {\"no\": 1}}"));
    return files;
}

// Every JSON pointer in `value`, which stands at `pointer`.
void pointersOf(const json& value, const std::string& pointer, std::vector<std::string>& out) {
    out.push_back(pointer);
    if (value.is_object()) {
        for (const auto& [key, member] : value.items()) pointersOf(member, JsonDocument::child(pointer, key), out);
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) pointersOf(value[i], JsonDocument::child(pointer, i), out);
    }
}

struct Record {
    std::string list;
    std::string pointer;
    json value;
    std::vector<Place> places;  // of every pointer in the value
};

// Streams `file` in blocks of `blockSize`, keeping the rest as `keepRest` says; `placesLater`: the
// records are built without places, which they find by reading the file again when asked; `fast`:
// record objects are parsed from their bytes (JsonStreamPlan::fastRecords).
std::vector<Record> streamRecords(const fs::path& file, std::size_t blockSize, bool keepRest, JsonDocument& rest,
                                  std::vector<Diagnostic>& problems, bool placesLater = false, bool fast = false) {
    std::vector<Record> records;
    JsonBlocks blocks(blockSize, {});
    std::string error;
    REQUIRE(blocks.open(file.generic_string(), load::Mark{}, error));
    const JsonStreamPlan plan{.recordLists = kLists,
                              .keepRest = keepRest,
                              .onRecord = [&](const std::string& list, JsonDocument& record) {
                                  Record r{list, record.pointer(), record.root(), {}};
                                  std::vector<std::string> pointers;
                                  pointersOf(record.root(), record.pointer(), pointers);
                                  for (const std::string& p : pointers) r.places.push_back(record.place(p));
                                  CHECK(record.place(record.pointer()).line == record.start().line);
                                  CHECK(record.place(record.pointer()).column == record.start().column);
                                  records.push_back(std::move(r));
                              },
                              .reopen = placesLater ? std::function<bool(JsonBlocks&, const load::Mark&)>(
                                                          [&](JsonBlocks& again, const load::Mark& at) {
                                                              std::string ignored;
                                                              return again.open(file.generic_string(), at, ignored);
                                                          })
                                                    : nullptr,
                              .fastRecords = fast};
    load::streamJson(blocks, file.generic_string(), plan, rest, problems);
    return records;
}

JsonDocument wholeDocument(const fs::path& file, std::vector<Diagnostic>& problems) {
    JsonDocument doc;
    doc.parse(file.generic_string(), readText(file), problems);
    return doc;
}

}  // namespace

TEST_CASE("json stream: records one at a time hold the whole document's values and places, at any block size") {
    testing::TempFolder folder;
    std::size_t files = 0;
    for (const fs::path& file : graphFiles(folder)) {
        CAPTURE(file);
        std::vector<Diagnostic> wholeProblems;
        const JsonDocument whole = wholeDocument(file, wholeProblems);
        if (!wholeProblems.empty()) continue;  // a fixture of problems: the next test's
        // What the records should be: the elements of the record lists, in document order.
        std::vector<std::string> expected;
        json rest = whole.root();
        if (rest.is_object()) {
            for (const std::string& list : kLists) {
                if (!rest.contains(list) || !rest[list].is_array()) continue;
                for (std::size_t i = 0; i < rest[list].size(); ++i) expected.push_back(fmt::format("/{}/{}", list, i));
                rest[list] = json::array();
            }
        }
        ++files;
        for (const std::size_t blockSize : kBlockSizes) {
          for (const int mode : {0, 1, 2}) {
            const bool placesLater = mode >= 1, fast = mode == 2;
            CAPTURE(blockSize);
            CAPTURE(placesLater);
            CAPTURE(fast);
            std::vector<Diagnostic> problems;
            JsonDocument kept;
            const std::vector<Record> records =
                streamRecords(file, blockSize, true, kept, problems, placesLater, fast);
            CHECK(problems.empty());
            CHECK(kept.root() == rest);
            std::vector<std::string> pointers, restPointers;
            pointersOf(kept.root(), "", restPointers);
            for (const std::string& p : restPointers) CHECK(kept.place(p).toString() == whole.place(p).toString());
            for (const Record& r : records) {
                pointers.push_back(r.pointer);
                CHECK(r.pointer.rfind("/" + r.list + "/", 0) == 0);
                CHECK(r.value == whole.root().at(json::json_pointer(r.pointer)));
                std::vector<std::string> inside;
                pointersOf(r.value, r.pointer, inside);
                REQUIRE(inside.size() == r.places.size());
                for (std::size_t i = 0; i < inside.size(); ++i) {
                    CAPTURE(inside[i]);
                    CHECK(r.places[i].toString() == whole.place(inside[i]).toString());
                    CHECK(r.places[i].line > 0);
                }
            }
            CHECK(pointers == expected);
          }
          // Records skipped, not read: the same rest, at the same places.
          JsonBlocks blocks(blockSize, {});
          std::string error;
          REQUIRE(blocks.open(file.generic_string(), load::Mark{}, error));
          std::vector<Diagnostic> problems;
          JsonDocument kept;
          CHECK(load::streamJson(blocks, file.generic_string(),
                                 JsonStreamPlan{.recordLists = kLists, .skipRecords = true}, kept, problems));
          CHECK(kept.root() == rest);
          std::vector<std::string> restPointers;
          pointersOf(kept.root(), "", restPointers);
          for (const std::string& p : restPointers) CHECK(kept.place(p).toString() == whole.place(p).toString());
        }
        // Without the rest: the same records, and nothing else built.
        std::vector<Diagnostic> problems;
        JsonDocument none;
        const std::vector<Record> records = streamRecords(file, 3, false, none, problems);
        CHECK(none.root().is_null());
        CHECK(records.size() == expected.size());
    }
    CHECK(files >= 20);
}

TEST_CASE("json stream: a streamed file has the whole file's problems, at the same places") {
    testing::TempFolder folder;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(testing::testDir() / "broken")) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    const std::string deep = "{\"entities\": [" + std::string(1005, '[') + std::string(1005, ']') + "]}";
    for (const std::string& text :
         {std::string("{\"relgraph\": 1, \"entities\": [{\"id\": \"a\", \"id\": \"b\"}]}"),
          std::string("{\"relgraph\": 1,\n \"entities\": [{\"name\": \"Ки\xD0\"}]}"),
          std::string("{\"relgraph\": 1,\n \"entities\": [{\"name\": \"Ким\"}]}\n\xF0\x9F\x98"),
          std::string("{\"relgraph\": 1,\n \"entities\": [{\"name\": \"Ким\"]}"), std::string("\n\n  [1, 2"),
          std::string(""), deep}) {
        files.push_back(folder.write(fmt::format("case{}.json", files.size()), text));
    }
    std::size_t withProblems = 0;
    for (const fs::path& file : files) {
        std::vector<Diagnostic> expected;
        wholeDocument(file, expected);
        withProblems += expected.empty() ? 0 : 1;
        for (const std::size_t blockSize : kBlockSizes) {
            CAPTURE(file);
            CAPTURE(blockSize);
            for (const bool keepRest : {true, false}) {
                std::vector<Diagnostic> problems;
                JsonDocument rest;
                streamRecords(file, blockSize, keepRest, rest, problems);
                REQUIRE(problems.size() == expected.size());
                for (std::size_t i = 0; i < problems.size(); ++i) {
                    CHECK(problems[i].toString() == expected[i].toString());
                }
                // Records read from their bytes: problems when, and only when, the file has some (the
                // loader then reads it whole again, for the problems above).
                std::vector<Diagnostic> fastProblems;
                streamRecords(file, blockSize, keepRest, rest, fastProblems, true, true);
                CHECK(fastProblems.empty() == expected.empty());
            }
        }
    }
    CHECK(withProblems >= 8);  // the syntax, duplicate-key, UTF-8 and depth cases above, and the broken files'
}
