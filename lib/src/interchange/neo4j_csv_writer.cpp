#include "interchange/neo4j_csv_writer.hpp"

#include <vector>

#include "interchange/property_layout.hpp"
#include "interchange/record_json.hpp"
#include "relgraph/store/store_records.hpp"

namespace relgraph::interchange {

namespace {

// RFC 4180: quoted when it holds a comma, a quote, a line break or surrounding spaces; quotes doubled.
std::string csvField(const std::string& value) {
    const bool quote = value.find_first_of(",\"\n\r") != std::string::npos ||
                       (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!quote) return value;
    std::string out = "\"";
    for (const char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csvLine(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ',';
        out += csvField(fields[i]);
    }
    return out + "\n";
}

std::string typedHeader(const std::string& name, ColumnType type) {
    switch (type) {
        case ColumnType::Integer: return name + ":long";
        case ColumnType::Number: return name + ":double";
        case ColumnType::Boolean: return name + ":boolean";
        case ColumnType::String: break;
    }
    return name;
}

std::string attributeField(const model::Attributes& attributes, const std::string& name) {
    const auto it = attributes.find(name);
    return it == attributes.end() ? std::string() : attributeText(it->second);
}

}  // namespace

std::map<std::string, std::string> writeNeo4jCsv(const store::GraphStore& graph) {
    const auto nodeColumns = kindAttributeColumns(graph.schema());
    std::vector<std::string> header{"id:ID", ":LABEL", "name", "aliases", "description"};
    for (const auto& [name, type] : nodeColumns) header.push_back(typedHeader(nodePropertyName(name), type));
    std::string nodes = csvLine(header);
    for (store::Vertex v = 0; v < graph.entityCount(); ++v) {
        const model::Entity e = store::entityRecord(graph, v);
        std::vector<std::string> row{e.id, e.kind, e.name, e.aliases.empty() ? "" : OrderedJson(e.aliases).dump(),
                                     e.description};
        for (const auto& [name, type] : nodeColumns) row.push_back(attributeField(e.attributes, name));
        nodes += csvLine(row);
    }

    const auto edgeColumns = typeAttributeColumns(graph.schema());
    header = {":START_ID", ":END_ID", ":TYPE", "id"};
    for (const auto& [name, type] : edgeColumns) header.push_back(typedHeader(edgePropertyName(name), type));
    header.push_back("claims");
    std::string relationships = csvLine(header);
    for (store::Edge relation = 0; relation < graph.relationCount(); ++relation) {
        const model::Relation r = store::relationRecord(graph, relation);
        std::vector<std::string> row{r.from, r.to, r.type, r.id};
        for (const auto& [name, type] : edgeColumns) row.push_back(attributeField(r.attributes, name));
        row.push_back(claimsJson(r.claims).dump());
        relationships += csvLine(row);
    }
    return {{"nodes.csv", std::move(nodes)},
            {"relationships.csv", std::move(relationships)},
            {"relgraph.json", metadataJson(graph).dump(2) + "\n"}};
}

}  // namespace relgraph::interchange
