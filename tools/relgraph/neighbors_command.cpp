#include <fmt/format.h>

#include "cli_context.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/format/json_output.hpp"
#include "relgraph/format/table_output.hpp"
#include "relgraph/query/neighborhood_query.hpp"

namespace relgraph::cli {

namespace {
struct NeighborsArgs {
    std::string entity;
    int depth = 1;
    std::vector<std::string> types;
    std::string direction = "both";
    bool includeAttribution = false;
};

query::Direction parseDirection(const std::string& d) {
    return d == "out" ? query::Direction::Out : d == "in" ? query::Direction::In : query::Direction::Both;
}
}  // namespace

void addNeighborsCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand("neighbors", "List the entities within N hops of an entity");
    auto args = std::make_shared<NeighborsArgs>();
    command->add_option("ENTITY", args->entity, "Id, name or alias")->required();
    command->add_option("--depth", args->depth, "Hops from the entity")->check(CLI::Range(1, 10))->capture_default_str();
    command->add_option("--type", args->types, "Only relations of these types (names or labels)")->type_name("TYPE");
    command->add_option("--direction", args->direction, "Follow relations pointing out, in, or both")
        ->check(CLI::IsMember({"out", "in", "both"}))
        ->capture_default_str();
    command->add_flag("--include-attribution", args->includeAttribution,
                      "Also walk relations that record who reported what (reported, told)");
    addGraphOption(*command, context);
    addFormatOption(*command, context);
    command->footer(
        "Exit code 1 when the entity has no neighbours under the filters.\n\n"
        "Examples:\n"
        "  relgraph neighbors \"North Korea\"\n"
        "  relgraph neighbors Russia --depth 2 --type sent_workers --direction in");
    command->callback([&context, args] {
        const auto store = context.openStore();
        query::NeighborhoodOptions options;
        options.depth = args->depth;
        options.direction = parseDirection(args->direction);
        options.filter.types = resolveTypes(*store, args->types);
        options.filter.includeAttribution = args->includeAttribution;
        const auto n = query::neighborhood(*store, store->resolveEntity(args->entity), options);
        printOut(context.json() ? format::neighborhoodJson(*store, n, args->depth)
                                : format::neighborhoodTable(*store, n, args->depth));
        if (n.neighbors.empty()) context.exitCode = static_cast<int>(ExitCode::NothingFound);
    });
}

}  // namespace relgraph::cli
