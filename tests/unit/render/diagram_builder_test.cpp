#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "relgraph/query/conflict_query.hpp"
#include "relgraph/query/neighborhood_query.hpp"
#include "relgraph/query/reported_by_query.hpp"
#include "relgraph/query/subgraph_query.hpp"
#include "relgraph/render/diagram_builder.hpp"
#include "render/render_test_support.hpp"

#if defined(__SANITIZE_ADDRESS__)
// From the sanitizer runtime (sanitizer/allocator_interface.h, which g++ 12 does not install).
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
#else
#include <malloc.h>
#endif

using namespace relgraph;
using testing::draw;
using testing::has;
using testing::onlyKinds;
using testing::onlyTypes;
using testing::vertexOf;
using testing::withAttribution;

namespace {
bool hasEdge(const render::Diagram& d, const std::string& from, const std::string& to) {
    for (const auto& e : d.edges) {
        if (e.from == from && e.to == to) return true;
    }
    return false;
}

const render::DiagramNode* node(const render::Diagram& d, const std::string& id) {
    for (const auto& n : d.nodes) {
        if (n.id == id) return &n;
    }
    return nullptr;
}

std::size_t liveHeapBytes() {
#if defined(__SANITIZE_ADDRESS__)
    return __sanitizer_get_current_allocated_bytes();
#else
    return mallinfo2().uordblks;
#endif
}
}  // namespace

TEST_CASE("diagram: who-reported draws chains, the relation and republications") {
    const store::GraphStore& s = testing::tiny();
    const auto report = query::whoReportedRelations(s, {*s.findRelation("r-alpha-workers-beta")});
    const auto d = render::attributionDiagram(s, report, "who", "Who");
    CHECK(hasEdge(d, "spy", "wire"));
    CHECK(hasEdge(d, "wire", "source.s-daily"));
    CHECK(hasEdge(d, "source.s-daily", "source.s-repost"));
    CHECK(hasEdge(d, "source.s-wire", "relation.r-alpha-workers-beta"));
    CHECK(hasEdge(d, "alpha", "relation.r-alpha-workers-beta"));
    CHECK(hasEdge(d, "relation.r-alpha-workers-beta", "beta"));
    REQUIRE(node(d, "relation.r-alpha-workers-beta") != nullptr);
    CHECK(node(d, "relation.r-alpha-workers-beta")->title ==
          "Alphaland \u2014sent workers\u2192 Betastan [r-alpha-workers-beta]");
    CHECK(has(node(d, "relation.r-alpha-workers-beta")->tooltip,
              "\u2022 Alpha Intelligence Agency \u2192 Wire Service \u2192 The Daily (2025-02-10): The agency says"));
}

TEST_CASE("diagram: disagreements draw one node per value and the chains stating it") {
    const store::GraphStore& s = testing::tiny();
    const auto d = render::conflictDiagram(s, query::findConflicts(s, {}), "conflicts", "Where sources disagree");
    const auto* first = node(d, "value.r-alpha-workers-beta.count.0");
    const auto* second = node(d, "value.r-alpha-workers-beta.count.1");
    REQUIRE(first != nullptr);
    REQUIRE(second != nullptr);
    CHECK(first->label == "count: approximately 1,000");
    CHECK(second->label == "count: 1,200");
    CHECK(hasEdge(d, "relation.r-alpha-workers-beta", "value.r-alpha-workers-beta.count.0"));
    CHECK(hasEdge(d, "source.s-daily", "value.r-alpha-workers-beta.count.0"));
    CHECK(hasEdge(d, "source.s-wire", "value.r-alpha-workers-beta.count.1"));
    CHECK(hasEdge(d, "officials", "source.s-wire"));
}

TEST_CASE("diagram: a path in its context: the path emphasized, its neighbours dimmed") {
    const store::GraphStore& s = testing::tiny();
    const auto path = query::shortestPath(s, vertexOf(s, "ann"), vertexOf(s, "beta"), {});
    REQUIRE(path.has_value());
    const auto plain = render::pathDiagram(s, *path, false);
    CHECK(plain.nodes.size() == 3);
    const auto d = render::pathDiagram(s, *path, true);
    CHECK(node(d, "alpha")->emphasized);
    CHECK_FALSE(node(d, "alpha")->dimmed);
    REQUIRE(node(d, "gamma") != nullptr);
    CHECK(node(d, "gamma")->dimmed);
    CHECK(node(d, "res1")->dimmed);
    CHECK(has(draw(s, d), "class=\"node entity kind&#45;country context\""));
    // A path relation met again as context is still one relation, emphasized.
    for (const auto& e : d.edges) {
        CAPTURE(e.id);
        CHECK(e.label.find("\u00D7") == std::string::npos);
        if (e.id == "r-ann-leads-alpha") CHECK((e.emphasized && !e.dimmed));
    }
}

TEST_CASE("diagram: the whole graph, or the part with some types and kinds") {
    const store::GraphStore& s = testing::tiny();
    CHECK(render::graphDiagram(s, {}).edges.size() == 7);  // the two reporting relations left out
    CHECK(render::graphDiagram(s, withAttribution()).edges.size() == 9);
    const auto countries = render::graphDiagram(s, onlyKinds({"country"}));
    CHECK(countries.nodes.size() == 3);
    CHECK(countries.edges.size() == 2);
    CHECK(countries.title == "Part of the graph");
    CHECK(render::graphDiagram(s, onlyTypes({"leads"})).edges.size() == 2);
}

TEST_CASE("diagram: input order does not change a byte of the drawing") {
    // The fixture with every array reversed, written to a temporary folder.
    const auto dir = std::filesystem::temp_directory_path() / ("relgraph-shuffle-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    for (const char* file : {"schema.json", "world.json"}) {
        std::ifstream in(testing::tinyGraphDir() / file);
        nlohmann::ordered_json j = nlohmann::ordered_json::parse(in);
        for (const char* member : {"sources", "entities", "relations"}) {
            if (j.contains(member)) std::reverse(j[member].begin(), j[member].end());
        }
        std::ofstream(dir / (std::string("z-") + file)) << j.dump(1);
    }
    const auto shuffled = testing::openStore(dir);
    std::filesystem::remove_all(dir);
    const store::GraphStore& s = testing::tiny();
    for (const auto format : {render::ImageFormat::Svg, render::ImageFormat::Dot}) {
        CHECK(draw(s, render::graphDiagram(s, withAttribution()), format) ==
              draw(*shuffled, render::graphDiagram(*shuffled, withAttribution()), format));
        const auto n = query::neighborhood(s, vertexOf(s, "alpha"), {});
        const auto m = query::neighborhood(*shuffled, vertexOf(*shuffled, "alpha"), {});
        CHECK(draw(s, render::neighborhoodDiagram(s, n, 1), format) ==
              draw(*shuffled, render::neighborhoodDiagram(*shuffled, m, 1), format));
    }
}

TEST_CASE("diagram: memory stays flat over hundreds of renders") {
    const store::GraphStore& s = testing::tiny();
    const render::Theme theme = testing::defaultTheme(s);
    const auto d = render::graphDiagram(s, withAttribution());
    auto renderMany = [&](int times) {
        for (int i = 0; i < times; ++i) CHECK(!render::renderDiagram(d, theme, {}).empty());
    };
    renderMany(20);  // warm-up: caches and the shared Graphviz context settle
    const std::size_t before = liveHeapBytes();
    renderMany(testing::rounds(480));
    const std::size_t after = liveHeapBytes();
    INFO("live heap before ", before, " after ", after);
    CHECK(after <= before + 64 * 1024);
}

TEST_CASE("diagram: several paths drawn as their union, the ends emphasized") {
    const store::GraphStore& s = testing::tiny();
    query::PathOptions options;
    options.maxLength = 4;
    const auto set = query::allSimplePaths(s, vertexOf(s, "ann"), vertexOf(s, "beta"), options);
    REQUIRE(set.paths.size() >= 1);
    const auto d = render::pathSetDiagram(s, set, vertexOf(s, "ann"), vertexOf(s, "beta"));
    CHECK(node(d, "ann")->emphasized);
    CHECK(node(d, "beta")->emphasized);
    CHECK_FALSE(node(d, "alpha")->emphasized);
    CHECK(hasEdge(d, "ann", "alpha"));
    CHECK(hasEdge(d, "alpha", "beta"));
    CHECK(has(d.title, "simple path"));
    query::PathSet stopped = set;
    stopped.stoppedBy = query::PathLimit::MaxPaths;
    CHECK(has(render::pathSetDiagram(s, stopped, vertexOf(s, "ann"), vertexOf(s, "beta")).omitted, "more paths exist"));
}

TEST_CASE("diagram: a connecting subgraph names the pairs that are not connected") {
    const store::GraphStore& s = testing::tiny();
    const auto sub = query::connectingSubgraph(s, {vertexOf(s, "ann"), vertexOf(s, "beta"), vertexOf(s, "daily")}, {});
    const auto d = render::subgraphDiagram(s, sub);
    CHECK(node(d, "ann")->emphasized);
    CHECK(node(d, "daily")->emphasized);
    CHECK(node(d, "alpha") != nullptr);
    CHECK(has(d.omitted, "not connected: "));
    CHECK(has(d.omitted, "The Daily"));
}

TEST_CASE("diagram: what an entity reported, with the chains it took part in") {
    const store::GraphStore& s = testing::tiny();
    const auto d = render::reportedByDiagram(s, query::reportedBy(s, vertexOf(s, "spy"), false));
    CHECK(node(d, "spy")->emphasized);
    CHECK(hasEdge(d, "spy", "wire"));
    CHECK(hasEdge(d, "source.s-daily", "relation.r-alpha-workers-beta"));
    CHECK(d.title == "What Alpha Intelligence Agency reported");
}
