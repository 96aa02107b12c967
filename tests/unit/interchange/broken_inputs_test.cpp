// Broken inputs for every reader (tests/fixtures/interchange/broken/X with X.expected beside it):
// reading X fails with every expected line in the message; and the problems that need a file
// system, options or the writers to arise.

#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <set>

#include "interchange/interchange_checks.hpp"
#include "unreadable_file.hpp"
#include "relgraph/interchange/graph_writer.hpp"

namespace {

using namespace relgraph;
using namespace relgraph::testing;
namespace fs = std::filesystem;

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("interchange: every broken input fails with its expected problems") {
    const fs::path folder = interchangeFixtures() / "broken";
    std::set<fs::path> inputs;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.path().extension() != ".expected") inputs.insert(entry.path());
    }
    REQUIRE(inputs.size() >= 40);
    for (const fs::path& input : inputs) {
        INFO("input: ", input.filename().string());
        const fs::path expected = fs::path(input).replace_extension(".expected");
        REQUIRE(fs::exists(expected));
        const std::string message = importErrors({input});
        INFO("message:\n", message);
        std::istringstream lines(readText(expected));
        std::size_t count = 0;
        for (std::string line; std::getline(lines, line);) {
            if (line.empty()) continue;
            ++count;
            CHECK(contains(message, line));
        }
        // Every problem found is expected: the count line says how many there were.
        CHECK(contains(message, std::to_string(count) + (count == 1 ? " problem found" : " problems found")));
    }
}

TEST_CASE("interchange: an empty file read as neo4j CSV, and an edge list read with a header that has no edges") {
    TempFolder folder;
    const auto empty = folder.write("empty.csv", "");
    interchange::ReadOptions neo4j;
    neo4j.format = interchange::Format::Neo4jCsv;
    CHECK(contains(importErrors({empty}, neo4j), "empty.csv:1:1: empty file: expected a header line"));

    const auto headerOnly = folder.write("edges.txt", "1 2\n");
    interchange::ReadOptions header;
    header.edgeList.header = true;
    CHECK(contains(importErrors({headerOnly}, header), "edges.txt:1:1: no edges: expected lines of FROM TO"));
}

TEST_CASE("interchange: JSON read as node-link that is not node-link") {
    TempFolder folder;
    interchange::ReadOptions nodeLink;
    nodeLink.format = interchange::Format::NodeLink;
    CHECK(contains(importErrors({folder.write("list.json", "[1, 2]")}, nodeLink),
                   "list.json:1:1: expected a node-link graph (an object with \"nodes\" and \"links\")"));
    CHECK(contains(importErrors({folder.write("graph.json", "{\"relgraph\": 1}")}, nodeLink),
                   "graph.json:1:1: \"nodes\" must be an array"));
}

TEST_CASE("interchange: paths that are missing, unreadable or of no readable type") {
    TempFolder folder;
    CHECK(contains(importErrors({folder.path / "missing.graphml"}), "missing.graphml: no such file or folder"));
    CHECK(contains(importErrors({folder.write("README", "hello")}), "README: no file extension: relgraph reads"));
    folder.write("tables/notes.md", "nothing to read");
    CHECK(contains(importErrors({folder.path / "tables"}),
                   "tables: no .json graph files (or .csv and .tsv tables) in this folder"));

    const fs::path socketPath = folder.path / "socket.dot";
    relgraph::testing::makeUnreadableFile(socketPath);
    CHECK(contains(importErrors({socketPath}), "socket.dot: cannot read file: "));
}

TEST_CASE("interchange: a folder that cannot be read is reported") {
    TempFolder folder;
    folder.write("tables/edges.csv", "a,b\n");
    folder.write("tables/locked/more.csv", "c,d\n");
    fs::permissions(folder.path / "tables" / "locked", fs::perms::none);
    auto check = [&] { return contains(importErrors({folder.path / "tables"}), "tables: cannot read folder: "); };
    if (::geteuid() != 0) {
        CHECK(check());
    } else {
        // Permissions do not stop root: the check runs in a child that gives up root first.
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            const bool dropped = ::setgid(65534) == 0 && ::setuid(65534) == 0;
            ::_exit(dropped && check() ? 0 : 1);
        }
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    }
    fs::permissions(folder.path / "tables" / "locked", fs::perms::owner_all);
}

TEST_CASE("interchange: writers refuse what their format cannot hold") {
    // A control character the loader would refuse, put in through the builder.
    model::GraphData records = graphData(awkwardGraph());
    const auto ann = std::find_if(records.entities.begin(), records.entities.end(),
                                  [](const model::Entity& e) { return e.id == "ann"; });
    REQUIRE(ann != records.entities.end());
    ann->name = "bell\x07";
    const store::GraphStore graph = storeOf(records);
    CHECK_THROWS_WITH_AS(interchange::writeGraphText(graph, interchange::Format::GraphMl),
                         "cannot write GraphML: entity \"ann\" holds the control character U+0007, which XML 1.0 "
                         "cannot carry",
                         OutputError);
    CHECK_THROWS_WITH_AS(interchange::writeGraphText(graph, interchange::Format::Neo4jCsv),
                         "neo4j-csv is not written as a single file", OutputError);
    TempFolder folder;
    const auto file = folder.write("file", "x");
    CHECK_THROWS_WITH_AS(interchange::writeGraph(awkwardGraph(), interchange::Format::Neo4jCsv, file / "csv"),
                         doctest::Contains("cannot create folder"), OutputError);
}
