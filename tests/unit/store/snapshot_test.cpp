#include <doctest/doctest.h>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
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
#include "test_graphs.hpp"
#include "unreadable_file.hpp"

using namespace relgraph;
using store::CompactGraph;
using store::CompactId;
namespace fs = std::filesystem;

namespace {

// The layout docs/snapshot.md describes, written out again so that the tests pin it down.
constexpr std::size_t kHeaderBytes = 64;
constexpr std::size_t kVersionAt = 8;
constexpr std::size_t kSectionCountAt = 12;
constexpr std::size_t kFileSizeAt = 16;
constexpr std::size_t kChecksumAt = 24;
constexpr std::size_t kHeaderChecksumAt = 56;
constexpr std::size_t kEntryBytes = 24;

// Section ids (docs/snapshot.md).
constexpr std::uint32_t kStringOffsets = 2;
constexpr std::uint32_t kEntityName = 4;
constexpr std::uint32_t kEntityKind = 5;
constexpr std::uint32_t kRelationFrom = 6;
constexpr std::uint32_t kRelationTo = 7;
constexpr std::uint32_t kOutOffsets = 10;
constexpr std::uint32_t kKindName = 17;
constexpr std::uint32_t kKindLabel = 18;
constexpr std::uint32_t kSourceFile = 22;
constexpr std::uint32_t kRelationSource = 23;
constexpr std::uint32_t kDetails = 29;

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
    put<std::uint64_t>(bytes, kChecksumAt, XXH3_64bits(bytes.data() + kHeaderBytes, bytes.size() - kHeaderBytes));
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

// A graph's columns over vectors it owns.
struct HandColumns {
    std::vector<std::string> strings;
    std::vector<char> stringBytes;
    std::vector<std::uint64_t> stringOffsets;
    std::vector<CompactId> entityId, entityName;
    std::vector<std::uint16_t> entityKind;
    std::vector<CompactId> relationFrom, relationTo;
    std::vector<std::uint16_t> relationType;
    std::vector<CompactId> relationId;
    std::vector<CompactId> outOffsets, outRelations, inOffsets, inRelations;
    std::vector<std::uint32_t> keyHash;
    std::vector<CompactId> keyString, keyEntity;
    std::vector<CompactId> kindName, kindLabel, typeName, typeLabel;
    std::vector<std::uint8_t> typeFlags;
    std::vector<CompactId> sourceFile;
    std::vector<std::uint16_t> relationSource;
    std::vector<CompactId> propertyName;
    std::vector<std::uint8_t> propertyOwner, propertyType;
    std::vector<std::uint64_t> propertyStart;
    std::vector<CompactId> propertyValues;
    std::vector<char> details;

    CompactId intern(std::string_view text) {
        const auto it = std::find(strings.begin(), strings.end(), text);
        if (it != strings.end()) return static_cast<CompactId>(it - strings.begin());
        strings.emplace_back(text);
        return static_cast<CompactId>(strings.size() - 1);
    }

    // The string pool, the name index and both sparse-row indexes, from what the test filled in.
    // `aliases`: extra names per entity.
    void finish(const std::vector<std::vector<std::string>>& aliases, bool listOut) {
        std::vector<std::tuple<std::uint64_t, CompactId, std::string>> keys;
        for (CompactId v = 0; v < entityId.size(); ++v) {
            std::vector<std::string> texts{strings[entityId[v]]};
            if (!entityName.empty()) texts.push_back(strings[entityName[v]]);
            if (v < aliases.size()) texts.insert(texts.end(), aliases[v].begin(), aliases[v].end());
            for (const std::string& t : texts) {
                const std::string key = text::normalizeName(t);
                keys.emplace_back(store::compactKeyHash(key), v, key);
            }
        }
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (const auto& [hash, v, key] : keys) {
            keyHash.push_back(hash);
            keyEntity.push_back(v);
            keyString.push_back(intern(key));
        }
        const auto index = [&](const std::vector<CompactId>& ends, std::vector<CompactId>& offsets,
                               std::vector<CompactId>& list) {
            offsets.assign(entityId.size() + 1, 0);
            for (const CompactId v : ends) ++offsets[v + 1];
            for (std::size_t v = 0; v < entityId.size(); ++v) offsets[v + 1] += offsets[v];
            list.assign(ends.size(), 0);
            std::vector<CompactId> next(offsets.begin(), offsets.end() - 1);
            for (CompactId r = 0; r < ends.size(); ++r) list[next[ends[r]]++] = r;
        };
        index(relationFrom, outOffsets, outRelations);
        index(relationTo, inOffsets, inRelations);
        if (!listOut) outRelations.clear();
        stringOffsets = {0};
        for (const std::string& s : strings) {
            stringBytes.insert(stringBytes.end(), s.begin(), s.end());
            stringOffsets.push_back(stringBytes.size());
        }
    }
};

CompactGraph graphOf(HandColumns hand) {
    const auto owned = std::make_shared<const HandColumns>(std::move(hand));
    const HandColumns& h = *owned;
    store::CompactColumns c;
    c.stringBytes = h.stringBytes;
    c.stringOffsets = h.stringOffsets;
    c.entityId = h.entityId;
    c.entityName = h.entityName;
    c.entityKind = h.entityKind;
    c.relationFrom = h.relationFrom;
    c.relationTo = h.relationTo;
    c.relationType = h.relationType;
    c.relationId = h.relationId;
    c.outOffsets = h.outOffsets;
    c.outRelations = h.outRelations;
    c.inOffsets = h.inOffsets;
    c.inRelations = h.inRelations;
    c.keyHash = h.keyHash;
    c.keyString = h.keyString;
    c.keyEntity = h.keyEntity;
    c.kindName = h.kindName;
    c.kindLabel = h.kindLabel;
    c.typeName = h.typeName;
    c.typeLabel = h.typeLabel;
    c.typeFlags = h.typeFlags;
    c.sourceFile = h.sourceFile;
    c.relationSource = h.relationSource;
    c.propertyName = h.propertyName;
    c.propertyOwner = h.propertyOwner;
    c.propertyType = h.propertyType;
    c.propertyStart = h.propertyStart;
    c.propertyValues = h.propertyValues;
    c.details = h.details;
    CompactGraph graph(c, owned);
    const auto problem = graph.firstProblem();
    INFO("hand-made graph: ", problem.value_or(""));
    REQUIRE_FALSE(problem.has_value());
    return graph;
}

// Every column filled: names, kinds, types, stored relation ids, parallel relations, both
// indexes listed, two input files, properties of both owners, details.
CompactGraph fullGraph() {
    HandColumns h;
    const CompactId country = 0, person = 1;
    for (const auto& [name, label] : {std::pair{"country", "Country"}, {"person", "Person"}}) {
        h.kindName.push_back(h.intern(name));
        h.kindLabel.push_back(h.intern(label));
    }
    for (const auto& [name, label, flags] :
         {std::tuple{"sent_workers", "Sent workers", 0}, {"reported", "Reported", store::kTypeAttribution},
          {"borders", "Borders", store::kTypeSymmetric}}) {
        h.typeName.push_back(h.intern(name));
        h.typeLabel.push_back(h.intern(label));
        h.typeFlags.push_back(static_cast<std::uint8_t>(flags));
    }
    for (const auto& [id, name, kind] : {std::tuple{"alpha", "Alphaland", country}, {"beta", "Betastan", country},
                                         {"bob", "Bob Brown", person}, {"carol", "Carol", person},
                                         {"lonely", "Lonely Ünïcode", person}}) {
        h.entityId.push_back(h.intern(id));
        h.entityName.push_back(h.intern(name));
        h.entityKind.push_back(static_cast<std::uint16_t>(kind));
    }
    // a.json: relations 0-2; b.json: relations 3-5.
    const std::vector<std::tuple<CompactId, CompactId, std::uint16_t, std::string>> relations{
        {0, 1, 0, "r-alpha-beta-1"}, {0, 1, 0, "r-alpha-beta-2"}, {1, 0, 2, "r-border"},
        {2, 0, 1, "r-bob-alpha"},    {3, 2, 1, "r-carol-bob"},    {0, 1, 2, "r-border-2"}};
    for (const auto& [from, to, type, id] : relations) {
        h.relationFrom.push_back(from);
        h.relationTo.push_back(to);
        h.relationType.push_back(type);
        h.relationId.push_back(h.intern(id));
    }
    h.sourceFile = {h.intern("a.json"), h.intern("b.json")};
    h.relationSource = {0, 0, 0, 1, 1, 1};
    h.propertyName = {h.intern("population"), h.intern("weight")};
    h.propertyOwner = {store::kOwnerEntities, store::kOwnerRelations};
    h.propertyType = {static_cast<std::uint8_t>(model::AttributeType::Integer),
                      static_cast<std::uint8_t>(model::AttributeType::Number)};
    h.propertyStart = {0, 5};
    h.propertyValues = {h.intern("1000"), h.intern("2000"), store::kNoString, store::kNoString, store::kNoString,
                        h.intern("0.5"),  store::kNoString, h.intern("1"),    h.intern("2"),    h.intern("3"),
                        store::kNoString};
    const std::string details = R"({"relgraph": 1, "note": "kept whole"})";
    h.details.assign(details.begin(), details.end());
    h.finish({{"Republic of Alpha", "AL"}, {}, {"Robert Brown"}}, true);
    return graphOf(std::move(h));
}

// Only the required columns, as a bulk import of an edge list makes them: relations ordered by
// `from` (so outRelations is left out), one kind and one type, ids for names.
CompactGraph bareGraph() {
    HandColumns h;
    h.kindName = {h.intern("node")};
    h.kindLabel = {h.intern("Node")};
    h.typeName = {h.intern("edge")};
    h.typeLabel = {h.intern("Edge")};
    h.typeFlags = {0};
    for (const char* id : {"1", "2", "3", "4"}) h.entityId.push_back(h.intern(id));
    for (const auto& [from, to] : {std::pair{0u, 1u}, {0u, 2u}, {1u, 2u}, {1u, 2u}, {2u, 3u}}) {
        h.relationFrom.push_back(from);
        h.relationTo.push_back(to);
    }
    h.sourceFile = {h.intern("edges.tsv")};
    h.finish({}, false);
    return graphOf(std::move(h));
}

CompactGraph emptyGraph() {
    HandColumns h;
    h.finish({}, true);
    return graphOf(std::move(h));
}

template <class T>
void checkSameBytes(const char* name, std::span<const T> written, std::span<const T> read) {
    INFO("column ", name);
    REQUIRE(written.size() == read.size());
    // Mapped in place: every section starts 64-byte aligned in a page-aligned mapping.
    if (!read.empty()) {
        CHECK(std::memcmp(written.data(), read.data(), written.size_bytes()) == 0);
        CHECK(reinterpret_cast<std::uintptr_t>(read.data()) % 64 == 0);
        CHECK(read.data() != written.data());
    }
}

void checkSameColumns(const CompactGraph& written, const CompactGraph& read) {
    const store::CompactColumns& a = written.columns();
    const store::CompactColumns& b = read.columns();
#define SAME(member) checkSameBytes(#member, a.member, b.member)
    SAME(stringBytes);
    SAME(stringOffsets);
    SAME(entityId);
    SAME(entityName);
    SAME(entityKind);
    SAME(relationFrom);
    SAME(relationTo);
    SAME(relationType);
    SAME(relationId);
    SAME(outOffsets);
    SAME(outRelations);
    SAME(inOffsets);
    SAME(inRelations);
    SAME(keyHash);
    SAME(keyString);
    SAME(keyEntity);
    SAME(kindName);
    SAME(kindLabel);
    SAME(typeName);
    SAME(typeLabel);
    SAME(typeFlags);
    SAME(sourceFile);
    SAME(relationSource);
    SAME(propertyName);
    SAME(propertyOwner);
    SAME(propertyType);
    SAME(propertyStart);
    SAME(propertyValues);
    SAME(details);
#undef SAME
    static_assert(sizeof(store::CompactColumns) == 29 * sizeof(std::span<const char>),
                  "a new column: compare it here too");
}

template <class Run>
std::vector<CompactId> listOf(const Run& run) {
    return std::vector<CompactId>(run.begin(), run.end());
}

void checkSameAnswers(const CompactGraph& a, const CompactGraph& b) {
    REQUIRE(a.entityCount() == b.entityCount());
    REQUIRE(a.relationCount() == b.relationCount());
    CHECK(a.stringCount() == b.stringCount());
    CHECK(a.memoryBytes() == b.memoryBytes());
    for (CompactId v = 0; v < a.entityCount(); ++v) {
        CHECK(a.entityId(v) == b.entityId(v));
        CHECK(a.entityName(v) == b.entityName(v));
        CHECK(a.entityKind(v) == b.entityKind(v));
        CHECK(listOf(a.outRelations(v)) == listOf(b.outRelations(v)));
        CHECK(listOf(a.inRelations(v)) == listOf(b.inRelations(v)));
        CHECK(b.findEntity(b.entityId(v)) == v);
        CHECK(a.findEntity(a.entityName(v)) == b.findEntity(b.entityName(v)));
        CHECK(b.resolveEntity(text::normalizeName(b.entityName(v))) == a.resolveEntity(a.entityName(v)));
    }
    for (CompactId r = 0; r < a.relationCount(); ++r) {
        CHECK(a.from(r) == b.from(r));
        CHECK(a.to(r) == b.to(r));
        CHECK(a.relationType(r) == b.relationType(r));
        CHECK(a.relationId(r) == b.relationId(r));
        CHECK(a.sourceOf(r) == b.sourceOf(r));
    }
    REQUIRE(a.kindCount() == b.kindCount());
    for (std::size_t k = 0; k < a.kindCount(); ++k) CHECK(b.findKind(a.kindName(k)) == k);
    REQUIRE(a.typeCount() == b.typeCount());
    for (std::size_t t = 0; t < a.typeCount(); ++t) {
        CHECK(b.findType(a.typeName(t)) == t);
        CHECK(a.typeSymmetric(t) == b.typeSymmetric(t));
        CHECK(a.typeAttribution(t) == b.typeAttribution(t));
    }
    CHECK(a.hasDetails() == b.hasDetails());
    CHECK(a.details() == b.details());
    CHECK_FALSE(b.findEntity("no such entity").has_value());
}

// A snapshot of the full graph, its bytes, and a place to write damaged copies.
struct Damage {
    TempDir dir;
    fs::path good = dir.path / "good.rgdb";
    fs::path bad = dir.path / "bad.rgdb";
    std::string bytes;

    explicit Damage(const CompactGraph& graph = fullGraph()) {
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
        const CompactGraph read = store::openSnapshot(file);
        CHECK_FALSE(read.firstProblem().has_value());
        checkSameColumns(graph, read);
        checkSameAnswers(graph, read);
        CHECK(dir.names() == std::vector<std::string>{"graph.rgdb"});
    }
}

TEST_CASE("snapshot: the file layout is the documented one") {
    const CompactGraph graph = fullGraph();
    Damage d(graph);
    const std::string& bytes = d.bytes;
    CHECK(bytes.substr(0, 8) == std::string("RGDB\r\n\x1a\n", 8));
    CHECK(get<std::uint32_t>(bytes, kVersionAt) == 2);
    CHECK(get<std::uint64_t>(bytes, kFileSizeAt) == bytes.size());
    CHECK(get<std::uint64_t>(bytes, kChecksumAt) == XXH3_64bits(bytes.data() + 64, bytes.size() - 64));
    CHECK(get<std::uint64_t>(bytes, kHeaderChecksumAt) == XXH3_64bits(bytes.data(), 56));
    CHECK(bytes.substr(32, 24) == std::string(24, '\0'));
    const auto table = sectionTable(bytes);
    CHECK(table.size() == 29);  // every column of the full graph
    std::uint64_t end = kHeaderBytes + table.size() * kEntryBytes;
    for (std::size_t i = 0; i < table.size(); ++i) {
        CAPTURE(i);
        CHECK(table[i].id == i + 1);  // in id order
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
    CHECK(entryOf(bytes, kDetails).elementSize == 1);

    // Optional columns that are empty are left out; required ones are always listed.
    Damage bare(bareGraph());
    std::vector<std::uint32_t> ids;
    for (const Entry& e : sectionTable(bare.bytes)) ids.push_back(e.id);
    CHECK(ids == std::vector<std::uint32_t>{1, 2, 3, 6, 7, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22});
}

TEST_CASE("snapshot: writing replaces the old file whole, and a mapped graph keeps its own bytes") {
    TempDir dir;
    const fs::path file = dir.path / "graph.rgdb";
    store::writeSnapshot(fullGraph(), file);
    const CompactGraph full = store::openSnapshot(file);
    store::writeSnapshot(bareGraph(), file);
    CHECK(fs::file_size(file) == readBytes(file).size());
    const CompactGraph bare = store::openSnapshot(file);
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
    const CompactGraph graph = fullGraph();
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
    for (std::size_t at = kHeaderBytes; at < d.bytes.size(); at += 37) {
        CAPTURE(at);
        std::string copy = d.bytes;
        copy[at] = static_cast<char>(copy[at] ^ 0x10);
        CHECK_REFUSED(d.write(copy), "/header/checksum", "checksum mismatch: the file is corrupt");
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
    for (const std::uint32_t version : {1u, 0u, 77u}) {
        std::string copy = d.bytes;
        put(copy, kVersionAt, version);
        reseal(copy);
        CHECK_REFUSED(d.write(copy), "/header/version",
                      "snapshot version " + std::to_string(version) +
                          ", this relgraph reads version 2: rebuild it with `relgraph load`");
    }
}

TEST_CASE("snapshot: header fields that disagree with the file are refused") {
    Damage d;
    std::string copy = d.bytes;
    copy[40] = 1;
    reseal(copy);
    CHECK_REFUSED(d.write(copy), "/header/reserved", "header bytes 32..55 are reserved and must be zero (byte 40 is not)");

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
    const Entry details = entryOf(d.bytes, kDetails);
    const Entry relationTo = entryOf(d.bytes, kRelationTo);
    CHECK_REFUSED(d.withEntry(kRelationTo, [](Entry& e) { e.id = 99; }), "/sectionTable/6",
                  "unknown section id 99 (entry 6 of the section table)");
    CHECK_REFUSED(d.withEntry(kRelationTo, [](Entry& e) { e.id = 0; }), "/sectionTable/6",
                  "unknown section id 0 (entry 6 of the section table)");
    CHECK_REFUSED(d.withEntry(kRelationTo, [](Entry& e) { e.id = kRelationFrom; }), "/sections/relationFrom",
                  "section relationFrom is listed twice");
    CHECK_REFUSED(d.withEntry(kRelationTo, [](Entry& e) { e.elementSize = 8; }), "/sections/relationTo",
                  "section relationTo has 8-byte elements, expected 4");
    CHECK_REFUSED(d.withEntry(kRelationTo, [](Entry& e) { e.offset += 4; }), "/sections/relationTo",
                  "section relationTo starts at byte " + std::to_string(relationTo.offset + 4) +
                      ", not a multiple of 64");
    CHECK_REFUSED(d.withEntry(kDetails, [](Entry& e) { e.size += 1; }), "/sections/details",
                  "section details (" + std::to_string(details.size + 1) + " bytes from byte " +
                      std::to_string(details.offset) + ") runs past the end of the file");
    CHECK_REFUSED(d.withEntry(kDetails, [](Entry& e) { e.offset = 0xFFFFFFFFFFFFFFC0ull; }), "/sections/details",
                  "runs past the end of the file");
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
                      std::to_string(kHeaderBytes + 29 * kEntryBytes) + " where the section table");

    // Left out: the last entry (details, optional) is fine; a required one is not.
    std::string copy = d.bytes;
    put<std::uint32_t>(copy, kSectionCountAt, 28);
    reseal(copy);
    CHECK_FALSE(store::openSnapshot(d.write(copy)).hasDetails());
    Damage bare(bareGraph());  // no details: the sourceFile entry becomes an empty details section
    CHECK_REFUSED(bare.withEntry(kSourceFile,
                                 [](Entry& e) {
                                     e.id = kDetails;
                                     e.elementSize = 1;
                                     e.size = 0;
                                 }),
                  "/sections/sourceFile", "required section sourceFile is missing");
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
    CHECK_REFUSED(d.withEntry(kRelationSource, shorter), "/sections/relationSource",
                  "section relationSource has 5 values, expected none or 6 (as many as section relationTo)");
    CHECK_REFUSED(d.withEntry(kStringOffsets, [](Entry& e) { e.size = 0; }), "/sections/stringOffsets",
                  "section stringOffsets is empty, expected at least one value");
    // An optional column may be listed empty: every name is then the id.
    const CompactGraph nameless = store::openSnapshot(d.withEntry(kEntityName, [](Entry& e) { e.size = 0; }));
    CHECK(nameless.entityName(0) == "alpha");
    // Relations of one file need not say which file they come from.
    Damage bare(bareGraph());
    CHECK(sectionTable(bare.bytes).size() < sectionTable(d.bytes).size());
    CHECK(store::openSnapshot(bare.good).sourceOf(4) == 0);
}

TEST_CASE("snapshot: an inconsistent graph with a valid checksum is refused, not crashed on") {
    Damage d;
    const Entry relationTo = entryOf(d.bytes, kRelationTo);
    std::string copy = d.bytes;
    put<CompactId>(copy, relationTo.offset + 4, 999);
    reseal(copy);
    CHECK_REFUSED(d.write(copy), "/sections/relationTo",
                  "the file is inconsistent: relationTo[1] is 999, out of range (limit 5)");

    // A problem that names no column.
    CHECK_REFUSED(d.withEntry(kKindName, [](Entry& e) { e.size = 0; }), "/sections/kindLabel",
                  "section kindLabel has 2 values, expected 0 (as many as section kindName)");
    copy = d.bytes;
    for (const std::uint32_t id : {kKindName, kKindLabel, kEntityKind}) {
        const Entry e = entryOf(copy, id);
        put<std::uint64_t>(copy, e.at + 16, 0);
    }
    reseal(copy);
    CHECK_REFUSED(d.write(copy), "", "the file is inconsistent: entities but no kinds");
}

TEST_CASE("snapshot: random damage behind valid checksums is refused or harmless, never a crash") {
    Damage d;
    std::mt19937 random(20240611);
    int opened = 0, refused = 0;
    for (int round = 0; round < 400; ++round) {
        std::string copy = d.bytes;
        const int flips = 1 + static_cast<int>(random() % 4);
        const std::size_t tableEnd = kHeaderBytes + 29 * kEntryBytes;
        for (int i = 0; i < flips; ++i) {
            // Half in the section table, half anywhere after the header.
            const std::size_t at = kHeaderBytes + random() % ((round % 2 ? tableEnd : copy.size()) - kHeaderBytes);
            copy[at] = static_cast<char>(random());
        }
        reseal(copy);
        try {
            const CompactGraph g = store::openSnapshot(d.write(copy));
            ++opened;
            // Whatever opened must answer without reading out of bounds.
            for (CompactId v = 0; v < g.entityCount(); ++v) {
                (void)g.entityName(v);
                (void)g.findEntity(g.entityId(v));
                for (const CompactId r : g.outRelations(v)) (void)g.relationId(r);
                for (const CompactId r : g.inRelations(v)) (void)g.sourceOf(r);
            }
            for (std::size_t k = 0; k < g.kindCount(); ++k) (void)g.kindName(k);
            for (std::size_t t = 0; t < g.typeCount(); ++t) (void)g.typeName(t);
        } catch (const LoadError&) {
            ++refused;
        }
    }
    CHECK(refused > 0);
    MESSAGE(opened, " damaged copies opened, ", refused, " refused");
}

TEST_CASE("snapshot: graphs frozen from a store read back alike") {
    for (const auto& [name, store] : {std::pair{"tiny", &testing::tiny()}, {"bundled", &testing::bundled()}}) {
        CAPTURE(name);
        const CompactGraph graph = CompactGraph::fromStore(*store, R"({"relgraph": 1})");
        TempDir dir;
        const fs::path file = dir.path / "graph.rgdb";
        store::writeSnapshot(graph, file);
        const CompactGraph read = store::openSnapshot(file);
        checkSameColumns(graph, read);
        checkSameAnswers(graph, read);
        CHECK(read.entityCount() == boost::num_vertices(store->graph()));
        CHECK(read.relationCount() == boost::num_edges(store->graph()));
    }
}

TEST_CASE("snapshot: verifying checks every sparse-row run, which opening leaves to the checksum") {
    Damage d;
    CHECK_NOTHROW(store::verifySnapshot(d.good));
    // relationTo and inRelations disagree: relation 0 now arrives at entity 2 but is listed under 1.
    std::string copy = d.bytes;
    const Entry relationTo = entryOf(copy, kRelationTo);
    put<CompactId>(copy, relationTo.offset, 2);
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
