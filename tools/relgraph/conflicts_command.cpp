#include "cli_context.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/format/json_output.hpp"
#include "relgraph/format/table_output.hpp"
#include "relgraph/query/conflict_query.hpp"
#include "relgraph/query/relation_pattern.hpp"

namespace relgraph::cli {

void addConflictsCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand("conflicts", "List where sources disagree on a figure or a date");
    auto words = std::make_shared<std::vector<std::string>>();
    command->add_option("X", *words, "Limit to ENTITY, RELATION-ID or FROM [TYPE] TO (default: the whole graph)")
        ->expected(0, 3);
    addGraphOption(*command, context);
    addFormatOption(*command, context);
    command->footer(
        "Each disagreement lists every value with the claims that state it: chain, source date and\n"
        "claim id. Exit code 1 when the sources agree.\n\n"
        "Examples:\n"
        "  relgraph conflicts\n"
        "  relgraph conflicts \"North Korea\" sent_troops Russia");
    command->callback([&context, words] {
        const auto store = context.openStore();
        std::vector<store::Edge> relations;
        if (!words->empty()) {
            relations = query::resolveReportSubject(*store, *words).relations;
            if (relations.empty()) throw QueryError("no relation matches the question");
        }
        const auto conflicts = query::findConflicts(*store, relations);
        printOut(context.json() ? format::conflictJson(*store, conflicts) : format::conflictTable(*store, conflicts));
        if (conflicts.empty()) context.exitCode = static_cast<int>(ExitCode::NothingFound);
    });
}

}  // namespace relgraph::cli
