#include "load/json_stream.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "load/json_record_parser.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::load {

namespace {

// The first '"', '\\' or newline (lines are counted even where JSON allows none) in [p, end), or
// end: eight bytes at a time while none of them is one.
const char* stringEnd(const char* p, const char* end) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    const auto has = [](std::uint64_t word, char c) {
        const std::uint64_t x = word ^ (kOnes * static_cast<unsigned char>(c));
        return ((x - kOnes) & ~x & kHigh) != 0;
    };
    while (end - p >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        if (has(word, '"') || has(word, '\\') || has(word, '\n')) break;
        p += 8;
    }
    while (p < end && *p != '"' && *p != '\\' && *p != '\n') ++p;
    return p;
}

bool isScalarChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '+' ||
           c == '-';
}

// The length of the incomplete UTF-8 sequence that ends `text`, if it ends with one (0 otherwise):
// it is checked once the next block completes it.
std::size_t incompleteTail(const char* text, std::size_t size) {
    for (std::size_t k = 1; k <= 3 && k <= size; ++k) {
        const auto c = static_cast<unsigned char>(text[size - k]);
        if ((c & 0xC0) == 0x80) continue;  // a continuation byte
        const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        return k < length ? k : 0;
    }
    return 0;
}

}  // namespace

JsonBlocks::~JsonBlocks() {
    if (fd_ >= 0) ::close(fd_);
}

bool JsonBlocks::open(const std::string& file, const Mark& start, std::string& error) {
    do {
        fd_ = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    } while (fd_ < 0 && errno == EINTR);
    if (fd_ < 0 || (start.offset > 0 && ::lseek(fd_, static_cast<off_t>(start.offset), SEEK_SET) < 0)) {
        error = std::strerror(errno);
        return false;
    }
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
    start_ = base_ = start.offset;
    line_ = start.line;
    lineStart_ = start.offset - (start.column - 1);
    return true;
}

void JsonBlocks::openText(std::string_view text, const Mark& start) {
    text_ = text.substr(std::min<std::uint64_t>(start.offset, text.size()));
    start_ = base_ = start.offset;
    line_ = start.line;
    lineStart_ = start.offset - (start.column - 1);
}

void JsonBlocks::openSpan(std::string_view bytes, const Mark& start) {
    text_ = bytes;
    start_ = base_ = start.offset;
    line_ = start.line;
    lineStart_ = start.offset - (start.column - 1);
}

std::optional<std::string_view> JsonBlocks::recent(const Mark& start) const {
    if (!data_ || start.offset < base_ || start.offset > base_ + pos_) return std::nullopt;
    const auto from = static_cast<std::size_t>(start.offset - base_);
    return std::string_view(data_ + from, pos_ - from);
}

Mark JsonBlocks::near(std::uint64_t offset) const {
    std::uint64_t line = line_, lineStart = lineStart_;
    for (std::size_t k = 0; offset < lineStart && k < std::size(earlierLines_) && line > 1; ++k) {
        --line;
        lineStart = earlierLines_[k];
    }
    return {offset, line, offset >= lineStart ? offset - lineStart + 1 : 0};
}

void JsonBlocks::drain() {
    while (true) {
        for (std::size_t i = pos_; i < limit_;) {
            const void* found = std::memchr(data_ + i, '\n', limit_ - i);
            if (!found) break;
            i = static_cast<std::size_t>(static_cast<const char*>(found) - data_) + 1;
            newLine(base_ + i);
        }
        pos_ = limit_;
        if (!refill()) return;
    }
}

void JsonBlocks::skipArray() { skipToClose(nullptr); }

std::optional<std::string_view> JsonBlocks::takeObject(std::string& spill) {
    spill.clear();
    if (pos_ == 0 || data_[pos_ - 1] != '{') return std::nullopt;
    const std::size_t start = pos_ - 1;
    if (!skipToClose(&spill, start)) return std::nullopt;
    if (spill.empty()) return std::string_view(data_ + start, pos_ - start + 1);
    spill.append(data_, pos_ + 1);
    return std::string_view(spill);
}

bool JsonBlocks::skipToClose(std::string* spill, std::size_t keepFrom) {
    std::size_t depth = 1;
    bool inString = false, escaped = false;
    while (true) {
        if (pos_ == limit_) {
            if (spill && data_) spill->append(data_ + keepFrom, limit_ - keepFrom);
            keepFrom = 0;
            if (!refill()) break;
        }
        const char* p = data_ + pos_;
        const char* end = data_ + limit_;
        for (; p < end; ++p) {
            if (inString && !escaped) p = stringEnd(p, end);
            if (p == end) break;
            const char c = *p;
            if (inString) {
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
                else if (c == '\n') newLine(base_ + static_cast<std::uint64_t>(p - data_) + 1);
                continue;
            }
            if (c == '"') inString = true;
            else if (c == '[' || c == '{') ++depth;
            else if ((c == ']' || c == '}') && --depth == 0) break;
            else if (c == '\n') newLine(base_ + static_cast<std::uint64_t>(p - data_) + 1);
        }
        pos_ = static_cast<std::size_t>(p - data_);
        if (p < end) {  // at the closing bracket
            inString_ = escaped_ = inScalar_ = false;
            return true;
        }
    }
    inString_ = escaped_ = inScalar_ = false;
    return false;
}

void JsonBlocks::holdProgress(std::uint64_t from, std::uint64_t to) {
    holdFrom_ = from;
    holdTo_ = to;
    holding_ = true;
}

void JsonBlocks::tellProgress(std::uint64_t count) {
    if (count > told_ && progress_) progress_(count - told_);
    told_ = std::max(told_, count);
}

void JsonBlocks::newLine(std::uint64_t nextLineStart) {
    for (std::size_t k = std::size(earlierLines_) - 1; k > 0; --k) earlierLines_[k] = earlierLines_[k - 1];
    earlierLines_[0] = lineStart_;
    ++line_;
    lineStart_ = nextLineStart;
}

void JsonBlocks::track(char c, std::uint64_t offset) {
    if (inString_) {
        if (escaped_) {
            escaped_ = false;
        } else if (c == '\\') {
            escaped_ = true;
        } else if (c == '"') {
            inString_ = false;
        }
    } else if (c == '"') {
        inString_ = true;
        inScalar_ = false;
        string_ = mark(offset);
    } else if (isScalarChar(c)) {
        if (!inScalar_) scalar_ = mark(offset);
        inScalar_ = true;
    } else {
        inScalar_ = false;
        if (c == '{' || c == '[') bracket_ = mark(offset);
    }
    if (c == '\n') newLine(offset + 1);
}

std::uint64_t JsonBlocks::consumed() const {
    const std::uint64_t done = base_ + pos_;
    std::uint64_t held = 0;
    if (holding_ && done > holdFrom_) held = std::min(done, holdTo_ ? holdTo_ : done) - holdFrom_;
    return done - start_ - held;
}

// The next block, after the parser took every checked byte; false at the end of the input.
bool JsonBlocks::refill() {
    if (invalid_ || failed_) return false;
    tellProgress(consumed());
    if (text_) {
        if (eof_) return false;
        eof_ = true;
        data_ = text_->data();
        pos_ = limit_ = 0;
        end_ = text_->size();
        bytesRead_ = end_;
    } else {
        if (!buffer_) buffer_ = std::make_unique_for_overwrite<char[]>(blockSize_);
        data_ = buffer_.get();
        // The bytes not yet checked (an incomplete UTF-8 sequence) move to the front.
        std::memmove(buffer_.get(), buffer_.get() + limit_, end_ - limit_);
        base_ += limit_;
        end_ -= limit_;
        pos_ = limit_ = 0;
        while (!eof_ && end_ < blockSize_) {
            const ssize_t n = ::read(fd_, buffer_.get() + end_, blockSize_ - end_);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                failed_ = n < 0;
                eof_ = true;
                break;
            }
            end_ += static_cast<std::size_t>(n);
            bytesRead_ += static_cast<std::uint64_t>(n);
        }
    }
    const std::size_t checked = eof_ ? end_ : end_ - incompleteTail(data_, end_);
    limit_ = checked;
    if (const auto bad = text::invalidUtf8Offset(std::string_view(data_, checked))) {
        limit_ = *bad;
        std::uint64_t line = line_, lineStart = lineStart_;
        for (std::size_t i = 0; i < *bad; ++i) {
            if (data_[i] == '\n') {
                ++line;
                lineStart = base_ + i + 1;
            }
        }
        invalid_ = Mark{base_ + *bad, line, base_ + *bad - lineStart + 1};
    }
    return pos_ < limit_;
}

void JsonFrame::restart(bool isObject) {
    object = isObject;
    count = 0;
    keys.clear();
    if (manyKeys.bucket_count() > 64) std::unordered_map<std::string, std::uint64_t>().swap(manyKeys);
    manyKeys.clear();
}

std::optional<std::uint64_t> JsonFrame::takeKey(std::string&& k, const Mark& at) {
    constexpr std::size_t kFew = 16;
    std::optional<std::uint64_t> first;
    if (keys.size() < kFew) {
        for (const auto& [seen, line] : keys) {
            if (seen == k) first = line;
        }
        if (!first) keys.emplace_back(k, at.line);
    } else {
        if (manyKeys.empty()) manyKeys.insert(keys.begin(), keys.end());
        const auto [it, added] = manyKeys.try_emplace(k, at.line);
        if (!added) first = it->second;
    }
    key = std::move(k);
    keyAt = at;
    return first;
}

Diagnostic repeatedKey(const std::string& file, const Mark& at, const std::string& objectPointer,
                       const std::string& key, std::uint64_t firstLine) {
    return {Place{file, at.line, at.column, JsonDocument::child(objectPointer, key)},
            fmt::format("duplicate key \"{}\" (first at line {})", text::terminalSafe(key), firstLine)};
}

Diagnostic syntaxError(const JsonBlocks& blocks, const std::string& file, std::size_t position,
                       const nlohmann::detail::exception& error) {
    const std::uint64_t at = std::min<std::uint64_t>(position > 0 ? position - 1 : 0, blocks.offset());
    const Mark mark = blocks.near(at);
    return {Place{file, mark.line, mark.column, {}}, JsonDocument::syntaxMessage(error)};
}

// The SAX handler of streamJson: it follows where each value stands (the frames of the objects and
// arrays it is in), checks keys are not repeated, and builds the values the plan keeps, with the
// place of each (for an object member, where its key starts).
class JsonBuilder {
public:
    JsonBuilder(JsonBlocks& blocks, const std::string& name, const JsonStreamPlan& plan, JsonDocument& rest,
                std::vector<Diagnostic>& problems)
        : blocks_(blocks), name_(name), plan_(plan), rest_(rest), problems_(problems) {}

    using json = nlohmann::json;
    bool null() { return begin(json(nullptr), blocks_.scalarStart()); }
    bool boolean(bool v) { return begin(json(v), blocks_.scalarStart()); }
    bool number_integer(json::number_integer_t v) { return begin(json(v), blocks_.scalarStart()); }
    bool number_unsigned(json::number_unsigned_t v) { return begin(json(v), blocks_.scalarStart()); }
    bool number_float(json::number_float_t v, const json::string_t&) { return begin(json(v), blocks_.scalarStart()); }
    bool string(json::string_t& v) { return begin(json(std::move(v)), blocks_.stringStart()); }
    bool binary(json::binary_t&) { return false; }  // JSON text has no binary values
    bool start_object(std::size_t) { return begin(json::object(), blocks_.bracketStart()); }
    bool start_array(std::size_t) { return begin(json::array(), blocks_.bracketStart()); }
    bool end_object() { return end(); }
    bool end_array() { return end(); }

    bool key(json::string_t& k) {
        Frame& frame = frames_[depth_ - 1];
        if (const auto first = frame.takeKey(std::move(k), blocks_.stringStart())) {
            problems_.push_back(repeatedKey(name_, frame.keyAt, pointerOf(depth_ - 1), frame.key, *first));
        }
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
        const auto& bad = blocks_.invalidUtf8();
        if (bad && blocks_.offset() >= bad->offset) return false;  // the parser was told the input ends there
        stopped = true;
        problems_.push_back(syntaxError(blocks_, name_, position, ex));
        return false;
    }

    // A syntax error or too deep a nesting stopped the parser (not invalid UTF-8).
    bool stopped = false;

private:
    struct Frame : JsonFrame {
        bool recordList = false;      // an array whose elements are records
        bool record = false;          // a record's root
        json* value = nullptr;        // the value being built, if it is kept
        JsonDocument* doc = nullptr;  // the document it is kept in
        std::string pointer;          // when it is kept
    };

    Place place(const Mark& at, std::string pointer) const {
        return Place{name_, at.line, at.column, std::move(pointer)};
    }

    // The JSON pointer of the value frames_[depth] stands for (of what is being read, for depth_).
    std::string pointerOf(std::size_t depth) const { return framePointer(plan_.root, frames_, depth); }

    bool isRecordList(const std::string& key) const {
        return std::find(plan_.recordLists.begin(), plan_.recordLists.end(), key) != plan_.recordLists.end();
    }

    // A value begins at `start`: it is kept where the plan says, or only followed.
    bool begin(json&& v, const Mark& start) {
        const bool isObject = v.is_object(), isArray = v.is_array(), container = isObject || isArray;
        JsonDocument* doc = nullptr;
        json* slot = nullptr;
        std::string pointer;
        Mark at = start;
        bool recordList = false, record = false;
        if (depth_ == 0) {
            pointer = plan_.root;
            if (plan_.keepRest) {
                doc = &rest_;
                rest_.root_ = std::move(v);
                slot = &rest_.root_;
            }
        } else {
            Frame& parent = frames_[depth_ - 1];
            if (!parent.object) ++parent.count;
            if (parent.object) at = parent.keyAt;
            if (parent.recordList) {
                if (plan_.onRecord) {
                    record = true;
                    pointer = pointerOf(depth_);
                    record_ = JsonDocument();
                    record_.name_ = name_;
                    record_.pointer_ = pointer;
                    record_.root_ = std::move(v);
                    record_.start_ = at;
                    if (plan_.reopen) record_.reopen_ = &plan_.reopen;
                    doc = &record_;
                    slot = &record_.root_;
                }
            } else if (parent.value) {
                doc = parent.doc;
                const bool placed = !doc->reopen_;  // else no value needs its pointer
                if (parent.object) {
                    if (placed) pointer = JsonDocument::child(parent.pointer, parent.key);
                    slot = &((*parent.value)[parent.key] = std::move(v));  // after a repeated key, the last stands
                } else {
                    if (placed) pointer = JsonDocument::child(parent.pointer, parent.count - 1);
                    parent.value->push_back(std::move(v));
                    slot = &parent.value->back();
                }
            }
            recordList = depth_ == 1 && parent.object && isArray && isRecordList(parent.key);
        }
        if (doc && !doc->reopen_) doc->positions_.emplace(pointer, at);
        if (!container) {
            if (record) deliver();
            return true;
        }
        if (depth_ + plan_.rootDepth >= kMaxJsonDepth) {
            problems_.push_back({place(start, ""), fmt::format("JSON nested more than {} levels deep", kMaxJsonDepth)});
            stopped = true;
            return false;
        }
        if (frames_.size() <= depth_) frames_.emplace_back();
        Frame& frame = frames_[depth_++];
        frame.restart(isObject);
        frame.recordList = recordList;
        frame.record = record;
        frame.value = slot;
        frame.doc = doc;
        frame.pointer = std::move(pointer);
        if (recordList && !plan_.onRecord && plan_.skipRecords) blocks_.skipArray();
        if (record && isObject && plan_.fastRecords) takeRecord(frame);
        return true;
    }

    // A record object whose '{' the parser took: read whole from its bytes, the parser moved to its
    // '}'. What parseRecordFast leaves to nlohmann's parser is read by it, from the same bytes, and
    // when that finds problems they are the stream's (the record is not handed on).
    void takeRecord(Frame& frame) {
        const auto bytes = blocks_.takeObject(spill_);
        if (!bytes) return;  // the input ends inside it: the parser finds that
        // As deep as the whole document's reader would follow it (depth_ counts the record's frame).
        if (parseRecordFast(*bytes, record_.root_, kMaxJsonDepth - (depth_ - 1))) return;
        JsonBlocks again(bytes->size(), {});
        again.openSpan(*bytes, record_.start_);
        JsonDocument exact;
        if (streamJson(again, name_, JsonStreamPlan{.root = record_.pointer_, .rootDepth = depth_ - 1}, exact,
                       problems_)) {
            record_.root_ = std::move(exact.root_);
        } else {
            frame.record = false;
        }
    }

    bool end() {
        if (frames_[--depth_].record) deliver();
        return true;
    }

    // A record is complete: it goes to the plan's reader, with the member of the top-level object it is in.
    void deliver() {
        plan_.onRecord(frames_[0].key, record_);
        record_ = JsonDocument();
    }

    JsonBlocks& blocks_;
    const std::string& name_;
    const JsonStreamPlan& plan_;
    JsonDocument& rest_;
    std::vector<Diagnostic>& problems_;
    std::vector<Frame> frames_;
    std::size_t depth_ = 0;
    JsonDocument record_;
    std::string spill_;  // a record's bytes, when they spread over blocks
};

bool streamJson(JsonBlocks& blocks, const std::string& name, const JsonStreamPlan& plan, JsonDocument& rest,
                std::vector<Diagnostic>& problems) {
    const std::size_t before = problems.size();
    rest = JsonDocument();
    rest.name_ = name;
    rest.pointer_ = plan.root;
    JsonBuilder builder(blocks, name, plan, rest, problems);
    const bool whole = plan.root.empty();  // else the parser stops at the end of the value
    nlohmann::json::sax_parse(ByteIterator(&blocks), ByteIterator(), &builder, nlohmann::json::input_format_t::json,
                              whole);
    if (const auto& bad = blocks.invalidUtf8(); bad && !builder.stopped && bad->offset <= blocks.offset()) {
        problems.push_back({Place{name, bad->line, bad->column, {}}, "invalid UTF-8"});
    }
    return problems.size() == before;
}

}  // namespace relgraph::load
