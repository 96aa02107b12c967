#include "relgraph/common/problem_summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "relgraph/common/text.hpp"

namespace relgraph {

std::string problemKind(const std::string& message) {
    std::string kind;
    kind.reserve(message.size());
    for (std::size_t i = 0; i < message.size(); ++i) {
        const char c = message[i];
        if (c == '"') {
            const std::size_t close = message.find('"', i + 1);
            if (close != std::string::npos) {
                kind += "\"…\"";
                i = close;
                continue;
            }
        }
        if (c >= '0' && c <= '9') {
            while (i + 1 < message.size() && message[i + 1] >= '0' && message[i + 1] <= '9') ++i;
            kind += 'N';
            continue;
        }
        kind += c;
    }
    return kind;
}

ProblemSummary summarizeProblems(const std::vector<Diagnostic>& problems, std::size_t maxShown) {
    maxShown = std::max<std::size_t>(maxShown, 1);
    ProblemSummary summary;
    summary.total = problems.size();
    if (problems.size() <= maxShown) {
        summary.shown = problems;
        return summary;
    }
    // Each problem's kind, kinds numbered in the order of their first problem.
    std::unordered_map<std::string, std::size_t> kindOf;
    std::vector<std::string> kinds;
    std::vector<std::size_t> kindIndex, counts;
    kindIndex.reserve(problems.size());
    for (const Diagnostic& d : problems) {
        auto [it, added] = kindOf.try_emplace(problemKind(d.message), kinds.size());
        if (added) {
            kinds.push_back(it->first);
            counts.push_back(0);
        }
        ++counts[it->second];
        kindIndex.push_back(it->second);
    }
    // The kinds take turns: one more shown of each that has more, until maxShown are.
    std::vector<std::size_t> quota(kinds.size(), 0);
    for (std::size_t left = maxShown; left > 0;) {
        bool more = false;
        for (std::size_t k = 0; k < kinds.size() && left > 0; ++k) {
            if (quota[k] == counts[k]) continue;
            ++quota[k];
            --left;
            more = true;
        }
        if (!more) break;
    }
    std::vector<std::size_t> taken(kinds.size(), 0);
    for (std::size_t i = 0; i < problems.size(); ++i) {
        const std::size_t k = kindIndex[i];
        if (taken[k] < quota[k]) {
            ++taken[k];
            summary.shown.push_back(problems[i]);
        }
    }
    for (std::size_t k = 0; k < kinds.size(); ++k) {
        if (counts[k] > quota[k]) summary.omitted.push_back({kinds[k], counts[k] - quota[k]});
    }
    return summary;
}

std::string problemSummaryText(const ProblemSummary& summary) {
    std::string out;
    for (const Diagnostic& d : summary.shown) {
        out += d.toString();
        out += '\n';
    }
    for (const ProblemSummary::Omitted& o : summary.omitted) {
        out += fmt::format("… and {} more like: {}\n", text::groupThousands(static_cast<long long>(o.count)), o.kind);
    }
    const std::string total = text::groupThousands(static_cast<long long>(summary.total));
    if (summary.shown.size() == summary.total) {
        out += fmt::format("{} problem{} found", total, summary.total == 1 ? "" : "s");
    } else {
        out += fmt::format("{} problems found, {} shown", total, summary.shown.size());
    }
    return out;
}

}  // namespace relgraph
