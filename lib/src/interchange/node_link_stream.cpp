#include "interchange/node_link_stream.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>
#include <vector>

#include "interchange/block_reader.hpp"
#include "interchange/text_position.hpp"
#include "load/json_document.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::interchange {

namespace {

using load::JsonDocument;
using nlohmann::json;

// Values nest at most this deep: deeper ones are refused rather than followed (each level costs the
// reader memory, and writing a value back as text recurses once per level).
constexpr std::size_t kMaxDepth = 1000;

// A byte of the file: its offset, 1-based line and byte column.
struct Mark {
    std::uint64_t offset = 0, line = 1, column = 1;
};

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

// A file's bytes from an offset on, read in blocks with read(2) and handed to the parser one at a
// time. Each block is checked to be UTF-8 before the parser sees it (the parser is told the file
// ends before the first invalid byte), and the bytes are tracked as they pass, so that where the
// last string, scalar and bracket started is known, as JsonDocument finds it by looking back.
class JsonBlocks {
public:
    JsonBlocks(std::size_t blockSize, std::function<void(std::uint64_t)> progress)
        : blockSize_(blockSize), progress_(std::move(progress)) {}
    ~JsonBlocks() {
        if (fd_ >= 0) ::close(fd_);
    }
    JsonBlocks(const JsonBlocks&) = delete;
    JsonBlocks& operator=(const JsonBlocks&) = delete;

    // Opens `file` at `start` (the mark of a byte the first pass saw); false with the system's message.
    bool open(const std::string& file, const Mark& start, std::string& error) {
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

    // The parser's side (ByteIterator).
    bool atEnd() { return pos_ == limit_ && !refill(); }
    char current() const { return buffer_[pos_]; }
    void advance() {
        track(buffer_[pos_], base_ + pos_);
        ++pos_;
    }

    const Mark& stringStart() const { return string_; }
    const Mark& scalarStart() const { return scalar_; }
    const Mark& bracketStart() const { return bracket_; }
    // The offset of the next byte the parser gets.
    std::uint64_t offset() const { return base_ + pos_; }
    // The mark of a byte at most a few bytes before offset() (the parser reads one byte ahead).
    Mark near(std::uint64_t offset) const {
        std::uint64_t line = line_, lineStart = lineStart_;
        for (std::size_t k = 0; offset < lineStart && k < std::size(earlierLines_) && line > 1; ++k) {
            --line;
            lineStart = earlierLines_[k];
        }
        return {offset, line, offset >= lineStart ? offset - lineStart + 1 : 0};
    }

    // The first byte that is not UTF-8, once a block holding one has been read.
    const std::optional<Mark>& invalidUtf8() const { return invalid_; }
    // Reads the rest of the file only to check that it is UTF-8 (after the parser stopped).
    void drain() {
        while (true) {
            for (std::size_t i = pos_; i < limit_;) {
                const void* found = std::memchr(buffer_.get() + i, '\n', limit_ - i);
                if (!found) break;
                i = static_cast<std::size_t>(static_cast<const char*>(found) - buffer_.get()) + 1;
                newLine(base_ + i);
            }
            pos_ = limit_;
            if (!refill()) return;
        }
    }
    std::uint64_t bytesRead() const { return bytesRead_; }

    // Progress: the bytes from `from` to `to` (a links array, which the second pass reads) are not
    // told; `to` 0 while the end is not known.
    void holdProgress(std::uint64_t from, std::uint64_t to) {
        holdFrom_ = from;
        holdTo_ = to;
        holding_ = true;
    }
    // Tells progress all bytes up to `count` (counted from the start of this pass, less the held ones).
    void tellProgress(std::uint64_t count) {
        if (count > told_ && progress_) progress_(count - told_);
        told_ = std::max(told_, count);
    }

private:
    void newLine(std::uint64_t nextLineStart) {
        for (std::size_t k = std::size(earlierLines_) - 1; k > 0; --k) earlierLines_[k] = earlierLines_[k - 1];
        earlierLines_[0] = lineStart_;
        ++line_;
        lineStart_ = nextLineStart;
    }

    Mark mark(std::uint64_t offset) const { return {offset, line_, offset - lineStart_ + 1}; }

    void track(char c, std::uint64_t offset) {
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

    // The bytes consumed so far in this pass, less the held ones.
    std::uint64_t consumed() const {
        const std::uint64_t done = base_ + pos_;
        std::uint64_t held = 0;
        if (holding_ && done > holdFrom_) held = std::min(done, holdTo_ ? holdTo_ : done) - holdFrom_;
        return done - start_ - held;
    }

    // The next block, after the parser took every checked byte; false at the end of the file.
    bool refill() {
        if (invalid_ || failed_) return false;
        tellProgress(consumed());
        if (!buffer_) buffer_ = std::make_unique<char[]>(blockSize_);
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
        const std::size_t checked = eof_ ? end_ : end_ - incompleteTail(buffer_.get(), end_);
        limit_ = checked;
        if (const auto bad = invalidUtf8Offset(std::string_view(buffer_.get(), checked))) {
            limit_ = *bad;
            std::uint64_t line = line_, lineStart = lineStart_;
            for (std::size_t i = 0; i < *bad; ++i) {
                if (buffer_[i] == '\n') {
                    ++line;
                    lineStart = base_ + i + 1;
                }
            }
            invalid_ = Mark{base_ + *bad, line, base_ + *bad - lineStart + 1};
        }
        return pos_ < limit_;
    }

    std::size_t blockSize_;
    std::function<void(std::uint64_t)> progress_;
    int fd_ = -1;
    bool eof_ = false, failed_ = false;
    std::unique_ptr<char[]> buffer_;
    std::size_t pos_ = 0, limit_ = 0, end_ = 0;  // next byte, end of the checked bytes, end of the bytes read
    std::uint64_t start_ = 0, base_ = 0;         // file offsets: of this pass's first byte, of buffer_[0]
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

// A value's text and kind as graph_mapper has them: a string as it is, anything else as its JSON.
BulkMapper::NodeProperty propertyOf(const std::string& name, const json& value, const At& at) {
    BulkMapper::NodeProperty p;
    p.name = name;
    p.at = at;
    p.array = value.is_array();
    if (value.is_string()) {
        p.text = value.get<std::string>();
    } else {
        p.text = value.dump();
        p.kind = value.is_number_integer() ? ValueKind::Integer
                 : value.is_number()       ? ValueKind::Number
                 : value.is_boolean()      ? ValueKind::Boolean
                                           : ValueKind::String;
    }
    return p;
}

// No value, as graph_mapper's PropertyBag has it: null, or text of nothing but white space.
bool isAbsent(const json& v) { return v.is_null() || (v.is_string() && isBlank(v.get_ref<const std::string&>())); }

// A node id or link end: a string or an integer, as NetworkX writes them.
bool nodeId(const json& v, std::string& out) {
    if (v.is_string())
        out = v.get<std::string>();
    else if (v.is_number_integer())
        out = v.dump();
    else
        return false;
    return true;
}

enum class Pass { Nodes, Links };

// The SAX handler of both passes: it follows where each value stands (the frames of the objects and
// arrays it is in), builds each node and link as a list of members (a small JSON value each), checks
// keys are not repeated, and hands finished nodes and links on.
class NodeLinkHandler {
public:
    NodeLinkHandler(Pass pass, const std::string* file, bool forced, JsonBlocks& blocks, BulkMapper& mapper,
                    NodeLinkLinks& links)
        : pass_(pass), file_(file), forced_(forced), blocks_(blocks), mapper_(mapper), links_(links) {
        if (pass == Pass::Links) base_ = fmt::format("/{}", links.list);
    }

    bool null() { return begin(Shape::Scalar, json(nullptr), blocks_.scalarStart()); }
    bool boolean(bool v) { return begin(Shape::Scalar, json(v), blocks_.scalarStart()); }
    bool number_integer(json::number_integer_t v) { return begin(Shape::Scalar, json(v), blocks_.scalarStart()); }
    bool number_unsigned(json::number_unsigned_t v) { return begin(Shape::Scalar, json(v), blocks_.scalarStart()); }
    bool number_float(json::number_float_t v, const json::string_t&) {
        return begin(Shape::Scalar, json(v), blocks_.scalarStart());
    }
    bool string(json::string_t& v) { return begin(Shape::Scalar, json(std::move(v)), blocks_.stringStart()); }
    bool binary(json::binary_t&) { return false; }  // JSON text has no binary values
    bool start_object(std::size_t) { return begin(Shape::Object, json(), blocks_.bracketStart()); }
    bool start_array(std::size_t) { return begin(Shape::Array, json(), blocks_.bracketStart()); }
    bool end_object() { return end(); }
    bool end_array() { return end(); }

    bool key(json::string_t& k) {
        Frame& frame = frames_[depth_ - 1];
        const Mark at = blocks_.stringStart();
        const auto [it, added] = frame.keys.try_emplace(k, at.line);
        if (!added) {
            jsonProblems_.push_back(
                {place(at, JsonDocument::child(pointerOf(depth_ - 1), k)),
                 fmt::format("duplicate key \"{}\" (first at line {})", text::terminalSafe(k), it->second)});
        }
        frame.key = std::move(k);
        frame.keyAt = at;
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
        syntaxError_ = true;
        if (blocks_.invalidUtf8()) return false;  // the parser was told the file ends there
        const std::uint64_t at = std::min<std::uint64_t>(position > 0 ? position - 1 : 0, blocks_.offset());
        jsonProblems_.push_back({place(blocks_.near(at), ""), JsonDocument::syntaxMessage(ex)});
        return false;
    }

    bool needsRecords() const { return needsRecords_; }

    // After the first pass: the problems into the mapper, as node_link_reader.cpp finds them.
    NodeLinkNodes finishNodes() {
        if (needsRecords_) return NodeLinkNodes::NeedsRecords;
        // readGraph takes a .json file that is not JSON, or has no "nodes", as relgraph JSON.
        if (!forced_ && (blocks_.invalidUtf8() || syntaxError_ || !rootIsObject_ || !nodes_.seen)) {
            return NodeLinkNodes::NotNodeLink;
        }
        if (const auto& bad = blocks_.invalidUtf8()) {  // the file is not read at all: the only problem
            readProblem(Place{*file_, bad->line, bad->column, {}}, "invalid UTF-8");
            return NodeLinkNodes::Streamed;
        }
        if (!jsonProblems_.empty()) {
            for (Diagnostic& d : jsonProblems_) mapper_.problem(Stage::Read, std::move(d.place), std::move(d.message));
            return NodeLinkNodes::Streamed;
        }
        if (!rootIsObject_) {
            readProblem(place(rootAt_, ""), "expected a node-link graph (an object with \"nodes\" and \"links\")");
            return NodeLinkNodes::Streamed;
        }
        for (Diagnostic& d : problems_) mapper_.problem(Stage::Read, std::move(d.place), std::move(d.message));
        if (!nodes_.isArray) {
            readProblem(nodes_.seen ? place(nodes_.at, "/nodes") : place(rootAt_, ""), "\"nodes\" must be an array");
        }
        for (Diagnostic& d : notes_) mapper_.note(d.place, std::move(d.message));
        if (lists_[0].seen && lists_[1].seen) {
            readProblem(place(lists_[1].at, "/edges"), "both \"links\" and \"edges\": give the edges once");
            return NodeLinkNodes::Streamed;
        }
        const std::size_t which = lists_[0].seen ? 0 : 1;
        const List& list = lists_[which];
        if (!list.seen) return NodeLinkNodes::Streamed;
        if (!list.isArray) {
            readProblem(place(list.at, fmt::format("/{}", kLists[which])),
                        fmt::format("\"{}\" must be an array", kLists[which]));
            return NodeLinkNodes::Streamed;
        }
        for (Diagnostic& d : linkProblems_) mapper_.problem(Stage::Read, std::move(d.place), std::move(d.message));
        if (relationIds_ && !mapper_.explicitRelationIds()) mapper_.useRelationIds();
        links_.read = true;
        links_.directed = directed_;
        return NodeLinkNodes::Streamed;
    }

private:
    enum class Shape { Scalar, Object, Array };
    enum class Role : std::uint8_t { Document, Graph, Nodes, Links, Record, Value, Skip };
    static constexpr const char* kNodes = "nodes";
    static constexpr const char* kLists[] = {"links", "edges"};

    struct Frame {
        Role role = Role::Skip;
        bool object = false;
        const char* list = nullptr;  // Links: the member they are; Record: the list it is in
        std::string key;             // objects: the member being read, and where its key starts
        Mark keyAt;
        std::uint64_t count = 0;                              // arrays: the elements begun
        std::unordered_map<std::string, std::uint64_t> keys;  // objects: the keys read, with their lines
        json* value = nullptr;                                // Value: the object or array being built
    };
    struct Member {
        std::string key;
        json value;
        Mark at;  // where its key starts
    };
    struct List {
        bool seen = false, isArray = false;
        Mark at;  // where its key starts
    };

    Place place(const Mark& at, std::string pointer) const {
        return Place{*file_, at.line, at.column, std::move(pointer)};
    }
    void readProblem(Place place, std::string message) {
        mapper_.problem(Stage::Read, std::move(place), std::move(message));
    }

    // The JSON pointer of the value frames_[depth] stands for (of what is being read, for depth_).
    std::string pointerOf(std::size_t depth) const {
        std::string pointer = base_;
        for (std::size_t i = 0; i < depth; ++i) {
            const Frame& f = frames_[i];
            pointer = f.object ? JsonDocument::child(pointer, f.key) : JsonDocument::child(pointer, f.count - 1);
        }
        return pointer;
    }

    // A value begins at `start`: where it belongs follows from the frame it is in.
    bool begin(Shape shape, json&& scalar, const Mark& start) {
        Role role = Role::Skip;  // of a container's frame
        json* built = nullptr;
        const char* list = nullptr;
        if (depth_ == 0) {
            role = rootValue(shape, start);
            if (role == Role::Links) list = links_.list;
        } else {
            Frame& parent = frames_[depth_ - 1];
            if (!parent.object) ++parent.count;
            switch (parent.role) {
                case Role::Document:
                    role = documentMember(parent, shape, scalar, start, list);
                    break;
                case Role::Graph:
                    if (!graphMember(parent)) return false;
                    break;
                case Role::Nodes:
                case Role::Links:
                    role = element(parent, shape, start);
                    list = recordList_;
                    break;
                case Role::Record:
                    members_.push_back(
                        {parent.key, shape == Shape::Scalar ? std::move(scalar) : container(shape), parent.keyAt});
                    built = &members_.back().value;
                    role = Role::Value;
                    break;
                case Role::Value: {
                    json value = shape == Shape::Scalar ? std::move(scalar) : container(shape);
                    if (parent.object) {
                        json& slot = (*parent.value)[parent.key];
                        slot = std::move(value);
                        built = &slot;
                    } else {
                        parent.value->push_back(std::move(value));
                        built = &parent.value->back();
                    }
                    role = Role::Value;
                    break;
                }
                case Role::Skip:
                    break;
            }
        }
        if (stop_) return false;
        if (shape == Shape::Scalar) return true;
        if (depth_ >= kMaxDepth) {
            // Beyond what the reader follows: the problem is reported, or readGraph has the file.
            if (forced_) {
                jsonProblems_.push_back(
                    {place(start, ""), fmt::format("JSON nested more than {} levels deep", kMaxDepth)});
            } else {
                syntaxError_ = true;
            }
            return false;
        }
        if (frames_.size() <= depth_) frames_.emplace_back();
        Frame& frame = frames_[depth_++];
        frame.role = role;
        frame.object = shape == Shape::Object;
        frame.list = list;
        frame.count = 0;
        if (frame.keys.bucket_count() > 64) std::unordered_map<std::string, std::uint64_t>().swap(frame.keys);
        frame.keys.clear();
        frame.value = built;
        return true;
    }

    bool end() {
        Frame& frame = frames_[--depth_];
        if (frame.role == Role::Record) {
            if (pass_ == Pass::Links) {
                mapLink();
            } else if (frame.list == kNodes) {
                readNode();
            } else {
                checkLink();
            }
            members_.clear();
        } else if (frame.role == Role::Links && pass_ == Pass::Nodes) {
            links_.bytes = blocks_.offset() - links_.offset;
            blocks_.holdProgress(links_.offset, blocks_.offset());
        }
        return !stop_;
    }

    static json container(Shape shape) { return shape == Shape::Object ? json::object() : json::array(); }

    Role rootValue(Shape shape, const Mark& start) {
        if (pass_ == Pass::Links) return shape == Shape::Array ? Role::Links : Role::Skip;
        rootAt_ = start;
        rootIsObject_ = shape == Shape::Object;
        return rootIsObject_ ? Role::Document : Role::Skip;
    }

    Role documentMember(const Frame& parent, Shape shape, const json& scalar, const Mark& start, const char*& list) {
        const std::string& key = parent.key;
        if (key == "directed") {
            if (shape == Shape::Scalar && scalar.is_boolean()) {
                directed_ = scalar.get<bool>();
            } else {
                problems_.push_back({place(parent.keyAt, "/directed"), "\"directed\" must be true or false"});
            }
        } else if (key == "graph") {
            if (shape == Shape::Object) return Role::Graph;
        } else if (key == "nodes") {
            nodes_ = {true, shape == Shape::Array, parent.keyAt};
            if (shape == Shape::Array) return Role::Nodes;
        } else if (key == kLists[0] || key == kLists[1]) {
            const std::size_t which = key == kLists[0] ? 0 : 1;
            const bool first = !lists_[0].seen && !lists_[1].seen;
            lists_[which] = {true, shape == Shape::Array, parent.keyAt};
            if (shape == Shape::Array && first) {
                list = kLists[which];
                links_.list = kLists[which];
                links_.offset = start.offset;
                links_.line = start.line;
                links_.column = start.column;
                blocks_.holdProgress(start.offset, 0);
                return Role::Links;
            }
        }
        return Role::Skip;
    }

    // A member of "graph": the "relgraph" metadata only readGraph reads; anything else is noted.
    bool graphMember(const Frame& parent) {
        if (parent.key == "relgraph") {
            needsRecords_ = stop_ = true;
            return false;
        }
        notes_.push_back({place(parent.keyAt, JsonDocument::child("/graph", parent.key)),
                          fmt::format("graph attribute \"{}\" is not read: relgraph keeps data of nodes and edges",
                                      text::terminalSafe(parent.key))});
        return true;
    }

    Role element(const Frame& parent, Shape shape, const Mark& start) {
        recordAt_ = start;
        recordIndex_ = parent.count - 1;
        recordList_ = parent.role == Role::Nodes ? kNodes : parent.list;
        if (shape == Shape::Object) return Role::Record;
        if (pass_ == Pass::Nodes) {
            const std::string pointer = JsonDocument::child(fmt::format("/{}", recordList_), recordIndex_);
            if (parent.role == Role::Nodes) {
                problems_.push_back({place(start, pointer), "expected a node (an object)"});
            } else {
                linkProblems_.push_back({place(start, pointer), "expected a link (an object)"});
            }
        }
        return Role::Skip;
    }

    const Member* member(std::string_view key) const {
        for (const Member& m : members_) {
            if (m.key == key) return &m;
        }
        return nullptr;
    }

    std::string recordPointer() const { return JsonDocument::child(fmt::format("/{}", recordList_), recordIndex_); }

    At at(const Mark& mark, const std::string* member = nullptr) const {
        return At{file_, mark.line, mark.column, recordList_, recordIndex_, member};
    }

    // The members of a node or link that are properties (those with no value left out), in key order as
    // nlohmann's objects hold them.
    std::vector<const Member*> properties(std::initializer_list<std::string_view> structural) const {
        std::vector<const Member*> out;
        for (const Member& m : members_) {
            const bool own = std::find(structural.begin(), structural.end(), m.key) != structural.end();
            if (own || isAbsent(m.value)) continue;
            out.push_back(&m);
        }
        std::sort(out.begin(), out.end(), [](const Member* a, const Member* b) { return a->key < b->key; });
        return out;
    }

    void readNode() {
        const Member* id = member("id");
        if (!id) {
            problems_.push_back({place(recordAt_, recordPointer()), "a node needs an \"id\""});
            return;
        }
        if (!nodeId(id->value, row_.id)) {
            problems_.push_back({place(id->at, JsonDocument::child(recordPointer(), "id")),
                                 "expected a node id (a string or an integer)"});
            return;
        }
        row_.at = at(recordAt_);
        row_.properties.clear();
        for (const Member* m : properties({"id"})) {
            row_.properties.push_back(propertyOf(m->key, m->value, at(m->at, mapper_.keepMemberName(m->key))));
        }
        mapper_.addNode(row_);
    }

    // A link's ends, as node_link_reader reads them; with `report`, what is wrong with them goes to
    // the link problems.
    bool ends(std::string& from, std::string& to, const Member*& fromMember, const Member*& toMember, bool report) {
        bool ok = true;
        for (const char* end : {"source", "target"}) {
            const bool source = std::string_view(end) == "source";
            const Member* m = member(end);
            (source ? fromMember : toMember) = m;
            if (!m) {
                if (report)
                    linkProblems_.push_back(
                        {place(recordAt_, recordPointer()), fmt::format("a link needs a \"{}\"", end)});
                ok = false;
            } else if (!nodeId(m->value, source ? from : to)) {
                if (report) {
                    linkProblems_.push_back({place(m->at, JsonDocument::child(recordPointer(), end)),
                                             "expected a node id (a string or an integer)"});
                }
                ok = false;
            }
        }
        return ok;
    }

    // The first pass: what is wrong with a link, and whether it holds what only readGraph reads.
    void checkLink() {
        std::string from, to;
        const Member *a = nullptr, *b = nullptr;
        if (!ends(from, to, a, b, true)) return;
        if (const Member* claims = member("claims"); claims && !isAbsent(claims->value)) needsRecords_ = stop_ = true;
        const Member* key = member("key");
        const Member* id = member("id");
        relationIds_ = relationIds_ || (key && key->value.is_string()) || (id && !isAbsent(id->value));
    }

    // The second pass: the link as graph_mapper maps an edge.
    void mapLink() {
        std::string from, to;
        const Member *fromMember = nullptr, *toMember = nullptr;
        if (!ends(from, to, fromMember, toMember, false)) return;
        const auto a = endpoint(from, *fromMember, "source");
        const auto b = endpoint(to, *toMember, "target");
        if (!a || !b) return;
        std::vector<const Member*> rest = properties({"source", "target", "key"});
        const auto take = [&](std::string_view name) -> const Member* {
            const auto it = std::find_if(rest.begin(), rest.end(), [&](const Member* m) { return m->key == name; });
            if (it == rest.end()) return nullptr;
            const Member* m = *it;
            rest.erase(it);
            return m;
        };
        CompactId type;
        const Member* typed = take("type");
        if (!typed) typed = take("label");
        if (typed) {
            const std::string text = typed->value.is_string() ? typed->value.get<std::string>() : typed->value.dump();
            type = mapper_.type(text, at(typed->at, mapper_.keepMemberName(typed->key)));
        } else {
            type = mapper_.type("", at(recordAt_));
        }
        // A string key is a relation id; NetworkX numbers the edges between two nodes 0, 1, … and
        // those numbers are not ids. Without one, an "id" property is.
        std::string idText;
        At idAt;
        if (const Member* key = member("key");
            key && key->value.is_string() && !key->value.get_ref<const std::string&>().empty()) {
            idText = key->value.get<std::string>();
            idAt = at(key->at, mapper_.keepMemberName(key->key));
        } else if (const Member* id = take("id")) {
            idText = id->value.is_string() ? id->value.get<std::string>() : id->value.dump();
            idAt = at(id->at, mapper_.keepMemberName(id->key));
        }
        const CompactId relation =
            mapper_.addRelation(*a, *b, type, idText.empty() ? std::nullopt : std::optional<std::string_view>(idText),
                                idAt, links_.directed);
        for (const Member* m : rest) {
            const At where = at(m->at, mapper_.keepMemberName(m->key));
            const BulkMapper::NodeProperty p = propertyOf(m->key, m->value, where);
            const CompactId column = mapper_.attribute(store::kOwnerRelations, type, p.name, where);
            mapper_.addKind(column, type, p.kind);
            mapper_.setValue(column, relation, p.text, where);
        }
    }

    std::optional<CompactId> endpoint(const std::string& id, const Member& end, const char* name) {
        const auto found = mapper_.findEntity(id);
        if (!found) {
            mapper_.problem(Stage::Map, place(end.at, JsonDocument::child(recordPointer(), name)),
                            fmt::format("no node has the id \"{}\"", text::terminalSafe(id)));
        }
        return found;
    }

    Pass pass_;
    const std::string* file_;
    bool forced_;
    JsonBlocks& blocks_;
    BulkMapper& mapper_;
    NodeLinkLinks& links_;
    std::string base_;  // the pointer of what is parsed: "" for the document, "/links" for its links

    std::vector<Frame> frames_;
    std::size_t depth_ = 0;
    bool stop_ = false;

    // The node or link being read.
    std::vector<Member> members_;
    Mark recordAt_;
    std::uint64_t recordIndex_ = 0;
    const char* recordList_ = nullptr;
    BulkMapper::NodeRow row_;

    // The document, as the first pass finds it.
    Mark rootAt_;
    bool rootIsObject_ = false;
    bool directed_ = false;  // NetworkX reads a document without "directed" as undirected
    List nodes_;
    List lists_[2];  // "links", "edges"
    bool relationIds_ = false;
    bool needsRecords_ = false;
    bool syntaxError_ = false;
    std::vector<Diagnostic> jsonProblems_;  // syntax and repeated keys: the reader reads nothing else then
    std::vector<Diagnostic> problems_;      // the document's and the nodes'
    std::vector<Diagnostic> linkProblems_;  // the links', unless there are two lists
    std::vector<Diagnostic> notes_;
};

// Reads a top-level "nodes" member, and no further.
class NodesPeek {
public:
    bool found = false;

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(json::number_integer_t) { return true; }
    bool number_unsigned(json::number_unsigned_t) { return true; }
    bool number_float(json::number_float_t, const json::string_t&) { return true; }
    bool string(json::string_t&) { return true; }
    bool binary(json::binary_t&) { return false; }
    bool start_object(std::size_t) {
        ++depth_;
        return true;
    }
    bool start_array(std::size_t) { return ++depth_ > 1; }
    bool end_object() { return --depth_ > 0; }
    bool end_array() { return --depth_ > 0; }
    bool key(json::string_t& k) {
        found = depth_ == 1 && k == "nodes";
        return !found;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

private:
    std::size_t depth_ = 0;
};

}  // namespace

bool peekNodeLink(const std::string& file, std::string& error) {
    JsonBlocks blocks(64 * 1024, {});
    if (!blocks.open(file, Mark{}, error)) return false;
    NodesPeek peek;
    json::sax_parse(ByteIterator(&blocks), ByteIterator(), &peek);
    return peek.found;
}

NodeLinkNodes streamNodeLinkNodes(const std::string& file, bool forced, BulkMapper& mapper, NodeLinkLinks& links,
                                  const std::function<void(std::uint64_t)>& progress) {
    links = {};
    const std::string* name = mapper.keepFileName(file);
    JsonBlocks blocks(RecordReader::kBlockSize, progress);
    std::string error;
    if (!blocks.open(file, Mark{}, error)) {
        mapper.problem(Stage::Read, Place{file, 0, 0, {}}, "cannot read file: " + error);
        return NodeLinkNodes::Streamed;
    }
    NodeLinkHandler handler(Pass::Nodes, name, forced, blocks, mapper, links);
    if (json::sax_parse(ByteIterator(&blocks), ByteIterator(), &handler) || !handler.needsRecords()) {
        blocks.drain();  // after a syntax error: invalid UTF-8 further on is all readGraph reports
    }
    const NodeLinkNodes outcome = handler.finishNodes();
    if (outcome == NodeLinkNodes::Streamed) blocks.tellProgress(blocks.bytesRead() - links.bytes);
    return outcome;
}

void streamNodeLinkLinks(const std::string& file, const NodeLinkLinks& links, BulkMapper& mapper,
                         const std::function<void(std::uint64_t)>& progress) {
    if (!links.read) return;
    JsonBlocks blocks(RecordReader::kBlockSize, progress);
    std::string error;
    if (!blocks.open(file, Mark{links.offset, links.line, links.column}, error)) {
        mapper.problem(Stage::Read, Place{file, 0, 0, {}}, "cannot read file: " + error);
        return;
    }
    mapper.builder().beginFile(file);
    NodeLinkLinks copy = links;
    NodeLinkHandler handler(Pass::Links, mapper.keepFileName(file), true, blocks, mapper, copy);
    json::sax_parse(ByteIterator(&blocks), ByteIterator(), &handler, json::input_format_t::json, false);
    blocks.tellProgress(links.bytes);
}

}  // namespace relgraph::interchange
