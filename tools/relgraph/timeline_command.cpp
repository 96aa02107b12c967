#include "cli_context.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/format/csv_output.hpp"
#include "relgraph/format/json_output.hpp"
#include "relgraph/format/table_output.hpp"
#include "relgraph/query/timeline_query.hpp"

namespace relgraph::cli {

void addTimelineCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand("timeline", "What was said when: dated claims and dated figures, in order");
    struct Options {
        std::vector<std::string> entities;
        std::string from, to;
    };
    auto o = std::make_shared<Options>();
    command->add_option("ENTITY", o->entities, "Only the relations of these entities (default: all)");
    addDateRangeOptions(*command, o->from, o->to);
    addGraphOption(*command, context);
    addQueryFormatOption(*command, context);
    command->footer(
        "Lists each dated claim at its date, and each date or period value (as_of, period …) of a claim\n"
        "or relation, earliest first, with the figures and the chain\n"
        "originator -> intermediaries -> publication. A partial date (2025-02) falls in a range when\n"
        "any of it does. Exit code 1 when nothing is dated in the range.\n\n"
        "Examples:\n"
        "  relgraph timeline --from 2025-02 --to 2025-02\n"
        "  relgraph timeline \"North Korean troops\"\n"
        "  relgraph timeline NIS --from 2024 --format csv");
    command->callback([&context, o] {
        const auto store = context.openStore();
        const query::DateRange dates = query::DateRange::parse(o->from, o->to);
        std::vector<store::Vertex> entities;
        std::string subject;
        for (const std::string& name : o->entities) {
            entities.push_back(store->resolveEntity(name));
            subject += std::string(subject.empty() ? "" : ", ") + std::string(store->entity(entities.back()).name());
        }
        if (subject.empty()) subject = "the whole graph";
        if (dates.bounded()) subject += ", " + dates.description();
        const auto events = query::timeline(*store, entities, dates);
        if (events.empty()) context.exitCode = static_cast<int>(ExitCode::NothingFound);
        printAnswer(
            context, [&] { return format::timelineTable(*store, events, subject); },
            [&] { return format::timelineJson(*store, events); }, [&] { return format::timelineCsv(*store, events); });
    });
}

}  // namespace relgraph::cli
