#pragma once
// Delimited text read a block at a time with read(2), for the edge-list and neo4j-admin CSV streams:
// records split as RFC 4180 says (quoting, with '#' comments and runs of spaces), each
// field a view into the block (or, when quoted, into a scratch buffer), with its line and column.
// The partial record at the end of a block is carried into the next one; a record longer than a
// block grows the buffer. Bytes are checked to be UTF-8 as they arrive.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relgraph/common/large_array.hpp"
#include "relgraph/common/place.hpp"

namespace relgraph::interchange {

struct StreamField {
    std::string_view text;
    std::uint64_t line = 0;    // 1-based
    std::uint64_t column = 0;  // 1-based, in bytes
    bool quoted = false;
    std::size_t scratch = 0;  // quoted: where its text starts in the scratch buffer
};

struct StreamRecord {
    std::vector<StreamField> fields;
    std::uint64_t line = 0;
    std::uint64_t column = 0;
};

class RecordReader {
public:
    static constexpr std::size_t kBlockSize = std::size_t{4} << 20;

    // `problems` receives malformed records (an unterminated quote, text after a closing quote) and
    // invalid UTF-8, placed in `file`. `progress`, when set, is told the bytes of each block read.
    RecordReader(std::string file, std::vector<Diagnostic>& problems, std::size_t blockSize = kBlockSize,
                 std::function<void(std::uint64_t)> progress = {});
    ~RecordReader();
    RecordReader(const RecordReader&) = delete;
    RecordReader& operator=(const RecordReader&) = delete;

    // Opens the file; false with the system's message in `error`.
    bool open(std::string& error);
    std::uint64_t fileSize() const { return fileSize_; }
    const std::string& file() const { return file_; }

    // Before start(): the first line (without its '\n'), read as far as needed.
    std::string_view firstLine();
    // Before start(): the edge-list delimiter, told by the first line that is neither empty nor a
    // comment: '|', '\t' or ',' (the first of them it holds), else ' ' for runs of spaces and tabs.
    char detectDelimiter(char commentPrefix);

    // Records are read from the start of the file (a UTF-8 byte order mark skipped), split by
    // `delimiter` (' ': runs of spaces and tabs, no quoting); lines starting with `commentPrefix`
    // (when not 0) and empty lines are skipped.
    void start(char delimiter, char commentPrefix);
    // The next record; false at the end of the file, after invalid UTF-8 (reported; the rest of the
    // file is not read) or after a read error (reported). The record's views stay valid until the
    // next call.
    bool next(StreamRecord& record);
    bool stoppedByInvalidUtf8() const { return invalidUtf8_; }
    // Reads the rest of the file without splitting it, only to check that it is UTF-8.
    void skipRest();

    // A place in the file, for messages.
    Place place(std::uint64_t line, std::uint64_t column) const { return Place{file_, line, column, {}}; }

    std::uint64_t bytesRead() const { return bytesRead_; }

private:
    enum class Scan { Record, Skipped, Incomplete, End };

    // Reads more of the file after the unread bytes (from pos_ on), growing the buffer when they
    // fill it; false at the end of the file.
    bool fill();
    void findRegionEnd();
    void checkUtf8(std::size_t upTo);
    Scan scan(StreamRecord& record);
    bool scanQuoted(StreamField& field, std::size_t& p, std::size_t openAt);
    void newLineAt(std::size_t index);  // the byte at buffer index `index` is a '\n'
    void skipToLineEnd(std::size_t& p);
    void problem(std::size_t index, std::string message);
    void problemAt(std::uint64_t line, std::uint64_t column, std::string message);

    std::string file_;
    std::vector<Diagnostic>& problems_;
    std::size_t blockSize_;
    std::function<void(std::uint64_t)> progress_;
    int fd_ = -1;
    std::uint64_t fileSize_ = 0;
    std::uint64_t bytesRead_ = 0;
    bool eof_ = false;
    bool failed_ = false;
    bool invalidUtf8_ = false;

    LargeArray<char> buffer_;  // capacity_ bytes, once filled
    std::size_t capacity_ = 0;
    std::size_t end_ = 0;        // bytes in the buffer
    std::size_t regionEnd_ = 0;  // after the last '\n' of the buffer (the end at the end of the file)
    std::size_t pos_ = 0;        // the next unread byte
    std::size_t checked_ = 0;    // bytes before this were checked to be UTF-8
    std::uint64_t base_ = 0;     // the file offset of buffer_[0]

    std::uint64_t line_ = 1;       // the line of pos_
    std::uint64_t lineStart_ = 0;  // the file offset where that line starts

    bool started_ = false;
    char delimiter_ = ',';
    char comment_ = 0;
    std::string scratch_;
};

// Edge-list and neo4j-admin CSV field helpers shared by the streams.
std::string lowerAscii(std::string_view text);
// Only ' ', '\t', '\n' and '\r' (or nothing): text that is no value.
bool isBlank(std::string_view text);
// U+0000–U+001F or U+007F, '\n' included.
bool hasControlByte(std::string_view text);

}  // namespace relgraph::interchange
