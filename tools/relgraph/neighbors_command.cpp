#include "cli_context.hpp"
#include "filter_options.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/format/csv_output.hpp"
#include "relgraph/format/json_output.hpp"
#include "relgraph/format/table_output.hpp"
#include "relgraph/query/neighborhood_query.hpp"

namespace relgraph::cli {

namespace {
struct NeighborsArgs {
    std::string entity;
    int depth = 1;
    FilterArgs filter;
    std::string direction = "both";
};

query::Direction parseDirection(const std::string& d) {
    return d == "out" ? query::Direction::Out : d == "in" ? query::Direction::In : query::Direction::Both;
}
}  // namespace

void addNeighborsCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand("neighbors", "List the entities within N hops of an entity");
    auto args = std::make_shared<NeighborsArgs>();
    command->add_option("ENTITY", args->entity, "Id, name or alias")->required();
    command->add_option("--depth", args->depth, "Hops from the entity")
        ->check(CLI::Range(1, 10))
        ->capture_default_str();
    addFilterOptions(*command, args->filter);
    command->add_option("--direction", args->direction, "Follow relations pointing out, in, or both")
        ->check(CLI::IsMember({"out", "in", "both"}))
        ->capture_default_str();
    addGraphOption(*command, context);
    addQueryFormatOption(*command, context);
    command->footer(
        "Kind filters apply to the entities reached, not to ENTITY itself. Exit code 1 when the\n"
        "entity has no neighbours under the filters.\n\n"
        "Examples:\n"
        "  relgraph neighbors \"North Korea\"\n"
        "  relgraph neighbors Russia --depth 2 --type sent_workers --direction in\n"
        "  relgraph neighbors NIS --depth 2 --kind person --format csv");
    command->callback([&context, args] {
        query::NeighborhoodOptions options;
        options.depth = args->depth;
        options.direction = parseDirection(args->direction);
        const auto store = context.openStore();
        const store::Vertex center = store->resolveEntity(args->entity);
        options.filter = resolveFilter(*store, args->filter);
        const auto n = query::neighborhood(*store, center, options);
        printAnswer(
            context, [&] { return format::neighborhoodTable(*store, n, args->depth); },
            [&] { return format::neighborhoodJson(*store, n, args->depth); },
            [&] { return format::neighborhoodCsv(*store, n); });
        if (n.neighbors.empty()) context.exitCode = static_cast<int>(ExitCode::NothingFound);
    });
}

}  // namespace relgraph::cli
