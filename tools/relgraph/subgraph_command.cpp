#include "cli_context.hpp"
#include "filter_options.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/format/csv_output.hpp"
#include "relgraph/format/json_output.hpp"
#include "relgraph/format/table_output.hpp"
#include "relgraph/query/subgraph_query.hpp"

namespace relgraph::cli {

namespace {
struct SubgraphArgs {
    std::vector<std::string> entities;
    bool connect = false;
    FilterArgs filter;
};
}  // namespace

void addSubgraphCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand(
        "subgraph", "The relations among several entities, or the shortest connections between them");
    auto args = std::make_shared<SubgraphArgs>();
    command->add_option("ENTITY", args->entities, "Ids, names or aliases")->required();
    command->add_flag("--connect", args->connect,
                      "Add every entity and relation on a shortest connection between two of them");
    addFilterOptions(*command, args->filter);
    addGraphOption(*command, context);
    addQueryFormatOption(*command, context);
    command->footer(
        "Without --connect: the entities and every relation among them (the induced subgraph).\n"
        "With --connect: the union of all shortest connections (relations walked either way)\n"
        "between every two of them; kind filters apply to the entities added. CSV lists the\n"
        "relations. Exit code 1 when there is no relation among them, or no two are connected.\n\n"
        "Examples:\n"
        "  relgraph subgraph DPRK Russia Ukraine\n"
        "  relgraph subgraph \"Andrei Orlov\" NIS \"Kim Jong Un\" --connect --avoid-kind media_outlet");
    command->callback([&context, args] {
        const auto store = context.openStore();
        std::vector<store::Vertex> entities;
        for (const std::string& name : args->entities) entities.push_back(store->resolveEntity(name));
        const query::TraversalFilter filter = resolveFilter(*store, args->filter);
        const query::Subgraph subgraph = args->connect ? query::connectingSubgraph(*store, entities, filter)
                                                       : query::inducedSubgraph(*store, entities, filter);
        printAnswer(
            context, [&] { return format::subgraphTable(*store, subgraph); },
            [&] { return format::subgraphJson(*store, subgraph); },
            [&] { return format::subgraphCsv(*store, subgraph); });
        if (subgraph.relations.empty()) context.exitCode = static_cast<int>(ExitCode::NothingFound);
    });
}

}  // namespace relgraph::cli
