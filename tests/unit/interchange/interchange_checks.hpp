#pragma once
// Shared by the interchange tests: temporary folders, a graph full of awkward text, a store's records
// as plain data and back, and a field by field comparison of two graphs.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "relgraph/common/error.hpp"
#include "relgraph/interchange/graph_reader.hpp"
#include "relgraph/model/graph_data.hpp"
#include "relgraph/store/graph_store.hpp"
#include "relgraph/store/store_builder.hpp"
#include "relgraph/store/store_records.hpp"
#include "test_graphs.hpp"

namespace relgraph::testing {

inline std::filesystem::path interchangeFixtures() { return testDir() / "fixtures" / "interchange"; }

struct TempFolder {
    std::filesystem::path path;
    TempFolder() {
        std::random_device random;
        path = std::filesystem::temp_directory_path() / ("relgraph-interchange-" + std::to_string(random()));
        std::filesystem::create_directories(path);
    }
    ~TempFolder() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::filesystem::path write(const std::string& name, const std::string& text) const {
        const auto file = path / name;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text;
        return file;
    }
};

inline std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The message of the LoadError reading `paths` throws (the read must fail).
inline std::string importErrors(const std::vector<std::filesystem::path>& paths,
                                const interchange::ReadOptions& options = {}) {
    try {
        interchange::readGraph(paths, options);
    } catch (const LoadError& e) {
        return e.what();
    }
    FAIL("reading succeeded");
    return {};
}

// tests/fixtures/interchange/awkward.json: every kind of awkward text relgraph allows, in every place
// the formats carry: commas, quotes, colons, semicolons, backslashes (last, and before a newline),
// newlines where text may hold them, non-ASCII, markup characters, attribute names the formats use
// themselves, every attribute type.
inline store::GraphStore awkwardGraph() { return load::loadGraph({interchangeFixtures() / "awkward.json"}); }

// Every record of a store as plain data (store/store_records.hpp), in the store's order, for
// comparisons and for tests that change a record.
inline model::GraphData graphData(const store::GraphStore& graph) {
    model::GraphData data;
    data.schema = graph.schema();
    for (store::SourceRef s = 0; s < graph.sourceCount(); ++s) data.sources.push_back(store::sourceRecord(graph, s));
    for (store::Vertex v = 0; v < graph.entityCount(); ++v) data.entities.push_back(store::entityRecord(graph, v));
    for (store::Edge e = 0; e < graph.relationCount(); ++e) data.relations.push_back(store::relationRecord(graph, e));
    return data;
}

// The store of these records, given to the builder in their order (sources, entities, relations),
// as the loader gives it a file's records; `data` must be a valid graph (nothing checks it).
inline store::GraphStore storeOf(const model::GraphData& data, const std::string& file = "graph.json") {
    store::StoreBuilder builder;
    for (const auto& [name, kind] : data.schema.kinds) builder.declareKind(kind);
    for (const auto& [name, type] : data.schema.types) builder.declareType(type);
    builder.beginFile(file);
    for (const model::Source& s : data.sources) builder.declareSource(s, 0);
    for (const model::Entity& e : data.entities) builder.declareEntity(e, 0);
    for (const model::Relation& r : data.relations) builder.addRelation(r, 0);
    return builder.freeze();
}

// Two graphs hold the same records (in any order of records, not of claims).
inline void checkSameGraph(const model::GraphData& a, const model::GraphData& b) {
    REQUIRE(a.schema.kinds.size() == b.schema.kinds.size());
    for (const auto& [name, k] : a.schema.kinds) {
        INFO("kind ", name);
        REQUIRE(b.schema.kinds.count(name));
        const model::EntityKind& l = b.schema.kinds.at(name);
        CHECK(k.label == l.label);
        CHECK(k.description == l.description);
        CHECK(k.attributes == l.attributes);
    }
    REQUIRE(a.schema.types.size() == b.schema.types.size());
    for (const auto& [name, t] : a.schema.types) {
        INFO("type ", name);
        REQUIRE(b.schema.types.count(name));
        const model::RelationType& u = b.schema.types.at(name);
        CHECK(t.label == u.label);
        CHECK(t.description == u.description);
        CHECK(t.from == u.from);
        CHECK(t.to == u.to);
        CHECK(t.anyFrom == u.anyFrom);
        CHECK(t.anyTo == u.anyTo);
        CHECK(t.symmetric == u.symmetric);
        CHECK(t.attribution == u.attribution);
        CHECK(t.attributes == u.attributes);
    }
    auto byId = [](const auto& records, const std::string& id) {
        const auto it = std::find_if(records.begin(), records.end(), [&](const auto& r) { return r.id == id; });
        REQUIRE(it != records.end());
        return &*it;
    };
    REQUIRE(a.sources.size() == b.sources.size());
    for (const model::Source& s : a.sources) {
        INFO("source ", s.id);
        const model::Source* t = byId(b.sources, s.id);
        CHECK(s.title == t->title);
        CHECK(s.publisher == t->publisher);
        CHECK(s.date == t->date);
        CHECK(s.authors == t->authors);
        CHECK(s.url == t->url);
        CHECK(s.republishes == t->republishes);
        CHECK(s.reliesOn == t->reliesOn);
        CHECK(s.note == t->note);
    }
    REQUIRE(a.entities.size() == b.entities.size());
    for (const model::Entity& e : a.entities) {
        INFO("entity ", e.id);
        const model::Entity* f = byId(b.entities, e.id);
        CHECK(e.name == f->name);
        CHECK(e.kind == f->kind);
        CHECK(e.aliases == f->aliases);
        CHECK(e.description == f->description);
        CHECK(e.attributes == f->attributes);
    }
    REQUIRE(a.relations.size() == b.relations.size());
    for (const model::Relation& r : a.relations) {
        INFO("relation ", r.id);
        const model::Relation* s = byId(b.relations, r.id);
        CHECK(r.type == s->type);
        CHECK(r.from == s->from);
        CHECK(r.to == s->to);
        CHECK(r.attributes == s->attributes);
        REQUIRE(r.claims.size() == s->claims.size());
        for (std::size_t i = 0; i < r.claims.size(); ++i) {
            const model::Claim& c = r.claims[i];
            const model::Claim& d = s->claims[i];
            CHECK(c.id == d.id);
            CHECK(c.source == d.source);
            CHECK(c.by == d.by);
            CHECK(c.via == d.via);
            CHECK(c.date == d.date);
            CHECK(c.stance == d.stance);
            CHECK(c.summary == d.summary);
            CHECK(c.values == d.values);
        }
    }
}

// Two stores hold the same records (store/store_records.hpp).
inline void checkSameGraph(const store::GraphStore& a, const store::GraphStore& b) {
    checkSameGraph(graphData(a), graphData(b));
}

}  // namespace relgraph::testing
