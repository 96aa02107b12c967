#include <cstdio>

#include "cli_context.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/common/text.hpp"
#include "relgraph/format/json_output.hpp"
#include "relgraph/format/table_output.hpp"
#include "relgraph/query/attribution_query.hpp"
#include "relgraph/query/relation_pattern.hpp"

namespace relgraph::cli {

void addWhoReportedCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand(
        "who-reported", "Who reported a relation, or anything about an entity, and through whom");
    auto words = std::make_shared<std::vector<std::string>>();
    command->add_option("X", *words, "ENTITY, RELATION-ID, or FROM [TYPE] TO")->required()->expected(1, 3);
    addGraphOption(*command, context);
    addFormatOption(*command, context);
    command->footer(
        "Shows the reporting parties (originators; republications are not counted as independent\n"
        "sources), and for each claim its chain originator -> intermediaries -> publication, the\n"
        "source with its date, and what it says. Exit code 1 when nothing matches.\n\n"
        "Examples:\n"
        "  relgraph who-reported \"North Korea\" sent_workers Russia\n"
        "  relgraph who-reported \"Andrei Orlov\"\n"
        "  relgraph who-reported DPRK Russia --format json");
    command->callback([&context, words] {
        const auto store = context.openStore();
        const query::ReportSubject subject = query::resolveReportSubject(*store, *words);
        const query::AttributionReport report = query::whoReported(*store, subject.relations);
        if (report.relations.empty()) {
            std::fprintf(stderr, "relgraph: no relation matches %s\n", text::terminalSafe(subject.description).c_str());
            context.exitCode = static_cast<int>(ExitCode::NothingFound);
            if (!context.json()) return;
        }
        printOut(context.json() ? format::attributionJson(*store, report)
                                : format::attributionTable(*store, report, subject.description));
    });
}

}  // namespace relgraph::cli
