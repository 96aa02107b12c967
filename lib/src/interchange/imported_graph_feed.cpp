#include "interchange/imported_graph_feed.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "interchange/property_values.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::interchange {

namespace {

// The properties of one node or edge that hold a value, each taken at most once.
class PropertyBag {
public:
    explicit PropertyBag(const std::vector<Property>& properties) {
        for (const Property& p : properties) {
            if (!isAbsent(p.value)) list_.push_back(&p);
        }
    }

    // The first of `names` present, taken.
    const Property* take(std::initializer_list<std::string_view> names) {
        for (const std::string_view name : names) {
            const auto it = std::find_if(list_.begin(), list_.end(), [&](const Property* p) { return p->name == name; });
            if (it == list_.end()) continue;
            const Property* p = *it;
            list_.erase(it);
            return p;
        }
        return nullptr;
    }

    const std::vector<const Property*>& rest() const { return list_; }

private:
    std::vector<const Property*> list_;
};

}  // namespace

void mapImportedNodes(const ImportedGraph& graph, GraphMapper& mapper) {
    GraphMapper::NodeRow row;
    for (const ImportedNode& node : graph.nodes) {
        row.id = node.id;
        row.at = mapper.atOf(node.place);
        row.properties.clear();
        for (const Property& p : node.properties) {
            if (!isAbsent(p.value)) row.properties.push_back(jsonProperty(p.name, p.value, mapper.atOf(p.place)));
        }
        mapper.addNode(row);
    }
}

void mapImportedEdges(const ImportedGraph& graph, GraphMapper& mapper) {
    mapper.builder().beginFile(graph.file);
    for (const ImportedEdge& e : graph.edges) {
        GraphMapper::EdgeRow edge;
        edge.at = mapper.atOf(e.place);
        edge.fromAt = mapper.atOf(e.fromPlace);
        edge.toAt = mapper.atOf(e.toPlace);
        const auto end = [&](const std::string& id, const At& at) {
            const auto found = mapper.findEntity(id);
            if (!found) {
                mapper.problem(Stage::Map, at.place(), fmt::format("no node has the id \"{}\"", text::terminalSafe(id)));
            }
            return found;
        };
        const auto from = end(e.from, edge.fromAt);
        const auto to = end(e.to, edge.toAt);
        if (!from || !to) continue;
        edge.from = *from;
        edge.to = *to;
        edge.directed = e.directed;
        PropertyBag bag(e.properties);
        std::string typeText;
        edge.typeAt = edge.at;
        if (const Property* p = bag.take({"type", "label"})) {
            typeText = textOf(p->value);
            edge.typeAt = mapper.atOf(p->place);
        }
        edge.type = mapper.type(typeText, edge.typeAt);
        std::string id = e.id;
        edge.idAt = mapper.atOf(e.idPlace);
        if (id.empty()) {
            if (const Property* p = bag.take({"id"})) {
                id = textOf(p->value);
                edge.idAt = mapper.atOf(p->place);
            }
        }
        if (!id.empty()) edge.id = id;
        if (const Property* p = bag.take({"claims"})) {
            if (p->value.is_string()) edge.claimsText = p->value.get_ref<const std::string&>();
            else edge.claims = &p->value;
            edge.claimsAt = mapper.atOf(p->place);
        }
        const Row relation = mapper.addRelation(edge);
        for (const Property* p : bag.rest()) {
            const GraphMapper::NodeProperty property = jsonProperty(p->name, p->value, mapper.atOf(p->place));
            const Row column = mapper.attribute(store::kOwnerRelations, edge.type, property.name, property.at);
            mapper.addKind(column, property.kind);
            mapper.setValue(column, relation, property.text, property.at, property.kind);
        }
    }
}

}  // namespace relgraph::interchange
