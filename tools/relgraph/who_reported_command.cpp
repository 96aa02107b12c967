#include <cstdio>

#include "cli_context.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/common/text.hpp"
#include "relgraph/format/csv_output.hpp"
#include "relgraph/format/json_output.hpp"
#include "relgraph/format/table_output.hpp"
#include "relgraph/query/attribution_query.hpp"
#include "relgraph/query/relation_pattern.hpp"

namespace relgraph::cli {

void addWhoReportedCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand(
        "who-reported", "Who reported a relation, a claim, or anything about an entity, and through whom");
    auto words = std::make_shared<std::vector<std::string>>();
    auto primary = std::make_shared<bool>(false);
    auto from = std::make_shared<std::string>(), to = std::make_shared<std::string>();
    command->add_option("X", *words, "ENTITY, RELATION-ID, CLAIM-ID, or FROM [TYPE] TO (either way round; * for any entity)")->required()->expected(1, 3);
    command->add_flag("--primary", *primary, "Only the originators: the reporting parties, without the claims");
    addDateRangeOptions(*command, *from, *to);
    addGraphOption(*command, context);
    addQueryFormatOption(*command, context);
    command->footer(
        "Shows the reporting parties (originators; republications are not counted as independent\n"
        "sources), and for each claim its chain originator -> intermediaries -> publication, the\n"
        "source with its date, and what it says. For the inverse, what an entity reported, see\n"
        "'relgraph reported-by'. Exit code 1 when nothing matches.\n\n"
        "Examples:\n"
        "  relgraph who-reported \"North Korea\" sent_workers Russia\n"
        "  relgraph who-reported \"Andrei Orlov\" --primary\n"
        "  relgraph who-reported DPRK Russia --format json\n"
        "  relgraph who-reported '*' \"sent troops\" Russia");
    command->callback([&context, words, primary, from, to] {
        const auto store = context.openStore();
        const query::DateRange dates = query::DateRange::parse(*from, *to);
        query::ReportSubject subject = query::resolveReportSubject(*store, *words);
        if (dates.bounded()) {
            // Only the claims dated in the range (the claim's date, else its source's).
            std::erase_if(subject.claims, [&](store::ClaimRef c) {
                return !dates.admits(store->claim(c).dateOrSourceDate());
            });
        }
        const query::AttributionReport report = query::whoReportedClaims(*store, subject.claims);
        const auto detail = *primary ? format::AttributionDetail::Originators : format::AttributionDetail::Full;
        if (report.relations.empty()) {
            std::fprintf(stderr, "relgraph: no relation matches %s\n", text::terminalSafe(subject.description).c_str());
            for (const std::string& hint : subject.hints) {
                std::fprintf(stderr, "relgraph: but %s\n", text::terminalSafe(hint).c_str());
            }
            context.exitCode = static_cast<int>(ExitCode::NothingFound);
            if (!context.json() && !context.csv()) return;
        }
        printAnswer(
            context, [&] { return format::attributionTable(*store, report, subject.description, detail); },
            [&] { return format::attributionJson(*store, report, detail); },
            [&] { return format::attributionCsv(*store, report, detail); });
    });
}

}  // namespace relgraph::cli
