#include "relgraph/store/snapshot.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <memory>
#include <string>
#include <string_view>
#include <sys/mman.h>
#include <sys/stat.h>
#include <type_traits>
#include <unistd.h>
#include <utility>
#include <vector>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "relgraph/common/error.hpp"
#include "relgraph/common/file_output.hpp"

// Sections are the columns' bytes as they lie in memory, and they are read in place.
static_assert(std::endian::native == std::endian::little, "relgraph snapshots are little-endian");

namespace relgraph::store {

namespace {

// The file layout (docs/snapshot.md). The magic, the version field and the header checksum keep
// their places in every version, so any version's file is told apart from a corrupt one.
constexpr std::string_view kMagic{"RGDB\r\n\x1a\n", 8};
constexpr std::size_t kHeaderBytes = 64;
constexpr std::size_t kVersionAt = 8;          // u32
constexpr std::size_t kSectionCountAt = 12;    // u32
constexpr std::size_t kFileSizeAt = 16;        // u64
constexpr std::size_t kChecksumAt = 24;        // u64: XXH3-64 of bytes [64, file size)
constexpr std::size_t kReservedAt = 32;        // 24 zero bytes
constexpr std::size_t kHeaderChecksumAt = 56;  // u64: XXH3-64 of bytes [0, 56)
constexpr std::size_t kEntryBytes = 24;        // id u32, element size u32, offset u64, byte size u64
constexpr std::uint64_t kAlignment = 64;

// Section ids: part of the format. Never renumber or reuse one; a new column gets a new number.
enum class SectionId : std::uint32_t {
    StringBytes = 1,
    StringOffsets,
    EntityId,
    EntityName,
    EntityKind,
    RelationFrom,
    RelationTo,
    RelationType,
    RelationId,
    OutOffsets,
    OutRelations,
    InOffsets,
    InRelations,
    KeyHash,
    KeyString,
    KeyEntity,
    KindName,
    KindLabel,
    TypeName,
    TypeLabel,
    TypeFlags,
    SourceFile,
    RelationSource,
    PropertyName,
    PropertyOwner,
    PropertyType,
    PropertyStart,
    PropertyValues,
    Details,
};

// How many values a section holds, given the section `other`.
enum class Length { Any, AtLeastOne, Same, SameOrNone, OneMore, OneMoreOrNone };

constexpr bool kRequired = false;
constexpr bool kOptional = true;  // may be left out of the file when empty

struct Column {
    SectionId id;
    std::string_view name;
    bool optional;
    Length length = Length::Any;
    SectionId other = SectionId::StringBytes;
    std::uint32_t elementSize = 0;  // filled in from the member's type
};

// Every column once, for the writer and the reader alike.
template <class Visit>
constexpr void forEachColumn(Visit&& visit) {
    using C = CompactColumns;
    using enum SectionId;
    using enum Length;
    visit(Column{StringBytes, "stringBytes", kRequired}, &C::stringBytes);
    visit(Column{StringOffsets, "stringOffsets", kRequired, AtLeastOne}, &C::stringOffsets);
    visit(Column{EntityId, "entityId", kRequired}, &C::entityId);
    visit(Column{EntityName, "entityName", kOptional, SameOrNone, EntityId}, &C::entityName);
    visit(Column{EntityKind, "entityKind", kOptional, SameOrNone, EntityId}, &C::entityKind);
    visit(Column{RelationFrom, "relationFrom", kOptional, SameOrNone, RelationTo}, &C::relationFrom);
    visit(Column{RelationTo, "relationTo", kRequired}, &C::relationTo);
    visit(Column{RelationType, "relationType", kOptional, SameOrNone, RelationTo}, &C::relationType);
    visit(Column{RelationId, "relationId", kOptional, SameOrNone, RelationTo}, &C::relationId);
    visit(Column{OutOffsets, "outOffsets", kRequired, OneMore, EntityId}, &C::outOffsets);
    visit(Column{OutRelations, "outRelations", kOptional, SameOrNone, RelationTo}, &C::outRelations);
    visit(Column{InOffsets, "inOffsets", kRequired, OneMore, EntityId}, &C::inOffsets);
    visit(Column{InRelations, "inRelations", kRequired, Same, RelationTo}, &C::inRelations);
    visit(Column{KeyHash, "keyHash", kRequired}, &C::keyHash);
    visit(Column{KeyString, "keyString", kRequired, Same, KeyHash}, &C::keyString);
    visit(Column{KeyEntity, "keyEntity", kRequired, Same, KeyHash}, &C::keyEntity);
    visit(Column{KindName, "kindName", kRequired}, &C::kindName);
    visit(Column{KindLabel, "kindLabel", kRequired, Same, KindName}, &C::kindLabel);
    visit(Column{TypeName, "typeName", kRequired}, &C::typeName);
    visit(Column{TypeLabel, "typeLabel", kRequired, Same, TypeName}, &C::typeLabel);
    visit(Column{TypeFlags, "typeFlags", kRequired, Same, TypeName}, &C::typeFlags);
    visit(Column{SourceFile, "sourceFile", kRequired}, &C::sourceFile);
    visit(Column{RelationSource, "relationSource", kOptional, SameOrNone, RelationTo}, &C::relationSource);
    visit(Column{PropertyName, "propertyName", kOptional}, &C::propertyName);
    visit(Column{PropertyOwner, "propertyOwner", kOptional, Same, PropertyName}, &C::propertyOwner);
    visit(Column{PropertyType, "propertyType", kOptional, Same, PropertyName}, &C::propertyType);
    visit(Column{PropertyStart, "propertyStart", kOptional, Same, PropertyName}, &C::propertyStart);
    visit(Column{PropertyValues, "propertyValues", kOptional}, &C::propertyValues);
    visit(Column{Details, "details", kOptional}, &C::details);
}

template <class Member>
using ElementOf = typename std::remove_cvref_t<decltype(std::declval<CompactColumns>().*std::declval<Member>())>::element_type;

constexpr std::size_t kColumnCount = [] {
    std::size_t count = 0;
    forEachColumn([&](const Column&, auto) { ++count; });
    return count;
}();

// The columns by id: kColumns[id - 1].
constexpr std::array<Column, kColumnCount> kColumns = [] {
    std::array<Column, kColumnCount> columns{};
    std::size_t i = 0;
    forEachColumn([&](Column column, auto member) {
        column.elementSize = sizeof(ElementOf<decltype(member)>);
        columns[i++] = column;
    });
    return columns;
}();

constexpr bool idsAreOneToCount() {
    for (std::size_t i = 0; i < kColumnCount; ++i) {
        if (static_cast<std::size_t>(kColumns[i].id) != i + 1) return false;
    }
    return true;
}
static_assert(idsAreOneToCount(), "forEachColumn lists the sections in id order, numbered from 1");
static_assert(sizeof(CompactColumns) == kColumnCount * sizeof(std::span<const char>),
              "every CompactColumns member must be listed in forEachColumn");

const Column& columnOf(SectionId id) { return kColumns[static_cast<std::size_t>(id) - 1]; }

constexpr std::uint64_t alignUp(std::uint64_t at) { return (at + kAlignment - 1) / kAlignment * kAlignment; }

template <class T>
T readAt(const char* bytes, std::size_t at) {
    T value;
    std::memcpy(&value, bytes + at, sizeof value);
    return value;
}

template <class T>
void writeAt(char* bytes, std::size_t at, T value) {
    std::memcpy(bytes + at, &value, sizeof value);
}

template <class T>
std::string_view bytesOf(std::span<const T> column) {
    return {reinterpret_cast<const char*>(column.data()), column.size_bytes()};
}

// The first bytes of a file that is not a snapshot, printable and quoted.
std::string startOf(std::string_view bytes) {
    std::string out = "\"";
    for (const char c : bytes.substr(0, 16)) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') out += fmt::format("\\{}", c);
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (u >= 0x20 && u < 0x7f) out += c;
        else out += fmt::format("\\x{:02x}", u);
    }
    return out + "\"";
}

// Closes a file descriptor on every path out.
struct FileDescriptor {
    int fd;
    ~FileDescriptor() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

void writeSnapshot(const CompactGraph& graph, const std::filesystem::path& path) {
    struct Section {
        const Column* column;
        std::uint64_t offset = 0;
        std::string_view bytes;
    };
    const CompactColumns& columns = graph.columns();
    std::vector<Section> sections;
    forEachColumn([&](const Column& column, auto member) {
        const auto values = columns.*member;
        if (!(column.optional && values.empty())) sections.push_back({&columnOf(column.id), 0, bytesOf(values)});
    });

    std::string table(sections.size() * kEntryBytes, '\0');
    std::uint64_t end = kHeaderBytes + table.size();
    for (std::size_t i = 0; i < sections.size(); ++i) {
        Section& s = sections[i];
        s.offset = alignUp(end);
        end = s.offset + s.bytes.size();
        char* entry = table.data() + i * kEntryBytes;
        writeAt(entry, 0, static_cast<std::uint32_t>(s.column->id));
        writeAt(entry, 4, s.column->elementSize);
        writeAt(entry, 8, s.offset);
        writeAt(entry, 16, static_cast<std::uint64_t>(s.bytes.size()));
    }

    // The payload: the section table, then each section after zero padding to its offset.
    const auto payload = [&](auto&& sink) {
        static constexpr char kZeros[kAlignment] = {};
        sink(std::string_view(table));
        std::uint64_t at = kHeaderBytes + table.size();
        for (const Section& s : sections) {
            sink(std::string_view(kZeros, static_cast<std::size_t>(s.offset - at)));
            sink(s.bytes);
            at = s.offset + s.bytes.size();
        }
    };
    XXH3_state_t state;
    XXH3_INITSTATE(&state);
    XXH3_64bits_reset(&state);
    payload([&](std::string_view bytes) { XXH3_64bits_update(&state, bytes.data(), bytes.size()); });

    std::array<char, kHeaderBytes> header{};
    std::memcpy(header.data(), kMagic.data(), kMagic.size());
    writeAt(header.data(), kVersionAt, kSnapshotVersion);
    writeAt(header.data(), kSectionCountAt, static_cast<std::uint32_t>(sections.size()));
    writeAt(header.data(), kFileSizeAt, end);
    writeAt(header.data(), kChecksumAt, static_cast<std::uint64_t>(XXH3_64bits_digest(&state)));
    writeAt(header.data(), kHeaderChecksumAt, static_cast<std::uint64_t>(XXH3_64bits(header.data(), kHeaderChecksumAt)));

    AtomicFileWriter out(path, AtomicFileWriter::Flush::No);  // the checksums tell a file a crash cut short
    out.write(std::string_view(header.data(), header.size()));
    payload([&](std::string_view bytes) { out.write(bytes); });
    out.commit();
}

namespace {

class SnapshotReader {
public:
    explicit SnapshotReader(const std::filesystem::path& path) : path_(path), file_(path.generic_string()) {}

    CompactGraph open() {
        map();
        checkHeader();
        // Every byte is read next: fault the pages in at once rather than one by one.
#ifdef MADV_POPULATE_READ
        if (::madvise(const_cast<char*>(bytes_), size_, MADV_POPULATE_READ) != 0)
#endif
            ::madvise(const_cast<char*>(bytes_), size_, MADV_WILLNEED);
        checkPayload();
        readSectionTable();
        checkLengths();

        CompactColumns columns;
        forEachColumn([&](const Column& column, auto member) {
            using T = ElementOf<decltype(member)>;
            const Located& at = located_[static_cast<std::size_t>(column.id) - 1];
            if (at.present) {
                columns.*member = std::span<const T>(reinterpret_cast<const T*>(bytes_ + at.offset), at.size / sizeof(T));
            }
        });
        CompactGraph graph(columns, owner_);
        // The checksum stands for the file being what writeSnapshot wrote; what a crafted file could
        // still hold, the bounds check makes harmless (every read stays inside its column) in one
        // sequential pass, at about half the cost of the full check.
        if (const auto problem = graph.firstProblem(CompactGraph::Check::Bounds)) {
            fail(pointerFor(*problem), "the file is inconsistent: " + *problem);
        }
        return graph;
    }

private:
    struct Located {
        bool present = false;
        std::uint64_t offset = 0;
        std::uint64_t size = 0;
    };

    [[noreturn]] void fail(std::string pointer, std::string message) const {
        throw LoadError({Diagnostic{Place{file_, 0, 0, std::move(pointer)}, std::move(message)}});
    }

    void map() {
        // O_NONBLOCK: a FIFO named as a snapshot is refused below instead of waiting for a writer.
        FileDescriptor file{::open(path_.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
        struct stat status {};
        if (file.fd < 0 || ::fstat(file.fd, &status) != 0) {
            fail("", fmt::format("cannot read file: {}", std::strerror(errno)));
        }
        if (S_ISDIR(status.st_mode)) fail("", "is a folder, not a snapshot file");
        if (!S_ISREG(status.st_mode)) fail("", "not a regular file");
        if (status.st_size == 0) fail("", "the file is empty: not a relgraph snapshot");
        size_ = static_cast<std::size_t>(status.st_size);
        void* base = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, file.fd, 0);
        if (base == MAP_FAILED) fail("", fmt::format("cannot map file: {}", std::strerror(errno)));
        const std::size_t size = size_;
        owner_ = std::shared_ptr<const void>(base, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
        bytes_ = static_cast<const char*>(base);
    }

    void checkHeader() {
        const std::string_view start(bytes_, std::min(size_, kMagic.size()));
        if (start != kMagic.substr(0, start.size())) {
            fail("/header/magic", fmt::format("not a relgraph snapshot (it starts with {})",
                                              startOf(std::string_view(bytes_, size_))));
        }
        if (size_ < kHeaderBytes) {
            fail("/header", fmt::format("truncated: the file has {} bytes, a snapshot header alone has {}", size_,
                                        kHeaderBytes));
        }
        if (readAt<std::uint64_t>(bytes_, kHeaderChecksumAt) != XXH3_64bits(bytes_, kHeaderChecksumAt)) {
            fail("/header/headerChecksum", "header checksum mismatch: the file is corrupt");
        }
        const auto version = readAt<std::uint32_t>(bytes_, kVersionAt);
        if (version != kSnapshotVersion) {
            fail("/header/version", fmt::format("snapshot version {}, this relgraph reads version {}: rebuild it with "
                                                "`relgraph load`",
                                                version, kSnapshotVersion));
        }
        for (std::size_t i = kReservedAt; i < kHeaderChecksumAt; ++i) {
            if (bytes_[i] != 0) {
                fail("/header/reserved", fmt::format("header bytes {}..{} are reserved and must be zero (byte {} is not)",
                                                     kReservedAt, kHeaderChecksumAt - 1, i));
            }
        }
        const auto declared = readAt<std::uint64_t>(bytes_, kFileSizeAt);
        if (declared > size_) {
            fail("/header/fileSize", fmt::format("truncated: the file has {} bytes, the header says {}", size_, declared));
        }
        if (declared < size_) {
            fail("/header/fileSize",
                 fmt::format("the file has {} bytes, the header says {}: something was appended", size_, declared));
        }
        sectionCount_ = readAt<std::uint32_t>(bytes_, kSectionCountAt);
        tableEnd_ = kHeaderBytes + std::uint64_t{sectionCount_} * kEntryBytes;
        if (tableEnd_ > size_) {
            fail("/header/sectionCount",
                 fmt::format("the section table ({} entries, bytes {}..{}) runs past the end of the file ({} bytes)",
                             sectionCount_, kHeaderBytes, tableEnd_ - 1, size_));
        }
    }

    void checkPayload() const {
        if (readAt<std::uint64_t>(bytes_, kChecksumAt) != XXH3_64bits(bytes_ + kHeaderBytes, size_ - kHeaderBytes)) {
            fail("/header/checksum", "checksum mismatch: the file is corrupt");
        }
    }

    void readSectionTable() {
        std::uint64_t previousEnd = tableEnd_;
        for (std::uint32_t i = 0; i < sectionCount_; ++i) {
            const char* entry = bytes_ + kHeaderBytes + std::size_t{i} * kEntryBytes;
            const auto id = readAt<std::uint32_t>(entry, 0);
            const auto elementSize = readAt<std::uint32_t>(entry, 4);
            const auto offset = readAt<std::uint64_t>(entry, 8);
            const auto byteSize = readAt<std::uint64_t>(entry, 16);
            if (id == 0 || id > kColumnCount) {
                fail(fmt::format("/sectionTable/{}", i),
                     fmt::format("unknown section id {} (entry {} of the section table)", id, i));
            }
            const Column& column = kColumns[id - 1];
            const std::string pointer = fmt::format("/sections/{}", column.name);
            Located& at = located_[id - 1];
            if (at.present) fail(pointer, fmt::format("section {} is listed twice", column.name));
            if (elementSize != column.elementSize) {
                fail(pointer, fmt::format("section {} has {}-byte elements, expected {}", column.name, elementSize,
                                          column.elementSize));
            }
            if (offset % kAlignment != 0) {
                fail(pointer, fmt::format("section {} starts at byte {}, not a multiple of {}", column.name, offset,
                                          kAlignment));
            }
            if (offset > size_ || byteSize > size_ - offset) {
                fail(pointer, fmt::format("section {} ({} bytes from byte {}) runs past the end of the file ({} bytes)",
                                          column.name, byteSize, offset, size_));
            }
            if (byteSize % elementSize != 0) {
                fail(pointer, fmt::format("section {} has {} bytes, not a whole number of {}-byte elements",
                                          column.name, byteSize, elementSize));
            }
            if (offset < previousEnd) {
                fail(pointer, fmt::format("section {} starts at byte {}, before byte {} where the section table or "
                                          "the section listed before it ends",
                                          column.name, offset, previousEnd));
            }
            at = {true, offset, byteSize};
            previousEnd = offset + byteSize;
        }
    }

    std::uint64_t lengthOf(SectionId id) const {
        const Located& at = located_[static_cast<std::size_t>(id) - 1];
        return at.size / columnOf(id).elementSize;
    }

    void checkLengths() const {
        for (const Column& column : kColumns) {
            const std::string pointer = fmt::format("/sections/{}", column.name);
            if (!column.optional && !located_[static_cast<std::size_t>(column.id) - 1].present) {
                fail(pointer, fmt::format("required section {} is missing", column.name));
            }
            const std::uint64_t n = lengthOf(column.id), other = lengthOf(column.other);
            const std::string_view otherName = columnOf(column.other).name;
            switch (column.length) {
                case Length::Any: break;
                case Length::AtLeastOne:
                    if (n == 0) fail(pointer, fmt::format("section {} is empty, expected at least one value", column.name));
                    break;
                case Length::Same:
                case Length::SameOrNone:
                    if (n != other && !(column.length == Length::SameOrNone && n == 0)) {
                        fail(pointer, fmt::format("section {} has {} values, expected {}{} (as many as section {})",
                                                  column.name, n, column.length == Length::SameOrNone ? "none or " : "",
                                                  other, otherName));
                    }
                    break;
                case Length::OneMore:
                case Length::OneMoreOrNone:
                    if (n != other + 1 && !(column.length == Length::OneMoreOrNone && n == 0 && other == 0)) {
                        fail(pointer, fmt::format("section {} has {} values, expected {}{} (one more than section {})",
                                                  column.name, n,
                                                  column.length == Length::OneMoreOrNone && other == 0 ? "none or " : "",
                                                  other + 1, otherName));
                    }
                    break;
            }
        }
    }

    // "/sections/relationTo" for a problem that starts with a column's name, such as "relationTo[3] is …".
    static std::string pointerFor(std::string_view problem) {
        const std::size_t end = problem.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        const std::string_view word = problem.substr(0, end);
        for (const Column& column : kColumns) {
            if (column.name == word) return fmt::format("/sections/{}", column.name);
        }
        return "";
    }

    std::filesystem::path path_;
    std::string file_;
    std::shared_ptr<const void> owner_;
    const char* bytes_ = nullptr;
    std::size_t size_ = 0;
    std::uint32_t sectionCount_ = 0;
    std::uint64_t tableEnd_ = 0;
    std::array<Located, kColumnCount> located_{};
};

}  // namespace

CompactGraph openSnapshot(const std::filesystem::path& path) { return SnapshotReader(path).open(); }

CompactGraph verifySnapshot(const std::filesystem::path& path) {
    CompactGraph graph = openSnapshot(path);
    if (const auto problem = graph.firstProblem(CompactGraph::Check::Full)) {
        throw LoadError({{Place{path.generic_string(), 0, 0, {}}, "the file is inconsistent: " + *problem}});
    }
    return graph;
}

bool isSnapshotFile(const std::filesystem::path& path) {
    FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
    struct stat status {};
    if (file.fd < 0 || ::fstat(file.fd, &status) != 0 || !S_ISREG(status.st_mode)) return false;
    char start[kMagic.size()];
    std::size_t got = 0;
    while (got < sizeof start) {
        const ssize_t n = ::read(file.fd, start + got, sizeof start - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    return std::string_view(start, got) == kMagic;
}

}  // namespace relgraph::store
