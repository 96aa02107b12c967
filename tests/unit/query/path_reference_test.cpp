// Randomized tests of the path queries against a brute-force reference: on small random
// multigraphs (parallel relations, symmetric ones, loops), every simple path is enumerated
// directly from the relation list and sorted by length, then relation ids; shortest path, all
// shortest paths, the k shortest (Yen) and all simple paths must agree with it. Seeded, so every
// run checks the same graphs.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <set>

#include "path_checks.hpp"
#include "relgraph/query/path_query.hpp"
#include "relgraph/store/store_builder.hpp"

using namespace relgraph;
using testing::Ids;

namespace {

struct RandomRelation {
    std::size_t from;
    std::size_t to;
    bool symmetric;
};

struct RandomGraph {
    std::size_t entities = 0;
    std::vector<RandomRelation> relations;  // relation i has id "r<ii>", so ids sort by index
};

RandomGraph randomGraph(std::mt19937& random) {
    RandomGraph g;
    g.entities = 2 + random() % 5;
    const std::size_t relations = random() % 11;
    for (std::size_t i = 0; i < relations; ++i) {
        g.relations.push_back({random() % g.entities, random() % g.entities, random() % 4 == 0});
    }
    return g;
}

std::string entityId(std::size_t i) { return "v" + std::to_string(i); }
std::string relationId(std::size_t i) { return (i < 10 ? "r0" : "r") + std::to_string(i); }

store::GraphStore storeOf(const RandomGraph& g) {
    store::StoreBuilder builder;
    builder.declareKind(model::EntityKind{"k", "K", "", {}, {}});
    model::RelationType directed;
    directed.name = "dir";
    directed.label = "dir";
    directed.anyFrom = directed.anyTo = true;
    model::RelationType symmetric = directed;
    symmetric.name = symmetric.label = "sym";
    symmetric.symmetric = true;
    builder.declareType(directed);
    builder.declareType(symmetric);
    builder.declareSource(model::Source{"s", "S", "", "", {}, "", "", {}, "", {}}, 0);
    for (std::size_t i = 0; i < g.entities; ++i)
        builder.declareEntity({entityId(i), entityId(i), "k", {}, "", {}, {}}, 0);
    for (std::size_t i = 0; i < g.relations.size(); ++i) {
        const RandomRelation& r = g.relations[i];
        model::Claim claim;
        claim.id = "c" + std::to_string(i);
        claim.source = "s";
        claim.summary = "x";
        builder.addRelation(
            {relationId(i), r.symmetric ? "sym" : "dir", entityId(r.from), entityId(r.to), {}, {claim}, {}}, 0);
    }
    return builder.freeze();
}

// A reference path: entity indexes and relation indexes.
struct RefPath {
    std::vector<std::size_t> entities;
    std::vector<std::size_t> relations;
};

// The relations that lead from u to v in one hop, in index (= id) order.
std::vector<std::size_t> hopsBetween(const RandomGraph& g, std::size_t u, std::size_t v, bool directed) {
    std::vector<std::size_t> out;
    if (u == v) return out;
    for (std::size_t i = 0; i < g.relations.size(); ++i) {
        const RandomRelation& r = g.relations[i];
        const bool forward = r.from == u && r.to == v;
        const bool backward = r.from == v && r.to == u && (!directed || r.symmetric);
        if (forward || backward) out.push_back(i);
    }
    return out;
}

// Every simple path from s to t: as relation sequences (distinct) or as entity sequences, each
// walked along the first relation of each hop.
std::vector<RefPath> allSimplePaths(const RandomGraph& g, std::size_t s, std::size_t t, bool directed, bool distinct) {
    std::vector<RefPath> out;
    RefPath path{{s}, {}};
    std::vector<bool> on(g.entities, false);
    on[s] = true;
    const auto walk = [&](const auto& self, std::size_t u) -> void {
        if (u == t) {
            out.push_back(path);
            return;
        }
        for (std::size_t v = 0; v < g.entities; ++v) {
            if (on[v]) continue;
            std::vector<std::size_t> hops = hopsBetween(g, u, v, directed);
            if (!distinct && hops.size() > 1) hops.resize(1);
            for (const std::size_t r : hops) {
                on[v] = true;
                path.entities.push_back(v);
                path.relations.push_back(r);
                self(self, v);
                path.entities.pop_back();
                path.relations.pop_back();
                on[v] = false;
            }
        }
    };
    walk(walk, s);
    std::sort(out.begin(), out.end(), [](const RefPath& a, const RefPath& b) {
        return a.relations.size() != b.relations.size() ? a.relations.size() < b.relations.size()
                                                        : a.relations < b.relations;
    });
    return out;
}

Ids ids(const RefPath& p) {
    Ids out;
    for (const std::size_t r : p.relations) out.push_back(relationId(r));
    return out;
}

std::vector<Ids> ids(const std::vector<RefPath>& paths) {
    std::vector<Ids> out;
    for (const RefPath& p : paths) out.push_back(ids(p));
    return out;
}

}  // namespace

TEST_CASE("paths agree with a brute-force reference on random multigraphs") {
    std::mt19937 random(20250214);
    std::size_t checkedPairs = 0;
    for (int round = 0; round < 100; ++round) {
        const RandomGraph g = randomGraph(random);
        const auto store = std::make_unique<store::GraphStore>(storeOf(g));
        for (const bool directed : {false, true}) {
            for (const bool distinct : {false, true}) {
                query::PathOptions options;
                options.directed = directed;
                options.distinctRelations = distinct;
                options.maxPaths = 100000;
                for (std::size_t s = 0; s < g.entities; ++s) {
                    for (std::size_t t = 0; t < g.entities; ++t) {
                        CAPTURE(round);
                        CAPTURE(directed);
                        CAPTURE(distinct);
                        CAPTURE(s);
                        CAPTURE(t);
                        const store::Vertex from = testing::vertexOf(*store, entityId(s)),
                                            to = testing::vertexOf(*store, entityId(t));
                        const std::vector<RefPath> reference = allSimplePaths(g, s, t, directed, distinct);
                        ++checkedPairs;

                        const auto shortest = query::shortestPath(*store, from, to, options);
                        REQUIRE(shortest.has_value() == !reference.empty());
                        if (shortest) CHECK(testing::relationIds(*store, *shortest) == ids(reference.front()));

                        std::vector<Ids> expected;
                        for (const RefPath& p : reference) {
                            if (p.relations.size() == reference.front().relations.size()) expected.push_back(ids(p));
                        }
                        const auto all = query::allShortestPaths(*store, from, to, options);
                        CHECK(all.stoppedBy == query::PathLimit::None);
                        CHECK(testing::relationIds(*store, all) == expected);

                        const std::size_t k = 1 + (s + t + static_cast<std::size_t>(round)) % 6;
                        const auto yen = query::kShortestPaths(*store, from, to, k, options);
                        CHECK(yen.stoppedBy == query::PathLimit::None);
                        std::vector<Ids> firstK = ids(reference);
                        if (firstK.size() > k) firstK.resize(k);
                        CHECK(testing::relationIds(*store, yen) == firstK);

                        options.maxLength = 3;
                        std::vector<Ids> upTo3;
                        for (const RefPath& p : reference) {
                            if (p.relations.size() <= 3) upTo3.push_back(ids(p));
                        }
                        CHECK(testing::relationIds(*store, query::allSimplePaths(*store, from, to, options)) == upTo3);
                        options.maxLength = std::numeric_limits<std::size_t>::max();

                        // Collapsed paths list every other relation between each hop's entities.
                        if (!distinct && shortest) {
                            for (std::size_t i = 0; i < shortest->hops.size(); ++i) {
                                const std::size_t u = reference.front().entities[i],
                                                  v = reference.front().entities[i + 1];
                                CHECK(shortest->parallel[i].size() + 1 == hopsBetween(g, u, v, directed).size());
                            }
                        }
                    }
                }
            }
        }
    }
    CHECK(checkedPairs > 2000);
}
