#include "cli_context.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/format/csv_output.hpp"
#include "relgraph/format/json_output.hpp"
#include "relgraph/format/table_output.hpp"
#include "relgraph/query/conflict_query.hpp"
#include "relgraph/query/relation_pattern.hpp"

namespace relgraph::cli {

namespace {
struct ConflictsArgs {
    std::vector<std::string> words;
    std::vector<std::string> attributes;
    std::size_t minSources = 0;
    std::string sort = "relation";
    std::string from, to;
};

query::ConflictOrder parseOrder(const std::string& s) {
    return s == "sources"  ? query::ConflictOrder::Sources
           : s == "values" ? query::ConflictOrder::Values
                           : query::ConflictOrder::Relation;
}
}  // namespace

void addConflictsCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand("conflicts", "List where sources disagree on a figure or a date");
    auto args = std::make_shared<ConflictsArgs>();
    command->add_option("X", args->words, "Limit to ENTITY, RELATION-ID, CLAIM-ID or FROM [TYPE] TO (default: all)")
        ->expected(0, 3);
    command->add_option("--attribute", args->attributes, "Only these attributes (count, period, ...)")
        ->type_name("NAME");
    command
        ->add_option("--min-sources", args->minSources, "Only disagreements resting on at least N independent sources")
        ->type_name("N")
        ->check(CLI::Range(1, 1000));
    command->add_option("--sort", args->sort, "relation (id), sources (most first) or values (most first)")
        ->check(CLI::IsMember({"relation", "sources", "values"}))
        ->capture_default_str();
    addDateRangeOptions(*command, args->from, args->to);
    addGraphOption(*command, context);
    addQueryFormatOption(*command, context);
    command->footer(
        "Each conflict says whether it is a disagreement or a change over time (the same originator's\n"
        "figure at different dates: as_of, period, claim or source date). Each has a summary line (how many values, from the lowest figure or date to\n"
        "the highest, and how many independent sources stand behind each value), then every value\n"
        "with the claims that state it: chain, source date and claim id. Republications are not\n"
        "independent sources. Exit code 1 when the sources agree.\n\n"
        "Examples:\n"
        "  relgraph conflicts\n"
        "  relgraph conflicts \"North Korea\" sent_troops Russia\n"
        "  relgraph conflicts --attribute count --min-sources 2 --sort sources");
    command->callback([&context, args] {
        const auto store = context.openStore();
        std::vector<store::Edge> relations;
        if (!args->words.empty()) {
            relations = query::resolveReportSubject(*store, args->words).relations;
            if (relations.empty()) throw QueryError("no relation matches the question");
        }
        query::ConflictOptions options;
        options.attributes = {args->attributes.begin(), args->attributes.end()};
        options.minSources = args->minSources;
        options.order = parseOrder(args->sort);
        options.dates = query::DateRange::parse(args->from, args->to);
        const auto conflicts = query::findConflicts(*store, relations, options);
        printAnswer(
            context, [&] { return format::conflictTable(*store, conflicts); },
            [&] { return format::conflictJson(*store, conflicts); },
            [&] { return format::conflictCsv(*store, conflicts); });
        if (conflicts.empty()) context.exitCode = static_cast<int>(ExitCode::NothingFound);
    });
}

}  // namespace relgraph::cli
