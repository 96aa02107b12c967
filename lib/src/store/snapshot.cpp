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
#include "store/column_list.hpp"

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
constexpr std::size_t kChecksumAt = 24;        // u64: XXH3-64 of bytes [64, search index start)
constexpr std::size_t kSearchChecksumAt = 32;  // u64: XXH3-64 of bytes [search index start, file size)
constexpr std::size_t kSearchAt = 40;          // u64: where the search index sections start (the file size without)
constexpr std::size_t kReservedAt = 48;        // 8 zero bytes
constexpr std::size_t kHeaderChecksumAt = 56;  // u64: XXH3-64 of bytes [0, 56)
constexpr std::size_t kEntryBytes = 24;        // id u32, element size u32, offset u64, byte size u64
constexpr std::uint64_t kAlignment = 64;

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

void writeSnapshot(const GraphStore& graph, const std::filesystem::path& path, bool withSearchIndex) {
    struct Section {
        const Column* column;
        std::uint64_t offset = 0;
        std::string_view bytes;
    };
    if (withSearchIndex) graph.ensureSearchIndex();
    const StoreColumns& columns = graph.columns();
    std::vector<Section> sections;
    forEachColumn([&](const Column& column, auto member) {
        auto values = columns.*member;
        if (!withSearchIndex && column.id >= SectionId::SearchDocKind) values = {};
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
    // Two checksums: the search index's own, so that opening checks the rest and a search its index.
    std::uint64_t searchAt = end;
    for (const Section& s : sections) {
        if (s.column->id >= SectionId::SearchDocKind) {
            searchAt = s.offset;
            break;
        }
    }
    XXH3_state_t state, searchState;
    XXH3_INITSTATE(&state);
    XXH3_INITSTATE(&searchState);
    XXH3_64bits_reset(&state);
    XXH3_64bits_reset(&searchState);
    std::uint64_t at = kHeaderBytes;
    payload([&](std::string_view bytes) {
        const std::size_t core = at < searchAt ? std::min<std::size_t>(bytes.size(), searchAt - at) : 0;
        XXH3_64bits_update(&state, bytes.data(), core);
        XXH3_64bits_update(&searchState, bytes.data() + core, bytes.size() - core);
        at += bytes.size();
    });

    std::array<char, kHeaderBytes> header{};
    std::memcpy(header.data(), kMagic.data(), kMagic.size());
    writeAt(header.data(), kVersionAt, kSnapshotVersion);
    writeAt(header.data(), kSectionCountAt, static_cast<std::uint32_t>(sections.size()));
    writeAt(header.data(), kFileSizeAt, end);
    writeAt(header.data(), kChecksumAt, static_cast<std::uint64_t>(XXH3_64bits_digest(&state)));
    writeAt(header.data(), kSearchChecksumAt, static_cast<std::uint64_t>(XXH3_64bits_digest(&searchState)));
    writeAt(header.data(), kSearchAt, searchAt);
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

    GraphStore open() {
        map();
        checkHeader();
        checkPayload();
        readSectionTable();
        checkLengths();

        StoreColumns columns;
        forEachColumn([&](const Column& column, auto member) {
            using T = ElementOf<decltype(member)>;
            const Located& at = located_[static_cast<std::size_t>(column.id) - 1];
            if (at.present) {
                columns.*member = std::span<const T>(reinterpret_cast<const T*>(bytes_ + at.offset), at.size / sizeof(T));
            }
        });
        // The checksum stands for the file being what writeSnapshot wrote; what a crafted file could
        // still hold, the bounds check makes harmless (every read stays inside its column) in one
        // sequential pass, at about half the cost of the full check.
        // The search index is checked when it is first searched: other commands never read it.
        if (const auto problem = GraphStore::problemIn(columns, GraphStore::Check::Bounds, false)) {
            fail(pointerFor(*problem), "the file is inconsistent: " + *problem);
        }
        release(0, size_);  // a query reads again only the pages it needs
        GraphStore graph(columns, owner_);
        // The reader goes with the store: the mapping it reads stays as long as the store.
        graph.deferSearchCheck([reader = *this](const StoreColumns& mapped) {
            if (readAt<std::uint64_t>(reader.bytes_, kSearchChecksumAt) != reader.checksum(reader.searchAt_, reader.size_)) {
                reader.fail("/header/searchChecksum", "search index checksum mismatch: the file is corrupt");
            }
            if (const auto problem = GraphStore::searchProblemIn(mapped)) {
                reader.fail(pointerFor(*problem), "the file is inconsistent: " + *problem);
            }
        });
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
            fail("/header/version",
                 version < kSnapshotVersion
                     ? fmt::format("snapshot version {} was made by an older relgraph (this one reads version {}): "
                                   "run `relgraph load` again to rebuild it",
                                   version, kSnapshotVersion)
                     : fmt::format("snapshot version {} was made by a newer relgraph (this one reads version {})",
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
        searchAt_ = readAt<std::uint64_t>(bytes_, kSearchAt);
        if (searchAt_ < tableEnd_ || searchAt_ > size_) {
            fail("/header/searchStart", fmt::format("the search index starts at byte {}, outside bytes {}..{} after the "
                                                    "section table",
                                                    searchAt_, tableEnd_, size_));
        }
    }

    // Drops the mapped pages of [from, to) from the process (the system keeps them cached): what
    // was read once to be checked does not stay in the process's memory.
    void release(std::size_t from, std::size_t to) const { advise(from, to, MADV_DONTNEED); }

    // madvise over the pages holding bytes [from, to).
    void advise(std::size_t from, std::size_t to, int advice) const {
        const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
        from = from / page * page;
        if (to > from) ::madvise(const_cast<char*>(bytes_) + from, to - from, advice);
    }

    // The checksum of bytes [from, to), a window at a time: each window's pages are read ahead,
    // then dropped.
    std::uint64_t checksum(std::size_t from, std::size_t to) const {
        constexpr std::size_t kWindow = std::size_t{8} << 20;
        XXH3_state_t state;
        XXH3_INITSTATE(&state);
        XXH3_64bits_reset(&state);
        for (std::size_t at = from; at < to;) {
            const std::size_t end = std::min(to, at + kWindow);
            advise(at, end, MADV_WILLNEED);
            XXH3_64bits_update(&state, bytes_ + at, end - at);
            release(at, end);
            at = end;
        }
        return XXH3_64bits_digest(&state);
    }

    // Everything but the search index, which is checked when it is first searched (open).
    void checkPayload() const {
        if (readAt<std::uint64_t>(bytes_, kChecksumAt) != checksum(kHeaderBytes, searchAt_)) {
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
            // The search index's sections, and only they, lie after its start: the checksum of the
            // rest covers every other section.
            const bool search = column.id >= SectionId::SearchDocKind;
            if (search ? offset < searchAt_ : offset + byteSize > searchAt_) {
                fail(pointer, fmt::format("section {} ({} bytes from byte {}) is on the wrong side of the search index's "
                                          "start (byte {})",
                                          column.name, byteSize, offset, searchAt_));
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
                    if (n != other + 1 && !(column.length == Length::OneMoreOrNone && n == 0)) {
                        fail(pointer, fmt::format("section {} has {} values, expected {}{} (one more than section {})",
                                                  column.name, n, column.length == Length::OneMoreOrNone ? "none or " : "",
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
    std::uint64_t searchAt_ = 0;  // where the search index's sections start
    std::array<Located, kColumnCount> located_{};
};

}  // namespace

GraphStore openSnapshot(const std::filesystem::path& path) { return SnapshotReader(path).open(); }

GraphStore verifySnapshot(const std::filesystem::path& path) {
    GraphStore graph = openSnapshot(path);
    if (const auto problem = graph.firstProblem(GraphStore::Check::Full)) {
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
