// Many problems told in a few lines (common/problem_summary.hpp).

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "relgraph/common/error.hpp"
#include "relgraph/common/problem_summary.hpp"

namespace {

using namespace relgraph;

std::vector<Diagnostic> problems(const std::string& message, std::size_t count, std::size_t firstLine) {
    std::vector<Diagnostic> out;
    for (std::size_t i = 0; i < count; ++i) {
        std::string m = message;
        m.replace(m.find('#'), 1, std::to_string(i));
        out.push_back({Place{"g.json", firstLine + i, 3, {}}, m});
    }
    return out;
}

}  // namespace

TEST_CASE("problem summary: a problem's kind is its message without quoted names and numbers") {
    CHECK(problemKind("unknown kind \"country\"") == "unknown kind \"…\"");
    CHECK(problemKind("duplicate key \"id\" (first at line 12)") == "duplicate key \"…\" (first at line N)");
    CHECK(problemKind("expected at least 2 fields (FROM TO), got 1") == "expected at least N fields (FROM TO), got N");
    CHECK(problemKind("an \"unclosed quote") == "an \"unclosed quote");
    CHECK(problemKind("") == "");
}

TEST_CASE("problem summary: few problems are all shown, in their order") {
    const auto list = problems("unknown kind \"k#\"", 5, 1);
    const ProblemSummary s = summarizeProblems(list, 5);
    CHECK(s.total == 5);
    REQUIRE(s.shown.size() == 5);
    CHECK(s.shown[4].message == "unknown kind \"k4\"");
    CHECK(s.omitted.empty());
    CHECK(problemSummaryText(s).ends_with("\n5 problems found"));
    CHECK(problemSummaryText(summarizeProblems({list[0]}, 5)) == "g.json:1:3: unknown kind \"k0\"\n1 problem found");
}

TEST_CASE("problem summary: many problems show the first of each kind, the kinds taking turns") {
    std::vector<Diagnostic> list = problems("unknown kind \"k#\"", 4000, 1);
    const auto types = problems("unknown relation type \"t#\"", 2, 5000);
    const auto rare = problems("duplicate id \"e#\"", 1, 6000);
    list.insert(list.end(), types.begin(), types.end());
    list.insert(list.end(), rare.begin(), rare.end());
    const ProblemSummary s = summarizeProblems(list, 6);
    CHECK(s.total == 4003);
    REQUIRE(s.shown.size() == 6);
    // Kinds in turn: k, t, e, k, t, k — shown in the order given.
    CHECK(s.shown[0].message == "unknown kind \"k0\"");
    CHECK(s.shown[1].message == "unknown kind \"k1\"");
    CHECK(s.shown[2].message == "unknown kind \"k2\"");
    CHECK(s.shown[3].message == "unknown relation type \"t0\"");
    CHECK(s.shown[4].message == "unknown relation type \"t1\"");
    CHECK(s.shown[5].message == "duplicate id \"e0\"");
    REQUIRE(s.omitted.size() == 1);
    CHECK(s.omitted[0].kind == "unknown kind \"…\"");
    CHECK(s.omitted[0].count == 3997);
    const std::string text = problemSummaryText(s);
    CHECK(text.find("… and 3,997 more like: unknown kind \"…\"\n") != std::string::npos);
    CHECK(text.ends_with("\n4,003 problems found, 6 shown"));
}

TEST_CASE("problem summary: more kinds than may be shown: the first kinds, one each, and the others counted") {
    std::vector<Diagnostic> list;
    for (const char* m : {"alpha", "beta", "gamma", "delta"}) list.push_back({Place{"g.json", list.size() + 1, 1, {}}, m});
    const ProblemSummary s = summarizeProblems(list, 2);
    REQUIRE(s.shown.size() == 2);
    CHECK(s.shown[1].message == "beta");
    REQUIRE(s.omitted.size() == 2);
    CHECK(s.omitted[1].kind == "delta");
    CHECK(s.omitted[1].count == 1);
    CHECK(summarizeProblems(list, 0).shown.size() == 1);  // at least one is shown
}

TEST_CASE("problem summary: a LoadError's message is the summary of its problems, which it keeps all of") {
    const LoadError e(problems("unknown kind \"k#\"", 400001, 1));
    CHECK(e.diagnostics().size() == 400001);
    const std::string message = e.what();
    CHECK(message.ends_with("400,001 problems found, 20 shown"));
    CHECK(std::count(message.begin(), message.end(), '\n') == 21);
}
