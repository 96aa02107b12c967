#include "cli_context.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/format/csv_output.hpp"
#include "relgraph/format/json_output.hpp"
#include "relgraph/format/table_output.hpp"
#include "relgraph/query/reported_by_query.hpp"

namespace relgraph::cli {

void addReportedByCommand(CLI::App& app, CliContext& context) {
    CLI::App* command =
        app.add_subcommand("reported-by", "What an entity reported: the claims it originated, passed on or published");
    auto entity = std::make_shared<std::string>();
    auto primary = std::make_shared<bool>(false);
    command->add_option("ENTITY", *entity, "Id, name or alias")->required();
    command->add_flag("--primary", *primary, "Only the claims it originated");
    addGraphOption(*command, context);
    addQueryFormatOption(*command, context);
    command->footer(
        "The inverse of who-reported. Each claim is listed once, with the entity's role in it:\n"
        "originator (named in `by`, or the publisher of a claim an article makes in its own voice),\n"
        "intermediary (named in `via`), or publisher (of an article carrying others' claims).\n"
        "Exit code 1 when the entity reported nothing.\n\n"
        "Examples:\n"
        "  relgraph reported-by NIS\n"
        "  relgraph reported-by Newsweek --primary --format csv");
    command->callback([&context, entity, primary] {
        const auto store = context.openStore();
        const auto reported = query::reportedBy(*store, store->resolveEntity(*entity), *primary);
        printAnswer(
            context, [&] { return format::reportedByTable(*store, reported); },
            [&] { return format::reportedByJson(*store, reported); },
            [&] { return format::reportedByCsv(*store, reported); });
        if (reported.claims.empty()) context.exitCode = static_cast<int>(ExitCode::NothingFound);
    });
}

}  // namespace relgraph::cli
