#include <fmt/format.h>

#include "cli_context.hpp"
#include "read_options.hpp"
#include "relgraph/interchange/graph_reader.hpp"
#include "relgraph/interchange/graph_writer.hpp"

namespace relgraph::cli {

namespace {

struct ConvertArgs {
    std::vector<std::string> paths;  // IN... OUT
    std::string to;
    ReadArgs read;
};

interchange::Format outputFormat(const ConvertArgs& args, const std::string& out) {
    if (!args.to.empty()) return *interchange::parseFormat(args.to);
    const auto format = out == "-" ? std::nullopt : interchange::formatFromExtension(out);
    if (!format) {
        throw CLI::ValidationError("convert", fmt::format("cannot tell the output format from \"{}\": give --to", out));
    }
    return *format;
}

}  // namespace

// Reads and writes its own files: the shared context (--graph, --format) does not apply.
void addConvertCommand(CLI::App& app, CliContext& context) {
    CLI::App* command = app.add_subcommand("convert", "Convert graphs between relgraph JSON and other formats");
    auto args = std::make_shared<ConvertArgs>();
    command->add_option("PATHS", args->paths, "Input files or folders, then the output (- for standard output)")
        ->required()
        ->type_name("IN... OUT");
    const std::vector<std::string> writable{"json", "node-link", "graphml", "dot", "neo4j-csv", "cypher"};
    command->add_option("--to", args->to, "Write this format (default: by the output's extension)")
        ->check(CLI::IsMember(writable));
    addReadOptions(*command, args->read);
    addMaxProblemsOption(*command, context);
    command->footer(
        "Formats: json (relgraph), node-link (NetworkX), graphml, dot, neo4j-csv (a folder: nodes.csv,\n"
        "relationships.csv, relgraph.json), edge-list (read only), cypher (write only). Inputs are told\n"
        "by extension (.json .graphml .dot .gv .csv .tsv .txt .edges .el) and content (node-link or\n"
        "relgraph JSON; neo4j header or edge list). Everything relgraph holds is carried, so converting\n"
        "back gives the same graph. See docs/interchange.md.\n\n"
        "Examples:\n"
        "  relgraph convert graphs/ north-korea.graphml\n"
        "  relgraph convert graphs/ neo4j-import/ --to neo4j-csv\n"
        "  relgraph convert graphs/ north-korea.cypher\n"
        "  relgraph convert nodes.csv relationships.csv graph.json\n"
        "  relgraph convert --edge-type follows --node-kind user twitter.txt twitter.json\n"
        "  relgraph convert network.dot --to node-link -");
    command->callback([args] {
        if (args->paths.size() < 2) {
            throw CLI::ValidationError("convert", "give at least one input and the output: IN... OUT");
        }
        const std::string out = args->paths.back();
        const interchange::Format to = outputFormat(*args, out);
        if (!interchange::canWrite(to)) {
            throw CLI::ValidationError("convert", fmt::format("relgraph reads {} but does not write it",
                                                              interchange::formatName(to)));
        }
        if (out == "-" && to == interchange::Format::Neo4jCsv) {
            throw CLI::ValidationError("convert", "neo4j-csv is a folder of files: give a folder, not -");
        }
        const std::vector<std::filesystem::path> inputs(args->paths.begin(), args->paths.end() - 1);
        interchange::ImportResult imported = interchange::readGraph(inputs, readOptions(args->read));
        printNotes(imported.notes);
        if (out == "-") {
            printOut(interchange::writeGraphText(imported.graph, to));
            return;
        }
        interchange::writeGraph(imported.graph, to, out);
        const store::GraphStore& g = imported.graph;
        printOut(fmt::format("wrote {} ({}): {} entities, {} relations, {} claims, {} sources\n", out,
                             interchange::formatName(to), g.entityCount(), g.relationCount(), g.claimCount(),
                             g.sourceCount()));
    });
}

}  // namespace relgraph::cli
