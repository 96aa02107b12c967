// The builder: what it makes of records (bulk and relgraph JSON alike), the store's order, the
// sparse-row indexes and the other indexes, lookups and the consistency checks.

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "relgraph/common/error.hpp"
#include "relgraph/store/store_builder.hpp"
#include "relgraph/store/store_records.hpp"
#include "test_graphs.hpp"

using namespace relgraph;
using store::GraphStore;
using store::Row;

namespace {

std::vector<Row> listOf(const store::RowRange& run) { return {run.begin(), run.end()}; }

// A copy of a store's columns that a test may damage.
struct Damaged {
    std::vector<Row> relationTo, inRelations;
    store::StoreColumns columns;

    explicit Damaged(const GraphStore& from)
        : relationTo(from.columns().relationTo.begin(), from.columns().relationTo.end()),
          inRelations(from.columns().inRelations.begin(), from.columns().inRelations.end()), columns(from.columns()) {}

    std::optional<std::string> problem(GraphStore::Check check) {
        store::StoreColumns c = columns;
        c.relationTo = relationTo;
        c.inRelations = inRelations;
        return GraphStore::problemIn(c, check);
    }
};

model::Entity entity(std::string id, std::string name, std::string kind) {
    model::Entity e;
    e.id = std::move(id);
    e.name = std::move(name);
    e.kind = std::move(kind);
    return e;
}

model::Claim claim(std::string id, std::string source, std::vector<std::string> by = {}) {
    model::Claim c;
    c.id = std::move(id);
    c.source = std::move(source);
    c.by = std::move(by);
    c.summary = "Said so.";
    return c;
}

model::Relation relation(std::string id, std::string type, std::string from, std::string to,
                         std::vector<model::Claim> claims) {
    model::Relation r;
    r.id = std::move(id);
    r.type = std::move(type);
    r.from = std::move(from);
    r.to = std::move(to);
    r.claims = std::move(claims);
    return r;
}

model::Source source(std::string id, std::string title) {
    model::Source s;
    s.id = std::move(id);
    s.title = std::move(title);
    return s;
}

}  // namespace

TEST_CASE("the builder interns strings and keeps only the columns a graph needs") {
    store::StoreBuilder b;
    CHECK(b.intern("x") == b.intern("x"));
    CHECK(b.intern("x") != b.intern("y"));
    const Row node = b.kind("node");
    const Row a = b.addEntity("a", "a", "a", node);
    const Row c = b.addEntity("7", "7", "7", node);
    CHECK(b.findEntity("a") == a);
    CHECK(b.findEntity("7") == c);  // found by its number
    CHECK_FALSE(b.findEntity("07").has_value());
    CHECK(b.hasEntityId("7"));
    // An id that is a number but not its key's is hashed like any other id.
    const Row plus = b.addEntity("+8", "8", "8", node);
    CHECK(b.hasEntityId("8"));
    CHECK_FALSE(b.hasEntityId("9"));
    CHECK_FALSE(b.findEntity("8").has_value());  // no key "8"
    CHECK(b.findEntity("+8") == plus);
    b.addRelation(a, c, b.type("t"));
    const GraphStore g = b.freeze();
    CHECK(g.columns().entityKind.empty());  // one kind
    CHECK(g.columns().relationType.empty());
    CHECK(g.columns().outRelations.empty());  // already ordered by `from`
    CHECK(g.columns().relationId.empty());
    CHECK(g.columns().relationClaimStart.empty());  // one claim per relation, made for its file
    CHECK(b.entityCount() == 0);                     // the builder starts over
    // Entities in id order: the decimal ids first, by value.
    REQUIRE(g.entityCount() == 3);
    CHECK(g.entity(0).id() == "7");
    CHECK(g.entity(1).id() == "8");
    CHECK(g.entity(2).id() == "a");
    CHECK(g.relationId(0) == "a-t-7");
    CHECK(g.from(0) == 2);
    CHECK(g.to(0) == 0);
}

TEST_CASE("ids are ordered numbers first, by value, then text by its bytes") {
    CHECK(store::idLess("9", "10"));
    CHECK(store::idLess("10", "a"));
    CHECK(store::idLess("a10", "a9"));
    CHECK(store::idLess("007", "7a"));  // "007" is not a decimal id: text
    CHECK_FALSE(store::idLess("5", "5"));
    store::StoreBuilder b;
    for (const char* id : {"b", "10", "a", "9", "x-1"}) b.addEntity(id, id, id, 0);
    const GraphStore g = b.freeze();
    std::vector<std::string> ids;
    for (Row v = 0; v < g.entityCount(); ++v) ids.emplace_back(g.entity(v).id());
    CHECK(ids == std::vector<std::string>{"9", "10", "a", "b", "x-1"});
    CHECK(g.findEntityById("10") == 1);
    CHECK(g.findEntityById("x-1") == 4);
    CHECK_FALSE(g.findEntityById("11").has_value());
}

TEST_CASE("kinds and types are in name order, and each record keeps its own") {
    store::StoreBuilder b;
    const Row second = b.kind("second"), first = b.kind("first");
    const Row x = b.addEntity("x", "x", "X", second);
    const Row y = b.addEntity("y", "y", "y", first);
    const Row t1 = b.type("t1"), t0 = b.type("t0");
    b.addRelation(x, y, t1);
    b.addRelation(y, x, t0);
    const GraphStore g = b.freeze();
    CHECK(g.kind(0).name == "first");
    CHECK(g.type(0).name == "t0");
    CHECK(g.entity(0).kind() == "second");  // x
    CHECK(g.entity(1).kind() == "first");
    CHECK(g.entity(0).name() == "X");
    CHECK(g.entity(1).name() == "y");
    CHECK(g.relation(0).type() == "t1");
    CHECK(g.relation(1).type() == "t0");
    CHECK(listOf(g.relationsOfType(0)) == std::vector<Row>{1});
    CHECK(listOf(g.relationsOfType(1)) == std::vector<Row>{0});
}

TEST_CASE("bulk relations are numbered by their from entity, and both directions list exactly their own") {
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
    rounds.push_back({5000, 700000, Order::Grouped});
    for (const Round& round : rounds) {
        CAPTURE(round.relations);
        CAPTURE(static_cast<int>(round.order));
        const std::size_t n = round.entities;
        store::StoreBuilder b;
        for (std::size_t i = 0; i < n; ++i) b.addEntity(std::to_string(i), std::to_string(i), std::to_string(i), 0);
        const Row types[] = {b.type("t0"), b.type("t1")};
        struct Edge {
            Row from, to, type;
        };
        std::vector<Edge> edges;
        for (std::size_t i = 0; i < round.relations; ++i) {
            edges.push_back({static_cast<Row>(random() % n), static_cast<Row>(random() % n), types[random() % 2]});
        }
        if (round.order != Order::Random) {
            std::stable_sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) { return x.from < y.from; });
        }
        if (round.order == Order::Grouped) {
            std::vector<std::vector<Edge>> groups(n);
            for (const Edge& e : edges) groups[e.from].push_back(e);
            std::shuffle(groups.begin(), groups.end(), random);
            edges.clear();
            for (const auto& group : groups) edges.insert(edges.end(), group.begin(), group.end());
        }
        for (const Edge& e : edges) b.addRelation(e.from, e.to, e.type);
        const GraphStore g = b.freeze();
        REQUIRE_FALSE(g.firstProblem().has_value());
        CHECK(g.columns().outRelations.empty());
        CHECK(g.columns().relationFrom.empty());  // found in outOffsets
        CHECK(g.relationCount() == edges.size());
        // Each entity's relations leaving in the order read, and the sources of those arriving.
        std::vector<std::vector<std::pair<Row, std::size_t>>> leaving(n);
        std::vector<std::vector<Row>> sources(n);
        for (const Edge& e : edges) {
            leaving[e.from].emplace_back(e.to, e.type);
            sources[e.to].push_back(e.from);
        }
        for (Row v = 0; v < n; ++v) {
            std::vector<std::pair<Row, std::size_t>> out;
            std::vector<Row> inSources;
            for (const Row r : g.outRelations(v)) {
                CHECK(g.from(r) == v);
                out.emplace_back(g.to(r), g.typeIndexOf(r));
            }
            for (const Row r : g.inRelations(v)) {
                CHECK(g.to(r) == v);
                inSources.push_back(g.from(r));
            }
            CHECK(out == leaving[v]);
            std::sort(sources[v].begin(), sources[v].end());
            CHECK(inSources == sources[v]);  // rising relation numbers: by from
        }
    }
}

TEST_CASE("sparse decimal ids cost what dense ones cost") {
    // Nine-digit ids far apart: the builder hashes them once they are not dense.
    store::StoreBuilder b;
    std::vector<Row> rows;
    for (std::uint64_t i = 0; i < 5000; ++i) {
        const std::string id = std::to_string(100000000 + i * 179424673 % 899999999);
        if (b.findEntity(id)) continue;
        rows.push_back(b.addEntity(id, id, id, 0));
    }
    CHECK(b.memoryBytes() < 4'000'000);
    for (std::uint64_t i = 0; i < 5000; i += 7) {
        const std::string id = std::to_string(100000000 + i * 179424673 % 899999999);
        CHECK(b.findEntity(id).has_value());
    }
    const GraphStore g = b.freeze();
    CHECK_FALSE(g.firstProblem().has_value());
    for (Row v = 1; v < g.entityCount(); ++v) CHECK(store::idLess(g.entity(v - 1).id(), g.entity(v).id()));
}

TEST_CASE("implicit relation ids number repeats of the same ends and type") {
    store::StoreBuilder b;
    const Row p = b.addEntity("p", "p", "p", 0), q = b.addEntity("q", "q", "q", 0);
    b.addRelation(q, p, b.type("knows"));
    b.addRelation(p, q, b.type("knows"));
    b.addRelation(p, q, b.type("likes"));
    b.addRelation(p, q, b.type("knows"));
    const GraphStore g = b.freeze();  // p's relations first
    CHECK(g.relationId(0) == "p-knows-q");
    CHECK(g.relationId(1) == "p-likes-q");
    CHECK(g.relationId(2) == "p-knows-q-2");
    CHECK(g.relationId(3) == "q-knows-p");
    CHECK(g.findRelation("p-knows-q-2") == 2);
    CHECK(g.findRelation("q-knows-p") == 3);
    CHECK_FALSE(g.findRelation("p-knows-q-3").has_value());
}

TEST_CASE("bulk relations rest on one claim each, from a source made for their file") {
    store::StoreBuilder b;
    const Row p = b.addEntity("p", "p", "p", 0), q = b.addEntity("q", "q", "q", 0);
    b.beginFile("data/one.txt");
    b.addRelation(p, q, b.type("knows"));
    b.beginFile("two.txt");
    b.addRelation(q, p, b.type("knows"));
    const GraphStore g = b.freeze();
    CHECK_FALSE(g.hasClaimRecords());
    CHECK(g.claimCount() == 2);
    REQUIRE(g.sourceCount() == 2);
    const store::ClaimView first = g.claim(0);
    CHECK(first.id() == "imported-1");
    CHECK(first.relation() == 0);
    CHECK(first.summary() == "Imported from data/one.txt.");
    CHECK(g.source(first.source()).id() == "imported-one.txt");
    CHECK(g.source(first.source()).title() == "Imported from data/one.txt");
    CHECK(g.claim(1).summary() == "Imported from two.txt.");
    CHECK(listOf(g.claimsOf(1)) == std::vector<Row>{1});
    CHECK(g.findClaim("imported-2") == 1);
    CHECK_FALSE(g.findClaim("imported-3").has_value());
    CHECK(g.claimsOfSource(first.source()) == std::vector<Row>{0});
    CHECK(g.claimsNaming(0).empty());
}

TEST_CASE("records of relgraph JSON come in any order and are frozen in id order, every reference remapped") {
    store::StoreBuilder b;
    model::EntityKind country;
    country.name = "country";
    country.label = "Country";
    country.attributes.emplace("population", model::AttributeType::Quantity);
    b.declareKind(country);
    model::RelationType allied;
    allied.name = "allied_with";
    allied.label = "allied with";
    allied.from = allied.to = {"country"};
    allied.symmetric = true;
    allied.attributes.emplace("since", model::AttributeType::Date);
    b.declareType(allied);
    // A relation before the entities and the source it names.
    model::Relation r = relation("r2", "allied_with", "zeta", "alpha",
                                 {claim("c9", "wire", {"zeta"}), claim("c1", "daily", {"alpha", "zeta"})});
    r.claims[1].via = {"zeta"};
    r.claims[1].values.emplace("since", model::AttributeValue{model::AttributeType::Date, std::string("2020-03")});
    b.addRelation(r, 7);
    b.addRelation(relation("r1", "allied_with", "alpha", "zeta", {claim("c5", "daily")}), 8);
    model::Entity zeta = entity("zeta", "Zetaland", "country");
    zeta.aliases = {"Z", "The Zeta"};
    zeta.description = "A country.";
    zeta.attributes.emplace("population",
                            model::AttributeValue{model::AttributeType::Quantity, model::Quantity{{}, 10.0, 20.0, "approximately"}});
    b.declareEntity(zeta, 1);
    b.declareEntity(entity("alpha", "Alphaland", "country"), 2);
    model::Source daily = source("daily", "The Daily");
    daily.publisher = "alpha";
    daily.authors = {"Ann", "Bo"};
    b.declareSource(daily, 3);
    model::Source wire = source("wire", "Wire");
    wire.republishes = "daily";
    b.declareSource(wire, 4);

    const store::StoreBuilder::Draft draft = b.draft();
    CHECK(draft.entityCount() == 2);
    CHECK(draft.entityId(0) == "zeta");  // first mentioned
    CHECK(draft.entityDeclared(0));
    CHECK(draft.claims(0).size() == 2);
    CHECK(draft.duplicateEntityOf(0) == store::kNoRow);

    const GraphStore g = b.freeze();
    REQUIRE_FALSE(g.firstProblem().has_value());
    CHECK(g.entity(0).id() == "alpha");
    CHECK(g.entity(1).id() == "zeta");
    CHECK(g.entity(1).aliases().toStrings() == std::vector<std::string>{"Z", "The Zeta"});
    CHECK(g.entity(1).description() == "A country.");
    CHECK(g.entity(0).description().empty());
    const auto population = g.entity(1).attributes().find("population");
    REQUIRE(population.has_value());
    CHECK(model::toDisplayString(*population) == "approximately 10–20");
    CHECK(g.relation(0).id() == "r1");
    CHECK(g.relation(1).id() == "r2");
    CHECK(g.from(1) == 1);
    CHECK(g.to(1) == 0);
    CHECK(listOf(g.outRelations(0)) == std::vector<Row>{0});
    CHECK(listOf(g.outRelations(1)) == std::vector<Row>{1});
    // Claims grouped by relation, each relation's in its own order.
    REQUIRE(g.claimCount() == 3);
    CHECK(g.claim(0).id() == "c5");
    CHECK(g.claim(1).id() == "c9");
    CHECK(g.claim(2).id() == "c1");
    CHECK(g.relationOfClaim(2) == 1);
    CHECK(g.findClaim("c1") == 2);
    CHECK(g.findClaim("c9") == 1);
    CHECK(listOf(g.claim(2).by()) == std::vector<Row>{0, 1});
    CHECK(listOf(g.claim(2).via()) == std::vector<Row>{1});
    CHECK(g.claim(2).values().find("since")->value == model::Value(std::string("2020-03")));
    // Parties and sources indexed.
    CHECK(listOf(g.claimsNaming(0)) == std::vector<Row>{2});
    CHECK(listOf(g.claimsNaming(1)) == std::vector<Row>{1, 2});
    REQUIRE(g.findSource("daily").has_value());
    const store::SourceView d = g.source(*g.findSource("daily"));
    CHECK(d.publisher() == 0);
    CHECK(d.authors().toStrings() == std::vector<std::string>{"Ann", "Bo"});
    CHECK(g.claimsOfSource(d.ref()) == std::vector<Row>{0, 2});
    CHECK(g.source(*g.findSource("wire")).republishes() == d.ref());
    // The schema reads back as declared.
    CHECK(g.schema().types.at("allied_with").symmetric);
    CHECK(g.schema().types.at("allied_with").from == std::vector<std::string>{"country"});
    CHECK((g.schema().kinds.at("country").attributes.at("population") == model::AttributeType::Quantity));
    // And a record reads back whole.
    const model::Relation back = store::relationRecord(g, 1);
    CHECK(back.id == "r2");
    CHECK(back.from == "zeta");
    REQUIRE(back.claims.size() == 2);
    CHECK(back.claims[1].by == std::vector<std::string>{"alpha", "zeta"});
}

TEST_CASE("a record declared twice is kept apart as a duplicate, for the loader to report") {
    store::StoreBuilder b;
    model::EntityKind node;
    node.name = node.label = "node";
    b.declareKind(node);
    const Row first = b.declareEntity(entity("a", "A", "node"), 1);
    const Row again = b.declareEntity(entity("a", "Another A", "node"), 2);
    CHECK(first != again);
    const store::StoreBuilder::Draft draft = b.draft();
    CHECK(draft.duplicateEntityOf(again) == first);
    CHECK(draft.duplicateEntityOf(first) == store::kNoRow);
    CHECK(b.findEntity("a") == first);
}

TEST_CASE("when some relations come with claims, the others get one made for their file") {
    store::StoreBuilder b;
    model::EntityKind node;
    node.name = node.label = "node";
    b.declareKind(node);
    model::RelationType knows;
    knows.name = knows.label = "knows";
    knows.anyFrom = knows.anyTo = true;
    b.declareType(knows);
    b.beginFile("graph.json");
    b.declareEntity(entity("a", "A", "node"), 1);
    b.declareEntity(entity("b", "B", "node"), 2);
    b.declareSource(source("s", "S"), 3);
    b.addRelation(relation("a-knows-b", "knows", "a", "b", {claim("imported-2", "s")}), 4);
    b.beginFile("edges.txt");
    const Row rel = b.addRelation(*b.findEntity("b"), *b.findEntity("a"), b.type("knows"));
    b.setRelationId(rel, "b-knows-a");
    const GraphStore g = b.freeze();
    REQUIRE(g.hasClaimRecords());
    REQUIRE(g.claimCount() == 2);
    CHECK(g.claim(1).relation() == 1);
    CHECK(g.claim(1).id() == "imported-2-2");  // "imported-2" was taken
    CHECK(g.claim(1).summary() == "Imported from edges.txt.");
    CHECK(g.source(g.claim(1).source()).id() == "imported-edges.txt");
}

TEST_CASE("property columns, one per kind or type, are typed when frozen and declared on theirs") {
    store::StoreBuilder b;
    const Row person = b.kind("person"), city = b.kind("city");
    const Row ann = b.addEntity("ann", "ann", "Ann", person);
    const Row rome = b.addEntity("rome", "rome", "Rome", city);
    const Row age = b.property("age", store::kOwnerEntities, person, model::AttributeType::String);
    b.setProperty(age, ann, "42");
    b.setPropertyType(age, model::AttributeType::Integer);
    const Row name = b.property("motto", store::kOwnerEntities, city, model::AttributeType::String);
    b.setProperty(name, rome, "caput mundi");
    // One attribute name, of another type for another kind.
    const Row cityAge = b.property("age", store::kOwnerEntities, city, model::AttributeType::String);
    CHECK(cityAge != age);
    CHECK(b.property("age", store::kOwnerEntities, person, model::AttributeType::String) == age);
    b.setProperty(cityAge, rome, "ancient");
    const Row livesIn = b.type("lives_in");
    const Row since = b.property("weight", store::kOwnerRelations, livesIn, model::AttributeType::Number);
    const Row r = b.addRelation(ann, rome, livesIn);
    b.setProperty(since, r, "0.5");
    const GraphStore g = b.freeze();
    CHECK(g.entity(0).attributes().find("age")->value == model::Value(std::int64_t{42}));
    CHECK(g.entity(1).attributes().find("motto")->value == model::Value(std::string("caput mundi")));
    CHECK(g.entity(1).attributes().find("age")->value == model::Value(std::string("ancient")));
    CHECK(g.relation(0).attributes().find("weight")->value == model::Value(0.5));
    CHECK((g.schema().kinds.at("person").attributes.at("age") == model::AttributeType::Integer));
    CHECK((g.schema().kinds.at("city").attributes.at("age") == model::AttributeType::String));
    CHECK((g.schema().types.at("lives_in").attributes.at("weight") == model::AttributeType::Number));
}

TEST_CASE("entities are found by id, name or alias, normalized") {
    const GraphStore& g = testing::bundled();
    const auto dprk = g.findEntity("dprk");
    REQUIRE(dprk.has_value());
    CHECK(g.findEntity("North Korea") == dprk);
    CHECK(g.findEntity("  north   KOREA ") == dprk);
    CHECK(g.findEntity("Pyongyang") == dprk);  // an alias
    CHECK_FALSE(g.findEntity("Atlantis").has_value());
    CHECK_THROWS_WITH_AS(g.resolveEntity("Nort Korea"), doctest::Contains("did you mean \"North Korea\""), QueryError);
    CHECK_THROWS_WITH_AS(g.resolveEntity("zzzzzzzzzzzz"), doctest::Contains("no entity has a similar"), QueryError);
}

TEST_CASE("the bounds check catches numbers out of range, and the full check also wrong runs") {
    store::StoreBuilder b;
    for (const char* id : {"a", "b", "c"}) b.addEntity(id, id, id, 0);
    b.addRelation(0, 1, 0);
    b.addRelation(1, 2, 0);
    const GraphStore g = b.freeze();
    CHECK_FALSE(g.firstProblem().has_value());

    Damaged outOfRange(g);
    outOfRange.relationTo[1] = 9;
    CHECK(outOfRange.problem(GraphStore::Check::Bounds) == "relationTo[1] is 9, out of range (limit 3)");

    Damaged wrongRun(g);
    std::swap(wrongRun.inRelations[0], wrongRun.inRelations[1]);
    CHECK_FALSE(wrongRun.problem(GraphStore::Check::Bounds).has_value());
    CHECK(wrongRun.problem(GraphStore::Check::Full) == "inRelations[0] lists relation 1 under entity 1");

    // Relations in another order than by `from` need both relationFrom and outRelations.
    store::StoreColumns unordered = g.columns();
    const std::vector<Row> outRelations{1, 0};
    unordered.outRelations = outRelations;
    CHECK(GraphStore::problemIn(unordered, GraphStore::Check::Bounds) ==
          "relationFrom and outRelations must come together");
    const std::vector<Row> relationFrom{1, 0};
    unordered.relationFrom = relationFrom;
    CHECK_FALSE(GraphStore::problemIn(unordered, GraphStore::Check::Bounds).has_value());
    const std::vector<Row> inRelations{1, 0};  // relation 0 is b→b, relation 1 a→c: wrong runs
    unordered.inRelations = inRelations;
    CHECK(GraphStore::problemIn(unordered, GraphStore::Check::Full).has_value());
}

TEST_CASE("a republication cycle in the columns is refused: queries would follow it for ever") {
    store::StoreBuilder b;
    b.declareSource(source("a", "A"), 1);
    b.declareSource(source("b", "B"), 2);
    const GraphStore g = b.freeze();
    store::StoreColumns c = g.columns();
    const std::vector<Row> cycle{1, 0};
    c.sourceRepublishes = cycle;
    CHECK(GraphStore::problemIn(c, GraphStore::Check::Bounds) == "sourceRepublishes[0] is on a cycle");
}
