#pragma once
// The graph file formats relgraph reads and writes besides its own (docs/interchange.md).

#include <filesystem>
#include <optional>
#include <string_view>

namespace relgraph::interchange {

enum class Format {
    RelgraphJson,  // docs/format.md
    NodeLink,      // NetworkX node-link JSON
    GraphMl,
    Dot,           // Graphviz
    Neo4jCsv,      // neo4j-admin import CSV: node and relationship files
    EdgeList,      // SNAP / LDBC style edge lists (read only)
    Cypher,        // a Cypher script (write only)
};

// "json", "node-link", "graphml", "dot", "neo4j-csv", "edge-list", "cypher"; nullopt otherwise.
std::optional<Format> parseFormat(std::string_view name);
std::string_view formatName(Format format);

bool canRead(Format format);
bool canWrite(Format format);

// The format a file name suggests: .json relgraph JSON (node-link is told by content when read),
// .graphml, .dot/.gv, .csv neo4j CSV (a .csv without neo4j header columns is read as an edge list),
// .tsv/.txt/.edges/.el edge lists, .cypher/.cql. nullopt for any other extension.
std::optional<Format> formatFromExtension(const std::filesystem::path& path);

}  // namespace relgraph::interchange
