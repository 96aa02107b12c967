#include "interchange/graphml_reader.hpp"

#include <fmt/format.h>
#include <map>
#include <pugixml.hpp>

#include "relgraph/model/scalar_text.hpp"
#include "interchange/text_position.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::interchange {

namespace {

enum class KeyType { Boolean, Integer, Number, String };

struct Key {
    std::string name;  // attr.name
    std::string domain;  // node, edge, graph, all
    KeyType type = KeyType::String;
    bool yfiles = false;  // yEd's graphics keys: XML content, not data
    std::optional<nlohmann::json> defaultValue;
    bool noted = false;
};

std::string_view localName(const pugi::xml_node& n) {
    const std::string_view name = n.name();
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

class GraphMlReader {
public:
    GraphMlReader(const std::string& file, std::string text, ReadReport& report)
        : text_(std::move(text)), lines_(file, text_), report_(report) {
        graph_.file = file;
    }

    ImportedGraph read() {
        // Parsed in place, so element offsets are offsets into the file (for line:column).
        const pugi::xml_parse_result result =
            document_.load_buffer_inplace(text_.data(), text_.size(), pugi::parse_default, pugi::encoding_utf8);
        if (!result) {
            error(static_cast<std::size_t>(result.offset), fmt::format("not well-formed XML: {}", result.description()));
            return std::move(graph_);
        }
        const pugi::xml_node root = document_.document_element();
        if (localName(root) != "graphml") {
            error(root, fmt::format("expected a <graphml> document, got <{}>", text::terminalSafe(root.name())));
            return std::move(graph_);
        }
        for (const pugi::xml_node key : root.children()) {
            if (localName(key) == "key") readKey(key);
        }
        pugi::xml_node graph;
        for (const pugi::xml_node child : root.children()) {
            if (localName(child) != "graph") continue;
            if (graph) {
                error(child, "a second <graph>: relgraph reads one graph per GraphML file");
                continue;
            }
            graph = child;
        }
        if (!graph) {
            error(root, "no <graph> element");
            return std::move(graph_);
        }
        readGraph(graph);
        return std::move(graph_);
    }

private:
    Place place(const pugi::xml_node& n) const {
        auto offset = static_cast<std::size_t>(n.offset_debug());
        if (offset > 0 && text_[offset - 1] == '<') --offset;
        return lines_.place(offset);
    }
    void error(std::size_t offset, std::string message) {
        report_.errors.push_back({lines_.place(offset), std::move(message)});
    }
    void error(const pugi::xml_node& n, std::string message) { report_.errors.push_back({place(n), std::move(message)}); }
    void note(const pugi::xml_node& n, std::string message) { report_.notes.push_back({place(n), std::move(message)}); }

    // The text of an element: its character data and CDATA sections.
    static std::string textOf(const pugi::xml_node& n) {
        std::string out;
        for (const pugi::xml_node child : n.children()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
        }
        return out;
    }

    static bool hasElements(const pugi::xml_node& n) {
        for (const pugi::xml_node child : n.children()) {
            if (child.type() == pugi::node_element) return true;
        }
        return false;
    }

    std::optional<nlohmann::json> typed(const pugi::xml_node& where, const std::string& value, const Key& key) {
        switch (key.type) {
            case KeyType::Boolean:
                if (const auto v = model::parseBoolean(value)) return nlohmann::json(*v);
                break;
            case KeyType::Integer:
                if (const auto v = model::parseInteger(value)) return nlohmann::json(*v);
                break;
            case KeyType::Number:
                if (const auto v = model::parseNumber(value)) return nlohmann::json(*v);
                break;
            case KeyType::String: return nlohmann::json(value);
        }
        error(where, fmt::format("\"{}\" is not {} (key \"{}\")", text::terminalSafe(value),
                                 key.type == KeyType::Boolean   ? "true or false"
                                 : key.type == KeyType::Integer ? "an integer"
                                                                : "a number",
                                 text::terminalSafe(key.name)));
        return std::nullopt;
    }

    void readKey(const pugi::xml_node& n) {
        const std::string id = n.attribute("id").value();
        if (id.empty()) {
            error(n, "a <key> needs an id");
            return;
        }
        if (keys_.count(id)) {
            error(n, fmt::format("key \"{}\" is declared twice", text::terminalSafe(id)));
            return;
        }
        Key key;
        key.name = n.attribute("attr.name") ? n.attribute("attr.name").value() : id;
        key.domain = n.attribute("for") ? n.attribute("for").value() : "all";
        key.yfiles = !n.attribute("yfiles.type").empty();
        const std::string type = n.attribute("attr.type") ? n.attribute("attr.type").value() : "string";
        if (type == "boolean") key.type = KeyType::Boolean;
        else if (type == "int" || type == "long") key.type = KeyType::Integer;
        else if (type == "float" || type == "double") key.type = KeyType::Number;
        else if (type != "string") {
            error(n, fmt::format("unknown attr.type \"{}\": use boolean, int, long, float, double or string",
                                 text::terminalSafe(type)));
            return;
        }
        for (const pugi::xml_node child : n.children()) {
            if (localName(child) == "default") {
                const std::string value = textOf(child);
                if (!value.empty()) key.defaultValue = typed(child, value, key);
            }
        }
        keys_.emplace(id, std::move(key));
    }

    // The <data> children of an element as properties, then key defaults for keys it lacks.
    std::vector<Property> readData(const pugi::xml_node& owner, std::string_view domain) {
        std::vector<Property> out;
        std::vector<std::string> given;
        for (const pugi::xml_node data : owner.children()) {
            if (localName(data) != "data") continue;
            const std::string id = data.attribute("key").value();
            const auto it = keys_.find(id);
            if (it == keys_.end()) {
                error(data, fmt::format("<data> refers to undeclared key \"{}\"", text::terminalSafe(id)));
                continue;
            }
            Key& key = it->second;
            given.push_back(id);
            if (key.yfiles) {
                if (!key.noted) note(data, fmt::format("yFiles graphics (key \"{}\") are not read", id));
                key.noted = true;
                continue;
            }
            if (hasElements(data)) {
                error(data, fmt::format("<data> for key \"{}\" holds XML elements; relgraph reads text only",
                                        text::terminalSafe(id)));
                continue;
            }
            const std::string value = textOf(data);
            if (value.empty()) continue;
            if (auto v = typed(data, value, key)) out.push_back({key.name, std::move(*v), place(data)});
        }
        for (const auto& [id, key] : keys_) {
            if (!key.defaultValue || (key.domain != domain && key.domain != "all")) continue;
            if (std::find(given.begin(), given.end(), id) != given.end()) continue;
            out.push_back({key.name, *key.defaultValue, place(owner)});
        }
        return out;
    }

    void readGraph(const pugi::xml_node& graph) {
        const bool directedDefault = std::string_view(graph.attribute("edgedefault").value()) != "undirected";
        for (const pugi::xml_node data : graph.children()) {
            if (localName(data) != "data") continue;
            const auto it = keys_.find(data.attribute("key").value());
            if (it != keys_.end() && it->second.name == "relgraph") {
                graph_.metadata = textOf(data);
                graph_.metadataPlace = place(data);
            } else if (it != keys_.end()) {
                note(data, fmt::format("graph data \"{}\" is not read: relgraph keeps data of nodes and edges",
                                       text::terminalSafe(it->second.name)));
            } else {
                error(data, fmt::format("<data> refers to undeclared key \"{}\"",
                                        text::terminalSafe(data.attribute("key").value())));
            }
        }
        for (const pugi::xml_node child : graph.children()) {
            const std::string_view name = localName(child);
            if (name == "node") readNode(child);
            else if (name == "edge") readEdge(child, directedDefault);
            else if (name == "hyperedge") error(child, "hyperedges are not supported: relgraph relations have two ends");
        }
    }

    void readNode(const pugi::xml_node& n) {
        ImportedNode node;
        node.place = place(n);
        node.id = n.attribute("id").value();
        if (node.id.empty()) {
            error(n, "a <node> needs an id");
            return;
        }
        for (const pugi::xml_node child : n.children()) {
            if (localName(child) == "graph") error(child, "nested graphs are not supported");
            else if (localName(child) == "port") note(child, "ports are not read");
        }
        node.properties = readData(n, "node");
        graph_.nodes.push_back(std::move(node));
    }

    void readEdge(const pugi::xml_node& e, bool directedDefault) {
        ImportedEdge edge;
        edge.place = edge.fromPlace = edge.toPlace = edge.idPlace = place(e);
        edge.from = e.attribute("source").value();
        edge.to = e.attribute("target").value();
        if (edge.from.empty() || edge.to.empty()) {
            error(e, "an <edge> needs a source and a target");
            return;
        }
        edge.id = e.attribute("id").value();
        const std::string_view directed = e.attribute("directed").value();
        edge.directed = directed.empty() ? directedDefault : directed == "true";
        edge.properties = readData(e, "edge");
        graph_.edges.push_back(std::move(edge));
    }

    std::string text_;
    LineIndex lines_;
    ReadReport& report_;
    pugi::xml_document document_;
    std::map<std::string, Key> keys_;
    ImportedGraph graph_;
};

}  // namespace

ImportedGraph readGraphMl(const std::string& file, std::string text, ReadReport& report) {
    return GraphMlReader(file, std::move(text), report).read();
}

}  // namespace relgraph::interchange
