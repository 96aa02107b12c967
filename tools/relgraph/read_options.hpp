#pragma once
// The options that say how foreign files are read (--from, --edge-type, --node-kind, --header),
// shared by convert and load.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "relgraph/interchange/graph_reader.hpp"

namespace relgraph::cli {

struct ReadArgs {
    std::string from;
    std::vector<std::string> edgeTypes;  // TYPE or FILE=TYPE
    std::string nodeKind;
    bool header = false;
    bool noHeader = false;
};

void addReadOptions(CLI::App& command, ReadArgs& args);
interchange::ReadOptions readOptions(const ReadArgs& args);

}  // namespace relgraph::cli
