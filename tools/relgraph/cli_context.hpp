#pragma once
// What every relgraph subcommand shares: the graph it reads, the output format, the exit code.

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "relgraph/common/place.hpp"
#include "relgraph/common/problem_summary.hpp"
#include "relgraph/store/graph_store.hpp"

namespace relgraph::cli {

struct CliContext {
    std::vector<std::string> graphPaths;  // --graph; the bundled graph when empty
    std::string databasePath;             // --db: a snapshot made by `relgraph load`
    std::string format = "table";
    std::size_t maxProblems = kShownProblems;  // --max-problems: of an invalid graph's problems, how many are shown
    int exitCode = 0;

    // The graph store: the snapshot --db names, mapped (store/snapshot.hpp), or the graph files
    // read and validated (any format relgraph reads); throws LoadError.
    std::unique_ptr<store::GraphStore> openStore() const;
    // The paths openStore reads, for messages.
    std::vector<std::string> effectivePaths() const;
    bool json() const { return format == "json"; }
    bool csv() const { return format == "csv"; }
};

// --graph PATH (repeatable) and --db SNAPSHOT, and --max-problems.
void addGraphOption(CLI::App& command, CliContext& context);
// --max-problems N, for the commands that read graph files.
void addMaxProblemsOption(CLI::App& command, CliContext& context);
// The problems of an invalid graph as the command line shows them: at most --max-problems.
std::string problemsText(const CliContext& context, const std::vector<Diagnostic>& problems);
void addFormatOption(CLI::App& command, CliContext& context);
// --format table|json|csv, for the query commands.
void addQueryFormatOption(CLI::App& command, CliContext& context);
// --from DATE and --to DATE (query::DateRange parses them).
void addDateRangeOptions(CLI::App& command, std::string& from, std::string& to);
// Resolves --type names or labels to type names; QueryError for unknown ones.
std::set<std::string> resolveTypes(const store::GraphStore& store, const std::vector<std::string>& types);

void printOut(const std::string& text);
// What an import of another format changed or left out (docs/interchange.md), on standard error.
void printNotes(const std::vector<Diagnostic>& notes);

// Prints an answer in the chosen --format; each argument makes the text for one format.
template <class Table, class Json, class Csv>
void printAnswer(const CliContext& context, const Table& table, const Json& json, const Csv& csv) {
    printOut(context.json() ? json() : context.csv() ? csv() : table());
}

void addValidateCommand(CLI::App& app, CliContext& context);
void addShowCommand(CLI::App& app, CliContext& context);
void addNeighborsCommand(CLI::App& app, CliContext& context);
void addPathCommand(CLI::App& app, CliContext& context);
void addWhoReportedCommand(CLI::App& app, CliContext& context);
void addRenderCommand(CLI::App& app, CliContext& context);
void addWikiCommand(CLI::App& app, CliContext& context);
void addConflictsCommand(CLI::App& app, CliContext& context);
void addConvertCommand(CLI::App& app, CliContext& context);
void addLoadCommand(CLI::App& app, CliContext& context);
void addPathsCommand(CLI::App& app, CliContext& context);
void addReportedByCommand(CLI::App& app, CliContext& context);
void addSubgraphCommand(CLI::App& app, CliContext& context);
void addStatsCommand(CLI::App& app, CliContext& context);
void addSearchCommand(CLI::App& app, CliContext& context);
void addSchemaCommand(CLI::App& app, CliContext& context);
void addTimelineCommand(CLI::App& app, CliContext& context);

}  // namespace relgraph::cli
