#include "relgraph/render/wiki_section.hpp"

#include <fmt/format.h>
#include <map>
#include <memory>

#include "relgraph/query/attribution_query.hpp"
#include "relgraph/query/describe.hpp"
#include "relgraph/query/entity_report.hpp"
#include "relgraph/query/neighborhood_query.hpp"
#include "relgraph/render/markup_text.hpp"

namespace relgraph::render {

namespace {

// The markup a page is written in. Every argument named `text` is untrusted and made literal.
class Markup {
public:
    virtual ~Markup() = default;
    virtual std::string extension() const = 0;
    virtual std::string heading(int level, std::string_view text) const = 0;
    virtual std::string text(std::string_view text) const = 0;
    virtual std::string italic(std::string_view text) const = 0;
    virtual std::string link(const std::string& page, std::string_view text) const = 0;
    virtual std::string image(const std::string& file, std::string_view alt) const = 0;
    virtual std::string fileLink(const std::string& file, std::string_view text) const = 0;
    virtual std::string item(int level, const std::string& line) const = 0;  // `line` is markup already
};

class MarkdownMarkup : public Markup {
public:
    std::string extension() const override { return "md"; }
    std::string heading(int level, std::string_view t) const override {
        return std::string(static_cast<std::size_t>(level), '#') + " " + text(t) + "\n\n";
    }
    std::string text(std::string_view t) const override { return markdownText(t); }
    std::string italic(std::string_view t) const override { return "*" + text(t) + "*"; }
    std::string link(const std::string& page, std::string_view t) const override {
        return "[" + text(t) + "](" + page + ".md)";
    }
    std::string image(const std::string& file, std::string_view alt) const override {
        return "![" + text(alt) + "](" + file + ")\n\n";
    }
    std::string fileLink(const std::string& file, std::string_view t) const override {
        return "[" + text(t) + "](" + file + ")";
    }
    std::string item(int level, const std::string& line) const override {
        return std::string(static_cast<std::size_t>(level - 1) * 2, ' ') + "- " + line + "\n";
    }
};

class MediaWikiMarkup : public Markup {
public:
    std::string extension() const override { return "wiki"; }
    std::string heading(int level, std::string_view t) const override {
        const std::string marks(static_cast<std::size_t>(level), '=');
        return marks + " " + text(t) + " " + marks + "\n\n";
    }
    std::string text(std::string_view t) const override { return mediawikiText(t); }
    std::string italic(std::string_view t) const override { return "''" + text(t) + "''"; }
    std::string link(const std::string& page, std::string_view t) const override {
        return "[[" + page + "|" + text(t) + "]]";
    }
    std::string image(const std::string& file, std::string_view alt) const override {
        // Uploaded files are flat in MediaWiki: images/x.svg is uploaded as Relgraph-x.svg.
        return "[[File:" + uploadName(file) + "|frameless|upright=2|alt=" + text(alt) + "]]\n\n";
    }
    std::string fileLink(const std::string& file, std::string_view t) const override {
        return "[[Media:" + uploadName(file) + "|" + text(t) + "]]";
    }
    std::string item(int level, const std::string& line) const override {
        return std::string(static_cast<std::size_t>(level), '*') + " " + line + "\n";
    }

private:
    static std::string uploadName(const std::string& file) { return "Relgraph-" + file.substr(file.rfind('/') + 1); }
};

class SectionWriter {
public:
    SectionWriter(const store::GraphStore& store, const Theme& theme, const WikiOptions& options)
        : store_(store), theme_(theme), options_(options) {
        if (options.markup == WikiMarkup::MediaWiki) markup_ = std::make_unique<MediaWikiMarkup>();
        else markup_ = std::make_unique<MarkdownMarkup>();
    }

    std::vector<WikiFile> write() {
        indexPage();
        for (store::Vertex v = 0; v < store_.entityCount(); ++v) entityPage(v);
        return std::move(files_);
    }

private:
    // The diagram as SVG (and PNG); returns the SVG's path.
    std::string images(const Diagram& diagram, const std::string& name) {
        RenderOptions render = options_.render;
        render.format = ImageFormat::Svg;
        const std::string svg = "images/" + name + ".svg";
        files_.push_back({svg, renderDiagram(diagram, theme_, render)});
        if (options_.png) {
            render.format = ImageFormat::Png;
            render.links = LinkTemplate();
            files_.push_back({"images/" + name + ".png", renderDiagram(diagram, theme_, render)});
        }
        return svg;
    }

    std::string pngLink(const std::string& svg) const {
        if (!options_.png) return {};
        const std::string png = svg.substr(0, svg.size() - 4) + ".png";
        return markup_->fileLink(png, "PNG version") + "\n\n";
    }

    void indexPage() {
        const Markup& m = *markup_;
        const Diagram overview = graphDiagram(store_, {}, options_.diagram);
        const std::string svg = images(overview, "overview");
        std::string page = m.heading(1, "Graph overview");
        page += m.text(fmt::format("{} entities, {} relations and {} claims from {} sources.",
                                   store_.entityCount(), store_.relationCount(), store_.claimCount(),
                                   store_.sourceCount())) +
                "\n\n";
        page += m.image(svg, overview.title) + pngLink(svg);
        std::map<std::string, std::vector<store::Vertex>> byKind;
        for (store::Vertex v = 0; v < store_.entityCount(); ++v) byKind[store_.kindOf(v).label].push_back(v);
        for (const auto& [kind, members] : byKind) {
            page += m.heading(2, kind);
            for (const store::Vertex v : members) {
                page += m.item(1, m.link(std::string(store_.entity(v).id()), store_.entity(v).name()));
            }
            page += "\n";
        }
        page += m.heading(2, "Sources");
        for (store::SourceRef ref = 0; ref < store_.sourceCount(); ++ref) {
            const store::SourceView s = store_.source(ref);
            std::string line = m.text(query::sourceLabel(store_, ref));
            if (s.publisher()) line += " \u2014 " + m.italic(std::string(s.title()));
            if (const auto original = s.republishes()) {
                line += " " + m.text("(republication of " + query::sourceLabel(store_, *original) + ")");
            }
            page += m.item(1, line);
        }
        files_.push_back({"index." + m.extension(), page});
    }

    // "NIS → Yonhap → Newsweek (2025-02): [2025-02-09] summary" — the chain ends with the source's
    // publisher (or title), so only its date and whether it is a republication are added.
    std::string claimLine(const query::Attribution& a) const {
        const Markup& m = *markup_;
        const store::ClaimView c = store_.claim(a.claim);
        std::string chain;
        for (const std::string& step : query::chainNames(store_, a)) chain += (chain.empty() ? "" : " \u2192 ") + step;
        std::string line = m.text(chain);
        std::string about;
        if (a.source) about = store_.source(*a.source).date();
        if (a.original) about += std::string(about.empty() ? "" : ", ") + "republication";
        if (!about.empty()) line += " (" + m.text(about) + ")";
        line += ": ";
        if (!c.date().empty()) line += m.text("[" + std::string(c.date()) + "]") + " ";
        line += m.text(c.summary());
        if (c.stance() == model::Stance::Denies) line += " " + m.italic("(denies)");
        return line;
    }

    void entityPage(store::Vertex v) {
        const Markup& m = *markup_;
        const store::EntityView e = store_.entity(v);
        const std::string id(e.id());
        std::string page = m.heading(1, e.name());
        std::string intro = m.italic(store_.kindOf(v).label);
        if (!e.aliases().empty()) {
            std::string aliases;
            for (const std::string_view a : e.aliases()) aliases += (aliases.empty() ? "" : ", ") + std::string(a);
            intro += " \u00B7 " + m.text("also " + aliases);
        }
        page += intro + "\n\n";
        if (!e.description().empty()) page += m.text(e.description()) + "\n\n";
        for (const store::AttributeEntry a : e.attributes()) {
            page += m.item(1, m.text(std::string(a.name) + ": " + model::toDisplayString(a.value)));
        }
        if (!e.attributes().empty()) page += "\n";

        query::NeighborhoodOptions n;
        n.depth = options_.depth;
        const Diagram diagram = neighborhoodDiagram(store_, query::neighborhood(store_, v, n), options_.depth,
                                                    options_.diagram);
        const std::string svg = images(diagram, id);
        page += m.image(svg, diagram.title) + pngLink(svg);

        const query::EntityReport report = query::entityReport(store_, v);
        if (!report.groups.empty()) page += m.heading(2, "Relations");
        for (const query::RelationGroup& group : report.groups) {
            page += m.heading(3, store_.schema().findType(group.type)->label);
            for (const query::Hop& hop : group.hops) {
                const store::RelationView r = store_.relation(hop.relation);
                const store::Vertex other = query::target(store_, hop);
                std::string line = m.text(query::hopLabel(store_, hop)) + " " +
                                   m.link(std::string(store_.entity(other).id()), store_.entity(other).name());
                const std::string attributes = query::attributesLine(r.attributes().toMap());
                if (!attributes.empty()) line += " \u2014 " + m.text(attributes);
                page += m.item(1, line);
                for (const store::ClaimRef c : r.claims()) page += m.item(2, claimLine(query::attributionOf(store_, c)));
            }
            page += "\n";
        }
        if (!report.claimsMade.empty()) {
            page += m.heading(2, "Claims made or passed on");
            for (const store::ClaimRef ref : report.claimsMade) {
                page += m.item(1, m.text(query::relationSentence(store_, store_.relationOfClaim(ref))) + ": " +
                                      claimLine(query::attributionOf(store_, ref)));
            }
            page += "\n";
        }
        page += m.link("index", "All entities") + "\n";
        files_.push_back({id + "." + m.extension(), page});
    }

    const store::GraphStore& store_;
    const Theme& theme_;
    const WikiOptions& options_;
    std::unique_ptr<Markup> markup_;
    std::vector<WikiFile> files_;
};

}  // namespace

std::vector<WikiFile> wikiSection(const store::GraphStore& store, const Theme& theme, const WikiOptions& options) {
    return SectionWriter(store, theme, options).write();
}

}  // namespace relgraph::render
