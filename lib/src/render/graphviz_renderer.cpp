#include "relgraph/render/graphviz_renderer.hpp"

#include <cgraph.h>
#include <gvc.h>

#include <fmt/format.h>
#include <map>
#include <memory>
#include <mutex>

#include "relgraph/common/error.hpp"
#include "relgraph/common/graphviz_lock.hpp"
#include "render/isolated_run.hpp"
#include "render/svg_accessibility.hpp"

namespace relgraph::render {

namespace {

std::string graphvizErrors;  // guarded by graphvizMutex()

int collectError(char* message) {
    graphvizErrors += message;
    return 0;
}

// One Graphviz context for the whole process: Graphviz 2.42's text-size cache keeps a pointer into
// the first context's font data, so freeing a context and making a new one reads freed memory.
GVC_t* sharedContext() {
    static GVC_t* const gvc = gvContext();
    return gvc;
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

struct GraphDeleter {
    void operator()(Agraph_t* g) const { agclose(g); }
};

constexpr const char* kDimLine = "#BBBBBB";
constexpr const char* kDimFill = "#F4F4F4";
constexpr const char* kDimText = "#888888";

class GraphBuilder {
public:
    GraphBuilder(Agraph_t* g, const Diagram& diagram, const Theme& theme, const RenderOptions& options,
                 LayoutEngine engine)
        : g_(g), diagram_(diagram), theme_(theme), options_(options), engine_(engine) {}

    void build() {
        graphAttributes();
        for (const DiagramCluster& c : diagram_.clusters) {
            Agraph_t* sub = agsubg(g_, const_cast<char*>(("cluster_" + c.id).c_str()), 1);
            set(sub, "label", literalLabel(c.label));
            set(sub, "style", "rounded,dashed");
            set(sub, "color", "#999999");
            set(sub, "id", diagram_.id + "-cluster-" + c.id);
            set(sub, "class", "cluster");
            clusters_.emplace(c.id, sub);
        }
        for (const DiagramNode& node : diagram_.nodes) addNode(node);
        for (const DiagramEdge& edge : diagram_.edges) addEdge(edge);
        if (options_.legend) addLegend();
    }

private:
    void graphAttributes() {
        std::string label = literalLabel(diagram_.title);
        if (!diagram_.omitted.empty()) label += "\\n" + literalLabel(diagram_.omitted);
        set(g_, "label", label);
        set(g_, "labelloc", "t");
        set(g_, "fontname", theme_.font());
        set(g_, "fontsize", "16");
        set(g_, "id", diagram_.id);
        set(g_, "class", "relgraph");
        set(g_, "outputorder", "edgesfirst");
        switch (engine_) {
            case LayoutEngine::Dot:
                set(g_, "rankdir", theme_.rankdir());
                // The newer ranking: 2.42's default one fails ("trouble in init_rank") and then
                // corrupts memory on some graphs with clusters.
                set(g_, "newrank", "true");
                if (diagram_.nodes.size() > 100) {
                    // Network-simplex and crossing-minimization limits keep dot fast on large sparse graphs.
                    set(g_, "nslimit", "2");
                    set(g_, "nslimit1", "2");
                    set(g_, "mclimit", "0.5");
                }
                break;
            case LayoutEngine::Sfdp:
                set(g_, "overlap", "prism");
                set(g_, "splines", "line");
                break;
            default:
                set(g_, "overlap", "prism");
                break;
        }
    }

    const NodeStyle& styleOf(const DiagramNode& node) const {
        switch (node.role) {
            case NodeRole::Relation: return Theme::relationStyle();
            case NodeRole::Source: return Theme::sourceStyle();
            case NodeRole::Value:
            case NodeRole::Note: return Theme::valueStyle();
            case NodeRole::Entity: break;
        }
        return theme_.kindStyle(node.kind);
    }

    void addNode(const DiagramNode& node) {
        Agraph_t* parent = g_;
        if (const auto c = clusters_.find(node.cluster); c != clusters_.end()) parent = c->second;
        Agnode_t* n = agnode(parent, const_cast<char*>(literalName(node.title).c_str()), 1);
        RELGRAPH_ASSERT(n != nullptr);
        nodes_.emplace(node.id, n);
        const NodeStyle& style = styleOf(node);
        set(n, "label", literalLabel(node.label));
        set(n, "shape", style.shape);
        set(n, "style", node.role == NodeRole::Relation ? "rounded,filled" : "filled");
        set(n, "fillcolor", node.dimmed ? kDimFill : style.fillColor);
        set(n, "color", node.dimmed ? kDimLine : style.lineColor);
        if (node.dimmed) set(n, "fontcolor", kDimText);
        set(n, "penwidth", node.emphasized ? "2.5" : "1");
        set(n, "fontname", theme_.font());
        set(n, "fontsize", "12");
        set(n, "margin", "0.15,0.06");
        set(n, "id", diagram_.id + "-" + node.id);
        std::string cls = node.role == NodeRole::Entity ? "entity kind-" + node.kind : node.kind;
        if (node.emphasized) cls += " focus";
        if (node.dimmed) cls += " context";
        set(n, "class", cls);
        set(n, "tooltip", literalTooltip(node.tooltip.empty() ? node.title : node.tooltip));
        if (!options_.links.empty() && !node.entityId.empty()) {
            // Percent-encoded parts in a validated template: the only character left that XML
            // needs escaped is '&', which Graphviz 2.42 copies into xlink:href as is.
            std::string url = options_.links.expand(node.label, node.entityId, node.kind);
            std::string escaped;
            for (const char c : url) escaped += c == '&' ? std::string("&amp;") : std::string(1, c);
            set(n, "URL", escaped);
            set(n, "target", "_top");
        }
    }

    void addEdge(const DiagramEdge& edge) {
        const auto from = nodes_.find(edge.from), to = nodes_.find(edge.to);
        RELGRAPH_ASSERT(from != nodes_.end() && to != nodes_.end());
        Agedge_t* e = agedge(g_, from->second, to->second, const_cast<char*>(edge.id.c_str()), 1);
        EdgeStyle style = theme_.typeStyle(edge.type);
        if (edge.attribution) style.style = "dashed";
        if (!edge.label.empty()) set(e, "label", literalLabel(edge.label));
        set(e, "fontname", theme_.font());
        set(e, "fontsize", "10");
        if (!edge.directed) set(e, "dir", "none");
        set(e, "style", style.style);
        set(e, "color", edge.dimmed ? kDimLine : style.color);
        if (edge.dimmed) set(e, "fontcolor", kDimText);
        set(e, "penwidth", edge.emphasized ? "2.5" : "1");
        set(e, "id", diagram_.id + "-" + edge.id);
        std::string cls = "relation type-" + edge.type;
        if (edge.emphasized) cls += " focus";
        if (edge.dimmed) cls += " context";
        set(e, "class", cls);
        set(e, "tooltip", literalTooltip(edge.tooltip.empty() ? edge.label : edge.tooltip));
    }

    // A cluster (drawn as a box by dot and fdp) with a sample node per kind and a sample edge per type.
    void addLegend() {
        if (diagram_.legend.empty()) return;
        Agraph_t* legend = agsubg(g_, const_cast<char*>("cluster_legend"), 1);
        set(legend, "label", "Legend");
        set(legend, "style", "rounded");
        set(legend, "color", "#999999");
        set(legend, "fontsize", "12");
        set(legend, "id", diagram_.id + "-legend");
        set(legend, "class", "legend");
        for (const LegendEntry& entry : diagram_.legend) {
            const std::string id = diagram_.id + "-legend-" + (entry.isType ? "type-" : "kind-") + entry.name;
            const std::string name = "legend: " + literalName(entry.label) + (entry.isType ? " (relation)" : "");
            if (!entry.isType) {
                const NodeStyle& style = theme_.kindStyle(entry.name);
                Agnode_t* n = agnode(legend, const_cast<char*>(name.c_str()), 1);
                set(n, "label", literalLabel(entry.label));
                set(n, "shape", style.shape);
                set(n, "style", "filled");
                set(n, "fillcolor", style.fillColor);
                set(n, "color", style.lineColor);
                set(n, "fontname", theme_.font());
                set(n, "fontsize", "10");
                set(n, "id", id);
                set(n, "class", "legend kind-" + entry.name);
                continue;
            }
            const EdgeStyle& style = theme_.typeStyle(entry.name);
            // Edges carry their labels: the legend shows only the types drawn in a style of their own.
            if (style.style == "solid" && style.color == Theme::plainEdge().color) continue;
            Agnode_t* a = agnode(legend, const_cast<char*>((name + " from").c_str()), 1);
            Agnode_t* b = agnode(legend, const_cast<char*>((name + " to").c_str()), 1);
            for (Agnode_t* n : {a, b}) {
                set(n, "shape", "point");
                set(n, "width", "0.05");
                set(n, "label", "");
                set(n, "id", id + (n == a ? "-from" : "-to"));
            }
            Agedge_t* e = agedge(legend, a, b, const_cast<char*>(id.c_str()), 1);
            set(e, "label", literalLabel(entry.label));
            set(e, "style", style.style);
            set(e, "color", style.color);
            set(e, "fontname", theme_.font());
            set(e, "fontsize", "10");
            set(e, "id", id);
            set(e, "class", "legend type-" + entry.name);
        }
    }

    Agraph_t* g_;
    const Diagram& diagram_;
    const Theme& theme_;
    const RenderOptions& options_;
    LayoutEngine engine_;
    std::map<std::string, Agraph_t*> clusters_;
    std::map<std::string, Agnode_t*> nodes_;
};

// Cairo stamps PDFs with the time they were made (and ignores SOURCE_DATE_EPOCH): the stamp is
// overwritten with the epoch, same length, so the cross-reference offsets stay right.
void makeReproducible(std::string& pdf) {
    static constexpr std::string_view key = "/CreationDate (D:";
    const std::size_t at = pdf.find(key);
    if (at == std::string::npos || at + key.size() + 14 > pdf.size()) return;
    pdf.replace(at + key.size(), 14, "19700101000000");
}

const char* gvEngineName(LayoutEngine engine) {
    switch (engine) {
        case LayoutEngine::Neato: return "neato";
        case LayoutEngine::Fdp: return "fdp";
        case LayoutEngine::Sfdp: return "sfdp";
        case LayoutEngine::Circo: return "circo";
        default: return "dot";
    }
}

const char* gvFormatName(ImageFormat format) {
    switch (format) {
        case ImageFormat::Png: return "png";
        case ImageFormat::Pdf: return "pdf";
        default: return "svg";
    }
}

}  // namespace

std::optional<ImageFormat> parseImageFormat(std::string_view name) {
    if (name == "dot") return ImageFormat::Dot;
    if (name == "svg") return ImageFormat::Svg;
    if (name == "png") return ImageFormat::Png;
    if (name == "pdf") return ImageFormat::Pdf;
    return std::nullopt;
}

std::optional<LayoutEngine> parseLayoutEngine(std::string_view name) {
    for (const LayoutEngine e : {LayoutEngine::Auto, LayoutEngine::Dot, LayoutEngine::Neato, LayoutEngine::Fdp,
                                 LayoutEngine::Sfdp, LayoutEngine::Circo}) {
        if (layoutEngineName(e) == name) return e;
    }
    return std::nullopt;
}

std::string_view layoutEngineName(LayoutEngine engine) {
    return engine == LayoutEngine::Auto ? "auto" : gvEngineName(engine);
}

LayoutEngine chooseEngine(const Diagram& diagram, LayoutEngine requested) {
    if (requested != LayoutEngine::Auto) return requested;
    return diagram.nodes.size() <= 300 ? LayoutEngine::Dot : LayoutEngine::Sfdp;
}

namespace {
// '&' written &amp; (Graphviz decodes entities), each backslash written as `backslash`, control
// characters shown as spaces (newlines kept when asked).
std::string graphvizText(std::string_view text, std::string_view backslash, bool keepNewlines) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '\\') out += backslash;
        else if (c == '&') out += "&amp;";
        else if (c == '\n' && keepNewlines) out += c;
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) out += ' ';
        else out += c;
    }
    return out;
}
}  // namespace

std::string literalLabel(std::string_view text) { return graphvizText(text, "\\\\", false); }

std::string literalName(std::string_view text) { return graphvizText(text, "\\", false); }

std::string literalTooltip(std::string_view text) { return graphvizText(text, "\\\\\\\\", true); }

std::string renderDiagram(const Diagram& diagram, const Theme& theme, const RenderOptions& options) {
    const std::lock_guard<std::mutex> lock(graphvizMutex());
    graphvizErrors.clear();
    agseterrf(collectError);
    agseterr(AGWARN);

    GVC_t* const gvc = sharedContext();
    if (!gvc) throw RenderError("Graphviz could not start (gvContext failed)");
    const LayoutEngine engine = chooseEngine(diagram, options.engine);
    std::unique_ptr<Agraph_t, GraphDeleter> graph(
        agopen(const_cast<char*>(literalName(diagram.title).c_str()), Agdirected, &stringDisc));
    GraphBuilder(graph.get(), diagram, theme, options, engine).build();

    if (options.format == ImageFormat::Dot) {
        std::string out;
        if (agwrite(graph.get(), &out) != 0 || out.empty()) {
            throw RenderError(fmt::format("Graphviz could not write DOT: {}", graphvizErrors));
        }
        return out;
    }
    // Layout and rendering run in a child process with a time limit: Graphviz 2.42 can crash or
    // take minutes on some graphs, and neither may take relgraph down or hang it.
    const char* format = gvFormatName(options.format);
    std::string out = runIsolated(
        [&] {
            if (gvLayout(gvc, graph.get(), gvEngineName(engine)) != 0) {
                const bool noPlugin = graphvizErrors.find("not recognized") != std::string::npos;
                throw RenderError(fmt::format("Graphviz layout with {} failed: {}{}", gvEngineName(engine),
                                              graphvizErrors.empty() ? "no message" : graphvizErrors,
                                              noPlugin ? " (Graphviz's plugins are missing or not configured: "
                                                         "install Debian's graphviz package)"
                                                       : ""));
            }
            char* data = nullptr;
            unsigned int length = 0;
            const int status = gvRenderData(gvc, graph.get(), format, &data, &length);
            std::string result = (status == 0 && data) ? std::string(data, length) : std::string();
            if (data) gvFreeRenderData(data);
            if (status != 0 || result.empty()) {
                throw RenderError(fmt::format(
                    "Graphviz could not render {}: {}", format,
                    graphvizErrors.empty() ? fmt::format("no output (is the Graphviz {} plugin installed?)", format)
                                           : graphvizErrors));
            }
            return result;
        },
        options.timeLimit, fmt::format("laying out the diagram with {}", gvEngineName(engine)));
    if (options.format == ImageFormat::Svg) out = addAccessibility(out, diagram.id, diagram.title, diagram.description);
    if (options.format == ImageFormat::Pdf) makeReproducible(out);
    return out;
}

}  // namespace relgraph::render
