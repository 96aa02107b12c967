#include <doctest/doctest.h>

#include "relgraph/common/error.hpp"
#include "relgraph/query/neighborhood_query.hpp"
#include "relgraph/render/diagram_builder.hpp"
#include "relgraph/render/graphviz_renderer.hpp"
#include "test_graphs.hpp"

using namespace relgraph;

namespace {
std::string renderGamma(const store::GraphStore& s, render::ImageFormat format) {
    const auto n = query::neighborhood(s, s.vertexOf("gamma"), {});
    return render::renderDiagram(render::neighborhoodDiagram(s, n, 1), render::Theme(s.schema()), format);
}
}  // namespace

TEST_CASE("render: labels escape Graphviz's backslash escapes and entities") {
    CHECK(render::literalLabel("a\\Nb") == "a\\\\Nb");
    CHECK(render::literalLabel("A&amp;B") == "A&amp;amp;B");
    CHECK(render::literalLabel("x\ny\tz") == "x y z");
    CHECK(render::literalLabel("<b>\"q\"</b>") == "<b>\"q\"</b>");
}

TEST_CASE("render: SVG shows data text literally") {
    const std::string svg = renderGamma(testing::tiny(), render::ImageFormat::Svg);
    CHECK(svg.find("Back\\slash &amp; &lt;Tag&gt; &quot;Q&quot; \\N é") != std::string::npos);
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(svg.find("id=\"neighborhood&#45;gamma&#45;alpha\"") != std::string::npos);
    CHECK(svg.find("class=\"node entity kind&#45;country\"") != std::string::npos);
}

TEST_CASE("render: an ampersand entity in a name is not decoded") {
    auto data = testing::loadTexts({{"g.json", R"({"relgraph": 1,
        "schema": {"kinds": {"k": {"label": "K"}}, "types": {"t": {"label": "t", "from": ["k"], "to": ["k"]}}},
        "sources": [{"id": "s", "title": "S"}],
        "entities": [{"id": "a", "name": "AT&amp;T", "kind": "k"}, {"id": "b", "name": "B&B", "kind": "k"}],
        "relations": [{"id": "r", "type": "t", "from": "a", "to": "b", "claims": [{"id": "c", "source": "s", "summary": "x"}]}]})"}});
    store::GraphStore s(std::move(data));
    const auto n = query::neighborhood(s, s.vertexOf("a"), {});
    const std::string svg = render::renderDiagram(render::neighborhoodDiagram(s, n, 1), render::Theme(s.schema()),
                                                  render::ImageFormat::Svg);
    CHECK(svg.find(">AT&amp;amp;T</text>") != std::string::npos);
    CHECK(svg.find(">B&amp;B</text>") != std::string::npos);
}

TEST_CASE("render: the same graph gives the same bytes") {
    const std::string a = renderGamma(testing::tiny(), render::ImageFormat::Svg);
    const std::string b = renderGamma(testing::tiny(), render::ImageFormat::Svg);
    CHECK(a == b);
    CHECK(renderGamma(testing::tiny(), render::ImageFormat::Dot) == renderGamma(testing::tiny(), render::ImageFormat::Dot));
}

TEST_CASE("render: DOT comes from cgraph, with quoted, escaped attribute values") {
    const std::string dot = renderGamma(testing::tiny(), render::ImageFormat::Dot);
    CHECK(dot.rfind("digraph \"neighborhood-gamma\" {", 0) == 0);
    CHECK(dot.find(R"(label="Back\\slash &amp; <Tag> \"Q\" \\N é")") != std::string::npos);
    CHECK(dot.find("pos=") == std::string::npos);  // no layout in DOT output
}

TEST_CASE("render: image formats parse") {
    CHECK(render::parseImageFormat("svg") == render::ImageFormat::Svg);
    CHECK(render::parseImageFormat("dot") == render::ImageFormat::Dot);
    CHECK_FALSE(render::parseImageFormat("png").has_value());
}

TEST_CASE("render: who-reported diagrams draw chains and republications") {
    const store::GraphStore& s = testing::tiny();
    const auto report = query::whoReported(s, {*s.findRelation("r-alpha-workers-beta")});
    const auto d = render::attributionDiagram(s, report, "who", "Who");
    auto hasEdge = [&](const std::string& from, const std::string& to) {
        for (const auto& e : d.edges) {
            if (e.from == from && e.to == to) return true;
        }
        return false;
    };
    CHECK(hasEdge("spy", "wire"));
    CHECK(hasEdge("wire", "source.s-daily"));
    CHECK(hasEdge("source.s-daily", "source.s-repost"));
    CHECK(hasEdge("source.s-wire", "relation.r-alpha-workers-beta"));
    CHECK(hasEdge("alpha", "relation.r-alpha-workers-beta"));
    CHECK(hasEdge("relation.r-alpha-workers-beta", "beta"));
}

TEST_CASE("render: parallel relations of one type are drawn once with a count") {
    auto data = testing::loadTexts({{"g.json", R"({"relgraph": 1,
        "schema": {"kinds": {"k": {"label": "K"}}, "types": {"t": {"label": "sent", "from": ["k"], "to": ["k"]},
                                                               "u": {"label": "other", "from": ["k"], "to": ["k"]}}},
        "sources": [{"id": "s", "title": "S"}],
        "entities": [{"id": "a", "name": "A", "kind": "k"}, {"id": "b", "name": "B", "kind": "k"}],
        "relations": [
          {"id": "r1", "type": "t", "from": "a", "to": "b", "claims": [{"id": "c1", "source": "s", "summary": "x"}]},
          {"id": "r2", "type": "t", "from": "a", "to": "b", "claims": [{"id": "c2", "source": "s", "summary": "y"}]},
          {"id": "r3", "type": "t", "from": "b", "to": "a", "claims": [{"id": "c3", "source": "s", "summary": "z"}]},
          {"id": "r4", "type": "u", "from": "a", "to": "b", "claims": [{"id": "c4", "source": "s", "summary": "w"}]}]})"}});
    store::GraphStore s(std::move(data));
    const auto d = render::neighborhoodDiagram(s, query::neighborhood(s, s.vertexOf("a"), {}), 1);
    REQUIRE(d.edges.size() == 3);
    CHECK(d.edges[0].id == "r1");
    CHECK(d.edges[0].label == "sent (\u00D72)");
    CHECK(d.edges[1].label == "sent");  // the other direction is another edge
    CHECK(d.edges[2].label == "other");
}

TEST_CASE("render: a 10 kB non-ASCII name comes out whole") {
    std::string name, escaped;  // the name, and the same written as a JSON string body
    while (name.size() < 10000) {
        name += "\u00D1and\u00FA \\G {a|b} ";
        escaped += "\u00D1and\u00FA \\\\G {a|b} ";
    }
    auto data = testing::loadTexts({{"g.json", R"({"relgraph": 1,
        "schema": {"kinds": {"k": {"label": "K"}}, "types": {"t": {"label": "t", "from": ["k"], "to": ["k"]}}},
        "sources": [{"id": "s", "title": "S"}],
        "entities": [{"id": "a", "name": ")" + escaped + R"(", "kind": "k"}, {"id": "b", "name": "B", "kind": "k"}],
        "relations": [{"id": "r", "type": "t", "from": "a", "to": "b", "claims": [{"id": "c", "source": "s", "summary": "x"}]}]})"}});
    store::GraphStore s(std::move(data));
    REQUIRE(s.entity(s.vertexOf("a")).name == name);
    const auto d = render::neighborhoodDiagram(s, query::neighborhood(s, s.vertexOf("a"), {}), 1);
    const std::string svg = render::renderDiagram(d, render::Theme(s.schema()), render::ImageFormat::Svg);
    CHECK(svg.find(">" + name + "</text>") != std::string::npos);
}
