#include "cli_context.hpp"

#include <cstdio>

#include "relgraph/common/bundled_graph.hpp"
#include "relgraph/interchange/graph_reader.hpp"
#include "relgraph/store/snapshot.hpp"

namespace relgraph::cli {

std::vector<std::string> CliContext::effectivePaths() const {
    if (!databasePath.empty()) return {databasePath};
    if (!graphPaths.empty()) return graphPaths;
    return {bundledGraphPath().string()};
}

// Any format relgraph reads (docs/interchange.md), or a snapshot; --db only a snapshot.
std::unique_ptr<store::GraphStore> CliContext::openStore() const {
    if (!databasePath.empty()) return std::make_unique<store::GraphStore>(store::openSnapshot(databasePath));
    const std::vector<std::string> paths = effectivePaths();
    interchange::ImportResult imported = interchange::readGraph({paths.begin(), paths.end()});
    printNotes(imported.notes);
    return std::make_unique<store::GraphStore>(std::move(imported.graph));
}

void addGraphOption(CLI::App& command, CliContext& context) {
    auto* graph = command.add_option("--graph", context.graphPaths,
                                     "Graph file or folder to read (repeatable); default: the bundled graph")
                      ->type_name("PATH")
                      ->allow_extra_args(false);
    command.add_option("--db", context.databasePath, "Snapshot to open instead (made by 'relgraph load')")
        ->type_name("SNAPSHOT")
        ->excludes(graph);
    addMaxProblemsOption(command, context);
}

void addMaxProblemsOption(CLI::App& command, CliContext& context) {
    command
        .add_option("--max-problems", context.maxProblems,
                    "Of an invalid graph's problems, show at most this many: the first of each kind, "
                    "and a count of the rest")
        ->type_name("N")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000'000}))
        ->capture_default_str();
}

std::string problemsText(const CliContext& context, const std::vector<Diagnostic>& problems) {
    const ProblemSummary summary = summarizeProblems(problems, context.maxProblems);
    std::string text = problemSummaryText(summary);
    if (summary.shown.size() < summary.total) text += " (--max-problems N shows more)";
    return text;
}

void addFormatOption(CLI::App& command, CliContext& context) {
    command.add_option("--format", context.format, "Output format")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();
}

void addQueryFormatOption(CLI::App& command, CliContext& context) {
    command.add_option("--format", context.format, "Output format")
        ->check(CLI::IsMember({"table", "json", "csv"}))
        ->capture_default_str();
}

void addDateRangeOptions(CLI::App& command, std::string& from, std::string& to) {
    command.add_option("--from", from, "Only what is dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
        ->type_name("DATE");
    command.add_option("--to", to, "Only what is dated on or before this date")->type_name("DATE");
}

std::set<std::string> resolveTypes(const store::GraphStore& store, const std::vector<std::string>& types) {
    std::set<std::string> out;
    for (const std::string& t : types) out.insert(store.resolveType(t).name);
    return out;
}

void printOut(const std::string& text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
}

void printNotes(const std::vector<Diagnostic>& notes) {
    constexpr std::size_t kShown = 20;
    for (std::size_t i = 0; i < notes.size() && i < kShown; ++i) {
        std::fprintf(stderr, "relgraph: note: %s\n", notes[i].toString().c_str());
    }
    if (notes.size() > kShown) std::fprintf(stderr, "relgraph: note: … and %zu more notes\n", notes.size() - kShown);
}

}  // namespace relgraph::cli
