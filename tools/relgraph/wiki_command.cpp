#include <filesystem>
#include <fmt/format.h>

#include "cli_context.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/common/file_output.hpp"
#include "relgraph/render/wiki_section.hpp"
#include "render_options.hpp"

namespace relgraph::cli {

namespace {
struct WikiArgs {
    std::string out;
    std::string markup = "markdown";
    int depth = 1;
    bool noPng = false;
    DrawingArgs drawing;
};
}  // namespace

void addWikiCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand("wiki", "Write a wiki section: a page per entity with diagrams, and an index");
    auto args = std::make_shared<WikiArgs>();
    command->add_option("--out", args->out, "Folder to write into (created if missing)")->required()->type_name("DIR");
    command->add_option("--markup", args->markup, "Page markup")
        ->check(CLI::IsMember({"markdown", "mediawiki"}))
        ->capture_default_str();
    command->add_option("--depth", args->depth, "Hops in each entity's diagram")
        ->check(CLI::Range(1, 3))
        ->capture_default_str();
    command->add_flag("--no-png", args->noPng, "Write SVG diagrams only (no PNG fallback)");
    addDrawingOptions(*command, args->drawing);
    addGraphOption(*command, context);
    command->footer(
        "Files whose content would not change are left alone, so re-running on an unchanged graph\n"
        "changes nothing. See docs/diagrams.md for where links inside the SVGs are clickable.\n\n"
        "Examples:\n"
        "  relgraph wiki --out wiki/\n"
        "  relgraph wiki --out wiki/ --markup mediawiki --link-template 'https://wiki.example.org/wiki/{id}'");
    command->callback([&context, args] {
        const auto store = context.openStore();
        render::WikiOptions options;
        options.markup = args->markup == "mediawiki" ? render::WikiMarkup::MediaWiki : render::WikiMarkup::Markdown;
        options.depth = args->depth;
        options.png = !args->noPng;
        options.diagram = diagramOptions(*store, args->drawing);
        options.render = renderOptions(args->drawing, render::ImageFormat::Svg);
        const auto files = render::wikiSection(*store, theme(*store, args->drawing), options);
        const std::filesystem::path root = args->out;
        std::error_code ec;
        std::filesystem::create_directories(root / "images", ec);
        if (ec) throw OutputError(fmt::format("cannot create {}: {}", (root / "images").string(), ec.message()));
        std::size_t written = 0;
        for (const render::WikiFile& file : files) written += writeFileIfChanged(root / file.path, file.content);
        printOut(fmt::format("{}: {} files, {} written, {} unchanged\n", root.string(), files.size(), written,
                             files.size() - written));
    });
}

}  // namespace relgraph::cli
