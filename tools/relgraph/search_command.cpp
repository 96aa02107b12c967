#include <cstdio>

#include "cli_context.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/common/text.hpp"
#include "relgraph/format/csv_output.hpp"
#include "relgraph/format/json_output.hpp"
#include "relgraph/format/table_output.hpp"
#include "relgraph/query/search_query.hpp"

namespace relgraph::cli {

void addSearchCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand(
        "search", "Find entities, claims, sources and relation types by the words in them, best first");
    struct Options {
        std::vector<std::string> words, kinds, types;
        std::string source, party, from, to;
        std::size_t limit = 10;
    };
    auto o = std::make_shared<Options>();
    command->add_option("TEXT", o->words, "Words and \"quoted phrases\"; the last word also matches as a prefix")
        ->required();
    command->add_option("--kind", o->kinds, "Only entities of this kind, and claims about one (name or label)")
        ->type_name("KIND");
    command->add_option("--type", o->types, "Only relations and claims of this type (name or label)")->type_name("TYPE");
    command->add_option("--source", o->source, "Only this source and the claims it carries (id or title)")
        ->type_name("SOURCE");
    command->add_option("--party", o->party, "Only claims this entity made or passed on, and sources it published")
        ->type_name("ENTITY");
    addDateRangeOptions(*command, o->from, o->to);
    command->add_option("--limit", o->limit, "Show at most this many hits")
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}))
        ->capture_default_str();
    addGraphOption(*command, context);
    addQueryFormatOption(*command, context);
    command->footer(
        "Searches entity names, aliases and descriptions, claim summaries and values, relation values,\n"
        "source titles, authors and notes, and the names and labels of relation types and entity kinds.\n"
        "Case, accents and plural endings do not matter (\"Visas\" finds \"visa\"). Every word must be in\n"
        "a hit; when no record has them all, those with some are shown. Ranked by BM25; names count\n"
        "most. Exit code 1 when nothing matches.\n\n"
        "Examples:\n"
        "  relgraph search stipend\n"
        "  relgraph search \"labour shortage\"\n"
        "  relgraph search troops --party NIS --from 2025-01\n"
        "  relgraph search drone --format json");
    command->callback([&context, o] {
        const auto store = context.openStore();
        query::SearchFilters filters;
        for (const std::string& k : o->kinds) filters.kinds.insert(*store->findKind(store->resolveKind(k).name));
        for (const std::string& t : o->types) filters.types.insert(*store->findType(store->resolveType(t).name));
        if (!o->source.empty()) filters.source = store->resolveSource(o->source);
        if (!o->party.empty()) filters.party = store->resolveEntity(o->party);
        filters.dates = query::DateRange::parse(o->from, o->to);
        std::string text;
        for (const std::string& w : o->words) text += (text.empty() ? "" : " ") + w;
        const query::SearchResult result = query::search(*store, text, filters, o->limit);
        if (result.hits.empty()) context.exitCode = static_cast<int>(ExitCode::NothingFound);
        printAnswer(
            context, [&] { return format::searchTable(*store, result, text); },
            [&] { return format::searchJson(*store, result, text); }, [&] { return format::searchCsv(*store, result); });
    });
}

}  // namespace relgraph::cli
