#pragma once
// JSON read a block at a time through nlohmann/json's SAX parser, from a file or from text in
// memory, knowing where every value stands (line:column). A document is kept whole
// (JsonDocument::parse), or without the elements of chosen top-level arrays, which are handed on one
// at a time as documents of their own: a large graph file is never held whole.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "load/json_document.hpp"

namespace relgraph::load {

// An input's bytes from an offset on, read in blocks with read(2) (or taken from text in memory) and
// handed to the parser one at a time. Each block is checked to be UTF-8 before the parser sees it
// (the parser is told the input ends before the first invalid byte), and the bytes are tracked as
// they pass, so that where the last string, scalar and bracket started is known.
class JsonBlocks {
public:
    // Blocks hold at least 4 bytes: room for a whole UTF-8 sequence.
    JsonBlocks(std::size_t blockSize, std::function<void(std::uint64_t)> progress)
        : blockSize_(std::max<std::size_t>(blockSize, 4)), progress_(std::move(progress)) {}
    ~JsonBlocks();
    JsonBlocks(const JsonBlocks&) = delete;
    JsonBlocks& operator=(const JsonBlocks&) = delete;

    // Opens `file` at `start` (the mark of a byte an earlier pass saw); false with the system's message.
    bool open(const std::string& file, const Mark& start, std::string& error);
    // Reads `text` from `start` on (the mark of a byte an earlier pass saw); `text` must outlive the
    // reading.
    void openText(std::string_view text, const Mark& start = {});
    // Reads `bytes`, whose first byte is the one at `start`; they must outlive the reading.
    void openSpan(std::string_view bytes, const Mark& start);
    // The bytes from `start` to offset(), while they are all in the block: a value the parser
    // has just read, to read again without reading the input again.
    std::optional<std::string_view> recent(const Mark& start) const;

    // The parser's side (ByteIterator).
    bool atEnd() { return pos_ == limit_ && !refill(); }
    char current() const { return data_[pos_]; }
    void advance() {
        track(data_[pos_], base_ + pos_);
        ++pos_;
    }

    const Mark& stringStart() const { return string_; }
    const Mark& scalarStart() const { return scalar_; }
    const Mark& bracketStart() const { return bracket_; }
    // The offset of the next byte the parser gets.
    std::uint64_t offset() const { return base_ + pos_; }
    // The mark of a byte at most a few lines before offset() (the parser reads one byte ahead).
    Mark near(std::uint64_t offset) const;

    // Moves past the elements of the array whose '[' the parser took last, to its ']' (strings and
    // nested brackets are followed, nothing else is checked), or to the end of the valid input.
    // The parser's own count of the bytes it read is then behind: the places of syntax errors it
    // reports after a skip are not to be trusted.
    void skipArray();
    // The same for an object whose '{' the parser took last, giving its bytes from '{' to '}': a
    // view into the block, or `spill` when they spread over blocks; nothing when the input ends
    // (or turns out not to be UTF-8) first.
    std::optional<std::string_view> takeObject(std::string& spill);

    // The first byte that is not UTF-8, once a block holding one has been read.
    const std::optional<Mark>& invalidUtf8() const { return invalid_; }
    // Reads the rest of the input only to check that it is UTF-8 (after the parser stopped).
    void drain();
    std::uint64_t bytesRead() const { return bytesRead_; }

    // Progress: the bytes from `from` to `to` (which a later pass reads) are not told; `to` 0 while
    // the end is not known.
    void holdProgress(std::uint64_t from, std::uint64_t to);
    // Tells progress all bytes up to `count` (counted from the start of this pass, less the held ones).
    void tellProgress(std::uint64_t count);

private:
    // Moves to the bracket that closes the one taken last (strings followed), appending the bytes
    // from data_[keepFrom] on to `spill` before each new block, if there is one. False at the end.
    bool skipToClose(std::string* spill, std::size_t keepFrom = 0);
    void newLine(std::uint64_t nextLineStart);
    Mark mark(std::uint64_t offset) const { return {offset, line_, offset - lineStart_ + 1}; }
    void track(char c, std::uint64_t offset);
    std::uint64_t consumed() const;
    bool refill();

    std::size_t blockSize_;
    std::function<void(std::uint64_t)> progress_;
    int fd_ = -1;
    std::optional<std::string_view> text_;
    bool eof_ = false, failed_ = false;
    std::unique_ptr<char[]> buffer_;
    const char* data_ = nullptr;                 // the block: buffer_, or the text
    std::size_t pos_ = 0, limit_ = 0, end_ = 0;  // next byte, end of the checked bytes, end of the bytes read
    std::uint64_t start_ = 0, base_ = 0;         // offsets: of this pass's first byte, of data_[0]
    std::uint64_t bytesRead_ = 0;
    std::optional<Mark> invalid_;

    std::uint64_t line_ = 1, lineStart_ = 0;
    std::uint64_t earlierLines_[3] = {};  // where the lines before line_ start
    bool inString_ = false, escaped_ = false, inScalar_ = false;
    Mark string_, scalar_, bracket_;

    bool holding_ = false;
    std::uint64_t holdFrom_ = 0, holdTo_ = 0, told_ = 0;
};

// JsonBlocks as the input iterator nlohmann's parser reads.
class ByteIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = char;

    explicit ByteIterator(JsonBlocks* blocks = nullptr) : blocks_(blocks) {}
    char operator*() const { return blocks_->current(); }
    ByteIterator& operator++() {
        blocks_->advance();
        return *this;
    }
    ByteIterator operator++(int) {
        ByteIterator old = *this;
        ++*this;
        return old;
    }
    friend bool operator==(const ByteIterator& a, const ByteIterator& b) { return a.atEnd() == b.atEnd(); }
    friend bool operator!=(const ByteIterator& a, const ByteIterator& b) { return !(a == b); }

private:
    bool atEnd() const { return !blocks_ || blocks_->atEnd(); }
    JsonBlocks* blocks_;
};

// Where a SAX handler stands in one object or array of the document it follows. Handlers keep a
// stack of these (derived with what else they need), reusing them as values open and close.
struct JsonFrame {
    bool object = false;
    std::string key;  // objects: the member being read, and where its key starts
    Mark keyAt;
    std::uint64_t count = 0;  // arrays: the elements begun
    // Objects: the keys read, with their lines; searched in turn while few (most records have a
    // handful of members), hashed once there are many.
    std::vector<std::pair<std::string, std::uint64_t>> keys;
    std::unordered_map<std::string, std::uint64_t> manyKeys;

    // Follows a new object or array.
    void restart(bool isObject);
    // A key read at `at` becomes the member being read; the line of its first occurrence when the
    // object repeats it.
    std::optional<std::uint64_t> takeKey(std::string&& k, const Mark& at);
};

// The JSON pointer of the value frames[depth] stands for (of what is being read, for the depth
// reached), below `root`.
template <class Frame>
std::string framePointer(std::string root, const std::vector<Frame>& frames, std::size_t depth) {
    for (std::size_t i = 0; i < depth; ++i) {
        const JsonFrame& f = frames[i];
        root = f.object ? JsonDocument::child(root, f.key) : JsonDocument::child(root, f.count - 1);
    }
    return root;
}

// The problem of a key repeated in an object (at `objectPointer`) of `file`, where the first stands on
// line `firstLine`.
Diagnostic repeatedKey(const std::string& file, const Mark& at, const std::string& objectPointer,
                       const std::string& key, std::uint64_t firstLine);

// The problem nlohmann's parser reports at `position` (the bytes it read) of what `blocks` holds.
Diagnostic syntaxError(const JsonBlocks& blocks, const std::string& file, std::size_t position,
                       const nlohmann::detail::exception& error);

// Values nest at most this deep: deeper ones are refused rather than followed (each level costs the
// reader memory, and writing a value back as text recurses once per level).
inline constexpr std::size_t kMaxJsonDepth = 1000;

// What streamJson keeps of a document.
struct JsonStreamPlan {
    // Members of the top-level object whose elements (when it is an array) are records: each is
    // built as a document of its own, rooted at its pointer ("/entities/7"), and not kept in the rest.
    std::vector<std::string> recordLists = {};
    // Build the document but for the records; false: only records are built.
    bool keepRest = true;
    // Gets each record once it is complete, with the member it is in; null: records are checked
    // (syntax, repeated keys) and dropped.
    std::function<void(const std::string& list, JsonDocument& record)> onRecord = {};
    // The pointer of the value read. Not empty: one value, read again from where it starts in its
    // document (JsonBlocks::open at its mark); the parser stops at its end.
    std::string root = {};
    // Set: records are built without the places of their values, and find them when asked by
    // opening their input again at their start with this (false: it cannot be read).
    std::function<bool(JsonBlocks&, const Mark&)> reopen = {};
    // Without onRecord: records are not even checked, the parser is moved past them (a syntax
    // error or repeated key in one is found when the records are read).
    bool skipRecords = false;
    // Records that are objects are parsed from their bytes by parseRecordFast, and by nlohmann's
    // parser only when it leaves them to it (json_record_parser.hpp).
    bool fastRecords = false;
    // With root: how deep in its document the value stands (the depth limit counts from the top).
    std::size_t rootDepth = 0;
};

// Parses what `blocks` holds as the file `name`. Syntax errors, invalid UTF-8, repeated keys and
// nesting deeper than kMaxJsonDepth go to `problems`; true when there were none. `rest` gets the
// document as the plan keeps it.
bool streamJson(JsonBlocks& blocks, const std::string& name, const JsonStreamPlan& plan, JsonDocument& rest,
                std::vector<Diagnostic>& problems);

}  // namespace relgraph::load
