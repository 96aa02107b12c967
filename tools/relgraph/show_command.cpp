#include "cli_context.hpp"
#include "relgraph/format/json_output.hpp"
#include "relgraph/format/table_output.hpp"
#include "relgraph/query/entity_report.hpp"

namespace relgraph::cli {

void addShowCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand("show", "Show an entity: kind, aliases, attributes, relations, sources");
    auto entity = std::make_shared<std::string>();
    command->add_option("ENTITY", *entity, "Id, name or alias (any case)")->required();
    addGraphOption(*command, context);
    addFormatOption(*command, context);
    command->footer(
        "Examples:\n"
        "  relgraph show NIS\n"
        "  relgraph show \"andrei orlov\" --format json");
    command->callback([&context, entity] {
        const auto store = context.openStore();
        const auto report = query::entityReport(*store, store->resolveEntity(*entity));
        printOut(context.json() ? format::entityJson(*store, report) : format::entityTable(*store, report));
    });
}

}  // namespace relgraph::cli
