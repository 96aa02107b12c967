#pragma once
// Writing result files: all or nothing.

#include <filesystem>
#include <string>
#include <string_view>

namespace relgraph {

// Streams a file into a temporary file beside `path`; commit() flushes it to disk (unless told
// Flush::No) and renames it over `path`, so a reader sees the old file or the new one, never a
// partial one. Destroyed without commit() (an error anywhere, in the writer or its caller), it
// removes the temporary file. Every failure throws OutputError naming `path` and the reason.
//
// Flush::No is for files that are caches with checksums of their own (snapshots): after a crash
// the renamed file may hold less than was written, which its checksum tells, and waiting for the
// disk would cost more than writing.
class AtomicFileWriter {
public:
    enum class Flush { Yes, No };
    explicit AtomicFileWriter(std::filesystem::path path, Flush flush = Flush::Yes);
    ~AtomicFileWriter();
    AtomicFileWriter(const AtomicFileWriter&) = delete;
    AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

    void write(std::string_view bytes);
    void commit();

private:
    [[noreturn]] void fail(int error);
    void discard() noexcept;

    std::filesystem::path path_;
    std::string temporary_;
    Flush flush_;
    int fd_ = -1;
};

// Writes `content` to a temporary file beside `path`, then renames it over `path`: a reader sees
// the old file or the new one, never a partial one. Throws OutputError naming the path.
void writeFileAtomically(const std::filesystem::path& path, std::string_view content);

// Writes (atomically) only when the file is missing or holds other bytes, so regenerating
// unchanged output leaves files and their modification times alone. Returns whether it wrote.
bool writeFileIfChanged(const std::filesystem::path& path, std::string_view content);

}  // namespace relgraph
