#include "relgraph/interchange/interchange_format.hpp"

#include <array>
#include <utility>

namespace relgraph::interchange {

namespace {
constexpr std::array<std::pair<std::string_view, Format>, 7> kNames{{
    {"json", Format::RelgraphJson},
    {"node-link", Format::NodeLink},
    {"graphml", Format::GraphMl},
    {"dot", Format::Dot},
    {"neo4j-csv", Format::Neo4jCsv},
    {"edge-list", Format::EdgeList},
    {"cypher", Format::Cypher},
}};
}  // namespace

std::optional<Format> parseFormat(std::string_view name) {
    for (const auto& [n, f] : kNames) {
        if (n == name) return f;
    }
    return std::nullopt;
}

std::string_view formatName(Format format) {
    for (const auto& [n, f] : kNames) {
        if (f == format) return n;
    }
    return "json";
}

bool canRead(Format format) { return format != Format::Cypher; }
bool canWrite(Format format) { return format != Format::EdgeList; }

std::optional<Format> formatFromExtension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (ext == ".json") return Format::RelgraphJson;
    if (ext == ".graphml") return Format::GraphMl;
    if (ext == ".dot" || ext == ".gv") return Format::Dot;
    if (ext == ".csv") return Format::Neo4jCsv;
    if (ext == ".tsv" || ext == ".txt" || ext == ".edges" || ext == ".el") return Format::EdgeList;
    if (ext == ".cypher" || ext == ".cql") return Format::Cypher;
    return std::nullopt;
}

}  // namespace relgraph::interchange
