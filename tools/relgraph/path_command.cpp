#include "cli_context.hpp"
#include "filter_options.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/format/csv_output.hpp"
#include "relgraph/format/json_output.hpp"
#include "relgraph/format/table_output.hpp"
#include "relgraph/query/path_query.hpp"

namespace relgraph::cli {

namespace {
struct PathArgs {
    std::string from;
    std::string to;
    FilterArgs filter;
    bool directed = false;
};
}  // namespace

void addPathCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand("path", "Find a shortest connection between two entities");
    auto args = std::make_shared<PathArgs>();
    command->add_option("FROM", args->from, "Id, name or alias")->required();
    command->add_option("TO", args->to, "Id, name or alias")->required();
    addFilterOptions(*command, args->filter);
    command->add_flag("--directed", args->directed, "Follow relations only in their direction");
    addGraphOption(*command, context);
    addQueryFormatOption(*command, context);
    command->footer(
        "Each hop shows its relation, its direction and the sources behind it; other relations\n"
        "between the same two entities follow on rows of their own. News outlets and reporting\n"
        "relations are not walked unless --include-attribution is given. For more than one path,\n"
        "see 'relgraph paths'. Exit code 1 when there is no path.\n\n"
        "Examples:\n"
        "  relgraph path \"Andrei Orlov\" \"Kim Jong Un\"\n"
        "  relgraph path NIS \"Kim Jong Un\" --avoid-kind media_outlet\n"
        "  relgraph path DPRK Russia --directed --format json");
    command->callback([&context, args] {
        query::PathOptions options;
        options.directed = args->directed;
        const auto store = context.openStore();
        const store::Vertex from = store->resolveEntity(args->from);
        const store::Vertex to = store->resolveEntity(args->to);
        options.filter = resolveFilter(*store, args->filter);
        const auto path = query::shortestPath(*store, from, to, options);
        printAnswer(
            context, [&] { return format::pathTable(*store, from, to, path); },
            [&] { return format::pathJson(*store, from, to, path); }, [&] { return format::pathCsv(*store, path); });
        if (!path) context.exitCode = static_cast<int>(ExitCode::NothingFound);
    });
}

}  // namespace relgraph::cli
