#include "interchange/cypher_writer.hpp"

#include <fmt/format.h>
#include <map>
#include <tuple>
#include <vector>

#include "interchange/property_layout.hpp"
#include "interchange/record_json.hpp"
#include "relgraph/store/store_records.hpp"

namespace relgraph::interchange {

namespace {

constexpr std::size_t kBatchSize = 500;

// A double as a Cypher float literal: JSON's shortest form, without the '+' Cypher exponents lack.
std::string floatLiteral(double v) {
    std::string out = OrderedJson(v).dump();
    if (const std::size_t plus = out.find("e+"); plus != std::string::npos) out.erase(plus + 1, 1);
    return out;
}

std::string literal(const model::AttributeValue& value) {
    return std::visit(
        [&](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::int64_t>) return std::to_string(v);
            else if constexpr (std::is_same_v<T, double>) return floatLiteral(v);
            else if constexpr (std::is_same_v<T, bool>) return v ? "true" : "false";
            else return cypherString(attributeText(value));
        },
        value.value);
}

std::string map(const std::vector<std::pair<std::string, std::string>>& entries) {
    std::string out = "{";
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i > 0) out += ", ";
        out += cypherName(entries[i].first) + ": " + entries[i].second;
    }
    return out + "}";
}

// UNWIND [rows] AS row <body>, in batches.
void unwind(std::string& out, const std::vector<std::string>& rows, const std::string& body) {
    for (std::size_t start = 0; start < rows.size(); start += kBatchSize) {
        out += "UNWIND [\n";
        const std::size_t end = std::min(rows.size(), start + kBatchSize);
        for (std::size_t i = start; i < end; ++i) out += "  " + rows[i] + (i + 1 < end ? ",\n" : "\n");
        out += "] AS row\n" + body + ";\n";
    }
}

}  // namespace

std::string cypherString(std::string_view text) {
    std::string out = "'";
    for (const char c : text) {
        switch (c) {
            case '\'': out += "\\'"; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
                    out += fmt::format("\\u{:04X}", static_cast<unsigned>(static_cast<unsigned char>(c)));
                } else {
                    out += c;
                }
        }
    }
    return out + "'";
}

std::string cypherName(std::string_view name) {
    std::string out = "`";
    for (const char c : name) {
        if (c == '`') out += '`';
        out += c;
    }
    return out + "`";
}

std::string writeCypher(const store::GraphStore& graph) {
    std::string out = "// relgraph graph as Cypher: constraints, then nodes, then relationships.\n";
    for (const auto& [name, kind] : graph.schema().kinds) {
        out += fmt::format("CREATE CONSTRAINT {} IF NOT EXISTS FOR (n:{}) REQUIRE n.id IS UNIQUE;\n",
                           cypherName("relgraph_" + name + "_id"), cypherName(name));
    }
    out += fmt::format("MERGE (m:relgraph_metadata {{id: 'relgraph'}}) SET m.document = {};\n",
                       cypherString(metadataJson(graph).dump()));

    std::map<std::string, std::vector<std::string>> nodesByKind;
    for (store::Vertex v = 0; v < graph.entityCount(); ++v) {
        const model::Entity e = store::entityRecord(graph, v);
        std::vector<std::pair<std::string, std::string>> properties{{"name", cypherString(e.name)}};
        if (!e.aliases.empty()) {
            std::string list = "[";
            for (std::size_t i = 0; i < e.aliases.size(); ++i) list += (i ? ", " : "") + cypherString(e.aliases[i]);
            properties.emplace_back("aliases", list + "]");
        }
        if (!e.description.empty()) properties.emplace_back("description", cypherString(e.description));
        for (const auto& [name, value] : e.attributes) properties.emplace_back(nodePropertyName(name), literal(value));
        nodesByKind[e.kind].push_back(map({{"id", cypherString(e.id)}, {"properties", map(properties)}}));
    }
    for (const auto& [kind, rows] : nodesByKind) {
        unwind(out, rows, fmt::format("MERGE (n:{} {{id: row.id}}) SET n += row.properties", cypherName(kind)));
    }

    std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::string>> relationsByShape;
    for (store::Edge row = 0; row < graph.relationCount(); ++row) {
        const model::Relation r = store::relationRecord(graph, row);
        std::vector<std::pair<std::string, std::string>> properties;
        for (const auto& [name, value] : r.attributes) properties.emplace_back(edgePropertyName(name), literal(value));
        properties.emplace_back("claims", cypherString(claimsJson(r.claims).dump()));
        relationsByShape[{r.type, graph.kindOf(graph.from(row)).name, graph.kindOf(graph.to(row)).name}].push_back(
            map({{"from", cypherString(r.from)},
                 {"to", cypherString(r.to)},
                 {"id", cypherString(r.id)},
                 {"properties", map(properties)}}));
    }
    for (const auto& [shape, rows] : relationsByShape) {
        const auto& [type, fromKind, toKind] = shape;
        unwind(out, rows,
               fmt::format("MATCH (a:{} {{id: row.from}}), (b:{} {{id: row.to}})\n"
                           "MERGE (a)-[r:{} {{id: row.id}}]->(b) SET r += row.properties",
                           cypherName(fromKind), cypherName(toKind), cypherName(type)));
    }
    return out;
}

}  // namespace relgraph::interchange
