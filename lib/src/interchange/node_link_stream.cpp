#include "interchange/node_link_stream.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>
#include <vector>

#include "interchange/block_reader.hpp"
#include "load/json_document.hpp"
#include "load/json_stream.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::interchange {

namespace {

using load::ByteIterator;
using load::JsonBlocks;
using load::JsonDocument;
using load::Mark;
using nlohmann::json;
constexpr std::size_t kMaxDepth = load::kMaxJsonDepth;

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
    NodeLinkHandler(Pass pass, const std::string* file, bool forced, bool metadataRead, JsonBlocks& blocks,
                    GraphMapper& mapper, NodeLinkLinks& links)
        : pass_(pass), file_(file), forced_(forced), metadataRead_(metadataRead), blocks_(blocks), mapper_(mapper),
          links_(links) {
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
        if (const auto first = frame.takeKey(std::move(k), blocks_.stringStart())) {
            jsonProblems_.push_back(load::repeatedKey(*file_, frame.keyAt, pointerOf(depth_ - 1), frame.key, *first));
        }
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
        syntaxError_ = true;
        if (blocks_.invalidUtf8()) return false;  // the parser was told the file ends there
        jsonProblems_.push_back(load::syntaxError(blocks_, *file_, position, ex));
        return false;
    }

    bool stopped() const { return stop_; }

    // After the first pass: the problems into the mapper.
    NodeLinkNodes finishNodes() {
        if (lateMetadata_) return NodeLinkNodes::LateMetadata;
        // A .json file that is not JSON, or has no "nodes", is relgraph JSON; so is one with a
        // top-level "relgraph", which says it is.
        if (!forced_ && (blocks_.invalidUtf8() || syntaxError_ || !rootIsObject_ || !nodes_.seen || relgraphMember_)) {
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

    struct Frame : load::JsonFrame {
        Role role = Role::Skip;
        const char* list = nullptr;  // Links: the member they are; Record: the list it is in
        json* value = nullptr;       // Value: the object or array being built
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
    std::string pointerOf(std::size_t depth) const { return load::framePointer(base_, frames_, depth); }

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
                    graphMember(parent);
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
            // Beyond what the reader follows: the problem is reported, or the file is relgraph JSON's.
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
        frame.restart(shape == Shape::Object);
        frame.role = role;
        frame.list = list;
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
        relgraphMember_ = relgraphMember_ || key == "relgraph";
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

    // A member of "graph": the "relgraph" metadata, read before (peekNodeLink), or anything else, noted.
    void graphMember(const Frame& parent) {
        if (parent.key == "relgraph") {
            if (!metadataRead_) lateMetadata_ = stop_ = true;  // the file is to be peeked at whole
            return;
        }
        notes_.push_back({place(parent.keyAt, JsonDocument::child("/graph", parent.key)),
                          fmt::format("graph attribute \"{}\" is not read: relgraph keeps data of nodes and edges",
                                      text::terminalSafe(parent.key))});
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
            row_.properties.push_back(jsonProperty(m->key, m->value, at(m->at, mapper_.keepMemberName(m->key))));
        }
        mapper_.addNode(row_);
    }

    // A link's ends; with `report`, what is wrong with them goes to
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

    // The first pass: what is wrong with a link, and whether it gives a relation id.
    void checkLink() {
        std::string from, to;
        const Member *a = nullptr, *b = nullptr;
        if (!ends(from, to, a, b, true)) return;
        const Member* key = member("key");
        const Member* id = member("id");
        relationIds_ = relationIds_ || (key && key->value.is_string()) || (id && !isAbsent(id->value));
    }

    // The second pass: the link, mapped.
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
        const auto atMember = [&](const Member& m) { return at(m.at, mapper_.keepMemberName(m.key)); };
        GraphMapper::EdgeRow edge;
        edge.from = *a;
        edge.to = *b;
        edge.at = at(recordAt_);
        edge.fromAt = atMember(*fromMember);
        edge.toAt = atMember(*toMember);
        edge.directed = links_.directed;
        const Member* typed = take("type");
        if (!typed) typed = take("label");
        if (typed) {
            const std::string text = typed->value.is_string() ? typed->value.get<std::string>() : typed->value.dump();
            edge.typeAt = atMember(*typed);
            edge.type = mapper_.type(text, edge.typeAt);
        } else {
            edge.typeAt = edge.at;
            edge.type = mapper_.type("", edge.at);
        }
        // A string key is a relation id; NetworkX numbers the edges between two nodes 0, 1, … and
        // those numbers are not ids. Without one, an "id" property is.
        std::string idText;
        if (const Member* key = member("key");
            key && key->value.is_string() && !key->value.get_ref<const std::string&>().empty()) {
            idText = key->value.get<std::string>();
            edge.idAt = atMember(*key);
        } else if (const Member* id = take("id")) {
            idText = id->value.is_string() ? id->value.get<std::string>() : id->value.dump();
            edge.idAt = atMember(*id);
        }
        if (!idText.empty()) edge.id = idText;
        if (const Member* claims = take("claims")) {
            if (claims->value.is_string()) edge.claimsText = claims->value.get_ref<const std::string&>();
            else edge.claims = &claims->value;
            edge.claimsAt = atMember(*claims);
        }
        const Row relation = mapper_.addRelation(edge);
        for (const Member* m : rest) {
            const At where = atMember(*m);
            const GraphMapper::NodeProperty p = jsonProperty(m->key, m->value, where);
            const Row column = mapper_.attribute(store::kOwnerRelations, edge.type, p.name, where);
            mapper_.addKind(column, p.kind);
            mapper_.setValue(column, relation, p.text, where, p.kind);
        }
    }

    std::optional<Row> endpoint(const std::string& id, const Member& end, const char* name) {
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
    bool metadataRead_;  // the file's "graph" was read before its nodes were (peekNodeLink)
    JsonBlocks& blocks_;
    GraphMapper& mapper_;
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
    GraphMapper::NodeRow row_;

    // The document, as the first pass finds it.
    Mark rootAt_;
    bool rootIsObject_ = false;
    bool directed_ = false;  // NetworkX reads a document without "directed" as undirected
    List nodes_;
    List lists_[2];  // "links", "edges"
    bool relationIds_ = false;
    bool lateMetadata_ = false;
    bool syntaxError_ = false;
    bool relgraphMember_ = false;
    std::vector<Diagnostic> jsonProblems_;  // syntax and repeated keys: the reader reads nothing else then
    std::vector<Diagnostic> problems_;      // the document's and the nodes'
    std::vector<Diagnostic> linkProblems_;  // the links', unless there are two lists
    std::vector<Diagnostic> notes_;
};

// Follows the top level of a document without keeping it, up to its "nodes" (or to its end), and
// builds the value of "graph"."relgraph" when it comes first.
class StartReader {
public:
    StartReader(const std::string& file, bool whole, JsonBlocks& blocks, NodeLinkStart& out)
        : file_(file), whole_(whole), blocks_(blocks), out_(out) {}

    bool null() { return scalar(json(nullptr)); }
    bool boolean(bool v) { return scalar(json(v)); }
    bool number_integer(json::number_integer_t v) { return scalar(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return scalar(json(v)); }
    bool number_float(json::number_float_t v, const json::string_t&) { return scalar(json(v)); }
    bool string(json::string_t& v) { return scalar(json(std::move(v))); }
    bool binary(json::binary_t&) { return false; }
    bool start_object(std::size_t) { return start(json::object()); }
    bool start_array(std::size_t) { return start(json::array()); }
    bool end_object() { return end(); }
    bool end_array() { return end(); }
    bool key(json::string_t& k) {
        if (!building_.empty()) {
            key_ = std::move(k);
        } else if (depth_ == 1) {
            top_ = k;
            if (k == "relgraph") out_.relgraph = true;
            if (k == "nodes") out_.nodes = true;
            return !out_.relgraph && (whole_ || !out_.nodes);
        } else if (depth_ == 2 && inGraph_) {
            graphKey_ = k;
            if (k == "relgraph") keyAt_ = blocks_.stringStart();
        }
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

private:
    bool metadataStarts() const { return building_.empty() && depth_ == 2 && inGraph_ && graphKey_ == "relgraph"; }

    json* add(json value) {
        json& into = *building_.back();
        if (into.is_object()) return &(into[key_] = std::move(value));
        into.push_back(std::move(value));
        return &into.back();
    }

    bool scalar(json value) {
        if (!building_.empty()) add(std::move(value));
        else if (metadataStarts()) keep(std::move(value));
        return true;
    }

    bool start(json container) {
        const bool object = container.is_object();
        if (!building_.empty()) {
            building_.push_back(add(std::move(container)));
        } else if (metadataStarts()) {
            value_ = std::move(container);
            building_.push_back(&value_);
        } else if (depth_ == 0) {
            out_.object = object;
        } else if (depth_ == 1 && top_ == "graph" && object) {
            inGraph_ = true;
        }
        ++depth_;
        return depth_ > 1 || object;  // a top-level array is neither format's
    }

    bool end() {
        --depth_;
        if (!building_.empty()) {
            building_.pop_back();
            if (building_.empty()) keep(std::move(value_));
        } else if (depth_ == 1 && inGraph_) {
            inGraph_ = false;
            out_.graphRead = true;
        }
        return true;
    }

    void keep(json value) {
        if (out_.metadata) return;
        out_.metadata = NodeLinkMetadata{value.is_string() ? value.get<std::string>() : value.dump(),
                                         Place{file_, keyAt_.line, keyAt_.column, "/graph/relgraph"}};
    }

    const std::string& file_;
    bool whole_;
    JsonBlocks& blocks_;
    NodeLinkStart& out_;
    std::size_t depth_ = 0;
    std::string top_, graphKey_, key_;
    bool inGraph_ = false;
    Mark keyAt_;
    json value_;
    std::vector<json*> building_;
};

}  // namespace

NodeLinkStart peekNodeLink(const std::string& file, bool whole, std::string& error) {
    NodeLinkStart out;
    JsonBlocks blocks(std::size_t{1} << 20, {});
    if (!blocks.open(file, Mark{}, error)) return out;
    StartReader reader(file, whole, blocks, out);
    json::sax_parse(ByteIterator(&blocks), ByteIterator(), &reader);
    out.graphRead = out.graphRead || whole;
    return out;
}

NodeLinkNodes streamNodeLinkNodes(const std::string& file, bool forced, bool metadataRead, GraphMapper& mapper,
                                  NodeLinkLinks& links, const std::function<void(std::uint64_t)>& progress) {
    links = {};
    const std::string* name = mapper.keepFileName(file);
    JsonBlocks blocks(RecordReader::kBlockSize, progress);
    std::string error;
    if (!blocks.open(file, Mark{}, error)) {
        mapper.problem(Stage::Read, Place{file, 0, 0, {}}, "cannot read file: " + error);
        return NodeLinkNodes::Streamed;
    }
    NodeLinkHandler handler(Pass::Nodes, name, forced, metadataRead, blocks, mapper, links);
    if (json::sax_parse(ByteIterator(&blocks), ByteIterator(), &handler) || !handler.stopped()) {
        blocks.drain();  // after a syntax error: invalid UTF-8 further on is the only problem told
    }
    const NodeLinkNodes outcome = handler.finishNodes();
    if (outcome == NodeLinkNodes::Streamed) blocks.tellProgress(blocks.bytesRead() - links.bytes);
    return outcome;
}

void streamNodeLinkLinks(const std::string& file, const NodeLinkLinks& links, GraphMapper& mapper,
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
    NodeLinkHandler handler(Pass::Links, mapper.keepFileName(file), true, true, blocks, mapper, copy);
    json::sax_parse(ByteIterator(&blocks), ByteIterator(), &handler, json::input_format_t::json, false);
    blocks.tellProgress(links.bytes);
}

}  // namespace relgraph::interchange
