#include "relgraph/render/graphviz_renderer.hpp"

#include <cgraph.h>
#include <gvc.h>

#include <fmt/format.h>
#include <memory>
#include <mutex>
#include <optional>

#include "relgraph/common/error.hpp"

namespace relgraph::render {

namespace {

std::mutex graphvizMutex;
std::string graphvizErrors;  // guarded by graphvizMutex

int collectError(char* message) {
    graphvizErrors += message;
    return 0;
}

// cgraph predates const: its setters take char*. Values are copied by cgraph (agstrdup).
void set(void* object, const char* name, const std::string& value) {
    agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

// DOT is written by cgraph's own writer (agwrite) into a string, through an I/O discipline.
int appendToString(void* channel, const char* text) {
    static_cast<std::string*>(channel)->append(text);
    return 0;
}
int noFlush(void*) { return 0; }
Agiodisc_t stringIo{nullptr, appendToString, noFlush};
Agdisc_t stringDisc{&AgMemDisc, &AgIdDisc, &stringIo};

// One Graphviz context for the whole process: Graphviz 2.42's text-size cache keeps a pointer into
// the first context's font data, so freeing a context and making a new one reads freed memory.
GVC_t* sharedContext() {
    static GVC_t* const gvc = gvContext();
    return gvc;
}
struct GraphDeleter {
    void operator()(Agraph_t* g) const { agclose(g); }
};

void build(Agraph_t* g, const Diagram& diagram, const Theme& theme) {
    set(g, "label", literalLabel(diagram.title));
    set(g, "labelloc", "t");
    set(g, "fontname", "Helvetica,Arial,sans-serif");
    set(g, "fontsize", "16");
    set(g, "rankdir", "LR");
    set(g, "id", diagram.id);
    set(g, "class", "relgraph");
    for (const DiagramNode& node : diagram.nodes) {
        Agnode_t* n = agnode(g, const_cast<char*>(node.id.c_str()), 1);
        const NodeStyle& style = node.role == NodeRole::Relation ? Theme::relationStyle()
                                 : node.role == NodeRole::Source ? Theme::sourceStyle()
                                                                 : theme.kindStyle(node.kind);
        set(n, "label", literalLabel(node.label));
        set(n, "shape", style.shape);
        set(n, "style", node.role == NodeRole::Relation ? "rounded,filled" : "filled");
        set(n, "fillcolor", style.fillColor);
        set(n, "color", style.lineColor);
        set(n, "penwidth", node.emphasized ? "2.5" : "1");
        set(n, "fontname", "Helvetica,Arial,sans-serif");
        set(n, "fontsize", "12");
        set(n, "id", diagram.id + "-" + node.id);
        set(n, "class", fmt::format("{} kind-{}", node.role == NodeRole::Entity ? "entity" : node.kind, node.kind));
    }
    for (const DiagramEdge& edge : diagram.edges) {
        Agnode_t* from = agnode(g, const_cast<char*>(edge.from.c_str()), 0);
        Agnode_t* to = agnode(g, const_cast<char*>(edge.to.c_str()), 0);
        RELGRAPH_ASSERT(from != nullptr && to != nullptr);
        Agedge_t* e = agedge(g, from, to, const_cast<char*>(edge.id.c_str()), 1);
        if (!edge.label.empty()) set(e, "label", literalLabel(edge.label));
        set(e, "fontname", "Helvetica,Arial,sans-serif");
        set(e, "fontsize", "10");
        if (!edge.directed) set(e, "dir", "none");
        if (edge.attribution) set(e, "style", "dashed");
        set(e, "color", edge.emphasized ? "#D55E00" : "#555555");
        set(e, "penwidth", edge.emphasized ? "2" : "1");
        set(e, "id", diagram.id + "-" + edge.id);
        set(e, "class", "relation type-" + edge.type);
    }
}

}  // namespace

std::optional<ImageFormat> parseImageFormat(std::string_view name) {
    if (name == "dot") return ImageFormat::Dot;
    if (name == "svg") return ImageFormat::Svg;
    return std::nullopt;
}

std::string literalLabel(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '\\') out += "\\\\";
        else if (c == '&') out += "&amp;";
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) out += ' ';
        else out += c;
    }
    return out;
}

std::string renderDiagram(const Diagram& diagram, const Theme& theme, ImageFormat format) {
    const std::lock_guard<std::mutex> lock(graphvizMutex);
    graphvizErrors.clear();
    agseterrf(collectError);
    agseterr(AGWARN);

    GVC_t* const gvc = sharedContext();
    if (!gvc) throw RenderError("Graphviz could not start (gvContext failed)");
    std::unique_ptr<Agraph_t, GraphDeleter> graph(
        agopen(const_cast<char*>(diagram.id.c_str()), Agdirected, &stringDisc));
    build(graph.get(), diagram, theme);

    if (format == ImageFormat::Dot) {
        std::string out;
        if (agwrite(graph.get(), &out) != 0 || out.empty()) {
            throw RenderError(fmt::format("Graphviz could not write DOT: {}", graphvizErrors));
        }
        return out;
    }
    if (gvLayout(gvc, graph.get(), "dot") != 0) {
        throw RenderError(fmt::format("Graphviz layout failed: {}", graphvizErrors.empty() ? "no message" : graphvizErrors));
    }
    char* data = nullptr;
    unsigned int length = 0;
    const int status = gvRenderData(gvc, graph.get(), "svg", &data, &length);
    std::string out = (status == 0 && data) ? std::string(data, length) : std::string();
    if (data) gvFreeRenderData(data);
    gvFreeLayout(gvc, graph.get());
    if (status != 0 || out.empty()) {
        throw RenderError(fmt::format("Graphviz could not render svg: {}",
                                      graphvizErrors.empty() ? "no output (is the Graphviz svg plugin installed?)"
                                                             : graphvizErrors));
    }
    return out;
}

}  // namespace relgraph::render
