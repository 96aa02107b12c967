#include <doctest/doctest.h>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>
#include <vector>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "relgraph/common/error.hpp"
#include "relgraph/common/file_output.hpp"
#include "relgraph/common/text.hpp"
#include "relgraph/store/snapshot.hpp"
#include "relgraph/store/store_builder.hpp"
#include "relgraph/store/store_records.hpp"
#include "store/column_list.hpp"
#include "test_graphs.hpp"
#include "unreadable_file.hpp"

using namespace relgraph;
using store::GraphStore;
using store::Row;
namespace fs = std::filesystem;

namespace {

// The layout docs/snapshot.md describes, written out again so that the tests pin it down.
constexpr std::size_t kHeaderBytes = 64;
constexpr std::size_t kVersionAt = 8;
constexpr std::size_t kSectionCountAt = 12;
constexpr std::size_t kFileSizeAt = 16;
constexpr std::size_t kChecksumAt = 24;
constexpr std::size_t kSearchChecksumAt = 32;
constexpr std::size_t kSearchAt = 40;
constexpr std::size_t kHeaderChecksumAt = 56;
constexpr std::size_t kEntryBytes = 24;

using store::SectionId;

constexpr std::uint32_t id(SectionId section) { return static_cast<std::uint32_t>(section); }
const std::uint32_t kStringOffsets = id(SectionId::StringOffsets);
const std::uint32_t kEntityName = id(SectionId::EntityName);
const std::uint32_t kEntityKind = id(SectionId::EntityKind);
const std::uint32_t kRelationFrom = id(SectionId::RelationFrom);
const std::uint32_t kRelationTo = id(SectionId::RelationTo);
const std::uint32_t kOutOffsets = id(SectionId::OutOffsets);
const std::uint32_t kKindName = id(SectionId::KindName);
const std::uint32_t kKindLabel = id(SectionId::KindLabel);
const std::uint32_t kRelationFile = id(SectionId::RelationFile);
const std::uint32_t kSourceNote = id(SectionId::SourceNote);
const std::uint32_t kPartyClaims = id(SectionId::PartyClaims);
const std::uint32_t kKeyHash = id(SectionId::KeyHash);

struct TempDir {
    fs::path path;
    TempDir() {
        static int counter = 0;
        path = fs::temp_directory_path() /
               ("relgraph-snapshot-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& entry : fs::directory_iterator(path)) out.push_back(entry.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }
};

std::string readBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void writeBytes(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    REQUIRE(out.good());
}

template <class T>
T get(const std::string& bytes, std::size_t at) {
    T value;
    REQUIRE(at + sizeof value <= bytes.size());
    std::memcpy(&value, bytes.data() + at, sizeof value);
    return value;
}

template <class T>
void put(std::string& bytes, std::size_t at, T value) {
    REQUIRE(at + sizeof value <= bytes.size());
    std::memcpy(bytes.data() + at, &value, sizeof value);
}

// Recomputes both checksums, so that only the damage a test made remains.
void reseal(std::string& bytes) {
    const auto searchAt = std::min<std::uint64_t>(get<std::uint64_t>(bytes, kSearchAt), bytes.size());
    put<std::uint64_t>(bytes, kChecksumAt, XXH3_64bits(bytes.data() + kHeaderBytes, std::max<std::uint64_t>(searchAt, kHeaderBytes) - kHeaderBytes));
    put<std::uint64_t>(bytes, kSearchChecksumAt, XXH3_64bits(bytes.data() + searchAt, bytes.size() - searchAt));
    put<std::uint64_t>(bytes, kHeaderChecksumAt, XXH3_64bits(bytes.data(), kHeaderChecksumAt));
}

struct Entry {
    std::size_t at;  // where the entry is in the file
    std::uint32_t id, elementSize;
    std::uint64_t offset, size;
};

std::vector<Entry> sectionTable(const std::string& bytes) {
    std::vector<Entry> out;
    const auto count = get<std::uint32_t>(bytes, kSectionCountAt);
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::size_t at = kHeaderBytes + i * kEntryBytes;
        out.push_back({at, get<std::uint32_t>(bytes, at), get<std::uint32_t>(bytes, at + 4),
                       get<std::uint64_t>(bytes, at + 8), get<std::uint64_t>(bytes, at + 16)});
    }
    return out;
}

Entry entryOf(const std::string& bytes, std::uint32_t id) {
    for (const Entry& e : sectionTable(bytes)) {
        if (e.id == id) return e;
    }
    FAIL("no section ", id);
    return {};
}

// The one diagnostic opening `path` fails with.
Diagnostic refusal(const fs::path& path) {
    try {
        store::openSnapshot(path);
    } catch (const LoadError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        return e.diagnostics().front();
    }
    FAIL("opened ", path.string(), " without an error");
    return {};
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

#define CHECK_REFUSED(PATH, POINTER, MESSAGE)                                           \
    do {                                                                                \
        const ::relgraph::Diagnostic d_ = refusal(PATH);                                \
        INFO("diagnostic: ", d_.toString());                                            \
        CHECK(d_.place.file == fs::path(PATH).generic_string());                        \
        CHECK(d_.place.line == 0);                                                      \
        CHECK(d_.place.column == 0);                                                    \
        CHECK(d_.place.pointer == std::string(POINTER));                                \
        CHECK(contains(d_.message, MESSAGE));                                           \
    } while (false)

model::Entity entity(std::string id, std::string name, std::string kind, std::vector<std::string> aliases = {}) {
    model::Entity e;
    e.id = std::move(id);
    e.name = std::move(name);
    e.kind = std::move(kind);
    e.aliases = std::move(aliases);
    return e;
}

model::Claim claim(std::string id, std::string source, std::vector<std::string> by, std::string summary) {
    model::Claim c;
    c.id = std::move(id);
    c.source = std::move(source);
    c.by = std::move(by);
    c.summary = std::move(summary);
    return c;
}

// Every kind of column filled: names, aliases, descriptions, attributes of every type, kinds, types
// with attribute declarations, relation ids, parallel relations, claims with values and parties,
// sources with publishers, authors and republications, two input files.
GraphStore fullGraph() {
    store::StoreBuilder b;
    model::EntityKind country;
    country.name = "country";
    country.label = "Country";
    country.attributes.emplace("population", model::AttributeType::Integer);
    b.declareKind(country);
    model::EntityKind person;
    person.name = "person";
    person.label = "Person";
    person.description = "Someone.";
    b.declareKind(person);
    for (const auto& [name, label, symmetric, attribution] :
         {std::tuple{"sent_workers", "Sent workers", false, false}, {"reported", "Reported", false, true},
          {"borders", "Borders", true, false}}) {
        model::RelationType type;
        type.name = name;
        type.label = label;
        type.anyFrom = type.anyTo = true;
        type.symmetric = symmetric;
        type.attribution = attribution;
        type.attributes.emplace("count", model::AttributeType::Quantity);
        type.attributes.emplace("since", model::AttributeType::Date);
        b.declareType(type);
    }
    b.beginFile("a.json");
    model::Entity alpha = entity("alpha", "Alphaland", "country", {"Republic of Alpha", "AL"});
    alpha.attributes.emplace("population", model::AttributeValue{model::AttributeType::Integer, std::int64_t{1000}});
    alpha.description = "A country.";
    b.declareEntity(alpha, 1);
    b.declareEntity(entity("beta", "Betastan", "country"), 2);
    b.declareEntity(entity("bob", "Bob Brown", "person", {"Robert Brown"}), 3);
    b.declareEntity(entity("carol", "Carol", "person"), 4);
    b.declareEntity(entity("lonely", "Lonely Ünïcode", "person"), 5);
    model::Source daily;
    daily.id = "daily";
    daily.title = "The Daily";
    daily.publisher = "bob";
    daily.date = "2025-02-10";
    daily.authors = {"Ann", "Bo"};
    daily.url = "https://daily.example/a";
    daily.note = "A paper.";
    b.declareSource(daily, 6);
    model::Source repost;
    repost.id = "repost";
    repost.title = "Repost";
    repost.republishes = "daily";
    repost.reliesOn = {"daily"};
    b.declareSource(repost, 7);
    const auto relation = [&](std::string id, std::string type, std::string from, std::string to,
                              std::vector<model::Claim> claims) {
        model::Relation r;
        r.id = std::move(id);
        r.type = std::move(type);
        r.from = std::move(from);
        r.to = std::move(to);
        r.claims = std::move(claims);
        return r;
    };
    model::Relation sent = relation("r-alpha-beta-1", "sent_workers", "alpha", "beta",
                                    {claim("c1", "daily", {"bob"}, "About 1,000."), claim("c2", "repost", {}, "Many.")});
    sent.claims[0].values.emplace(
        "count", model::AttributeValue{model::AttributeType::Quantity, model::Quantity{1000.0, {}, {}, "approximately"}});
    sent.claims[1].values.emplace(
        "count", model::AttributeValue{model::AttributeType::Quantity, model::Quantity{{}, 10.0, 20.0, ""}});
    sent.claims[1].via = {"carol"};
    sent.claims[1].date = "2025-02";
    sent.claims[1].stance = model::Stance::Denies;
    sent.attributes.emplace("since", model::AttributeValue{model::AttributeType::Date, std::string("2024")});
    b.addRelation(sent, 8);
    b.addRelation(relation("r-alpha-beta-2", "sent_workers", "alpha", "beta", {claim("c3", "daily", {}, "Again.")}), 9);
    b.addRelation(relation("r-border", "borders", "beta", "alpha", {claim("c4", "daily", {}, "They border.")}), 10);
    b.beginFile("b.json");
    b.addRelation(relation("r-bob-alpha", "reported", "bob", "alpha", {claim("c5", "daily", {"bob"}, "Said.")}), 11);
    b.addRelation(relation("r-carol-bob", "reported", "carol", "bob", {claim("c6", "repost", {}, "Told.")}), 12);
    b.addRelation(relation("r-border-2", "borders", "alpha", "beta", {claim("c7", "daily", {}, "Again.")}), 13);
    GraphStore g = b.freeze();
    REQUIRE_FALSE(g.firstProblem().has_value());
    return g;
}

// What a bulk import of an edge list makes: relations ordered by `from` (so relationFrom and
// outRelations are left out), one kind and one type, ids for names, claims made per file.
GraphStore bareGraph() {
    store::StoreBuilder b;
    b.beginFile("edges.tsv");
    std::vector<store::Row> v;
    for (const char* id : {"1", "2", "3", "4"}) v.push_back(b.addEntity(id, id, id, b.kind("node")));
    for (const auto& [from, to] : {std::pair{0u, 1u}, {0u, 2u}, {1u, 2u}, {1u, 2u}, {2u, 3u}}) {
        b.addRelation(v[from], v[to], b.type("edge"));
    }
    GraphStore g = b.freeze();
    REQUIRE_FALSE(g.firstProblem().has_value());
    return g;
}

GraphStore emptyGraph() { return store::StoreBuilder().freeze(); }

template <class T>
void checkSameBytes(std::string_view name, std::span<const T> written, std::span<const T> read) {
    INFO("column ", name);
    REQUIRE(written.size() == read.size());
    // Mapped in place: every section starts 64-byte aligned in a page-aligned mapping.
    if (!read.empty()) {
        CHECK(std::memcmp(written.data(), read.data(), written.size_bytes()) == 0);
        CHECK(reinterpret_cast<std::uintptr_t>(read.data()) % 64 == 0);
        CHECK(read.data() != written.data());
    }
}

void checkSameColumns(const GraphStore& written, const GraphStore& read) {
    written.ensureSearchIndex();  // what writing it made and kept
    store::forEachColumn([&](const store::Column& column, auto member) {
        checkSameBytes(column.name, written.columns().*member, read.columns().*member);
    });
}

std::vector<Row> listOf(const store::RowRange& run) { return run.toVector(); }

void checkSameAnswers(const GraphStore& a, const GraphStore& b) {
    REQUIRE(a.entityCount() == b.entityCount());
    REQUIRE(a.relationCount() == b.relationCount());
    REQUIRE(a.claimCount() == b.claimCount());
    REQUIRE(a.sourceCount() == b.sourceCount());
    CHECK(a.stringCount() == b.stringCount());
    CHECK(a.memoryBytes() == b.memoryBytes());
    for (Row v = 0; v < a.entityCount(); ++v) {
        CHECK(store::entityRecord(a, v).id == store::entityRecord(b, v).id);
        CHECK(a.entity(v).name() == b.entity(v).name());
        CHECK(a.entity(v).kind() == b.entity(v).kind());
        CHECK(a.entity(v).aliases().toStrings() == b.entity(v).aliases().toStrings());
        CHECK(a.entity(v).attributes().toMap() == b.entity(v).attributes().toMap());
        CHECK(listOf(a.outRelations(v)) == listOf(b.outRelations(v)));
        CHECK(listOf(a.inRelations(v)) == listOf(b.inRelations(v)));
        CHECK(listOf(a.claimsNaming(v)) == listOf(b.claimsNaming(v)));
        CHECK(b.findEntity(b.entity(v).id()) == v);
        CHECK(a.findEntity(a.entity(v).name()) == b.findEntity(b.entity(v).name()));
        CHECK(b.resolveEntity(text::normalizeName(b.entity(v).name())) == a.resolveEntity(a.entity(v).name()));
    }
    for (Row r = 0; r < a.relationCount(); ++r) {
        CHECK(a.from(r) == b.from(r));
        CHECK(a.to(r) == b.to(r));
        CHECK(a.typeIndexOf(r) == b.typeIndexOf(r));
        CHECK(a.relationId(r) == b.relationId(r));
        CHECK(b.findRelation(b.relationId(r)) == r);
        CHECK(a.fileOf(r) == b.fileOf(r));
        const model::Relation x = store::relationRecord(a, r), y = store::relationRecord(b, r);
        CHECK(x.attributes == y.attributes);
        REQUIRE(x.claims.size() == y.claims.size());
        for (std::size_t i = 0; i < x.claims.size(); ++i) {
            CHECK(x.claims[i].id == y.claims[i].id);
            CHECK(x.claims[i].source == y.claims[i].source);
            CHECK(x.claims[i].by == y.claims[i].by);
            CHECK(x.claims[i].via == y.claims[i].via);
            CHECK(x.claims[i].summary == y.claims[i].summary);
            CHECK(x.claims[i].values == y.claims[i].values);
        }
    }
    for (Row s = 0; s < a.sourceCount(); ++s) {
        const model::Source x = store::sourceRecord(a, s), y = store::sourceRecord(b, s);
        CHECK(x.id == y.id);
        CHECK(x.title == y.title);
        CHECK(x.publisher == y.publisher);
        CHECK(x.authors == y.authors);
        CHECK(x.republishes == y.republishes);
        CHECK(x.reliesOn == y.reliesOn);
        CHECK(a.claimsOfSource(s) == b.claimsOfSource(s));
    }
    REQUIRE(a.kindCount() == b.kindCount());
    for (std::size_t k = 0; k < a.kindCount(); ++k) CHECK(b.findKind(a.kind(k).name) == k);
    REQUIRE(a.typeCount() == b.typeCount());
    for (std::size_t t = 0; t < a.typeCount(); ++t) {
        CHECK(b.findType(a.type(t).name) == t);
        CHECK(a.type(t).symmetric == b.type(t).symmetric);
        CHECK(a.type(t).attribution == b.type(t).attribution);
        CHECK(a.type(t).attributes == b.type(t).attributes);
        CHECK(listOf(a.relationsOfType(t)) == listOf(b.relationsOfType(t)));
    }
    CHECK_FALSE(b.findEntity("no such entity").has_value());
}

// A snapshot of the full graph, its bytes, and a place to write damaged copies.
struct Damage {
    TempDir dir;
    fs::path good = dir.path / "good.rgdb";
    fs::path bad = dir.path / "bad.rgdb";
    std::string bytes;

    explicit Damage(const GraphStore& graph = fullGraph()) {
        store::writeSnapshot(graph, good);
        bytes = readBytes(good);
    }
    // Writes `damaged` as the bad file and returns its path.
    const fs::path& write(const std::string& damaged) {
        writeBytes(bad, damaged);
        return bad;
    }
    // A copy of the good bytes with the entry of section `id` changed by `change`, resealed.
    template <class Change>
    const fs::path& withEntry(std::uint32_t id, Change change) {
        std::string copy = bytes;
        Entry e = entryOf(copy, id);
        change(e);
        put(copy, e.at, e.id);
        put(copy, e.at + 4, e.elementSize);
        put(copy, e.at + 8, e.offset);
        put(copy, e.at + 16, e.size);
        reseal(copy);
        return write(copy);
    }
};

}  // namespace

TEST_CASE("snapshot: a graph reads back byte for byte, mapped in place, answering alike") {
    for (const auto& [name, graph] : {std::pair{"full", fullGraph()}, {"bare", bareGraph()}, {"empty", emptyGraph()}}) {
        CAPTURE(name);
        TempDir dir;
        const fs::path file = dir.path / "graph.rgdb";
        store::writeSnapshot(graph, file);
        CHECK(store::isSnapshotFile(file));
        const GraphStore read = store::openSnapshot(file);
        CHECK_FALSE(read.firstProblem().has_value());
        checkSameColumns(graph, read);
        checkSameAnswers(graph, read);
        CHECK(dir.names() == std::vector<std::string>{"graph.rgdb"});
    }
}

TEST_CASE("snapshot: the file layout is the documented one") {
    const GraphStore graph = fullGraph();
    Damage d(graph);
    const std::string& bytes = d.bytes;
    CHECK(bytes.substr(0, 8) == std::string("RGDB\r\n\x1a\n", 8));
    CHECK(get<std::uint32_t>(bytes, kVersionAt) == 4);
    CHECK(get<std::uint64_t>(bytes, kFileSizeAt) == bytes.size());
    // Two checksums: of everything before the search index, and of the search index.
    const auto searchAt = get<std::uint64_t>(bytes, kSearchAt);
    CHECK(searchAt == entryOf(bytes, id(SectionId::SearchDocKind)).offset);
    CHECK(get<std::uint64_t>(bytes, kChecksumAt) == XXH3_64bits(bytes.data() + 64, searchAt - 64));
    CHECK(get<std::uint64_t>(bytes, kSearchChecksumAt) == XXH3_64bits(bytes.data() + searchAt, bytes.size() - searchAt));
    CHECK(get<std::uint64_t>(bytes, kHeaderChecksumAt) == XXH3_64bits(bytes.data(), 56));
    CHECK(bytes.substr(48, 8) == std::string(8, '\0'));
    const auto table = sectionTable(bytes);
    std::size_t written = 0;  // the required columns, and the optional ones that hold values
    store::forEachColumn([&](const store::Column& column, auto member) {
        written += !column.optional || !(graph.columns().*member).empty();
    });
    CHECK(table.size() == written);
    CHECK(table.size() > 60);  // nearly every column of the full graph
    std::uint64_t end = kHeaderBytes + table.size() * kEntryBytes;
    for (std::size_t i = 0; i < table.size(); ++i) {
        CAPTURE(i);
        if (i > 0) CHECK(table[i].id > table[i - 1].id);  // in id order
        CHECK(table[i].offset % 64 == 0);
        CHECK(table[i].offset >= end);
        CHECK(table[i].offset - end < 64);  // no more padding than alignment needs
        CHECK(table[i].size % table[i].elementSize == 0);
        end = table[i].offset + table[i].size;
    }
    CHECK(end == bytes.size());
    const Entry from = entryOf(bytes, kRelationFrom);
    CHECK(from.elementSize == 4);
    CHECK(from.size == graph.relationCount() * 4);
    CHECK(std::memcmp(bytes.data() + from.offset, graph.columns().relationFrom.data(), from.size) == 0);
    CHECK(entryOf(bytes, id(SectionId::Attributes)).elementSize == sizeof(store::StoredAttribute));

    // Optional columns that are empty are left out; required ones are always listed.
    Damage bare(bareGraph());
    std::set<std::uint32_t> ids;
    for (const Entry& e : sectionTable(bare.bytes)) ids.insert(e.id);
    store::forEachColumn([&](const store::Column& column, auto) {
        if (!column.optional) CHECK(ids.count(id(column.id)));
    });
    for (const SectionId absent : {SectionId::RelationFrom, SectionId::OutRelations, SectionId::RelationId,
                                   SectionId::RelationClaimStart, SectionId::ClaimId, SectionId::EntityName,
                                   SectionId::EntityKind, SectionId::RelationType, SectionId::RelationFile}) {
        CHECK_FALSE(ids.count(id(absent)));
    }
}

TEST_CASE("snapshot: writing replaces the old file whole, and a mapped graph keeps its own bytes") {
    TempDir dir;
    const fs::path file = dir.path / "graph.rgdb";
    store::writeSnapshot(fullGraph(), file);
    const GraphStore full = store::openSnapshot(file);
    store::writeSnapshot(bareGraph(), file);
    CHECK(fs::file_size(file) == readBytes(file).size());
    const GraphStore bare = store::openSnapshot(file);
    checkSameColumns(bareGraph(), bare);
    // The first mapping still reads the graph it was opened on, though its file was replaced.
    checkSameColumns(fullGraph(), full);
    checkSameAnswers(fullGraph(), full);
    CHECK(dir.names() == std::vector<std::string>{"graph.rgdb"});
    // Permissions are a normal file's, not mkstemp's 0600.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    CHECK((fs::status(file).permissions() & fs::perms::all) == (static_cast<fs::perms>(0666 & ~mask)));
}

TEST_CASE("snapshot: a write that fails leaves no file and no temporary file behind") {
    TempDir dir;
    const GraphStore graph = fullGraph();
    SUBCASE("in a folder that does not exist") {
        const fs::path file = dir.path / "missing" / "graph.rgdb";
        const std::string expected = "cannot write " + file.string() + ": No such file or directory";
        CHECK_THROWS_WITH_AS(store::writeSnapshot(graph, file), expected.c_str(), OutputError);
        CHECK(dir.names().empty());
    }
    SUBCASE("over a folder") {
        fs::create_directories(dir.path / "graph.rgdb");
        CHECK_THROWS_WITH_AS(store::writeSnapshot(graph, dir.path / "graph.rgdb"),
                             doctest::Contains("graph.rgdb: Is a directory"), OutputError);
        CHECK(dir.names() == std::vector<std::string>{"graph.rgdb"});
        CHECK(fs::is_directory(dir.path / "graph.rgdb"));
    }
    SUBCASE("when the disk fills up halfway (a file size limit)") {
        const fs::path file = dir.path / "graph.rgdb";
        writeBytes(file, "the old file");
        rlimit old{};
        REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
        const auto previous = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = old;
        limited.rlim_cur = 1000;
        REQUIRE(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
        std::string message;
        try {
            store::writeSnapshot(graph, file);
        } catch (const OutputError& e) {
            message = e.what();
        }
        ::setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, previous);
        CHECK(message == "cannot write " + file.string() + ": File too large");
        CHECK(dir.names() == std::vector<std::string>{"graph.rgdb"});
        CHECK(readBytes(file) == "the old file");
    }
}

TEST_CASE("file output: a streamed file abandoned before commit leaves nothing") {
    TempDir dir;
    {
        AtomicFileWriter out(dir.path / "result.txt");
        out.write("half of it");
        CHECK(dir.names().size() == 1);  // the temporary file
    }
    CHECK(dir.names().empty());
    {
        AtomicFileWriter out(dir.path / "result.txt");
        out.write("all ");
        out.write("of it");
        out.commit();
    }
    CHECK(readBytes(dir.path / "result.txt") == "all of it");
    CHECK(dir.names() == std::vector<std::string>{"result.txt"});
}

TEST_CASE("snapshot: isSnapshotFile tells snapshots from everything else") {
    Damage d;
    CHECK(store::isSnapshotFile(d.good));
    CHECK(store::isSnapshotFile(d.write(d.bytes.substr(0, 8))));  // the magic is all it looks at
    CHECK_FALSE(store::isSnapshotFile(d.write(d.bytes.substr(0, 7))));
    CHECK_FALSE(store::isSnapshotFile(d.write("")));
    CHECK_FALSE(store::isSnapshotFile(testing::tinyGraphDir() / "world.json"));
    CHECK_FALSE(store::isSnapshotFile(testing::tinyGraphDir()));
    CHECK_FALSE(store::isSnapshotFile(d.dir.path / "missing.rgdb"));
    CHECK_FALSE(store::isSnapshotFile("/dev/null"));
}

TEST_CASE("snapshot: what is not a snapshot is refused as such") {
    Damage d;
    const fs::path json = testing::tinyGraphDir() / "world.json";
    CHECK_REFUSED(json, "/header/magic", "not a relgraph snapshot (it starts with \"{\\n");
    const fs::path graphml = testing::testDir() / "fixtures" / "interchange" / "karate.graphml";
    CHECK_REFUSED(graphml, "/header/magic", "not a relgraph snapshot (it starts with \"<?xml");

    std::mt19937 random(7);
    std::string noise(5000, '\0');
    for (char& c : noise) c = static_cast<char>(random());
    noise[0] = '\x9c';
    d.write(noise);
    CHECK_REFUSED(d.bad, "/header/magic", "not a relgraph snapshot (it starts with \"\\x9c");
    d.write("ab");
    CHECK_REFUSED(d.bad, "/header/magic", "not a relgraph snapshot (it starts with \"ab\")");

    d.write("");
    CHECK_REFUSED(d.bad, "", "the file is empty: not a relgraph snapshot");
    CHECK_REFUSED(d.dir.path / "missing.rgdb", "", "cannot read file: No such file or directory");
    CHECK_REFUSED(testing::tinyGraphDir(), "", "is a folder, not a snapshot file");
    CHECK_REFUSED("/dev/null", "", "not a regular file");
    const fs::path fifo = d.dir.path / "fifo.rgdb";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_REFUSED(fifo, "", "not a regular file");  // at once: no waiting for a writer
    CHECK_FALSE(store::isSnapshotFile(fifo));
    const fs::path socket = d.dir.path / "socket.rgdb";
    testing::makeUnreadableFile(socket);
    CHECK_REFUSED(socket, "", "cannot read file: ");
}

TEST_CASE("snapshot: a file that cannot be mapped is refused") {
    // sysfs files are regular files that cannot be mapped.
    const fs::path sysfs = "/sys/kernel/mm/transparent_hugepage/enabled";
    if (!fs::is_regular_file(sysfs)) {
        MESSAGE("skipped: no ", sysfs.string());
        return;
    }
    CHECK_REFUSED(sysfs, "", "cannot map file: ");
}

TEST_CASE("snapshot: a truncated file is reported as truncated") {
    Damage d;
    const std::size_t size = d.bytes.size();
    const Entry table = sectionTable(d.bytes).back();
    const Entry relationTo = entryOf(d.bytes, kRelationTo);
    d.write(d.bytes.substr(0, 5));
    CHECK_REFUSED(d.bad, "/header", "truncated: the file has 5 bytes, a snapshot header alone has 64");
    d.write(d.bytes.substr(0, 30));
    CHECK_REFUSED(d.bad, "/header", "truncated: the file has 30 bytes, a snapshot header alone has 64");
    for (const std::size_t cut : {std::size_t{64}, std::size_t{100}, table.at + 3, std::size_t(relationTo.offset + 2),
                                  size - 1}) {
        CAPTURE(cut);
        d.write(d.bytes.substr(0, cut));
        CHECK_REFUSED(d.bad, "/header/fileSize",
                      "truncated: the file has " + std::to_string(cut) + " bytes, the header says " +
                          std::to_string(size));
    }
    d.write(d.bytes.substr(0, 0));
    CHECK_REFUSED(d.bad, "", "the file is empty");
}

TEST_CASE("snapshot: a flipped byte anywhere is found by a checksum") {
    Damage d;
    // Before the search index, when the file is opened; in it, when it is first searched.
    const auto searchAt = get<std::uint64_t>(d.bytes, kSearchAt);
    for (std::size_t at = kHeaderBytes; at < d.bytes.size(); at += 37) {
        CAPTURE(at);
        std::string copy = d.bytes;
        copy[at] = static_cast<char>(copy[at] ^ 0x10);
        if (at < searchAt) {
            CHECK_REFUSED(d.write(copy), "/header/checksum", "checksum mismatch: the file is corrupt");
            continue;
        }
        const GraphStore opened = store::openSnapshot(d.write(copy));
        CHECK_THROWS_WITH_AS(opened.ensureSearchIndex(), doctest::Contains("(/header/searchChecksum): search index checksum mismatch: the file is corrupt"), LoadError);
    }
    for (std::size_t at = 8; at < kHeaderBytes; ++at) {
        CAPTURE(at);
        std::string copy = d.bytes;
        copy[at] = static_cast<char>(copy[at] ^ 0x01);
        CHECK_REFUSED(d.write(copy), "/header/headerChecksum", "header checksum mismatch: the file is corrupt");
    }
    std::string copy = d.bytes;
    copy[2] = 'X';
    CHECK_REFUSED(d.write(copy), "/header/magic", "not a relgraph snapshot (it starts with \"RGXB\\r\\n\\x1a\\n");
}

TEST_CASE("snapshot: a file of another format version asks for a rebuild") {
    Damage d;
    for (const std::uint32_t version : {3u, 2u, 1u, 0u}) {
        std::string copy = d.bytes;
        put(copy, kVersionAt, version);
        reseal(copy);
        CHECK_REFUSED(d.write(copy), "/header/version",
                      "snapshot version " + std::to_string(version) +
                          " was made by an older relgraph (this one reads version 4): run `relgraph load` again");
    }
    std::string copy = d.bytes;
    put(copy, kVersionAt, 77u);
    reseal(copy);
    CHECK_REFUSED(d.write(copy), "/header/version", "snapshot version 77 was made by a newer relgraph");
}

TEST_CASE("snapshot: header fields that disagree with the file are refused") {
    Damage d;
    std::string copy = d.bytes;
    copy[50] = 1;
    reseal(copy);
    CHECK_REFUSED(d.write(copy), "/header/reserved", "header bytes 48..55 are reserved and must be zero (byte 50 is not)");

    // The search index's start: inside the file after the table, and between the other sections and its own.
    copy = d.bytes;
    put<std::uint64_t>(copy, kSearchAt, copy.size() + 64);
    reseal(copy);
    CHECK_REFUSED(d.write(copy), "/header/searchStart", "the search index starts at byte");
    copy = d.bytes;
    put<std::uint64_t>(copy, kSearchAt, get<std::uint64_t>(copy, kSearchAt) - 64);
    reseal(copy);
    CHECK_REFUSED(d.write(copy), "/sections/partyClaims", "is on the wrong side of the search index's start");
    copy = d.bytes;
    put<std::uint64_t>(copy, kSearchAt, get<std::uint64_t>(copy, kSearchAt) + 64);
    reseal(copy);
    CHECK_REFUSED(d.write(copy), "/sections/searchDocKind", "is on the wrong side of the search index's start");

    CHECK_REFUSED(d.write(d.bytes + "extra"), "/header/fileSize",
                  "the file has " + std::to_string(d.bytes.size() + 5) + " bytes, the header says " +
                      std::to_string(d.bytes.size()) + ": something was appended");

    copy = d.bytes;
    put<std::uint32_t>(copy, kSectionCountAt, 1000000);
    reseal(copy);
    CHECK_REFUSED(d.write(copy), "/header/sectionCount",
                  "the section table (1000000 entries, bytes 64..24000063) runs past the end of the file");
}

TEST_CASE("snapshot: a section table that does not fit the file is refused, checksum or not") {
    Damage d;
    const Entry note = entryOf(d.bytes, kSourceNote);
    const Entry relationTo = entryOf(d.bytes, kRelationTo);
    const std::size_t entry = (relationTo.at - kHeaderBytes) / kEntryBytes;
    const std::string sectionTableEntry = "/sectionTable/" + std::to_string(entry);
    CHECK_REFUSED(d.withEntry(kRelationTo, [](Entry& e) { e.id = 999; }), sectionTableEntry,
                  "unknown section id 999 (entry " + std::to_string(entry) + " of the section table)");
    CHECK_REFUSED(d.withEntry(kRelationTo, [](Entry& e) { e.id = 0; }), sectionTableEntry,
                  "unknown section id 0 (entry " + std::to_string(entry) + " of the section table)");
    CHECK_REFUSED(d.withEntry(kRelationTo, [](Entry& e) { e.id = kRelationFrom; }), "/sections/relationFrom",
                  "section relationFrom is listed twice");
    CHECK_REFUSED(d.withEntry(kRelationTo, [](Entry& e) { e.elementSize = 8; }), "/sections/relationTo",
                  "section relationTo has 8-byte elements, expected 4");
    CHECK_REFUSED(d.withEntry(kRelationTo, [](Entry& e) { e.offset += 4; }), "/sections/relationTo",
                  "section relationTo starts at byte " + std::to_string(relationTo.offset + 4) +
                      ", not a multiple of 64");
    const Entry last = sectionTable(d.bytes).back();
    const std::string lastName(store::columnOf(static_cast<SectionId>(last.id)).name);
    CHECK_REFUSED(d.withEntry(last.id, [](Entry& e) { e.size += e.elementSize; }), "/sections/" + lastName,
                  "section " + lastName + " (" + std::to_string(last.size + last.elementSize) + " bytes from byte " +
                      std::to_string(last.offset) + ") runs past the end of the file");
    CHECK_REFUSED(d.withEntry(kSourceNote, [](Entry& e) { e.offset = 0xFFFFFFFFFFFFFFC0ull; }), "/sections/sourceNote",
                  "runs past the end of the file");
    (void)note;
    CHECK_REFUSED(d.withEntry(kRelationTo, [](Entry& e) { e.size -= 2; }), "/sections/relationTo",
                  "section relationTo has " + std::to_string(relationTo.size - 2) +
                      " bytes, not a whole number of 4-byte elements");
    const Entry relationFrom = entryOf(d.bytes, kRelationFrom);
    CHECK_REFUSED(d.withEntry(kRelationTo, [&](Entry& e) { e.offset = relationFrom.offset; }), "/sections/relationTo",
                  "section relationTo starts at byte " + std::to_string(relationFrom.offset) + ", before byte " +
                      std::to_string(relationFrom.offset + relationFrom.size) +
                      " where the section table or the section listed before it ends");
    CHECK_REFUSED(d.withEntry(1, [](Entry& e) { e.offset = 64; }), "/sections/stringBytes",
                  "section stringBytes starts at byte 64, before byte " +
                      std::to_string(kHeaderBytes + sectionTable(d.bytes).size() * kEntryBytes) +
                      " where the section table");

    // A required section left out (its entry turned into an empty optional one the graph lacks).
    Damage bare(bareGraph());
    CHECK_REFUSED(bare.withEntry(kKeyHash,
                                 [](Entry& e) {
                                     e.id = kRelationFile;
                                     e.elementSize = 2;
                                     e.size = 0;
                                 }),
                  "/sections/keyHash", "required section keyHash is missing");
}

TEST_CASE("snapshot: sections whose lengths disagree are refused, checksum or not") {
    Damage d;
    const auto shorter = [](Entry& e) { e.size -= e.elementSize; };
    CHECK_REFUSED(d.withEntry(kRelationTo, shorter), "/sections/relationFrom",
                  "section relationFrom has 6 values, expected none or 5 (as many as section relationTo)");
    CHECK_REFUSED(d.withEntry(kEntityName, shorter), "/sections/entityName",
                  "section entityName has 4 values, expected none or 5 (as many as section entityId)");
    CHECK_REFUSED(d.withEntry(kOutOffsets, shorter), "/sections/outOffsets",
                  "section outOffsets has 5 values, expected 6 (one more than section entityId)");
    CHECK_REFUSED(d.withEntry(kRelationFile, shorter), "/sections/relationFile",
                  "section relationFile has 5 values, expected none or 6 (as many as section relationTo)");
    CHECK_REFUSED(d.withEntry(kStringOffsets, [](Entry& e) { e.size = 0; }), "/sections/stringOffsets",
                  "section stringOffsets is empty, expected at least one value");
    // An optional column may be listed empty: every name is then the id.
    const GraphStore nameless = store::openSnapshot(d.withEntry(kEntityName, [](Entry& e) { e.size = 0; }));
    CHECK(nameless.entity(0).name() == "alpha");
    // Relations of one file need not say which file they come from.
    Damage bare(bareGraph());
    CHECK(sectionTable(bare.bytes).size() < sectionTable(d.bytes).size());
    CHECK(store::openSnapshot(bare.good).fileOf(4) == 0);
}

TEST_CASE("snapshot: an inconsistent graph with a valid checksum is refused, not crashed on") {
    Damage d;
    const Entry relationTo = entryOf(d.bytes, kRelationTo);
    std::string copy = d.bytes;
    put<Row>(copy, relationTo.offset + 4, 999);
    reseal(copy);
    CHECK_REFUSED(d.write(copy), "/sections/relationTo",
                  "the file is inconsistent: relationTo[1] is 999, out of range (limit 5)");

    // A problem that names no column.
    CHECK_REFUSED(d.withEntry(kKindName, [](Entry& e) { e.size = 0; }), "/sections/kindLabel",
                  "section kindLabel has 2 values, expected 0 (as many as section kindName)");
    copy = d.bytes;
    for (const SectionId section : {SectionId::KindName, SectionId::KindLabel, SectionId::KindDescription,
                                    SectionId::EntityKind, SectionId::KindAttributeType, SectionId::KindAttributeName}) {
        const Entry e = entryOf(copy, id(section));
        put<std::uint64_t>(copy, e.at + 16, 0);
    }
    const Entry starts = entryOf(copy, id(SectionId::KindAttributeStart));  // one value: 0
    put<std::uint64_t>(copy, starts.at + 16, 4);
    put<Row>(copy, starts.offset, 0);
    reseal(copy);
    CHECK_REFUSED(d.write(copy), "", "the file is inconsistent: entities but no kinds");
}

TEST_CASE("snapshot: a damaged search index is found when it is first searched, and other commands never read it") {
    Damage d;
    const Entry postings = entryOf(d.bytes, id(SectionId::SearchPostingDoc));
    REQUIRE(postings.size >= 4);
    std::string copy = d.bytes;
    put<Row>(copy, postings.offset, 0xFFFFFFF0u);
    reseal(copy);
    const GraphStore graph = store::openSnapshot(d.write(copy));  // opens: the index is not read
    CHECK(graph.entityCount() == fullGraph().entityCount());
    try {
        graph.ensureSearchIndex();
        FAIL("a damaged search index was used");
    } catch (const LoadError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        const Diagnostic& problem = e.diagnostics().front();
        CHECK(problem.place.file == d.bad.generic_string());
        CHECK(problem.place.pointer == "/sections/searchPostingDoc");
        CHECK(contains(problem.message, "the file is inconsistent: searchPostingDoc[0] is 4294967280, out of range"));
    }
    // The full check finds it too.
    CHECK(graph.firstProblem().has_value());

    // A damaged byte behind its checksum: found by the search index's own checksum, not at opening.
    std::string flipped = d.bytes;
    flipped[postings.offset] = static_cast<char>(flipped[postings.offset] ^ 1);
    const GraphStore opened = store::openSnapshot(d.write(flipped));
    try {
        opened.ensureSearchIndex();
        FAIL("a search index behind a wrong checksum was used");
    } catch (const LoadError& e) {
        CHECK(e.diagnostics().front().place.pointer == "/header/searchChecksum");
        CHECK(contains(e.diagnostics().front().message, "search index checksum mismatch: the file is corrupt"));
    }
}

TEST_CASE("snapshot: random damage behind valid checksums is refused or harmless, never a crash") {
    Damage d;
    std::mt19937 random(20240611);
    int opened = 0, refused = 0;
    for (int round = 0; round < 400; ++round) {
        std::string copy = d.bytes;
        const int flips = 1 + static_cast<int>(random() % 4);
        const std::size_t tableEnd = kHeaderBytes + sectionTable(d.bytes).size() * kEntryBytes;
        for (int i = 0; i < flips; ++i) {
            // Half in the section table, half anywhere after the header.
            const std::size_t at = kHeaderBytes + random() % ((round % 2 ? tableEnd : copy.size()) - kHeaderBytes);
            copy[at] = static_cast<char>(random());
        }
        reseal(copy);
        try {
            const GraphStore g = store::openSnapshot(d.write(copy));
            ++opened;
            // Whatever opened must answer without reading out of bounds.
            for (Row v = 0; v < g.entityCount(); ++v) {
                (void)store::entityRecord(g, v);
                (void)g.findEntity(g.entity(v).id());
                for (const Row r : g.outRelations(v)) (void)store::relationRecord(g, r);
                for (const Row r : g.inRelations(v)) (void)g.fileOf(r);
                for (const Row c : g.claimsNaming(v)) (void)store::claimRecord(g, c);
            }
            for (Row s = 0; s < g.sourceCount(); ++s) {
                (void)store::sourceRecord(g, s);
                for (const Row c : g.claimsOfSource(s)) (void)g.claim(c).relation();
            }
            for (std::size_t k = 0; k < g.kindCount(); ++k) (void)g.kind(k).name;
            for (std::size_t t = 0; t < g.typeCount(); ++t) {
                for (const Row r : g.relationsOfType(t)) (void)g.relation(r).id();
            }
        } catch (const LoadError&) {
            ++refused;
        }
    }
    CHECK(refused > 0);
    MESSAGE(opened, " damaged copies opened, ", refused, " refused");
}

TEST_CASE("snapshot: graphs loaded from their files read back alike") {
    for (const auto& [name, graph] : {std::pair{"tiny", &testing::tiny()}, {"bundled", &testing::bundled()}}) {
        CAPTURE(name);
        TempDir dir;
        const fs::path file = dir.path / "graph.rgdb";
        store::writeSnapshot(*graph, file);
        const GraphStore read = store::openSnapshot(file);
        CHECK_FALSE(read.firstProblem().has_value());
        checkSameColumns(*graph, read);
        checkSameAnswers(*graph, read);
    }
}

TEST_CASE("snapshot: verifying checks every sparse-row run, which opening leaves to the checksum") {
    Damage d;
    CHECK_NOTHROW(store::verifySnapshot(d.good));
    // relationTo and inRelations disagree: relation 0 now arrives at entity 2 but is listed under 1.
    std::string copy = d.bytes;
    const Entry relationTo = entryOf(copy, kRelationTo);
    put<Row>(copy, relationTo.offset, 2);
    reseal(copy);
    d.write(copy);
    CHECK_NOTHROW(store::openSnapshot(d.bad));
    try {
        store::verifySnapshot(d.bad);
        FAIL("verified a snapshot whose runs disagree with its relations");
    } catch (const LoadError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(e.diagnostics().front().place.file == d.bad.generic_string());
        CHECK(contains(e.diagnostics().front().message, "the file is inconsistent: inRelations["));
    }
}
