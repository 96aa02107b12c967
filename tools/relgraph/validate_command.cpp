#include <fmt/format.h>

#include "cli_context.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/format/json_output.hpp"
#include "relgraph/store/snapshot.hpp"

namespace relgraph::cli {

void addValidateCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand("validate", "Load graph files or folders and report every problem");
    auto paths = std::make_shared<std::vector<std::string>>();
    command->add_option("PATH", *paths, "Graph files or folders (default: --graph, or the bundled graph)");
    addGraphOption(*command, context);
    addFormatOption(*command, context);
    command->footer(
        "Exit code 0 when the graph is clean, 2 when it has problems (each printed as\n"
        "FILE:LINE:COLUMN (JSON-POINTER): MESSAGE). With --db, the snapshot is also checked run by\n"
        "run (every relation listed under its own entities, in order), which opening it skips.\n\n"
        "Examples:\n"
        "  relgraph validate\n"
        "  relgraph validate graphs/ my-extra-claims.json\n"
        "  relgraph validate --format json broken.json");
    command->callback([&context, paths] {
        if (!paths->empty()) context.graphPaths.insert(context.graphPaths.end(), paths->begin(), paths->end());
        const std::vector<std::string> shown = context.effectivePaths();
        try {
            const auto store = context.databasePath.empty()
                                   ? context.openStore()
                                   : std::make_unique<store::GraphStore>(store::verifySnapshot(context.databasePath));
            const std::size_t entities = store->entityCount();
            const std::size_t relations = store->relationCount();
            if (context.json()) {
                printOut(format::validationJson(shown, ProblemSummary{}, entities, relations, store->claimCount()));
            } else {
                printOut(fmt::format("ok: {} entities, {} relations, {} claims, {} sources\n", entities, relations,
                                     store->claimCount(), store->sourceCount()));
            }
        } catch (const LoadError& e) {
            if (!context.json()) throw;
            printOut(format::validationJson(shown, summarizeProblems(e.diagnostics(), context.maxProblems), 0, 0, 0));
            context.exitCode = static_cast<int>(ExitCode::InvalidInput);
        }
    });
}

}  // namespace relgraph::cli
