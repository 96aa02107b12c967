#include "interchange/node_link_writer.hpp"

#include "interchange/property_layout.hpp"
#include "interchange/record_json.hpp"
#include "relgraph/store/store_records.hpp"

namespace relgraph::interchange {

std::string writeNodeLink(const store::GraphStore& graph) {
    OrderedJson nodes = OrderedJson::array();
    for (store::Vertex v = 0; v < graph.entityCount(); ++v) {
        const model::Entity e = store::entityRecord(graph, v);
        OrderedJson node = {{"id", e.id}, {"kind", e.kind}, {"name", e.name}};
        if (!e.aliases.empty()) node["aliases"] = e.aliases;
        if (!e.description.empty()) node["description"] = e.description;
        for (const auto& [name, value] : e.attributes) node[nodePropertyName(name)] = attributeValueJson(value);
        nodes.push_back(std::move(node));
    }
    OrderedJson links = OrderedJson::array();
    for (store::Edge row = 0; row < graph.relationCount(); ++row) {
        const model::Relation r = store::relationRecord(graph, row);
        OrderedJson link = {{"source", r.from}, {"target", r.to}, {"key", r.id}, {"type", r.type}};
        for (const auto& [name, value] : r.attributes) link[edgePropertyName(name)] = attributeValueJson(value);
        link["claims"] = claimsJson(r.claims);
        links.push_back(std::move(link));
    }
    const OrderedJson doc = {{"directed", true},
                             {"multigraph", true},
                             {"graph", {{"relgraph", metadataJson(graph)}}},
                             {"nodes", std::move(nodes)},
                             {"links", std::move(links)}};
    return doc.dump(2) + "\n";
}

}  // namespace relgraph::interchange
