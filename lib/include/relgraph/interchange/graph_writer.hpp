#pragma once
// Writes a graph store in any writable format. Everything relgraph knows that a format has no place
// for (schema, sources, claims, aliases) is carried as docs/interchange.md describes, so reading the
// output back gives the same graph.

#include <filesystem>
#include <string>

#include "relgraph/interchange/interchange_format.hpp"
#include "relgraph/store/graph_store.hpp"

namespace relgraph::interchange {

// The graph as one document in a single-file format (everything but neo4j CSV). Deterministic:
// records are written in id order. Throws OutputError when the graph holds text the format cannot
// carry (a control character in XML).
std::string writeGraphText(const store::GraphStore& graph, Format format);

// Writes to `path` atomically; for neo4j CSV `path` is a folder that receives nodes.csv,
// relationships.csv and relgraph.json. Throws OutputError.
void writeGraph(const store::GraphStore& graph, Format format, const std::filesystem::path& path);

}  // namespace relgraph::interchange
