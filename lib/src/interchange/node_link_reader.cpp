#include "interchange/node_link_reader.hpp"

#include <fmt/format.h>

#include "load/json_document.hpp"
#include "load/json_stream.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::interchange {

using nlohmann::json;
using load::JsonDocument;

namespace {

// Follows a document without keeping any of it, noting its top-level keys (TopLevelKeys).
class TopLevelReader {
public:
    TopLevelReader(bool stopAtNodes, TopLevelKeys& keys) : stopAtNodes_(stopAtNodes), keys_(keys) {}

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(json::number_integer_t) { return true; }
    bool number_unsigned(json::number_unsigned_t) { return true; }
    bool number_float(json::number_float_t, const json::string_t&) { return true; }
    bool string(json::string_t&) { return true; }
    bool binary(json::binary_t&) { return false; }
    bool start_object(std::size_t) {
        keys_.object = keys_.object || depth_ == 0;
        ++depth_;
        return true;
    }
    bool start_array(std::size_t) { return depth_++ > 0; }  // a top-level array is neither format's
    bool end_object() {
        --depth_;
        return true;
    }
    bool end_array() { return end_object(); }
    bool key(json::string_t& k) {
        if (depth_ != 1) return true;
        keys_.relgraph = k == "relgraph";
        keys_.nodes = keys_.nodes || k == "nodes";
        return !keys_.relgraph && !(stopAtNodes_ && keys_.nodes);
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

private:
    bool stopAtNodes_;
    TopLevelKeys& keys_;
    std::size_t depth_ = 0;
};

bool hasTopLevelNodes(load::JsonBlocks& blocks) {
    const TopLevelKeys keys = readTopLevelKeys(blocks, false);
    return keys.complete && keys.object && keys.nodes && !keys.relgraph;
}

}  // namespace

TopLevelKeys readTopLevelKeys(load::JsonBlocks& blocks, bool stopAtNodes) {
    TopLevelKeys keys;
    TopLevelReader reader(stopAtNodes, keys);
    keys.complete = json::sax_parse(load::ByteIterator(&blocks), load::ByteIterator(), &reader) && !blocks.invalidUtf8();
    return keys;
}

bool isNodeLinkJson(std::string_view text) {
    load::JsonBlocks blocks(text.size(), {});
    blocks.openText(text);
    return hasTopLevelNodes(blocks);
}

bool isNodeLinkFile(const std::string& file) {
    load::JsonBlocks blocks(std::size_t{4} << 20, {});
    std::string error;
    return blocks.open(file, load::Mark{}, error) && hasTopLevelNodes(blocks);
}

namespace {

class NodeLinkReader {
public:
    NodeLinkReader(const std::string& file, ReadReport& report) : report_(report) { graph_.file = file; }

    ImportedGraph read(std::string text) {
        if (!doc_.parse(graph_.file, std::move(text), report_.errors)) return std::move(graph_);
        const json& root = doc_.root();
        if (!root.is_object()) {
            error("", "expected a node-link graph (an object with \"nodes\" and \"links\")");
            return std::move(graph_);
        }
        bool directed = false;  // NetworkX reads a document without "directed" as undirected
        if (const auto it = root.find("directed"); it != root.end()) {
            if (it->is_boolean()) directed = it->get<bool>();
            else error("/directed", "\"directed\" must be true or false");
        }
        readGraphAttributes(root);
        const auto nodes = root.find("nodes");
        if (nodes == root.end() || !nodes->is_array()) {
            error(nodes == root.end() ? "" : "/nodes", "\"nodes\" must be an array");
        } else {
            for (std::size_t i = 0; i < nodes->size(); ++i) readNode((*nodes)[i], JsonDocument::child("/nodes", i));
        }
        const auto links = root.find("links");
        const auto edges = root.find("edges");
        if (links != root.end() && edges != root.end()) {
            error("/edges", "both \"links\" and \"edges\": give the edges once");
            return std::move(graph_);
        }
        const auto list = links != root.end() ? links : edges;
        if (list == root.end()) return std::move(graph_);
        const std::string member = links != root.end() ? "/links" : "/edges";
        if (!list->is_array()) {
            error(member, fmt::format("\"{}\" must be an array", member.substr(1)));
            return std::move(graph_);
        }
        for (std::size_t i = 0; i < list->size(); ++i) {
            readLink((*list)[i], JsonDocument::child(member, i), directed);
        }
        return std::move(graph_);
    }

private:
    void error(const std::string& pointer, std::string message) {
        report_.errors.push_back({doc_.place(pointer), std::move(message)});
    }

    void readGraphAttributes(const json& root) {
        const auto it = root.find("graph");
        if (it == root.end() || !it->is_object()) return;
        for (const auto& [key, value] : it->items()) {
            const std::string pointer = JsonDocument::child("/graph", key);
            if (key == "relgraph") {
                graph_.metadata = value.is_string() ? value.get<std::string>() : value.dump();
                graph_.metadataPlace = doc_.place(pointer);
            } else {
                report_.notes.push_back({doc_.place(pointer),
                                         fmt::format("graph attribute \"{}\" is not read: relgraph keeps data of "
                                                     "nodes and edges",
                                                     text::terminalSafe(key))});
            }
        }
    }

    // A node id or link end: a string or an integer, as NetworkX writes them.
    bool nodeId(const json& v, const std::string& pointer, std::string& out) {
        if (v.is_string()) out = v.get<std::string>();
        else if (v.is_number_integer()) out = v.dump();
        else {
            error(pointer, "expected a node id (a string or an integer)");
            return false;
        }
        return true;
    }

    void readNode(const json& n, const std::string& pointer) {
        if (!n.is_object()) {
            error(pointer, "expected a node (an object)");
            return;
        }
        ImportedNode node;
        node.place = doc_.place(pointer);
        const auto id = n.find("id");
        if (id == n.end()) {
            error(pointer, "a node needs an \"id\"");
            return;
        }
        if (!nodeId(*id, JsonDocument::child(pointer, "id"), node.id)) return;
        for (const auto& [key, value] : n.items()) {
            if (key == "id" || value.is_null()) continue;
            node.properties.push_back({key, value, doc_.place(JsonDocument::child(pointer, key))});
        }
        graph_.nodes.push_back(std::move(node));
    }

    void readLink(const json& l, const std::string& pointer, bool directed) {
        if (!l.is_object()) {
            error(pointer, "expected a link (an object)");
            return;
        }
        ImportedEdge edge;
        edge.place = doc_.place(pointer);
        edge.directed = directed;
        edge.where = fmt::format("{} (line {})", pointer, edge.place.line);
        bool ok = true;
        for (const char* end : {"source", "target"}) {
            const auto it = l.find(end);
            const std::string p = JsonDocument::child(pointer, end);
            std::string& id = std::string_view(end) == "source" ? edge.from : edge.to;
            (std::string_view(end) == "source" ? edge.fromPlace : edge.toPlace) = doc_.place(p);
            if (it == l.end()) {
                error(pointer, fmt::format("a link needs a \"{}\"", end));
                ok = false;
            } else {
                ok = nodeId(*it, p, id) && ok;
            }
        }
        if (!ok) return;
        for (const auto& [key, value] : l.items()) {
            if (key == "source" || key == "target" || value.is_null()) continue;
            const std::string p = JsonDocument::child(pointer, key);
            if (key == "key") {
                // A string key is a relation id; NetworkX numbers the edges between two nodes 0, 1, …
                // and those numbers are not ids.
                if (value.is_string()) {
                    edge.id = value.get<std::string>();
                    edge.idPlace = doc_.place(p);
                }
            } else {
                edge.properties.push_back({key, value, doc_.place(p)});
            }
        }
        graph_.edges.push_back(std::move(edge));
    }

    ReadReport& report_;
    JsonDocument doc_;
    ImportedGraph graph_;
};

}  // namespace

ImportedGraph readNodeLink(const std::string& file, std::string text, ReadReport& report) {
    return NodeLinkReader(file, report).read(std::move(text));
}

}  // namespace relgraph::interchange
