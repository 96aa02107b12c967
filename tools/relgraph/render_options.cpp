#include "render_options.hpp"

#include "relgraph/load/theme_loader.hpp"

namespace relgraph::cli {

void addDrawingOptions(CLI::App& command, DrawingArgs& args) {
    command.add_option("--theme", args.theme, "Theme file (default: the shipped theme; see docs/diagrams.md)")
        ->type_name("FILE");
    command.add_option("--engine", args.engine, "Graphviz layout engine; auto picks by size")
        ->check(CLI::IsMember({"auto", "dot", "neato", "fdp", "sfdp", "circo"}))
        ->capture_default_str();
    command.add_flag("--no-legend", args.noLegend, "Leave out the legend of kinds and relation types");
    command.add_option("--cluster", args.cluster,
                       "Group entities: 'kind', or a relation type (e.g. part_of: each entity inside what it is part of)")
        ->type_name("kind|TYPE");
    command.add_option("--max-nodes", args.maxNodes, "Entities drawn at most, best connected first (0: all)")
        ->capture_default_str();
    command.add_option("--link-template", args.linkTemplate,
                       "Make entities links: http(s) URL with {name}, {id} or {kind}, each percent-encoded")
        ->type_name("URL");
    command.add_option("--time-limit", args.timeLimit, "Seconds a layout may take before it is stopped")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
}

render::DiagramOptions diagramOptions(const store::GraphStore& store, const DrawingArgs& args) {
    render::DiagramOptions options;
    options.maxNodes = args.maxNodes;
    if (args.cluster == "kind") {
        options.cluster = render::ClusterMode::Kind;
    } else if (!args.cluster.empty()) {
        options.cluster = render::ClusterMode::Relation;
        options.clusterType = store.resolveType(args.cluster).name;
    }
    return options;
}

render::RenderOptions renderOptions(const DrawingArgs& args, render::ImageFormat format) {
    render::RenderOptions options;
    options.format = format;
    options.engine = *render::parseLayoutEngine(args.engine);
    options.legend = !args.noLegend;
    options.timeLimit = std::chrono::milliseconds(static_cast<long long>(args.timeLimit * 1000));
    if (!args.linkTemplate.empty()) options.links = render::LinkTemplate(args.linkTemplate);
    return options;
}

render::Theme theme(const store::GraphStore& store, const DrawingArgs& args) {
    if (args.theme.empty()) return render::defaultTheme(store.schema());
    return render::Theme(store.schema(), load::loadTheme(args.theme));
}

}  // namespace relgraph::cli
