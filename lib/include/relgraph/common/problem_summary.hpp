#pragma once
// Thousands of problems, told in a few lines: the first problems of each kind (problems whose
// messages differ only in quoted names and in numbers) and how many more there are of each.

#include <cstddef>
#include <string>
#include <vector>

#include "relgraph/common/place.hpp"

namespace relgraph {

// How many problems a LoadError's message shows (the command line's --max-problems sets its own).
inline constexpr std::size_t kShownProblems = 20;

struct ProblemSummary {
    std::size_t total = 0;
    std::vector<Diagnostic> shown;  // in the order given
    struct Omitted {
        std::string kind;  // the message with "…" for its quoted names and N for its numbers
        std::size_t count = 0;
    };
    std::vector<Omitted> omitted;  // kinds in the order of their first problem
};

// At most `maxShown` (at least 1) of `problems`: all when there are no more; else each kind's
// first ones, the kinds taking turns.
ProblemSummary summarizeProblems(const std::vector<Diagnostic>& problems, std::size_t maxShown);

// One line a problem, one for each kind with problems not shown, and the count:
// "… and 399,998 more like: unknown kind "…"" / "400,001 problems found, 20 shown".
std::string problemSummaryText(const ProblemSummary& summary);

// The kind of a problem: its message with "…" for each quoted name and N for each number.
std::string problemKind(const std::string& message);

}  // namespace relgraph
