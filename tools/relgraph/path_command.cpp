#include "cli_context.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/format/json_output.hpp"
#include "relgraph/format/table_output.hpp"
#include "relgraph/query/path_query.hpp"

namespace relgraph::cli {

namespace {
struct PathArgs {
    std::string from;
    std::string to;
    std::vector<std::string> types;
    bool directed = false;
    bool includeAttribution = false;
};
}  // namespace

void addPathCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand("path", "Find a shortest connection between two entities");
    auto args = std::make_shared<PathArgs>();
    command->add_option("FROM", args->from, "Id, name or alias")->required();
    command->add_option("TO", args->to, "Id, name or alias")->required();
    command->add_option("--type", args->types, "Only relations of these types (names or labels)")->type_name("TYPE");
    command->add_flag("--directed", args->directed, "Follow relations only in their direction");
    command->add_flag("--include-attribution", args->includeAttribution,
                      "Also walk relations that record who reported what (reported, told)");
    addGraphOption(*command, context);
    addFormatOption(*command, context);
    command->footer(
        "Each hop shows its relation, its direction and the sources behind it. News outlets and\n"
        "reporting relations are not walked unless --include-attribution is given.\n"
        "Exit code 1 when there is no path.\n\n"
        "Examples:\n"
        "  relgraph path \"Andrei Orlov\" \"Kim Jong Un\"\n"
        "  relgraph path DPRK Russia --directed --format json");
    command->callback([&context, args] {
        const auto store = context.openStore();
        const store::Vertex from = store->resolveEntity(args->from);
        const store::Vertex to = store->resolveEntity(args->to);
        query::PathOptions options;
        options.directed = args->directed;
        options.filter.types = resolveTypes(*store, args->types);
        options.filter.includeAttribution = args->includeAttribution;
        const auto path = query::shortestPath(*store, from, to, options);
        printOut(context.json() ? format::pathJson(*store, from, to, path) : format::pathTable(*store, from, to, path));
        if (!path) context.exitCode = static_cast<int>(ExitCode::NothingFound);
    });
}

}  // namespace relgraph::cli
