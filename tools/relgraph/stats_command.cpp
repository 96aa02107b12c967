#include "cli_context.hpp"
#include "filter_options.hpp"
#include "relgraph/format/csv_output.hpp"
#include "relgraph/format/json_output.hpp"
#include "relgraph/format/table_output.hpp"
#include "relgraph/query/graph_statistics.hpp"

namespace relgraph::cli {

namespace {
struct StatsArgs {
    std::size_t top = 10;
    FilterArgs filter;
};
}  // namespace

void addStatsCommand(CLI::App& app, CliContext& context) {
    CLI::App* command =
        app.add_subcommand("stats", "Counts by kind and type, components, and the most connected and central entities");
    auto args = std::make_shared<StatsArgs>();
    command->add_option("--top", args->top, "Entities in each top list")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    addFilterOptions(*command, args->filter);
    addGraphOption(*command, context);
    addQueryFormatOption(*command, context);
    command->footer(
        "Counts cover the whole graph. Degrees, connected components, PageRank and betweenness\n"
        "are measured over what paths walk: relations that record who reported what do not count\n"
        "unless --include-attribution is given, and the type and kind filters narrow it further.\n"
        "CSV lists every walked entity with its measures. The store line gives the memory the graph\n"
        "takes in relgraph's store (and in a snapshot).\n\n"
        "Examples:\n"
        "  relgraph stats\n"
        "  relgraph stats --top 5 --avoid-kind media_outlet\n"
        "  relgraph stats --format csv");
    command->callback([&context, args] {
        const auto store = context.openStore();
        const auto statistics = query::graphStatistics(*store, resolveFilter(*store, args->filter));
        printAnswer(
            context, [&] { return format::statisticsTable(*store, statistics, args->top); },
            [&] { return format::statisticsJson(*store, statistics, args->top); },
            [&] { return format::statisticsCsv(*store, statistics); });
    });
}

}  // namespace relgraph::cli
