#include "interchange/node_link_writer.hpp"

#include "interchange/property_layout.hpp"
#include "interchange/record_json.hpp"

namespace relgraph::interchange {

std::string writeNodeLink(const model::GraphData& graph) {
    OrderedJson nodes = OrderedJson::array();
    for (const model::Entity* e : entitiesById(graph)) {
        OrderedJson node = {{"id", e->id}, {"kind", e->kind}, {"name", e->name}};
        if (!e->aliases.empty()) node["aliases"] = e->aliases;
        if (!e->description.empty()) node["description"] = e->description;
        for (const auto& [name, value] : e->attributes) node[nodePropertyName(name)] = attributeValueJson(value);
        nodes.push_back(std::move(node));
    }
    OrderedJson links = OrderedJson::array();
    for (const model::Relation* r : relationsById(graph)) {
        OrderedJson link = {{"source", r->from}, {"target", r->to}, {"key", r->id}, {"type", r->type}};
        for (const auto& [name, value] : r->attributes) link[edgePropertyName(name)] = attributeValueJson(value);
        link["claims"] = claimsJson(r->claims);
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
