#include "interchange/dot_reader.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <memory>
#include <regex>
#include <set>

#include "interchange/cgraph_session.hpp"
#include "interchange/dot_escape.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::interchange {

namespace {

struct GraphCloser {
    void operator()(Agraph_t* g) const { agclose(g); }
};

// cgraph's messages ("Error: syntax error in line 3 near ';'") as diagnostics placed on their line.
std::vector<Diagnostic> cgraphDiagnostics(const std::string& file, const std::string& messages) {
    std::vector<Diagnostic> out;
    static const std::regex lineNumber(R"( in line (\d+))");
    std::size_t start = 0;
    while (start < messages.size()) {
        const std::size_t end = std::min(messages.find('\n', start), messages.size());
        std::string message = messages.substr(start, end - start);
        start = end + 1;
        for (const char* prefix : {"Error: ", "Warning: "}) {
            if (message.rfind(prefix, 0) == 0) message.erase(0, std::string_view(prefix).size());
        }
        if (message.empty()) continue;
        Place place{file, 0, 0, {}};
        std::smatch match;
        if (std::regex_search(message, match, lineNumber)) {
            place.line = std::stoul(match[1].str());
            message.erase(static_cast<std::size_t>(match.position(0)), static_cast<std::size_t>(match.length(0)));
        }
        out.push_back({place, message});
    }
    return out;
}

std::string quoted(const char* name) { return fmt::format("\"{}\"", name ? name : ""); }

class DotReader {
public:
    DotReader(const std::string& file, ReadReport& report) : report_(report) { graph_.file = file; }

    ImportedGraph read(std::string_view text) {
        CgraphSession session;
        int moreGraphs = 0;
        std::unique_ptr<Agraph_t, GraphCloser> g(session.read(text, moreGraphs));
        std::vector<Diagnostic> messages = cgraphDiagnostics(graph_.file, session.messages());
        if (!g) {
            if (messages.empty()) messages.push_back({Place{graph_.file, 0, 0, {}}, "no DOT graph in this file"});
            report_.errors.insert(report_.errors.end(), messages.begin(), messages.end());
            return std::move(graph_);
        }
        report_.notes.insert(report_.notes.end(), messages.begin(), messages.end());
        if (moreGraphs > 0) note({}, fmt::format("only the first graph is read, not the {} after it", moreGraphs));
        const bool directed = agisdirected(g.get());
        readGraphAttributes(g.get());
        if (agfstsubg(g.get())) {
            note({}, "subgraphs are flattened: their nodes and edges are read, their names and attributes are not");
        }
        std::vector<Agedge_t*> edges;
        for (Agnode_t* n = agfstnode(g.get()); n; n = agnxtnode(g.get(), n)) {
            readNode(g.get(), n);
            for (Agedge_t* e = agfstout(g.get(), n); e; e = agnxtout(g.get(), e)) edges.push_back(e);
        }
        std::sort(edges.begin(), edges.end(), [](Agedge_t* a, Agedge_t* b) { return AGSEQ(a) < AGSEQ(b); });
        for (Agedge_t* e : edges) readEdge(g.get(), e, directed);
        return std::move(graph_);
    }

private:
    void note(const std::string& where, std::string message) {
        report_.notes.push_back({Place{graph_.file, 0, 0, where}, std::move(message)});
    }

    void readGraphAttributes(Agraph_t* g) {
        for (Agsym_t* sym = agnxtattr(g, AGRAPH, nullptr); sym; sym = agnxtattr(g, AGRAPH, sym)) {
            const std::string value = agxget(g, sym);
            if (value.empty()) continue;
            if (std::string_view(sym->name) == "relgraph") {
                graph_.metadata = unescapeDotValue(value);
                graph_.metadataPlace = Place{graph_.file, 0, 0, "graph attribute \"relgraph\""};
            } else {
                note({}, fmt::format("graph attribute \"{}\" is not read: relgraph keeps data of nodes and edges",
                                     text::terminalSafe(sym->name)));
            }
        }
    }

    // Every attribute the object has as a text property. A value equal to the default a
    // "node [...]" or "edge [...]" statement gave is styling for all objects, not read.
    std::vector<Property> properties(Agraph_t* g, void* object, int kind, const Place& place) {
        std::vector<Property> out;
        for (Agsym_t* sym = agnxtattr(g, kind, nullptr); sym; sym = agnxtattr(g, kind, sym)) {
            const std::string value = agxget(object, sym);
            if (value.empty()) continue;
            if (value == sym->defval && std::string_view(sym->name) != "dir") {
                if (notedDefaults_.insert({kind, sym->name}).second) {
                    note({}, fmt::format("the default {} [{}=\"{}\"] is not read: set the attribute on each {} to "
                                         "keep it",
                                         kind == AGNODE ? "node" : "edge", text::terminalSafe(sym->name),
                                         text::terminalSafe(value), kind == AGNODE ? "node" : "edge"));
                }
                continue;
            }
            out.push_back({sym->name, unescapeDotValue(value), place});
        }
        return out;
    }

    // "label" is what Graphviz shows. It stands in for a node's "name" or an edge's "type" when that
    // is absent, and is dropped otherwise; "\N" (Graphviz's default, the node's id) is dropped too.
    static std::vector<Property> withoutPresentationLabel(std::vector<Property> properties, std::string_view data) {
        const bool hasData = std::any_of(properties.begin(), properties.end(),
                                         [&](const Property& p) { return p.name == data; });
        std::erase_if(properties, [&](const Property& p) { return p.name == "label" && (hasData || p.value == "\\N"); });
        return properties;
    }

    void readNode(Agraph_t* g, Agnode_t* n) {
        ImportedNode node;
        node.id = agnameof(n);
        node.place = Place{graph_.file, 0, 0, "node " + quoted(agnameof(n))};
        node.properties = withoutPresentationLabel(properties(g, n, AGNODE, node.place), "name");
        graph_.nodes.push_back(std::move(node));
    }

    void readEdge(Agraph_t* g, Agedge_t* e, bool directed) {
        ImportedEdge edge;
        edge.from = agnameof(agtail(e));
        edge.to = agnameof(aghead(e));
        const char* key = agnameof(e);
        if (key && *key && *key != '%') edge.id = key;
        const std::string where =
            fmt::format("edge {} {} {}{}", quoted(agnameof(agtail(e))), directed ? "->" : "--",
                        quoted(agnameof(aghead(e))), edge.id.empty() ? "" : " [key=" + quoted(key) + "]");
        edge.place = edge.fromPlace = edge.toPlace = edge.idPlace = Place{graph_.file, 0, 0, where};
        edge.directed = directed;
        for (Property& p : withoutPresentationLabel(properties(g, e, AGEDGE, edge.place), "type")) {
            if (p.name == "dir") edge.directed = p.value != "none" && p.value != "both";
            else if (p.name != "key") edge.properties.push_back(std::move(p));
        }
        graph_.edges.push_back(std::move(edge));
    }

    ReadReport& report_;
    ImportedGraph graph_;
    std::set<std::pair<int, std::string>> notedDefaults_;
};

}  // namespace

ImportedGraph readDot(const std::string& file, std::string_view text, ReadReport& report) {
    return DotReader(file, report).read(text);
}

}  // namespace relgraph::interchange
