#include "cli_context.hpp"

#include <cstdio>

#include "relgraph/common/bundled_graph.hpp"
#include "relgraph/load/graph_loader.hpp"

namespace relgraph::cli {

std::vector<std::string> CliContext::effectivePaths() const {
    if (!graphPaths.empty()) return graphPaths;
    return {bundledGraphPath().string()};
}

std::unique_ptr<store::GraphStore> CliContext::openStore() const {
    load::GraphLoader loader;
    for (const std::string& path : effectivePaths()) loader.addPath(path);
    return std::make_unique<store::GraphStore>(loader.load());
}

void addGraphOption(CLI::App& command, CliContext& context) {
    command.add_option("--graph", context.graphPaths,
                       "Graph file or folder to read (repeatable); default: the bundled graph")
        ->type_name("PATH")
        ->allow_extra_args(false);
}

void addFormatOption(CLI::App& command, CliContext& context) {
    command.add_option("--format", context.format, "Output format")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();
}

std::set<std::string> resolveTypes(const store::GraphStore& store, const std::vector<std::string>& types) {
    std::set<std::string> out;
    for (const std::string& t : types) out.insert(store.resolveType(t).name);
    return out;
}

void printOut(const std::string& text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
}

}  // namespace relgraph::cli
