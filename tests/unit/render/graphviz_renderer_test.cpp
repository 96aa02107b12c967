#include <doctest/doctest.h>

#include "relgraph/common/error.hpp"
#include "relgraph/query/neighborhood_query.hpp"
#include "relgraph/render/diagram_builder.hpp"
#include "render/render_test_support.hpp"

using namespace relgraph;
using testing::draw;
using testing::has;
using testing::onlyKinds;
using testing::onlyTypes;
using testing::vertexOf;
using testing::withAttribution;

namespace {
render::Diagram gamma(const store::GraphStore& s, const render::DiagramOptions& options = {}) {
    return render::neighborhoodDiagram(s, query::neighborhood(s, vertexOf(s, "gamma"), {}), 1, options);
}

// A graph of one kind and one type with these entities, each linked to the next.
store::GraphStore chainGraph(const std::vector<std::pair<std::string, std::string>>& entities) {
    std::string list, relations;
    for (std::size_t i = 0; i < entities.size(); ++i) {
        list += (i ? "," : "") + std::string("{\"id\": \"") + entities[i].first + "\", \"name\": " + entities[i].second +
                ", \"kind\": \"k\", \"description\": " + entities[i].second + "}";
        if (i + 1 < entities.size()) {
            relations += (i ? "," : "") + std::string("{\"id\": \"r") + std::to_string(i) + "\", \"type\": \"t\", \"from\": \"" +
                         entities[i].first + "\", \"to\": \"" + entities[i + 1].first +
                         "\", \"claims\": [{\"id\": \"c" + std::to_string(i) + "\", \"source\": \"s\", \"summary\": " +
                         entities[i].second + "}]}";
        }
    }
    return store::GraphStore(testing::loadTexts({{"g.json", R"({"relgraph": 1,
        "schema": {"kinds": {"k": {"label": "K"}}, "types": {"t": {"label": "t", "from": ["k"], "to": ["k"]}}},
        "sources": [{"id": "s", "title": "S"}], "entities": [)" + list + "], \"relations\": [" + relations + "]}"}}));
}
}  // namespace

TEST_CASE("render: labels and tooltips escape Graphviz's escapes and entities") {
    CHECK(render::literalLabel("a\\Nb") == "a\\\\Nb");
    CHECK(render::literalLabel("A&amp;B") == "A&amp;amp;B");
    CHECK(render::literalLabel("x\ny\tz") == "x y z");
    CHECK(render::literalLabel("<b>\"q\"</b>") == "<b>\"q\"</b>");
    CHECK(render::literalTooltip("a\\N") == "a\\\\\\\\N");
    CHECK(render::literalTooltip("x\ny&z") == "x\ny&amp;z");
}

TEST_CASE("render: names, tooltips and ids come out literally in SVG") {
    const auto s = chainGraph({{"a", R"("Back\\slash & <Tag> \"Q\" \\N \\G é &amp;")"}, {"b", R"("B")"}});
    const std::string svg = draw(s, render::neighborhoodDiagram(s, query::neighborhood(s, vertexOf(s, "a"), {}), 1));
    const std::string shown = "Back\\slash &amp; &lt;Tag&gt; &quot;Q&quot; \\N \\G é &amp;amp;";
    CHECK(has(svg, ">" + shown + "</text>"));         // the label
    CHECK(has(svg, "<title>" + shown + "</title>"));  // the node's title is its display name
    CHECK(has(svg, "xlink:title=\"" + shown + " (K)"));  // the tooltip starts with name and kind
    CHECK(has(svg, "id=\"neighborhood&#45;a&#45;a\""));
    CHECK(has(svg, "class=\"node entity kind&#45;k focus\""));
}

TEST_CASE("render: SVG root is accessible: role, title and description") {
    const std::string svg = draw(testing::tiny(), gamma(testing::tiny()));
    CHECK(has(svg, "role=\"img\" aria-labelledby=\"neighborhood-gamma-title neighborhood-gamma-desc\">"));
    CHECK(has(svg, "<title id=\"neighborhood-gamma-title\">Gammaria and its neighbours within 1 hop</title>"));
    CHECK(has(svg, "<desc id=\"neighborhood-gamma-desc\">2 entities within 1 hop of Gammaria, and 2 relations among them.</desc>"));
}

TEST_CASE("render: the same diagram gives the same bytes, in every format") {
    const store::GraphStore& s = testing::tiny();
    for (const auto format : {render::ImageFormat::Svg, render::ImageFormat::Dot, render::ImageFormat::Png,
                              render::ImageFormat::Pdf}) {
        CHECK(draw(s, gamma(s), format) == draw(s, gamma(s), format));
    }
    CHECK(draw(s, gamma(s), render::ImageFormat::Png).rfind("\x89PNG", 0) == 0);
    CHECK(draw(s, gamma(s), render::ImageFormat::Pdf).rfind("%PDF", 0) == 0);
    CHECK(has(draw(s, gamma(s), render::ImageFormat::Pdf), "/CreationDate (D:19700101000000"));
}

TEST_CASE("render: DOT comes from cgraph, quoted and escaped, without layout") {
    const std::string dot = draw(testing::tiny(), gamma(testing::tiny()), render::ImageFormat::Dot);
    CHECK(dot.rfind("digraph \"Gammaria and its neighbours within 1 hop\" {", 0) == 0);
    CHECK(has(dot, R"(label="Back\\slash &amp; <Tag> \"Q\" \\N é")"));
    CHECK_FALSE(has(dot, "pos="));
}

TEST_CASE("render: image formats and engines parse") {
    CHECK(render::parseImageFormat("png") == render::ImageFormat::Png);
    CHECK_FALSE(render::parseImageFormat("gif").has_value());
    CHECK(render::parseLayoutEngine("sfdp") == render::LayoutEngine::Sfdp);
    CHECK_FALSE(render::parseLayoutEngine("osage").has_value());
}

TEST_CASE("render: the engine is chosen by size, and every engine lays the fixture out") {
    render::Diagram small, large;
    small.nodes.resize(300);
    large.nodes.resize(301);
    CHECK(render::chooseEngine(small, render::LayoutEngine::Auto) == render::LayoutEngine::Dot);
    CHECK(render::chooseEngine(large, render::LayoutEngine::Auto) == render::LayoutEngine::Sfdp);
    CHECK(render::chooseEngine(large, render::LayoutEngine::Circo) == render::LayoutEngine::Circo);
    const store::GraphStore& s = testing::tiny();
    for (const auto engine : {render::LayoutEngine::Dot, render::LayoutEngine::Neato, render::LayoutEngine::Fdp,
                              render::LayoutEngine::Sfdp, render::LayoutEngine::Circo}) {
        render::RenderOptions options;
        options.engine = engine;
        CAPTURE(render::layoutEngineName(engine));
        CHECK(has(draw(s, render::graphDiagram(s, {}), render::ImageFormat::Svg, options), "</svg>"));
    }
}

TEST_CASE("render: a layout past its time limit is stopped with a clear error") {
    render::RenderOptions options;
    options.timeLimit = std::chrono::milliseconds(1);
    const store::GraphStore& s = testing::bundled();
    CHECK_THROWS_WITH_AS(draw(s, render::graphDiagram(s, withAttribution()), render::ImageFormat::Svg, options),
                         doctest::Contains("was stopped"), RenderError);
}

TEST_CASE("render: kinds get the theme's shapes and colours, and unstyled kinds get distinct ones") {
    const store::GraphStore& s = testing::tiny();
    model::ThemeSpec spec = load::parseTheme("t.json", R"({"relgraph_theme": 1,
        "palette": [{"line": "#111111", "fill": "#EEEEEE"}, {"line": "#222222", "fill": "#DDDDDD"}],
        "shapes": ["box", "ellipse", "hexagon"],
        "kinds": {"country": {"shape": "octagon", "line": "#123456", "fill": "#ABCDEF"}},
        "types": {"leads": {"style": "dotted", "color": "#654321"}}})");
    const render::Theme theme(s.schema(), spec);
    CHECK(theme.kindStyle("country").shape == "octagon");
    CHECK(theme.kindStyle("country").lineColor == "#123456");
    std::set<std::pair<std::string, std::string>> pairs;
    for (const auto& [name, kind] : s.schema().kinds) {
        pairs.insert({theme.kindStyle(name).shape, theme.kindStyle(name).lineColor});
    }
    CHECK(pairs.size() == s.schema().kinds.size());  // every kind distinguishable
    CHECK(theme.typeStyle("leads").style == "dotted");
    CHECK(theme.typeStyle("reported").style == "dashed");  // attribution types default to dashed
    CHECK(theme.typeStyle("allied_with").style == "solid");
    const std::string dot = render::renderDiagram(gamma(s), theme, {render::ImageFormat::Dot});
    CHECK(has(dot, "shape=octagon"));
    CHECK(has(dot, "color=\"#654321\""));
}

TEST_CASE("render: theme files are validated with placed errors") {
    CHECK_THROWS_WITH_AS(load::parseTheme("t.json", R"({"relgraph_theme": 1, "kinds": {"k": {"shape": "recrod"}}})"),
                         doctest::Contains("t.json:1:39 (/kinds/k/shape): \"recrod\" is not a shape relgraph draws"),
                         LoadError);
    CHECK_THROWS_WITH_AS(load::parseTheme("t.json", R"({"relgraph_theme": 1, "kinds": {"k": {"line": "red"}}})"),
                         doctest::Contains("\"red\" is not a colour written #RRGGBB"), LoadError);
    CHECK_THROWS_WITH_AS(load::parseTheme("t.json", R"({"relgraph_theme": 1, "types": {"t": {"style": "wavy"}}})"),
                         doctest::Contains("\"wavy\" is not solid, dashed, dotted or bold"), LoadError);
    CHECK_THROWS_WITH_AS(load::parseTheme("t.json", R"({"relgraph_theme": 1, "font": "x\"; image=/etc/passwd"})"),
                         doctest::Contains("is not a font name"), LoadError);
    CHECK_THROWS_WITH_AS(load::parseTheme("t.json", R"({"relgraph_theme": 1, "rankdir": "XY", "image": "a.png"})"),
                         doctest::Contains("unknown member \"image\""), LoadError);
    CHECK_THROWS_WITH_AS(load::parseTheme("t.json", R"({"relgraph_theme": 2})"), doctest::Contains("unsupported theme"),
                         LoadError);
    CHECK_THROWS_WITH_AS(load::parseTheme("t.json", R"({"relgraph_theme": 1, "palette": [{"line": "#000000"}]})"),
                         doctest::Contains("missing required member \"fill\""), LoadError);
    CHECK_THROWS_WITH_AS(load::parseTheme("t.json", R"({"relgraph_theme": 1, "shapes": ["box", 3]})"),
                         doctest::Contains("(/shapes/1): not a shape relgraph draws"), LoadError);
    CHECK_THROWS_WITH_AS(load::parseTheme("t.json", "{"), doctest::Contains("invalid JSON"), LoadError);
    CHECK_THROWS_WITH_AS(load::loadTheme("/nonexistent/theme.json"), doctest::Contains("cannot read theme file"),
                         LoadError);
}

TEST_CASE("render: the legend lists the kinds drawn and the specially styled types") {
    const store::GraphStore& s = testing::tiny();
    const render::Diagram d = render::graphDiagram(s, withAttribution());
    std::vector<std::string> kinds, types;
    for (const auto& e : d.legend) (e.isType ? types : kinds).push_back(e.name);
    CHECK(kinds == std::vector<std::string>{"agency", "country", "document", "group", "media", "person"});
    CHECK(types.size() == 7);
    const std::string svg = draw(s, d);
    CHECK(has(svg, "id=\"graph&#45;legend\""));
    CHECK(has(svg, "id=\"graph&#45;legend&#45;kind&#45;country\""));
    CHECK(has(svg, "id=\"graph&#45;legend&#45;type&#45;reported\""));        // dashed: shown
    CHECK_FALSE(has(svg, "id=\"graph&#45;legend&#45;type&#45;member_of\""));  // plain: its edges say it
    render::RenderOptions options;
    options.legend = false;
    CHECK_FALSE(has(draw(s, d, render::ImageFormat::Svg, options), "legend"));
}

TEST_CASE("render: clusters by kind and by a relation type") {
    const store::GraphStore& s = testing::tiny();
    render::DiagramOptions options;
    options.cluster = render::ClusterMode::Kind;
    auto d = render::graphDiagram(s, {}, options);
    CHECK(d.clusters.size() == 6);
    CHECK(has(draw(s, d), "id=\"graph&#45;cluster&#45;kind&#45;country\""));
    options.cluster = render::ClusterMode::Relation;
    options.clusterType = "member_of";
    d = render::graphDiagram(s, {}, options);
    REQUIRE(d.clusters.size() == 1);
    CHECK(d.clusters[0].label == "Alphaland");
    for (const auto& n : d.nodes) {
        CAPTURE(n.id);
        CHECK((n.cluster == "in-alpha") == (n.id == "workers" || n.id == "alpha"));
    }
    CHECK(has(draw(s, d), "<title>cluster_in&#45;alpha</title>"));
}

TEST_CASE("render: large diagrams keep the best connected entities and say what was left out") {
    const store::GraphStore& s = testing::tiny();
    render::DiagramOptions options;
    options.maxNodes = 3;
    const auto n = query::neighborhood(s, vertexOf(s, "alpha"), {});
    const auto d = render::neighborhoodDiagram(s, n, 1, options);
    std::size_t entities = 0;
    bool centerKept = false;
    for (const auto& node : d.nodes) {
        entities += node.role == render::NodeRole::Entity;
        centerKept |= node.id == "alpha";
    }
    CHECK(entities == 3);
    CHECK(centerKept);
    CHECK(d.omitted == "2 less connected entities and 2 relations not shown (--max-nodes 3)");
    CHECK(has(draw(s, d), "2 less connected entities and 2 relations not shown"));
}

TEST_CASE("render: links follow the template, percent-encoded, with & escaped for XML") {
    const auto s = chainGraph({{"a", R"("Kim \"Jong\" Un & co/é")"}, {"b", R"("B")"}});
    render::RenderOptions options;
    options.links = render::LinkTemplate("https://wiki.example.org/w/index.php?title={name}&id={id}");
    const std::string svg = draw(s, render::neighborhoodDiagram(s, query::neighborhood(s, vertexOf(s, "a"), {}), 1),
                                 render::ImageFormat::Svg, options);
    CHECK(has(svg, "xlink:href=\"https://wiki.example.org/w/index.php?title=Kim%20%22Jong%22%20Un%20%26%20co%2F%C3%A9&amp;id=a\""));
    CHECK(render::percentEncode("a b~_.-") == "a%20b~_.-");
}

TEST_CASE("render: link templates other than plain http(s) URLs are refused") {
    CHECK_THROWS_WITH_AS(render::LinkTemplate("javascript:alert(1)//{name}"), doctest::Contains("http:// or https://"),
                         QueryError);
    CHECK_THROWS_WITH_AS(render::LinkTemplate("https://x.org/\"onmouseover=\"x"), doctest::Contains("not allowed"),
                         QueryError);
    CHECK_THROWS_WITH_AS(render::LinkTemplate("https://x.org/{title}"), doctest::Contains("unknown placeholder"),
                         QueryError);
    CHECK_THROWS_WITH_AS(render::LinkTemplate("https://x.org/a b"), doctest::Contains("not allowed"), QueryError);
    CHECK_THROWS_WITH_AS(render::LinkTemplate("https://x.org/\\N"), doctest::Contains("not allowed"), QueryError);
    CHECK_THROWS_WITH_AS(render::LinkTemplate("https://x.org/}"), doctest::Contains("not allowed"), QueryError);
}

TEST_CASE("render: parallel relations of one type are drawn once with a count") {
    const store::GraphStore s = testing::loadTexts({{"g.json", R"({"relgraph": 1,
        "schema": {"kinds": {"k": {"label": "K"}}, "types": {"t": {"label": "sent", "from": ["k"], "to": ["k"]},
                                                               "u": {"label": "other", "from": ["k"], "to": ["k"]}}},
        "sources": [{"id": "s", "title": "S"}],
        "entities": [{"id": "a", "name": "A", "kind": "k"}, {"id": "b", "name": "B", "kind": "k"}],
        "relations": [
          {"id": "r1", "type": "t", "from": "a", "to": "b", "claims": [{"id": "c1", "source": "s", "summary": "x"}]},
          {"id": "r2", "type": "t", "from": "a", "to": "b", "claims": [{"id": "c2", "source": "s", "summary": "y"}]},
          {"id": "r3", "type": "t", "from": "b", "to": "a", "claims": [{"id": "c3", "source": "s", "summary": "z"}]},
          {"id": "r4", "type": "u", "from": "a", "to": "b", "claims": [{"id": "c4", "source": "s", "summary": "w"}]}]})"}});
    const auto d = render::neighborhoodDiagram(s, query::neighborhood(s, vertexOf(s, "a"), {}), 1);
    REQUIRE(d.edges.size() == 3);
    CHECK(d.edges[0].id == "r1");
    CHECK(d.edges[0].label == "sent (\u00D72)");
    CHECK(has(d.edges[0].tooltip, "\u2022 S: y"));  // both relations' claims in the tooltip
    CHECK(d.edges[1].label == "sent");
    CHECK(d.edges[2].label == "other");
}

TEST_CASE("render: a 10 kB non-ASCII name comes out whole") {
    std::string name = "\"";
    while (name.size() < 10000) name += "\u00D1and\u00FA \\\\G {a|b} ";
    const auto s = chainGraph({{"a", name + "\""}, {"b", "\"B\""}});
    const std::string svg = draw(s, render::neighborhoodDiagram(s, query::neighborhood(s, vertexOf(s, "a"), {}), 1));
    CHECK(has(svg, ">" + std::string(s.entity(vertexOf(s, "a")).name()) + "</text>"));
}
