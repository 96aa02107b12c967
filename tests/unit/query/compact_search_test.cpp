// The searches over the compact store pick regions on which the record queries give the same
// answers as on the whole graph: checked on random multigraphs with every kind of filter.

#include <doctest/doctest.h>

#include <fmt/format.h>
#include <random>

#include "relgraph/common/error.hpp"

#include "relgraph/interchange/compact_records.hpp"
#include "relgraph/query/compact_search.hpp"
#include "relgraph/query/compact_statistics.hpp"
#include "relgraph/query/graph_statistics.hpp"
#include "relgraph/query/neighborhood_query.hpp"
#include "relgraph/query/path_query.hpp"
#include "test_graphs.hpp"

using namespace relgraph;

namespace {

std::string id(const char* prefix, std::size_t i) { return fmt::format("{}{:03}", prefix, i); }

// Entities of kinds "a" and "b"; relations of a directed, a symmetric and an attribution type.
model::GraphData randomGraph(std::mt19937& random, std::size_t entities, std::size_t relations) {
    model::GraphData data;
    for (const char* k : {"a", "b"}) data.schema.kinds[k] = model::EntityKind{k, k, "", {}, {}};
    for (const auto& [name, symmetric, attribution] :
         {std::tuple{"dir", false, false}, std::tuple{"sym", true, false}, std::tuple{"said", false, true}}) {
        model::RelationType t;
        t.name = t.label = name;
        t.anyFrom = t.anyTo = true;
        t.symmetric = symmetric;
        t.attribution = attribution;
        data.schema.types[name] = t;
    }
    data.sources.push_back(model::Source{"s", "S", "", "", {}, "", "", {}, "", {}});
    for (std::size_t i = 0; i < entities; ++i) data.entities.push_back({id("v", i), id("v", i), random() % 4 ? "a" : "b", {}, "", {}, {}});
    for (std::size_t i = 0; i < relations; ++i) {
        const char* type = random() % 5 == 0 ? "sym" : random() % 6 == 0 ? "said" : "dir";
        model::Claim claim{id("c", i), "s", {}, {}, "", model::Stance::Asserts, "x", {}, {}};
        data.relations.push_back({id("r", i), type, id("v", random() % entities), id("v", random() % entities), {}, {claim}, {}});
    }
    return data;
}

std::vector<std::string> hopIds(const store::GraphStore& store, const std::optional<query::Path>& path) {
    std::vector<std::string> out;
    if (!path) return out;
    for (const query::Hop& h : path->hops) out.push_back(store.relation(h.relation).id + (h.forward ? ">" : "<"));
    for (const auto& parallel : path->parallel) {
        for (const query::Hop& h : parallel) out.push_back("=" + store.relation(h.relation).id);
    }
    return out;
}

std::vector<std::string> neighborIds(const store::GraphStore& store, const query::Neighborhood& n) {
    std::vector<std::string> out;
    for (const query::Neighbor& x : n.neighbors) {
        out.push_back(store.entity(x.entity).id + "@" + std::to_string(x.depth));
        for (const query::Hop& h : x.via) out.push_back(store.relation(h.relation).id);
    }
    for (const store::Edge e : n.relations) out.push_back(store.relation(e).id);
    return out;
}

std::vector<query::TraversalFilter> filters() {
    std::vector<query::TraversalFilter> out(5);
    out[1].includeAttribution = true;
    out[2].avoidKinds = {"b"};
    out[3].types = {"sym", "said"};
    out[4].avoidTypes = {"sym"};
    return out;
}

}  // namespace

TEST_CASE("path and neighbourhood on a compact region agree with the whole graph") {
    std::mt19937 random(7);
    std::size_t found = 0;
    for (int round = 0; round < 40; ++round) {
        const std::size_t n = 5 + random() % 40;
        const store::GraphStore whole(randomGraph(random, n, random() % (3 * n)));
        const store::CompactGraph compact = store::CompactGraph::fromStore(whole, "");
        for (int pair = 0; pair < 6; ++pair) {
            const auto a = static_cast<store::CompactId>(random() % n), b = static_cast<store::CompactId>(random() % n);
            const store::Vertex va = whole.vertexOf(std::string(compact.entityId(a)));
            const store::Vertex vb = whole.vertexOf(std::string(compact.entityId(b)));
            for (const query::TraversalFilter& filter : filters()) {
                for (const bool directed : {false, true}) {
                    CAPTURE(round);
                    CAPTURE(pair);
                    CAPTURE(directed);
                    query::PathOptions options;
                    options.directed = directed;
                    options.filter = filter;
                    const query::Direction direction = directed ? query::Direction::Out : query::Direction::Both;
                    const query::CompactWalk walk(compact, filter, direction, {a, b});
                    std::vector<store::CompactId> region = query::shortestPathRegion(compact, a, b, walk, 1000);
                    const auto expected = query::shortestPath(whole, va, vb, options);
                    CHECK(region.empty() == !expected);
                    if (!expected) continue;
                    ++found;
                    const store::GraphStore part(interchange::compactRecords(compact, "test", &region));
                    const auto actual = query::shortestPath(part, part.vertexOf(std::string(compact.entityId(a))),
                                                            part.vertexOf(std::string(compact.entityId(b))), options);
                    CHECK(hopIds(part, actual) == hopIds(whole, expected));

                    query::NeighborhoodOptions around;
                    around.depth = 1 + static_cast<int>(random() % 3);
                    around.direction = directed ? query::Direction::Out : query::Direction::Both;
                    around.filter = filter;
                    const query::CompactWalk ball(compact, filter, around.direction, {a});
                    std::vector<store::CompactId> near = query::neighborhoodRegion(compact, a, around.depth, ball);
                    const store::GraphStore nearPart(interchange::compactRecords(compact, "test", &near));
                    CHECK(neighborIds(nearPart, query::neighborhood(
                                                    nearPart, nearPart.vertexOf(std::string(compact.entityId(a))), around)) ==
                          neighborIds(whole, query::neighborhood(whole, va, around)));
                }
            }
        }
    }
    CHECK(found > 200);  // the random graphs do connect many pairs
}

TEST_CASE("a path longer than the limit, and unknown filter names") {
    const store::GraphStore whole(testing::loadTexts({{"g.json", R"({"relgraph": 1,
        "schema": {"kinds": {"k": {"label": "K"}}, "types": {"t": {"label": "T", "from": ["*"], "to": ["*"]}}},
        "sources": [{"id": "s", "title": "S"}],
        "entities": [{"id": "a", "name": "A", "kind": "k"}, {"id": "b", "name": "B", "kind": "k"},
                     {"id": "c", "name": "C", "kind": "k"}],
        "relations": [{"id": "r1", "type": "t", "from": "a", "to": "b", "claims": [{"id": "c1", "source": "s", "summary": "x"}]},
                      {"id": "r2", "type": "t", "from": "b", "to": "c", "claims": [{"id": "c2", "source": "s", "summary": "x"}]}]})"}}));
    const store::CompactGraph compact = store::CompactGraph::fromStore(whole, "");
    const query::CompactWalk walk(compact, {}, query::Direction::Both, {0, 2});
    CHECK(query::shortestPathRegion(compact, 0, 2, walk, 1).empty());
    CHECK(query::shortestPathRegion(compact, 0, 2, walk, 2) == std::vector<store::CompactId>{0, 1, 2});
    CHECK(query::shortestPathRegion(compact, 1, 1, walk, 0) == std::vector<store::CompactId>{1});
    const query::CompactWalk forward(compact, {}, query::Direction::Out, {2, 0});
    CHECK(query::shortestPathRegion(compact, 2, 0, forward, 9).empty());

    query::TraversalFilter unknownType;
    unknownType.avoidTypes = {"nope"};
    CHECK_THROWS_WITH_AS(query::CompactWalk(compact, unknownType, query::Direction::Both, {}),
                         "unknown relation type \"nope\"", QueryError);
    query::TraversalFilter unknownKind;
    unknownKind.kinds = {"nope"};
    CHECK_THROWS_WITH_AS(query::CompactWalk(compact, unknownKind, query::Direction::Both, {}),
                         "unknown entity kind \"nope\"", QueryError);
}

TEST_CASE("compact statistics count what the record statistics count") {
    std::mt19937 random(11);
    for (int round = 0; round < 20; ++round) {
        const std::size_t n = 3 + random() % 30;
        const store::GraphStore whole(randomGraph(random, n, random() % (2 * n)));
        const store::CompactGraph compact = store::CompactGraph::fromStore(whole, "");
        for (const query::TraversalFilter& filter : filters()) {
            const query::GraphStatistics expected = query::graphStatistics(whole, filter);
            const query::CompactStatistics actual =
                query::compactStatistics(compact, query::CompactWalk(compact, filter, query::Direction::Both, {}));
            CHECK(actual.entities == expected.entities);
            CHECK(actual.relations == expected.relations);
            CHECK(actual.walkedRelations == expected.walkedRelations);
            CHECK(actual.components == expected.components.size());
            CHECK(actual.largestComponent == (expected.components.empty() ? 0 : expected.components.front().size()));
            REQUIRE(actual.degrees.size() == expected.measures.size());
            for (std::size_t i = 0; i < actual.degrees.size(); ++i) {
                const query::CompactDegree& d = actual.degrees[i];
                const query::EntityMeasures& m = expected.measures[i];
                CHECK(compact.entityId(d.entity) == whole.entity(m.entity).id);
                CHECK(d.relations == m.relations);
                CHECK(d.out == m.out);
                CHECK(d.in == m.in);
            }
            CHECK(actual.footprint.bytes == expected.footprint.bytes);
        }
    }
}
