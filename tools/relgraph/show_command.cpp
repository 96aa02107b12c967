#include "cli_context.hpp"
#include "relgraph/format/csv_output.hpp"
#include "relgraph/format/json_output.hpp"
#include "relgraph/format/table_output.hpp"
#include "relgraph/query/date_range.hpp"
#include "relgraph/query/entity_report.hpp"

namespace relgraph::cli {

void addShowCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand("show", "Show an entity: kind, aliases, attributes, relations, sources");
    auto entity = std::make_shared<std::string>();
    auto from = std::make_shared<std::string>(), to = std::make_shared<std::string>();
    command->add_option("ENTITY", *entity, "Id, name or alias (any case)")->required();
    addDateRangeOptions(*command, *from, *to);
    addGraphOption(*command, context);
    addQueryFormatOption(*command, context);
    command->footer(
        "CSV lists the entity's relations, one row each. With --from/--to, only the relations with a claim\n"
        "dated in the range (the claim's date, else its source's), and only such claims made.\n\n"
        "Examples:\n"
        "  relgraph show NIS\n"
        "  relgraph show \"andrei orlov\" --format json");
    command->callback([&context, entity, from, to] {
        const auto store = context.openStore();
        const query::DateRange dates = query::DateRange::parse(*from, *to);
        const auto report = query::entityReport(*store, store->resolveEntity(*entity), dates);
        printAnswer(
            context, [&] { return format::entityTable(*store, report); },
            [&] { return format::entityJson(*store, report); }, [&] { return format::entityCsv(*store, report); });
    });
}

}  // namespace relgraph::cli
