#include <fmt/format.h>

#include "cli_context.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/common/file_output.hpp"
#include "relgraph/query/attribution_query.hpp"
#include "relgraph/query/conflict_query.hpp"
#include "relgraph/query/neighborhood_query.hpp"
#include "relgraph/query/path_query.hpp"
#include "relgraph/query/relation_pattern.hpp"
#include "render_options.hpp"

namespace relgraph::cli {

namespace {
struct RenderArgs {
    std::string focus;
    int depth = 1;
    std::vector<std::string> path;
    bool context = false;
    std::vector<std::string> whoReported;
    std::vector<std::string> conflicts;
    bool all = false;
    std::vector<std::string> types;
    std::vector<std::string> kinds;
    bool includeAttribution = false;
    std::string imageFormat = "svg";
    std::string output;
    DrawingArgs drawing;
};

render::Diagram buildDiagram(const store::GraphStore& store, const RenderArgs& args, CLI::Option* conflicts) {
    const render::DiagramOptions options = diagramOptions(store, args.drawing);
    query::TraversalFilter filter;
    filter.types = resolveTypes(store, args.types);
    filter.includeAttribution = args.includeAttribution;
    std::set<std::string> kinds;
    for (const std::string& k : args.kinds) {
        if (!store.schema().findKind(k)) throw QueryError("unknown kind \"" + k + "\"");
        kinds.insert(k);
    }
    if (!args.focus.empty()) {
        query::NeighborhoodOptions n;
        n.depth = args.depth;
        n.filter = filter;
        return render::neighborhoodDiagram(store, query::neighborhood(store, store.resolveEntity(args.focus), n),
                                           args.depth, options);
    }
    if (!args.path.empty()) {
        const store::Vertex from = store.resolveEntity(args.path[0]), to = store.resolveEntity(args.path[1]);
        query::PathOptions p;
        p.filter = filter;
        const auto path = query::shortestPath(store, from, to, p);
        if (!path) {
            throw QueryError(fmt::format("nothing to draw: no path from {} to {}", store.entity(from).name,
                                         store.entity(to).name));
        }
        return render::pathDiagram(store, *path, args.context, filter, options);
    }
    if (args.all) return render::graphDiagram(store, filter.types, kinds, args.includeAttribution, options);
    if (conflicts->count() > 0) {
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
    const query::ReportSubject subject = query::resolveReportSubject(store, args.whoReported);
    if (subject.relations.empty()) throw QueryError("nothing to draw: no relation matches " + subject.description);
    return render::attributionDiagram(store, query::whoReported(store, subject.relations), "who-reported." + subject.id,
                                      "Who reported: " + subject.description, options);
}
}  // namespace

void addRenderCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand("render", "Draw a query's answer as DOT, SVG, PNG or PDF");
    auto args = std::make_shared<RenderArgs>();
    auto* focus = command->add_option("--focus", args->focus, "Draw this entity's neighbourhood")->type_name("ENTITY");
    command->add_option("--depth", args->depth, "Hops from the focus")->check(CLI::Range(1, 10))->capture_default_str();
    auto* path = command->add_option("--path", args->path, "Draw a shortest path between two entities")
                     ->expected(2)
                     ->type_name("FROM TO");
    command->add_flag("--context", args->context, "With --path: also draw the path's neighbours, dimmed");
    auto* who = command->add_option("--who-reported", args->whoReported,
                                    "Draw who reported ENTITY, RELATION-ID or FROM [TYPE] TO")
                    ->expected(1, 3)
                    ->type_name("X");
    auto* conflicts = command->add_option("--conflicts", args->conflicts,
                                          "Draw where sources disagree (optionally about X, as for --who-reported)")
                          ->expected(0, 3)
                          ->type_name("[X]");
    auto* all = command->add_flag("--all", args->all, "Draw the whole graph (with --type/--kind: part of it)");
    for (CLI::Option* a : {focus, path, who, conflicts, all}) {
        for (CLI::Option* b : {focus, path, who, conflicts, all}) {
            if (a != b) a->excludes(b);
        }
    }
    command->add_option("--type", args->types, "Only relations of these types (--focus, --path, --all)")
        ->type_name("TYPE");
    command->add_option("--kind", args->kinds, "Only entities of these kinds (--all)")->type_name("KIND");
    command->add_flag("--include-attribution", args->includeAttribution,
                      "Also walk relations that record who reported what (--focus, --path, --all)");
    command->add_option("--format", args->imageFormat, "Image format")
        ->check(CLI::IsMember({"dot", "svg", "png", "pdf"}))
        ->capture_default_str();
    command->add_option("-o,--output", args->output, "Write to this file (atomically) instead of standard output")
        ->type_name("FILE");
    addDrawingOptions(*command, args->drawing);
    addGraphOption(*command, context);
    command->footer(
        "Exactly one of --focus, --path, --who-reported, --conflicts, --all. PNG and PDF need -o.\n\n"
        "Examples:\n"
        "  relgraph render --focus \"North Korea\" --depth 1 -o north-korea.svg\n"
        "  relgraph render --path \"Andrei Orlov\" \"Kim Jong Un\" --context --format png -o path.png\n"
        "  relgraph render --who-reported \"North Korea\" sent_workers Russia -o workers.svg\n"
        "  relgraph render --conflicts -o disagreements.svg\n"
        "  relgraph render --all --cluster part_of --link-template 'https://en.wikipedia.org/wiki/{name}' -o all.svg");
    command->callback([&context, args, focus, path, who, conflicts, all] {
        if ((focus->count() > 0) + (path->count() > 0) + (who->count() > 0) + (conflicts->count() > 0) +
                (all->count() > 0) != 1) {
            throw CLI::ValidationError("render", "give exactly one of --focus, --path, --who-reported, --conflicts or --all");
        }
        const render::ImageFormat format = *render::parseImageFormat(args->imageFormat);
        const bool binary = format == render::ImageFormat::Png || format == render::ImageFormat::Pdf;
        if (binary && args->output.empty()) {
            throw CLI::ValidationError("--format", args->imageFormat + " is binary: write it to a file with -o");
        }
        const auto store = context.openStore();
        const render::RenderOptions options = renderOptions(args->drawing, format);
        const render::Diagram diagram = buildDiagram(*store, *args, conflicts);
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
