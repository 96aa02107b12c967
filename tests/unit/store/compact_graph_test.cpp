// The compact store: what the builder makes of records, the sparse-row indexes, lookups and the
// consistency checks.

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "relgraph/common/error.hpp"
#include "relgraph/store/compact_builder.hpp"
#include "relgraph/store/compact_graph.hpp"
#include "test_graphs.hpp"

using namespace relgraph;
using store::CompactGraph;
using store::CompactId;

namespace {

std::vector<CompactId> listOf(const store::RelationRun& run) { return {run.begin(), run.end()}; }

// A copy of a graph's columns that a test may damage.
struct Damaged {
    std::vector<CompactId> relationTo, inRelations;
    CompactGraph graph;

    explicit Damaged(const CompactGraph& from)
        : relationTo(from.columns().relationTo.begin(), from.columns().relationTo.end()),
          inRelations(from.columns().inRelations.begin(), from.columns().inRelations.end()), graph(from) {}

    CompactGraph make() {
        store::CompactColumns c = graph.columns();
        c.relationTo = relationTo;
        c.inRelations = inRelations;
        return CompactGraph(c, nullptr);
    }
};

}  // namespace

TEST_CASE("the builder interns strings and keeps only the columns a graph needs") {
    store::CompactBuilder b;
    CHECK(b.intern("x") == b.intern("x"));
    CHECK(b.intern("x") != b.intern("y"));
    const CompactId node = b.kind("node");
    const CompactId a = b.addEntity("a", "a", "a", node);
    const CompactId c = b.addEntity("7", "7", "7", node);
    CHECK(b.findEntity("a") == a);
    CHECK(b.findEntity("7") == c);  // found by its number
    CHECK_FALSE(b.findEntity("07").has_value());
    CHECK(b.hasEntityId("7"));
    // An id that is a number but not its key's is hashed like any other id.
    const CompactId plus = b.addEntity("+8", "8", "8", node);
    CHECK(b.hasEntityId("8"));
    CHECK_FALSE(b.hasEntityId("9"));
    CHECK_FALSE(b.findEntity("8").has_value());  // no key "8"
    CHECK(b.findEntity("+8") == plus);
    b.addRelation(a, c, b.type("t"));
    CompactGraph g = b.freeze();
    CHECK(g.columns().entityName.empty());  // every name is the id
    CHECK(g.columns().entityKind.empty());  // one kind
    CHECK(g.columns().relationType.empty());
    CHECK(g.columns().outRelations.empty());  // already ordered by `from`
    CHECK(g.entityName(c) == "7");
    CHECK(g.relationId(0) == "a-t-7");
    CHECK(b.entityCount() == 0);  // the builder starts over
}

TEST_CASE("kinds and types other than the first are kept per record, from the first record on") {
    store::CompactBuilder b;
    const CompactId first = b.kind("first"), second = b.kind("second");
    const CompactId x = b.addEntity("x", "x", "X", second);
    const CompactId y = b.addEntity("y", "y", "y", first);
    const CompactId t0 = b.type("t0"), t1 = b.type("t1");
    b.addRelation(x, y, t1);
    b.addRelation(y, x, t0);
    CompactGraph g = b.freeze();
    CHECK(g.kindName(g.entityKind(x)) == "second");
    CHECK(g.kindName(g.entityKind(y)) == "first");
    CHECK(g.entityName(x) == "X");
    CHECK(g.entityName(y) == "y");
    CHECK(g.typeName(g.relationType(0)) == "t1");
    CHECK(g.typeName(g.relationType(1)) == "t0");
}

TEST_CASE("relations are numbered by their from entity, and both directions list exactly their own") {
    std::mt19937 random(3);
    // Small graphs in any order, then large ones read in random order (one `from` per relation
    // kept), grouped by `from` in shuffled groups and sorted (runs of one `from` kept).
    enum class Order { Random, Grouped, Sorted };
    struct Round {
        std::size_t entities, relations;
        Order order;
    };
    std::vector<Round> rounds;
    for (int i = 0; i < 20; ++i) rounds.push_back({1 + random() % 30, random() % 80, Order::Random});
    for (const Order order : {Order::Random, Order::Grouped, Order::Sorted}) rounds.push_back({5000, 150000, order});
    rounds.push_back({5000, 700000, Order::Grouped});  // columns of megabytes, their pages released as sorted
    for (const Round& round : rounds) {
        CAPTURE(round.relations);
        CAPTURE(static_cast<int>(round.order));
        const std::size_t n = round.entities;
        store::CompactBuilder b;
        for (std::size_t i = 0; i < n; ++i) b.addEntity(std::to_string(i), std::to_string(i), std::to_string(i), 0);
        const CompactId types[] = {b.type("t0"), b.type("t1")};
        struct Edge {
            CompactId from, to, type;
        };
        std::vector<Edge> edges;
        for (std::size_t i = 0; i < round.relations; ++i) {
            edges.push_back({static_cast<CompactId>(random() % n), static_cast<CompactId>(random() % n), types[random() % 2]});
        }
        if (round.order != Order::Random) {
            std::stable_sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) { return x.from < y.from; });
        }
        if (round.order == Order::Grouped) {
            // Whole groups of one `from`, the groups in shuffled order.
            std::vector<std::vector<Edge>> groups(n);
            for (const Edge& e : edges) groups[e.from].push_back(e);
            std::shuffle(groups.begin(), groups.end(), random);
            edges.clear();
            for (const auto& group : groups) edges.insert(edges.end(), group.begin(), group.end());
        }
        for (const Edge& e : edges) b.addRelation(e.from, e.to, e.type);
        const CompactGraph g = b.freeze();
        REQUIRE_FALSE(g.firstProblem().has_value());
        CHECK(g.columns().outRelations.empty());
        CHECK(g.columns().relationFrom.empty());  // found in outOffsets
        CHECK(g.relationCount() == edges.size());
        // Each entity's relations leaving in the order read, and the sources of those arriving.
        std::vector<std::vector<std::pair<CompactId, CompactId>>> leaving(n);
        std::vector<std::vector<CompactId>> sources(n);
        for (const Edge& e : edges) {
            leaving[e.from].emplace_back(e.to, e.type);
            sources[e.to].push_back(e.from);
        }
        for (CompactId v = 0; v < n; ++v) {
            std::vector<std::pair<CompactId, CompactId>> out;
            std::vector<CompactId> inSources;
            for (const CompactId r : g.outRelations(v)) {
                CHECK(g.from(r) == v);
                out.emplace_back(g.to(r), g.relationType(r));
            }
            for (const CompactId r : g.inRelations(v)) {
                CHECK(g.to(r) == v);
                inSources.push_back(g.from(r));
            }
            CHECK(out == leaving[v]);
            std::sort(sources[v].begin(), sources[v].end());
            CHECK(inSources == sources[v]);  // rising relation numbers: by from
        }
    }
}

TEST_CASE("implicit relation ids number repeats of the same ends and type") {
    store::CompactBuilder b;
    const CompactId p = b.addEntity("p", "p", "p", 0), q = b.addEntity("q", "q", "q", 0);
    b.addRelation(q, p, b.type("knows"));
    b.addRelation(p, q, b.type("knows"));
    b.addRelation(p, q, b.type("likes"));
    b.addRelation(p, q, b.type("knows"));
    const CompactGraph g = b.freeze();  // p's relations first
    CHECK(g.relationId(0) == "p-knows-q");
    CHECK(g.relationId(1) == "p-likes-q");
    CHECK(g.relationId(2) == "p-knows-q-2");
    CHECK(g.relationId(3) == "q-knows-p");
}

TEST_CASE("entities are found by id, name or alias, normalized") {
    const CompactGraph g = CompactGraph::fromStore(testing::bundled(), "");
    const auto dprk = g.findEntity("dprk");
    REQUIRE(dprk.has_value());
    CHECK(g.findEntity("North Korea") == dprk);
    CHECK(g.findEntity("  north   KOREA ") == dprk);
    CHECK(g.findEntity("Pyongyang") == dprk);  // an alias
    CHECK_FALSE(g.findEntity("Atlantis").has_value());
    CHECK_THROWS_WITH_AS(g.resolveEntity("Nort Korea"), doctest::Contains("did you mean \"North Korea\""), QueryError);
    CHECK_THROWS_WITH_AS(g.resolveEntity("zzzzzzzzzzzz"), doctest::Contains("no entity has a similar"), QueryError);
}

TEST_CASE("a store's compact form has its entities, relations, kinds and types") {
    const store::GraphStore& store = testing::bundled();
    const CompactGraph g = CompactGraph::fromStore(store, "{}");
    CHECK(g.entityCount() == boost::num_vertices(store.graph()));
    CHECK(g.relationCount() == store.relations().size());
    CHECK(g.hasDetails());
    for (CompactId r = 0; r < g.relationCount(); ++r) {
        const auto e = store.findRelation(g.relationId(r));
        REQUIRE(e.has_value());
        const model::Relation& relation = store.relation(*e);
        CHECK(g.typeName(g.relationType(r)) == relation.type);
        CHECK(g.entityId(g.from(r)) == relation.from);
        CHECK(g.entityId(g.to(r)) == relation.to);
        CHECK(g.typeAttribution(g.relationType(r)) == store.typeOf(*e).attribution);
    }
    CHECK(g.memoryBytes() > g.relationBytes());
    // to, type, id and inRelations: no relationFrom or outRelations, as relations are numbered by `from`
    CHECK(g.relationBytes() == g.relationCount() * (4 + 2 + 4 + 4));
}

TEST_CASE("the bounds check catches numbers out of range, and the full check also wrong runs") {
    store::CompactBuilder b;
    for (const char* id : {"a", "b", "c"}) b.addEntity(id, id, id, 0);
    b.addRelation(0, 1, 0);
    b.addRelation(1, 2, 0);
    const CompactGraph g = b.freeze();
    CHECK_FALSE(g.firstProblem().has_value());

    Damaged outOfRange(g);
    outOfRange.relationTo[1] = 9;
    CHECK(outOfRange.make().firstProblem(CompactGraph::Check::Bounds) == "relationTo[1] is 9, out of range (limit 3)");

    Damaged wrongRun(g);
    std::swap(wrongRun.inRelations[0], wrongRun.inRelations[1]);
    CHECK_FALSE(wrongRun.make().firstProblem(CompactGraph::Check::Bounds).has_value());
    CHECK(wrongRun.make().firstProblem(CompactGraph::Check::Full) == "inRelations[0] lists relation 1 under entity 1");

    // Relations in another order than by `from` need both relationFrom and outRelations.
    store::CompactColumns unordered = g.columns();
    const std::vector<CompactId> outRelations{1, 0};
    unordered.outRelations = outRelations;
    CHECK(CompactGraph(unordered, nullptr).firstProblem(CompactGraph::Check::Bounds) ==
          "outRelations without relationFrom");
    const std::vector<CompactId> relationFrom{1, 0};
    unordered.relationFrom = relationFrom;
    const CompactGraph renumbered(unordered, nullptr);  // relation 0 is b→b, relation 1 a→c
    CHECK_FALSE(renumbered.firstProblem(CompactGraph::Check::Full).has_value());
    CHECK(renumbered.from(0) == 1);
    CHECK(listOf(renumbered.outRelations(0)) == std::vector<CompactId>{1});
}
