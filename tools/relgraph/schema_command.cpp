#include "cli_context.hpp"
#include "relgraph/format/csv_output.hpp"
#include "relgraph/format/json_output.hpp"
#include "relgraph/format/table_output.hpp"
#include "relgraph/query/schema_report.hpp"

namespace relgraph::cli {

void addSchemaCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand(
        "schema", "The graph's vocabulary: entity kinds and relation types, labels, counts, ends, attributes");
    addGraphOption(*command, context);
    addQueryFormatOption(*command, context);
    command->footer(
        "Every option and argument that takes a kind or a type accepts its name or its label.\n\n"
        "Examples:\n"
        "  relgraph schema\n"
        "  relgraph schema --format json");
    command->callback([&context] {
        const auto store = context.openStore();
        const query::SchemaReport report = query::schemaReport(*store);
        printAnswer(
            context, [&] { return format::schemaTable(*store, report); },
            [&] { return format::schemaJson(*store, report); }, [&] { return format::schemaCsv(*store, report); });
    });
}

}  // namespace relgraph::cli
