#include <fmt/format.h>

#include <cstdio>

#include "cli_context.hpp"
#include "filter_options.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/format/csv_output.hpp"
#include "relgraph/format/json_output.hpp"
#include "relgraph/format/table_output.hpp"
#include "relgraph/query/path_query.hpp"

namespace relgraph::cli {

namespace {
constexpr std::size_t kSimplePathLength = 6;  // --max-length for --all-simple when not given

struct PathsArgs {
    std::string from;
    std::string to;
    FilterArgs filter;
    bool directed = false;
    bool distinctRelations = false;
    std::size_t k = 0;
    bool allSimple = false;
    std::size_t maxLength = 0;
    std::size_t maxPaths = 100;
    std::size_t maxExpansions = 1000000;
};

// Why the answer may be incomplete, for standard error.
std::string stopNote(const query::PathSet& paths, const PathsArgs& args) {
    if (paths.stoppedBy == query::PathLimit::MaxPaths) {
        return fmt::format("stopped at --max-paths {}: there are more paths", args.maxPaths);
    }
    return fmt::format(
        "stopped after examining --max-expansions {} hops: the {} path{} shown come first, but there "
        "may be more (raise --max-expansions or lower --max-length)",
        args.maxExpansions, paths.paths.size(), paths.paths.size() == 1 ? "" : "s");
}
}  // namespace

void addPathsCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand(
        "paths", "Find every shortest connection, the k shortest, or every simple one up to a length");
    auto args = std::make_shared<PathsArgs>();
    command->add_option("FROM", args->from, "Id, name or alias")->required();
    command->add_option("TO", args->to, "Id, name or alias")->required();
    auto* k = command->add_option("--k", args->k, "The K shortest simple paths (Yen's algorithm)")
                  ->check(CLI::Range(1, 1000));
    auto* simple = command->add_flag("--all-simple", args->allSimple,
                                     "Every simple path (no entity twice) up to --max-length hops");
    k->excludes(simple);
    auto* maxLength = command
                          ->add_option("--max-length", args->maxLength,
                                       "Longest path wanted, in hops (default: any; 6 with --all-simple)")
                          ->check(CLI::Range(1, 1000));
    command->add_option("--max-paths", args->maxPaths, "Stop after this many paths (all shortest, all simple)")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    command->add_option("--max-expansions", args->maxExpansions, "Give up after examining this many hops")
        ->check(CLI::Range(1, 1000000000))
        ->capture_default_str();
    command->add_flag("--distinct-relations", args->distinctRelations,
                      "Parallel relations between the same two entities make separate paths");
    addFilterOptions(*command, args->filter);
    command->add_flag("--directed", args->directed, "Follow relations only in their direction");
    addGraphOption(*command, context);
    addQueryFormatOption(*command, context);
    command->footer(
        "Without --k or --all-simple: every shortest path. Paths come shortest first, then by the\n"
        "ids of their relations. A path is a sequence of entities; other relations between the\n"
        "same two entities are listed under each hop, unless --distinct-relations makes each its\n"
        "own path. A search that reaches --max-paths or --max-expansions prints what it found and\n"
        "says so on standard error. Exit code 1 when there is no path.\n\n"
        "Examples:\n"
        "  relgraph paths \"Andrei Orlov\" \"Kim Jong Un\"\n"
        "  relgraph paths NIS Russia --k 5 --avoid-kind media_outlet\n"
        "  relgraph paths DPRK Russia --all-simple --max-length 3 --format csv");
    command->callback([&context, args, k, maxLength] {
        const auto store = context.openStore();
        const store::Vertex from = store->resolveEntity(args->from);
        const store::Vertex to = store->resolveEntity(args->to);
        query::PathOptions options;
        options.filter = resolveFilter(*store, args->filter);
        options.directed = args->directed;
        options.distinctRelations = args->distinctRelations;
        if (maxLength->count() > 0)
            options.maxLength = args->maxLength;
        else if (args->allSimple)
            options.maxLength = kSimplePathLength;
        options.maxPaths = args->maxPaths;
        options.maxExpansions = args->maxExpansions;
        const query::PathSet paths = k->count() > 0    ? query::kShortestPaths(*store, from, to, args->k, options)
                                     : args->allSimple ? query::allSimplePaths(*store, from, to, options)
                                                       : query::allShortestPaths(*store, from, to, options);
        printAnswer(
            context, [&] { return format::pathSetTable(*store, from, to, paths); },
            [&] { return format::pathSetJson(*store, from, to, paths); },
            [&] { return format::pathSetCsv(*store, paths); });
        if (paths.stoppedBy != query::PathLimit::None) {
            std::fflush(stdout);
            std::fprintf(stderr, "relgraph: %s\n", stopNote(paths, *args).c_str());
        }
        if (paths.paths.empty()) context.exitCode = static_cast<int>(ExitCode::NothingFound);
    });
}

}  // namespace relgraph::cli
