#include <fmt/format.h>

#include "cli_context.hpp"
#include "filter_options.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/common/file_output.hpp"
#include "relgraph/query/attribution_query.hpp"
#include "relgraph/query/conflict_query.hpp"
#include "relgraph/query/neighborhood_query.hpp"
#include "relgraph/query/path_query.hpp"
#include "relgraph/query/relation_pattern.hpp"
#include "relgraph/query/reported_by_query.hpp"
#include "relgraph/query/subgraph_query.hpp"
#include "render_options.hpp"

namespace relgraph::cli {

namespace {
struct RenderArgs {
    std::string focus;
    int depth = 1;
    std::vector<std::string> path;
    bool context = false;
    std::vector<std::string> paths;
    std::size_t k = 0;
    bool allSimple = false;
    std::size_t maxLength = 6;
    std::size_t maxPaths = 100;
    std::vector<std::string> subgraph;
    bool connect = false;
    std::vector<std::string> whoReported;
    std::vector<std::string> reportedBy;
    bool primary = false;
    std::vector<std::string> conflicts;
    bool all = false;
    FilterArgs filter;
    std::string imageFormat = "svg";
    std::string output;
    DrawingArgs drawing;
};

// Which query the options ask for; exactly one.
enum class Query { Focus, Path, Paths, Subgraph, WhoReported, ReportedBy, Conflicts, All };

std::vector<store::Vertex> resolveAll(const store::GraphStore& store, const std::vector<std::string>& names) {
    std::vector<store::Vertex> out;
    for (const std::string& n : names) out.push_back(store.resolveEntity(n));
    return out;
}

render::Diagram buildDiagram(const store::GraphStore& store, const RenderArgs& args, Query which) {
    const render::DiagramOptions options = diagramOptions(store, args.drawing);
    const query::TraversalFilter filter = resolveFilter(store, args.filter);
    switch (which) {
        case Query::Focus: {
            query::NeighborhoodOptions n;
            n.depth = args.depth;
            n.filter = filter;
            return render::neighborhoodDiagram(store, query::neighborhood(store, store.resolveEntity(args.focus), n),
                                               args.depth, options);
        }
        case Query::Path: {
            const store::Vertex from = store.resolveEntity(args.path[0]), to = store.resolveEntity(args.path[1]);
            query::PathOptions p;
            p.filter = filter;
            const auto path = query::shortestPath(store, from, to, p);
            if (!path) {
                throw QueryError(fmt::format("nothing to draw: no path from {} to {}", store.entity(from).name(),
                                             store.entity(to).name()));
            }
            return render::pathDiagram(store, *path, args.context, filter, options);
        }
        case Query::Paths: {
            const store::Vertex from = store.resolveEntity(args.paths[0]), to = store.resolveEntity(args.paths[1]);
            query::PathOptions p;
            p.filter = filter;
            p.maxPaths = args.maxPaths;
            if (args.allSimple || args.k > 0) p.maxLength = args.maxLength;
            const query::PathSet set = args.k > 0      ? query::kShortestPaths(store, from, to, args.k, p)
                                       : args.allSimple ? query::allSimplePaths(store, from, to, p)
                                                        : query::allShortestPaths(store, from, to, p);
            if (set.paths.empty()) {
                throw QueryError(fmt::format("nothing to draw: no path from {} to {}", store.entity(from).name(),
                                             store.entity(to).name()));
            }
            return render::pathSetDiagram(store, set, from, to, options);
        }
        case Query::Subgraph: {
            const auto entities = resolveAll(store, args.subgraph);
            return render::subgraphDiagram(store,
                                           args.connect ? query::connectingSubgraph(store, entities, filter)
                                                        : query::inducedSubgraph(store, entities, filter),
                                           options);
        }
        case Query::ReportedBy: {
            const auto reported = query::reportedBy(store, store.resolveEntity(args.reportedBy[0]), args.primary);
            if (reported.claims.empty()) throw QueryError("nothing to draw: it reported nothing");
            return render::reportedByDiagram(store, reported, options);
        }
        case Query::Conflicts: {
            std::vector<std::string> about = args.conflicts;
            std::erase(about, std::string());  // a bare --conflicts leaves one empty value
            std::vector<store::Edge> relations;
            std::string id = "conflicts", title = "Where sources disagree";
            if (!about.empty()) {
                const query::ReportSubject subject = query::resolveReportSubject(store, about);
                if (subject.relations.empty()) throw QueryError("nothing to draw: no relation matches " + subject.description);
                relations = subject.relations;
                id += "." + subject.id;
                title += ": " + subject.description;
            }
            const auto found = query::findConflicts(store, relations);
            if (found.empty()) throw QueryError("nothing to draw: the sources agree");
            return render::conflictDiagram(store, found, id, title, options);
        }
        case Query::All: return render::graphDiagram(store, filter, options);
        case Query::WhoReported: break;
    }
    const query::ReportSubject subject = query::resolveReportSubject(store, args.whoReported);
    if (subject.claims.empty()) throw QueryError("nothing to draw: no relation matches " + subject.description);
    return render::attributionDiagram(store, query::whoReportedClaims(store, subject.claims), "who-reported." + subject.id,
                                      "Who reported: " + subject.description, options);
}
}  // namespace

void addRenderCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand("render", "Draw any query's answer as DOT, SVG, PNG or PDF");
    auto args = std::make_shared<RenderArgs>();
    std::vector<std::pair<CLI::Option*, Query>> queries;
    queries.push_back({command->add_option("--focus", args->focus, "Draw this entity's neighbourhood")
                           ->type_name("ENTITY"),
                       Query::Focus});
    command->add_option("--depth", args->depth, "Hops from the focus")->check(CLI::Range(1, 10))->capture_default_str();
    queries.push_back({command->add_option("--path", args->path, "Draw a shortest path between two entities")
                           ->expected(2)
                           ->type_name("FROM TO"),
                       Query::Path});
    command->add_flag("--context", args->context, "With --path: also draw the path's neighbours, dimmed");
    queries.push_back({command->add_option("--paths", args->paths, "Draw every shortest path (or --k, --all-simple)")
                           ->expected(2)
                           ->type_name("FROM TO"),
                       Query::Paths});
    command->add_option("--k", args->k, "With --paths: the K shortest simple paths")->check(CLI::Range(1, 1000));
    command->add_flag("--all-simple", args->allSimple, "With --paths: every simple path up to --max-length");
    command->add_option("--max-length", args->maxLength, "With --paths --k/--all-simple: longest path, in hops")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();
    command->add_option("--max-paths", args->maxPaths, "With --paths: draw at most this many")
        ->check(CLI::Range(1, 10000))
        ->capture_default_str();
    queries.push_back({command->add_option("--subgraph", args->subgraph,
                                           "Draw these entities and the relations among them")
                           ->expected(1, -1)
                           ->type_name("ENTITY..."),
                       Query::Subgraph});
    command->add_flag("--connect", args->connect, "With --subgraph: add every shortest connection between them");
    queries.push_back({command->add_option("--who-reported", args->whoReported,
                                           "Draw who reported ENTITY, RELATION-ID, CLAIM-ID or FROM [TYPE] TO")
                           ->expected(1, 3)
                           ->type_name("X"),
                       Query::WhoReported});
    queries.push_back({command->add_option("--reported-by", args->reportedBy, "Draw what an entity reported")
                           ->expected(1)
                           ->type_name("ENTITY"),
                       Query::ReportedBy});
    command->add_flag("--primary", args->primary, "With --reported-by: only the claims it originated");
    queries.push_back({command->add_option("--conflicts", args->conflicts,
                                           "Draw where sources disagree (optionally about X, as for --who-reported)")
                           ->expected(0, 3)
                           ->type_name("[X]"),
                       Query::Conflicts});
    queries.push_back({command->add_flag("--all", args->all, "Draw the whole graph (with filters: part of it)"),
                       Query::All});
    for (const auto& [a, qa] : queries) {
        for (const auto& [b, qb] : queries) {
            if (a != b) a->excludes(b);
        }
    }
    addFilterOptions(*command, args->filter);
    command->add_option("--format", args->imageFormat, "Image format")
        ->check(CLI::IsMember({"dot", "svg", "png", "pdf"}))
        ->capture_default_str();
    command->add_option("-o,--output", args->output, "Write to this file (atomically) instead of standard output")
        ->type_name("FILE");
    addDrawingOptions(*command, args->drawing);
    addGraphOption(*command, context);
    command->footer(
        "Exactly one of --focus, --path, --paths, --subgraph, --who-reported, --reported-by, --conflicts,\n"
        "--all. The filters (--type, --kind, --avoid-…, --include-attribution) apply to what is walked.\n"
        "PNG and PDF need -o.\n\n"
        "Examples:\n"
        "  relgraph render --focus \"North Korea\" --depth 1 -o north-korea.svg\n"
        "  relgraph render --path \"Andrei Orlov\" \"Kim Jong Un\" --context --format png -o path.png\n"
        "  relgraph render --paths DPRK Russia --k 5 -o five-paths.svg\n"
        "  relgraph render --subgraph NIS ISW Zelensky --connect -o connections.svg\n"
        "  relgraph render --who-reported \"North Korea\" sent_workers Russia -o workers.svg\n"
        "  relgraph render --reported-by NIS --primary -o nis.svg\n"
        "  relgraph render --conflicts -o disagreements.svg\n"
        "  relgraph render --all --cluster part_of --link-template 'https://en.wikipedia.org/wiki/{name}' -o all.svg");
    command->callback([&context, args, queries] {
        std::vector<Query> chosen;
        for (const auto& [option, which] : queries) {
            if (option->count() > 0) chosen.push_back(which);
        }
        if (chosen.size() != 1) {
            throw CLI::ValidationError("render", "give exactly one of --focus, --path, --paths, --subgraph, "
                                                 "--who-reported, --reported-by, --conflicts or --all");
        }
        const render::ImageFormat format = *render::parseImageFormat(args->imageFormat);
        const bool binary = format == render::ImageFormat::Png || format == render::ImageFormat::Pdf;
        if (binary && args->output.empty()) {
            throw CLI::ValidationError("--format", args->imageFormat + " is binary: write it to a file with -o");
        }
        const auto store = context.openStore();
        const render::RenderOptions options = renderOptions(args->drawing, format);
        const render::Diagram diagram = buildDiagram(*store, *args, chosen.front());
        const std::string image = render::renderDiagram(diagram, theme(*store, args->drawing), options);
        if (args->output.empty()) {
            printOut(image);
        } else {
            writeFileAtomically(args->output, image);
            printOut(fmt::format("wrote {} ({} nodes, {} edges)\n", args->output, diagram.nodes.size(),
                                 diagram.edges.size()));
        }
    });
}

}  // namespace relgraph::cli
