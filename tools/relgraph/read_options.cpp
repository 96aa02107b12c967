#include "read_options.hpp"

namespace relgraph::cli {

void addReadOptions(CLI::App& command, ReadArgs& args) {
    const std::vector<std::string> readable{"json", "node-link", "graphml", "dot", "neo4j-csv", "edge-list"};
    command.add_option("--from", args.from, "Read every input file as this format (default: by extension and content)")
        ->check(CLI::IsMember(readable));
    command
        .add_option("--edge-type", args.edgeTypes,
                    "Edge lists and neo4j relationship files without :TYPE: the relation type of their edges "
                    "(default related_to); FILE=TYPE for one file")
        ->type_name("[FILE=]TYPE")
        ->allow_extra_args(false);
    command.add_option("--node-kind", args.nodeKind, "Edge lists: the kind of their nodes (default node)")
        ->type_name("KIND");
    auto* header = command.add_flag("--header", args.header, "Edge lists: the first line names the columns");
    command.add_flag("--no-header", args.noHeader, "Edge lists: the first line is an edge")->excludes(header);
}

interchange::ReadOptions readOptions(const ReadArgs& args) {
    interchange::ReadOptions options;
    if (!args.from.empty()) options.format = interchange::parseFormat(args.from);
    for (const std::string& mapping : args.edgeTypes) {
        const std::size_t equals = mapping.find('=');
        if (equals == std::string::npos) options.edgeList.edgeType = mapping;
        else options.edgeList.typeByFile[mapping.substr(0, equals)] = mapping.substr(equals + 1);
    }
    options.edgeList.nodeKind = args.nodeKind;
    if (args.header) options.edgeList.header = true;
    if (args.noHeader) options.edgeList.header = false;
    return options;
}

}  // namespace relgraph::cli
