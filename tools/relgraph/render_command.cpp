#include <fmt/format.h>

#include "cli_context.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/common/file_output.hpp"
#include "relgraph/query/attribution_query.hpp"
#include "relgraph/query/neighborhood_query.hpp"
#include "relgraph/query/path_query.hpp"
#include "relgraph/query/relation_pattern.hpp"
#include "relgraph/render/diagram_builder.hpp"
#include "relgraph/render/graphviz_renderer.hpp"

namespace relgraph::cli {

namespace {
struct RenderArgs {
    std::string focus;
    int depth = 1;
    std::vector<std::string> path;
    std::vector<std::string> whoReported;
    std::vector<std::string> types;
    bool includeAttribution = false;
    std::string imageFormat = "svg";
    std::string output;
};

render::Diagram buildDiagram(const store::GraphStore& store, const RenderArgs& args) {
    query::TraversalFilter filter;
    filter.types = resolveTypes(store, args.types);
    filter.includeAttribution = args.includeAttribution;
    if (!args.focus.empty()) {
        query::NeighborhoodOptions options;
        options.depth = args.depth;
        options.filter = filter;
        return render::neighborhoodDiagram(store, query::neighborhood(store, store.resolveEntity(args.focus), options),
                                           args.depth);
    }
    if (!args.path.empty()) {
        const store::Vertex from = store.resolveEntity(args.path[0]), to = store.resolveEntity(args.path[1]);
        query::PathOptions options;
        options.filter = filter;
        const auto path = query::shortestPath(store, from, to, options);
        if (!path) {
            throw QueryError(fmt::format("nothing to draw: no path from {} to {}", store.entity(from).name,
                                         store.entity(to).name));
        }
        return render::pathDiagram(store, *path);
    }
    const query::ReportSubject subject = query::resolveReportSubject(store, args.whoReported);
    if (subject.relations.empty()) throw QueryError("nothing to draw: no relation matches " + subject.description);
    return render::attributionDiagram(store, query::whoReported(store, subject.relations), "who-reported." + subject.id,
                                      "Who reported: " + subject.description);
}
}  // namespace

void addRenderCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand("render", "Draw a query's answer as a DOT or SVG diagram");
    auto args = std::make_shared<RenderArgs>();
    auto* focus = command->add_option("--focus", args->focus, "Draw this entity's neighbourhood")->type_name("ENTITY");
    command->add_option("--depth", args->depth, "Hops from the focus")->check(CLI::Range(1, 10))->capture_default_str();
    auto* path = command->add_option("--path", args->path, "Draw a shortest path between two entities")
                     ->expected(2)
                     ->type_name("FROM TO");
    auto* who = command->add_option("--who-reported", args->whoReported,
                                    "Draw who reported ENTITY, RELATION-ID or FROM [TYPE] TO")
                    ->expected(1, 3)
                    ->type_name("X");
    focus->excludes(path)->excludes(who);
    path->excludes(who);
    command->add_option("--type", args->types, "Only relations of these types (focus and path)")->type_name("TYPE");
    command->add_flag("--include-attribution", args->includeAttribution,
                      "Also walk relations that record who reported what (focus and path)");
    command->add_option("--format", args->imageFormat, "Image format")
        ->check(CLI::IsMember({"dot", "svg"}))
        ->capture_default_str();
    command->add_option("-o,--output", args->output, "Write to this file (atomically) instead of standard output")
        ->type_name("FILE");
    addGraphOption(*command, context);
    command->footer(
        "Exactly one of --focus, --path, --who-reported.\n\n"
        "Examples:\n"
        "  relgraph render --focus \"North Korea\" --depth 1 -o north-korea.svg\n"
        "  relgraph render --path \"Andrei Orlov\" \"Kim Jong Un\" --format dot\n"
        "  relgraph render --who-reported \"North Korea\" sent_workers Russia -o workers.svg");
    command->callback([&context, args, focus, path, who] {
        if ((focus->count() > 0) + (path->count() > 0) + (who->count() > 0) != 1) {
            throw CLI::ValidationError("render", "give exactly one of --focus, --path or --who-reported");
        }
        const auto store = context.openStore();
        const render::Diagram diagram = buildDiagram(*store, *args);
        const render::Theme theme(store->schema());
        const std::string image = render::renderDiagram(diagram, theme, *render::parseImageFormat(args->imageFormat));
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
