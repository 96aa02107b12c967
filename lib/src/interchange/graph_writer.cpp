#include "relgraph/interchange/graph_writer.hpp"

#include <fmt/format.h>

#include "interchange/cypher_writer.hpp"
#include "interchange/dot_writer.hpp"
#include "interchange/graphml_writer.hpp"
#include "interchange/neo4j_csv_writer.hpp"
#include "interchange/node_link_writer.hpp"
#include "interchange/relgraph_json_writer.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/common/file_output.hpp"

namespace relgraph::interchange {

std::string writeGraphText(const store::GraphStore& graph, Format format) {
    switch (format) {
        case Format::RelgraphJson: return writeRelgraphJson(graph);
        case Format::NodeLink: return writeNodeLink(graph);
        case Format::GraphMl: return writeGraphMl(graph);
        case Format::Dot: return writeDot(graph);
        case Format::Cypher: return writeCypher(graph);
        case Format::Neo4jCsv:
        case Format::EdgeList: break;
    }
    throw OutputError(fmt::format("{} is not written as a single file", formatName(format)));
}

void writeGraph(const store::GraphStore& graph, Format format, const std::filesystem::path& path) {
    if (format != Format::Neo4jCsv) {
        writeFileAtomically(path, writeGraphText(graph, format));
        return;
    }
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec) throw OutputError(fmt::format("cannot create folder {}: {}", path.string(), ec.message()));
    for (const auto& [name, content] : writeNeo4jCsv(graph)) writeFileAtomically(path / name, content);
}

}  // namespace relgraph::interchange
