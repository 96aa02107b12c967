#include <doctest/doctest.h>

#include "relgraph/common/error.hpp"
#include "relgraph/common/file_output.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace relgraph;

TEST_CASE("error: each kind maps to its documented exit code") {
    CHECK(LoadError({}).exitCode() == ExitCode::InvalidInput);
    CHECK(QueryError("q").exitCode() == ExitCode::QueryError);
    CHECK(RenderError("r").exitCode() == ExitCode::OutputError);
    CHECK(OutputError("o").exitCode() == ExitCode::OutputError);
    CHECK(InternalError("i").exitCode() == ExitCode::Internal);
    CHECK(static_cast<int>(ExitCode::Usage) == 64);
}

TEST_CASE("error: a load error lists every diagnostic and counts them") {
    const LoadError e({{Place{"a.json", 3, 7, "/x"}, "first"}, {Place{"b.json", 0, 0, ""}, "second"}});
    CHECK(std::string(e.what()) == "a.json:3:7 (/x): first\nb.json: second\n2 problems found");
    CHECK(e.diagnostics().size() == 2);
}

TEST_CASE("error: a broken invariant is an internal error naming file and line") {
    const auto fails = [] { RELGRAPH_ASSERT(1 + 1 == 3); };
    CHECK_THROWS_WITH_AS(fails(), doctest::Contains("error_test.cpp:"), InternalError);
    CHECK_THROWS_WITH_AS(fails(), doctest::Contains("assertion failed: 1 + 1 == 3"), InternalError);
    CHECK_NOTHROW(RELGRAPH_ASSERT(true));
}

TEST_CASE("file output: written whole, replacing the old file, or not at all") {
    const auto dir = std::filesystem::temp_directory_path() / ("relgraph-output-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto file = dir / "out.svg";
    writeFileAtomically(file, "old");
    writeFileAtomically(file, "new content");
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    CHECK(text.str() == "new content");
    CHECK_THROWS_WITH_AS(writeFileAtomically(dir / "missing" / "x.svg", "x"), doctest::Contains("cannot write"),
                         OutputError);
    // No temporary files are left behind.
    CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) == 1);
    std::filesystem::remove_all(dir);
}
