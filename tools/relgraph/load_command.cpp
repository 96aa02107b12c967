#include <fmt/format.h>

#include "cli_context.hpp"
#include "progress_bar.hpp"
#include "read_options.hpp"
#include "relgraph/common/text.hpp"
#include "relgraph/interchange/graph_reader.hpp"
#include "relgraph/store/snapshot.hpp"

namespace relgraph::cli {

namespace {

struct LoadArgs {
    std::vector<std::string> inputs;
    std::string output;
    ReadArgs read;
    bool quiet = false;
    bool noSearchIndex = false;
};

std::string count(std::size_t n, const char* one, const char* many) {
    return fmt::format("{} {}", text::groupThousands(static_cast<long long>(n)), n == 1 ? one : many);
}

}  // namespace

// Reads its own inputs and writes a snapshot: the shared context (--graph, --format) does not apply.
void addLoadCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand("load", "Load graphs into a snapshot file that every command opens with --db");
    auto args = std::make_shared<LoadArgs>();
    command->add_option("INPUT", args->inputs, "Graph files or folders, in any format relgraph reads")->required();
    command->add_option("-o,--output", args->output, "The snapshot to write (.rgdb)")->required()->type_name("SNAPSHOT");
    addReadOptions(*command, args->read);
    addMaxProblemsOption(*command, context);
    command->add_flag("-q,--quiet", args->quiet, "No progress bar and no summary");
    command->add_flag("--no-search-index", args->noSearchIndex,
                      "Leave the full-text index out of the snapshot (smaller, written sooner; 'search' then builds it on "
                      "every run)");
    command->footer(
        "Every input is read into relgraph's store a record at a time (a block of the file at a time,\n"
        "but GraphML and DOT, which are parsed whole), validated as usual, with its claims and sources.\n"
        "The snapshot is the store's own columns, written atomically; 'relgraph path … --db FILE' and\n"
        "every other query or render command then map it instead of reading the inputs. See\n"
        "docs/snapshot.md.\n\n"
        "Examples:\n"
        "  relgraph load graphs/ -o north-korea.rgdb\n"
        "  relgraph load amazon0601.txt --edge-type co_purchased --node-kind product -o amazon.rgdb\n"
        "  relgraph load ldbc-nodes/ -o ldbc.rgdb");
    command->callback([args] {
        interchange::ImportResult result = [&] {
            ProgressBar bar(!args->quiet);
            interchange::ReadOptions options = readOptions(args->read);
            options.onProgress = [&](const interchange::LoadProgress& p) { bar.update(p); };
            return interchange::readGraph({args->inputs.begin(), args->inputs.end()}, options);
        }();
        printNotes(result.notes);
        store::writeSnapshot(result.graph, args->output, !args->noSearchIndex);
        if (args->quiet) return;
        const store::GraphStore& g = result.graph;
        const std::size_t files = g.inputFileCount();
        printOut(fmt::format(
            "wrote {}: {}, {} ({}, {}) from {}; {:.1f} MB in memory, {:.1f} bytes per relation\n",
            text::terminalSafe(args->output), count(g.entityCount(), "entity", "entities"),
            count(g.relationCount(), "relation", "relations"), count(g.kindCount(), "kind", "kinds"),
            count(g.typeCount(), "type", "types"),
            count(files, "file", "files"),
            static_cast<double>(g.memoryBytes()) / 1e6,
            g.relationCount() ? static_cast<double>(g.relationBytes()) / static_cast<double>(g.relationCount()) : 0.0));
    });
}

}  // namespace relgraph::cli
