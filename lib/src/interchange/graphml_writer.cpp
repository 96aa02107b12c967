#include "interchange/graphml_writer.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>
#include <sstream>

#include "interchange/property_layout.hpp"
#include "interchange/record_json.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/common/text.hpp"
#include "relgraph/store/store_records.hpp"

namespace relgraph::interchange {

namespace {

std::string_view graphMlType(ColumnType type) {
    switch (type) {
        case ColumnType::Integer: return "long";
        case ColumnType::Number: return "double";
        case ColumnType::Boolean: return "boolean";
        case ColumnType::String: break;
    }
    return "string";
}

class GraphMlWriter {
public:
    explicit GraphMlWriter(const store::GraphStore& graph) : graph_(graph) {}

    std::string write() {
        pugi::xml_node declaration = doc_.append_child(pugi::node_declaration);
        declaration.append_attribute("version") = "1.0";
        declaration.append_attribute("encoding") = "UTF-8";
        root_ = doc_.append_child("graphml");
        root_.append_attribute("xmlns") = "http://graphml.graphdrawing.org/xmlns";
        root_.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
        root_.append_attribute("xsi:schemaLocation") =
            "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";
        addKey("g.relgraph", "graph", "relgraph", ColumnType::String);
        for (const char* name : {"kind", "name", "aliases", "description"}) {
            addKey(std::string("n.") + name, "node", name, ColumnType::String);
        }
        for (const auto& [name, type] : kindAttributeColumns(graph_.schema())) {
            addKey("n.attribute." + name, "node", nodePropertyName(name), type);
        }
        for (const char* name : {"type", "claims"}) addKey(std::string("e.") + name, "edge", name, ColumnType::String);
        for (const auto& [name, type] : typeAttributeColumns(graph_.schema())) {
            addKey("e.attribute." + name, "edge", edgePropertyName(name), type);
        }
        pugi::xml_node g = root_.append_child("graph");
        g.append_attribute("id") = "relgraph";
        g.append_attribute("edgedefault") = "directed";
        addData(g, "g.relgraph", metadataJson(graph_).dump(), "the schema and sources");
        for (store::Vertex v = 0; v < graph_.entityCount(); ++v) addNode(g, store::entityRecord(graph_, v));
        for (store::Edge e = 0; e < graph_.relationCount(); ++e) addEdge(g, store::relationRecord(graph_, e));
        std::ostringstream out;
        doc_.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
        return out.str();
    }

private:
    void addKey(const std::string& id, const char* domain, const std::string& name, ColumnType type) {
        pugi::xml_node key = root_.append_child("key");
        key.append_attribute("id") = id.c_str();
        key.append_attribute("for") = domain;
        key.append_attribute("attr.name") = name.c_str();
        key.append_attribute("attr.type") = std::string(graphMlType(type)).c_str();
    }

    // XML 1.0 has no way to write control characters but tab, newline and carriage return.
    static void checkXmlText(const std::string& value, const std::string& what) {
        for (const char c : value) {
            const auto u = static_cast<unsigned char>(c);
            if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                throw OutputError(fmt::format("cannot write GraphML: {} holds the control character U+{:04X}, which "
                                              "XML 1.0 cannot carry",
                                              what, static_cast<unsigned>(u)));
            }
        }
    }

    void addData(pugi::xml_node owner, const std::string& key, const std::string& value, const std::string& what) {
        checkXmlText(value, what);
        pugi::xml_node data = owner.append_child("data");
        data.append_attribute("key") = key.c_str();
        data.text().set(value.c_str());
    }

    void addNode(pugi::xml_node g, const model::Entity& e) {
        const std::string what = fmt::format("entity \"{}\"", e.id);
        pugi::xml_node node = g.append_child("node");
        node.append_attribute("id") = e.id.c_str();
        addData(node, "n.kind", e.kind, what);
        addData(node, "n.name", e.name, what);
        if (!e.aliases.empty()) addData(node, "n.aliases", OrderedJson(e.aliases).dump(), what);
        if (!e.description.empty()) addData(node, "n.description", e.description, what);
        for (const auto& [name, value] : e.attributes) {
            addData(node, "n.attribute." + name, attributeText(value), what);
        }
    }

    void addEdge(pugi::xml_node g, const model::Relation& r) {
        const std::string what = fmt::format("relation \"{}\"", r.id);
        pugi::xml_node edge = g.append_child("edge");
        edge.append_attribute("id") = r.id.c_str();
        edge.append_attribute("source") = r.from.c_str();
        edge.append_attribute("target") = r.to.c_str();
        addData(edge, "e.type", r.type, what);
        for (const auto& [name, value] : r.attributes) {
            addData(edge, "e.attribute." + name, attributeText(value), what);
        }
        addData(edge, "e.claims", claimsJson(r.claims).dump(), what);
    }

    const store::GraphStore& graph_;
    pugi::xml_document doc_;
    pugi::xml_node root_;
};

}  // namespace

std::string writeGraphMl(const store::GraphStore& graph) { return GraphMlWriter(graph).write(); }

}  // namespace relgraph::interchange
