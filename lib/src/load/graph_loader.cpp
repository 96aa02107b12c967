#include "relgraph/load/graph_loader.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <unordered_map>

#include "load/claim_reader.hpp"
#include "load/graph_validator.hpp"
#include "load/json_document.hpp"
#include "load/json_stream.hpp"
#include "load/object_reader.hpp"
#include "load/store_feed.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::load {

using nlohmann::json;
using store::StoreBuilder;

namespace {

constexpr int kFormatVersion = 1;
constexpr std::size_t kBlockSize = std::size_t{4} << 20;

// The top-level members whose elements are records: read one at a time, never the whole array.
const std::vector<std::string> kRecordLists = {"sources", "entities", "relations"};

std::vector<std::string> keysOf(const auto& map) {
    std::vector<std::string> out;
    for (const auto& [k, v] : map) out.push_back(k);
    return out;
}

std::string unknownName(std::string_view what, const std::string& name, const std::vector<std::string>& known) {
    std::string message = fmt::format("unknown {} \"{}\"", what, text::terminalSafe(name));
    const auto close = text::closestMatches(name, known);
    if (!close.empty()) message += " — did you mean " + text::quotedAlternatives(close) + "?";
    return message;
}

// Reads one file's "schema" member into `schema`, reporting kinds and types declared twice.
class SchemaReader {
public:
    SchemaReader(model::Schema& schema, Problems& problems) : schema_(schema), problems_(problems) {}

    void read(const JsonDocument& doc, const json& value) {
        ObjectReader schema(doc, value, "/schema", problems_, "the schema");
        if (const json* kinds = schema.member("kinds", Need::Optional, json::value_t::object)) {
            for (const auto& [name, kind] : kinds->items()) readKind(doc, name, kind);
        }
        if (const json* types = schema.member("types", Need::Optional, json::value_t::object)) {
            for (const auto& [name, type] : types->items()) readType(doc, name, type);
        }
        schema.finish({"kinds", "types"});
    }

private:
    bool checkName(const JsonDocument& doc, const std::string& pointer, const std::string& name, const Place* first,
                   std::string_view what) {
        if (!text::isIdentifier(name)) {
            problems_.add(doc, pointer, fmt::format("{} name \"{}\" is not a valid identifier", what,
                                                    text::terminalSafe(name)));
            return false;
        }
        if (first) {
            problems_.add(doc, pointer, fmt::format("{} \"{}\" is declared twice (first at {})", what, name,
                                                    first->toString()));
            return false;
        }
        return true;
    }

    model::AttributeDeclarations readDeclarations(ObjectReader& reader) {
        model::AttributeDeclarations out;
        const json* attrs = reader.member("attributes", Need::Optional, json::value_t::object);
        if (!attrs) return out;
        for (const auto& [name, type] : attrs->items()) {
            const std::string p = JsonDocument::child(reader.childPointer("attributes"), name);
            if (!text::isIdentifier(name)) {
                reader.problems().add(reader.document(), p,
                                      fmt::format("attribute name \"{}\" is not a valid identifier",
                                                  text::terminalSafe(name)));
                continue;
            }
            const auto parsed = type.is_string() ? model::parseAttributeType(type.get<std::string>()) : std::nullopt;
            if (!parsed) {
                reader.problems().add(reader.document(), p,
                                      "attribute type must be one of \"string\", \"integer\", \"number\", "
                                      "\"boolean\", \"date\", \"period\", \"quantity\"");
                continue;
            }
            out.emplace(name, *parsed);
        }
        return out;
    }

    void readKind(const JsonDocument& doc, const std::string& name, const json& value) {
        const std::string pointer = JsonDocument::child("/schema/kinds", name);
        const auto existing = schema_.kinds.find(name);
        if (!checkName(doc, pointer, name, existing == schema_.kinds.end() ? nullptr : &existing->second.origin,
                       "kind")) {
            return;
        }
        ObjectReader reader(doc, value, pointer, problems_, "a kind");
        model::EntityKind kind;
        kind.name = name;
        kind.label = reader.name("label", Need::Required);
        kind.description = reader.text("description", Need::Optional);
        kind.attributes = readDeclarations(reader);
        kind.origin = doc.place(pointer);
        reader.finish({"label", "description", "attributes"});
        if (reader.isObject()) schema_.kinds.emplace(name, std::move(kind));
    }

    void readEnds(ObjectReader& reader, std::string_view key, std::vector<std::string>& kinds, bool& any) {
        const json* v = reader.member(key, Need::Required, json::value_t::array);
        if (!v) return;
        if (v->empty()) reader.problem(key, fmt::format("\"{}\" must name at least one kind, or \"*\"", key));
        for (std::size_t i = 0; i < v->size(); ++i) {
            const json& item = (*v)[i];
            const std::string p = JsonDocument::child(reader.childPointer(key), i);
            if (item == "*") any = true;
            else if (item.is_string() && text::isIdentifier(item.get_ref<const std::string&>())) kinds.push_back(item);
            else reader.problems().add(reader.document(), p, "expected a kind name or \"*\"");
        }
    }

    void readType(const JsonDocument& doc, const std::string& name, const json& value) {
        const std::string pointer = JsonDocument::child("/schema/types", name);
        const auto existing = schema_.types.find(name);
        if (!checkName(doc, pointer, name, existing == schema_.types.end() ? nullptr : &existing->second.origin,
                       "relation type")) {
            return;
        }
        ObjectReader reader(doc, value, pointer, problems_, "a relation type");
        model::RelationType type;
        type.name = name;
        type.label = reader.name("label", Need::Required);
        type.description = reader.text("description", Need::Optional);
        readEnds(reader, "from", type.from, type.anyFrom);
        readEnds(reader, "to", type.to, type.anyTo);
        type.symmetric = reader.boolean("symmetric").value_or(false);
        type.attribution = reader.boolean("attribution").value_or(false);
        type.attributes = readDeclarations(reader);
        type.origin = doc.place(pointer);
        reader.finish({"label", "description", "from", "to", "attributes", "symmetric", "attribution"});
        if (reader.isObject()) schema_.types.emplace(name, std::move(type));
    }

    model::Schema& schema_;
    Problems& problems_;
};

// Where a record stands: the file it was read from (its place among the parsed files), its list and
// its index there, packed into the builder's Origin.
// The top bit but one says a record is relgraph JSON's: other readers' origins are their own.
constexpr int kListBits = 2, kIndexBits = 42, kFileBits = 18;
constexpr StoreBuilder::Origin kRecordBit = StoreBuilder::Origin{1} << 62;

StoreBuilder::Origin originOf(std::size_t file, std::size_t list, std::uint64_t index) {
    return kRecordBit | (static_cast<std::uint64_t>(file) << (kListBits + kIndexBits)) |
           (static_cast<std::uint64_t>(list) << kIndexBits) | index;
}

bool isRecordOrigin(StoreBuilder::Origin origin) { return (origin & kRecordBit) != 0; }

std::size_t fileOf(StoreBuilder::Origin origin) {
    return static_cast<std::size_t>((origin >> (kListBits + kIndexBits)) & ((std::uint64_t{1} << kFileBits) - 1));
}

// "/relations/7" for a relation's origin.
std::string pointerOf(StoreBuilder::Origin origin) {
    const auto list = static_cast<std::size_t>((origin >> kIndexBits) & ((1u << kListBits) - 1));
    return fmt::format("/{}/{}", kRecordLists[list], origin & ((std::uint64_t{1} << kIndexBits) - 1));
}

// Reads sources, entities and relations once the whole schema is known, each on to the builder.
class RecordReader {
public:
    // `schemaComplete` is false when some file did not parse: kinds and types declared there are
    // missing, so unknown ones are not reported (and attributes not checked).
    RecordReader(const model::Schema& schema, StoreFeed& builder, Problems& problems, bool schemaComplete)
        : schema_(schema), builder_(builder), problems_(problems), schemaComplete_(schemaComplete) {}

    // One element of a file's "sources", "entities" or "relations"; `file` is the file's place among
    // the parsed ones.
    void read(std::size_t file, const std::string& list, const JsonDocument& record) {
        const bool source = list == "sources", entity = list == "entities";
        ObjectReader reader(record, record.root(), record.pointer(), problems_,
                            source ? "a source" : entity ? "an entity" : "a relation");
        if (!reader.isObject()) return;
        const std::string& pointer = record.pointer();
        const std::uint64_t index = std::stoull(pointer.substr(pointer.rfind('/') + 1));
        const auto origin = originOf(file, source ? 0 : entity ? 1 : 2, index);
        if (source) readSource(reader, origin);
        else if (entity) readEntity(reader, origin);
        else readRelation(reader, origin);
    }

private:
    void readSource(ObjectReader& r, StoreBuilder::Origin origin) {
        model::Source s;
        s.id = r.identifier("id", Need::Required);
        s.title = r.name("title", Need::Required);
        s.publisher = r.identifier("publisher", Need::Optional);
        s.date = r.date("date", Need::Optional);
        s.authors = r.names("authors");
        s.url = r.url("url", Need::Optional);
        s.republishes = r.identifier("republishes", Need::Optional);
        s.reliesOn = r.identifiers("relies_on", Need::Optional);
        s.note = r.text("note", Need::Optional);
        r.finish({"id", "title", "publisher", "date", "authors", "url", "republishes", "relies_on", "note"});
        if (!s.id.empty()) builder_.declareSource(std::move(s), origin);
    }

    void readEntity(ObjectReader& r, StoreBuilder::Origin origin) {
        model::Entity e;
        e.id = r.identifier("id", Need::Required);
        e.name = r.name("name", Need::Required);
        e.kind = r.identifier("kind", Need::Required);
        e.aliases = r.names("aliases");
        e.description = r.text("description", Need::Optional);
        const model::EntityKind* kind = nullptr;
        if (!e.kind.empty()) {
            kind = schema_.findKind(e.kind);
            if (!kind && schemaComplete_) r.problem("kind", unknownName("kind", e.kind, keysOf(schema_.kinds)));
        }
        e.attributes = r.attributes("attributes", kind ? &kind->attributes : nullptr,
                                    fmt::format("kind \"{}\"", e.kind));
        r.finish({"id", "name", "kind", "aliases", "description", "attributes"});
        if (!e.id.empty()) builder_.declareEntity(std::move(e), origin);
    }

    void readRelation(ObjectReader& r, StoreBuilder::Origin origin) {
        model::Relation rel;
        rel.id = r.identifier("id", Need::Required);
        rel.type = r.identifier("type", Need::Required);
        rel.from = r.identifier("from", Need::Required);
        rel.to = r.identifier("to", Need::Required);
        const model::RelationType* type = nullptr;
        if (!rel.type.empty()) {
            type = schema_.findType(rel.type);
            if (!type && schemaComplete_) {
                r.problem("type", unknownName("relation type", rel.type, keysOf(schema_.types)));
            }
        }
        const std::string owner = fmt::format("relation type \"{}\"", rel.type);
        rel.attributes = r.attributes("attributes", type ? &type->attributes : nullptr, owner);
        rel.claims = readClaims(r, type ? &type->attributes : nullptr, owner);
        r.finish({"id", "type", "from", "to", "attributes", "claims"});
        if (!rel.id.empty()) builder_.addRelation(std::move(rel), origin);
    }

    const model::Schema& schema_;
    StoreFeed& builder_;
    Problems& problems_;
    bool schemaComplete_;
};

// Relation types that name kinds no file declares.
void checkSchemaKinds(const model::Schema& schema, const std::function<Place(const Place&)>& locate, Problems& problems) {
    std::vector<std::string> kinds = keysOf(schema.kinds);
    for (const auto& [name, type] : schema.types) {
        for (const char* end : {"from", "to"}) {
            const auto& list = std::string(end) == "from" ? type.from : type.to;
            for (std::size_t i = 0; i < list.size(); ++i) {
                if (schema.kinds.count(list[i])) continue;
                std::string message = fmt::format("relation type \"{}\" names unknown kind \"{}\"", name, list[i]);
                const auto close = text::closestMatches(list[i], kinds);
                if (!close.empty()) message += " — did you mean " + text::quotedAlternatives(close) + "?";
                Place origin = type.origin;
                origin.pointer += fmt::format("/{}/{}", end, i);
                problems.add(Diagnostic{locate(origin), std::move(message)});
            }
        }
    }
}

// The top level of one file: an object with a supported version and known members.
bool checkTopLevel(const JsonDocument& doc, Problems& problems) {
    ObjectReader top(doc, doc.root(), "", problems, "a relgraph graph");
    if (!top.isObject()) return false;
    if (const json* version = top.member("relgraph", Need::Required, json::value_t::number_integer)) {
        if (*version != kFormatVersion) {
            top.problem("relgraph", fmt::format("unsupported format version {} (this relgraph reads version {})",
                                                version->dump(), kFormatVersion));
        }
    }
    top.finish({"relgraph", "$schema", "schema", "sources", "entities", "relations"});
    for (const std::string& key : kRecordLists) {
        const auto it = doc.root().find(key);
        if (it != doc.root().end() && !it->is_array()) {
            top.problem(key, fmt::format("\"{}\" must be an array, got {}", key, describeJsonType(*it)));
        }
    }
    return true;
}

// Opens an input at `start` (its beginning, or a byte an earlier pass saw); false with the
// system's message in `error`.
bool openAt(JsonBlocks& blocks, const std::string& file, const std::optional<std::string>& text, const Mark& start,
            std::string& error) {
    if (text) {
        blocks.openText(*text, start);
        return true;
    }
    return blocks.open(file, start, error);
}

// Opens an input again at `start`.
bool reopenInput(JsonBlocks& blocks, const std::string& file, const std::optional<std::string>& text,
                 const Mark& start) {
    std::string ignored;
    return openAt(blocks, file, text, start, ignored);
}

// Opens an input for reading; false with its problem reported.
bool openInput(JsonBlocks& blocks, const std::string& name, const std::optional<std::string>& text,
               Problems& problems) {
    std::string error;
    if (openAt(blocks, name, text, Mark{}, error)) return true;
    problems.add(Diagnostic{Place{name, 0, 0, {}}, "cannot read file: " + error});
    return false;
}

// Checks an input (syntax, repeated keys: every problem goes to `problems`) and keeps its top level,
// without the records. Unless `whole`, the parser is first moved past the records, which are checked
// when they are read; when that finds a problem the input is read again whole, so that each problem
// is found as a whole read finds it.
bool readTopLevel(const std::string& name, const std::optional<std::string>& text,
                  const std::function<void(std::uint64_t)>& progress, bool whole, JsonDocument& top,
                  std::vector<Diagnostic>& problems, Problems& unreadable) {
    if (!whole) {
        JsonBlocks blocks(kBlockSize, text ? nullptr : progress);
        if (!openInput(blocks, name, text, unreadable)) return false;
        std::vector<Diagnostic> found;
        if (streamJson(blocks, name, JsonStreamPlan{.recordLists = kRecordLists, .skipRecords = true}, top, found)) return true;
    }
    JsonBlocks again(kBlockSize, {});
    if (!openInput(again, name, text, unreadable)) return false;
    return streamJson(again, name, JsonStreamPlan{.recordLists = kRecordLists}, top, problems);
}

// Where pointers stand in the inputs, for the problems found once the inputs were read (a clean load
// never asks). The first time a file is asked about, it is read again and where each record starts is
// noted (the file's top level is kept); a pointer inside a record is found by reading that record
// again, from where it starts. However large the file, only one record is built at a time.
class InputLocator {
public:
    explicit InputLocator(const std::map<std::string, const std::optional<std::string>*>& sources)
        : sources_(sources) {}

    Place place(const std::string& file, const std::string& pointer) {
        const auto source = sources_.find(file);
        if (source == sources_.end()) return Place{file, 0, 0, pointer};
        Index& index = indexOf(file, *source->second);
        const std::string record = recordPointer(pointer);
        const auto start = index.records.find(record);
        if (start == index.records.end()) return placed(index.top, file, pointer);
        if (record == pointer) return Place{file, start->second.line, start->second.column, pointer};
        if (index.last.pointer() != record) {
            JsonBlocks blocks(kBlockSize, {});
            if (!reopenInput(blocks, file, *source->second, start->second)) return Place{file, 0, 0, pointer};
            std::vector<Diagnostic> ignored;
            streamJson(blocks, file, JsonStreamPlan{.root = record}, index.last, ignored);
        }
        return placed(index.last, file, pointer);
    }

private:
    struct Index {
        JsonDocument top;                                  // without the records
        std::unordered_map<std::string, Mark> records;     // where each record starts
        JsonDocument last;                                 // the record read last
    };

    // "/relations/7" for "/relations/7/claims/0/by/1"; "" when the pointer is not inside a record.
    static std::string recordPointer(const std::string& pointer) {
        for (const std::string& list : kRecordLists) {
            const std::string prefix = "/" + list + "/";
            if (pointer.rfind(prefix, 0) != 0) continue;
            return pointer.substr(0, pointer.find('/', prefix.size()));
        }
        return {};
    }

    static Place placed(const JsonDocument& doc, const std::string& file, const std::string& pointer) {
        const Place found = doc.place(pointer);
        return found.line > 0 ? found : Place{file, 0, 0, pointer};
    }

    Index& indexOf(const std::string& file, const std::optional<std::string>& text) {
        auto it = indexes_.find(file);
        if (it != indexes_.end()) return it->second;
        Index& index = indexes_[file];
        JsonBlocks blocks(kBlockSize, {});
        if (!reopenInput(blocks, file, text, Mark{})) return index;
        const auto reopen = [&](JsonBlocks& b, const Mark& m) { return reopenInput(b, file, text, m); };
        const JsonStreamPlan plan{.recordLists = kRecordLists,
                                  .onRecord = [&](const std::string&, JsonDocument& record) {
                                      index.records.emplace(record.pointer(), record.start());
                                  },
                                  .reopen = reopen};
        std::vector<Diagnostic> ignored;  // the file read cleanly before
        streamJson(blocks, file, plan, index.top, ignored);
        return index;
    }

    const std::map<std::string, const std::optional<std::string>*>& sources_;
    std::map<std::string, Index> indexes_;
};

}  // namespace

void GraphLoader::addPath(const std::filesystem::path& path) {
    std::error_code ec;
    const std::string display = path.generic_string();
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_directory(path, ec)) {
        auto it = std::filesystem::recursive_directory_iterator(path, ec);
        for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (!name.empty() && name.front() == '.') {
                if (it->is_directory(ec)) it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file(ec) && it->path().extension() == ".json") files.push_back(it->path());
        }
        if (ec) {
            early_.push_back({Place{display, 0, 0, {}}, "cannot read folder: " + ec.message()});
            return;
        }
        if (files.empty()) {
            early_.push_back({Place{display, 0, 0, {}}, "no .json graph files in this folder"});
            return;
        }
        std::sort(files.begin(), files.end(),
                  [](const auto& a, const auto& b) { return a.generic_string() < b.generic_string(); });
    } else if (!std::filesystem::exists(path, ec)) {
        early_.push_back({Place{display, 0, 0, {}}, "no such file or folder"});
        return;
    } else if (path.extension() != ".json") {
        const std::string ext = path.extension().string();
        early_.push_back({Place{display, 0, 0, {}},
                          ext.empty() ? std::string("not a .json file: relgraph reads .json graph files")
                                      : fmt::format("unsupported file type \"{}\": relgraph reads .json graph files",
                                                    text::terminalSafe(ext))});
        return;
    } else {
        files.push_back(path);
    }
    for (const auto& file : files) addFile(file);
}

void GraphLoader::addFile(const std::filesystem::path& file) { inputs_.push_back({file.generic_string(), std::nullopt}); }

void GraphLoader::addText(std::string name, std::string text) {
    inputs_.push_back({std::move(name), std::move(text)});
}

struct GraphLoader::Parsed {
    const Input* input;
    JsonDocument top;
};

const model::Schema& GraphLoader::readSchemas() {
    for (Diagnostic& d : early_) problems_->add(std::move(d));
    early_.clear();
    // Each file checked whole (syntax, repeated keys) and its top level and schema kept; its records
    // are not kept.
    for (const Input& input : inputs_) {
        if (!sources_.emplace(input.name, &input.text).second) continue;  // the same file named twice loads once
        Parsed file{&input, {}};
        std::vector<Diagnostic> syntax;
        if (!readTopLevel(input.name, input.text, progress_, false, file.top, syntax, *problems_)) {
            complete_ = false;
            for (Diagnostic& d : syntax) problems_->add(std::move(d));
        } else if (checkTopLevel(file.top, *problems_)) {
            parsed_.push_back(std::move(file));
        }
    }
    SchemaReader schemaReader(schema_, *problems_);
    for (const Parsed& file : parsed_) {
        const json& root = file.top.root();
        if (const auto it = root.find("schema"); it != root.end()) schemaReader.read(file.top, *it);
    }
    return schema_;
}

void GraphLoader::readRecords(StoreBuilder& builder) {
    for (const auto& [name, kind] : schema_.kinds) builder.declareKind(kind);
    for (const auto& [name, type] : schema_.types) builder.declareType(type);
    // The records, one at a time, once every kind and type is known; the builder adds them on a
    // thread of its own.
    StoreFeed feed(builder);
    RecordReader records(schema_, feed, *problems_, complete_);
    for (std::size_t f = 0; f < parsed_.size(); ++f) {
        const Parsed& file = parsed_[f];
        const std::string& name = file.input->name;
        const std::optional<std::string>& text = file.input->text;
        JsonBlocks blocks(kBlockSize, text ? nullptr : progress_);
        if (!openInput(blocks, name, text, *problems_)) continue;
        std::error_code ec;
        const std::uint64_t size = text ? text->size() : std::filesystem::file_size(name, ec);
        feed.beginFile(name, ec ? 0 : size);
        const std::size_t before = problems_->size();
        // A record with a problem is read again from the block it was read from, when it is all there.
        const auto reopen = [&](JsonBlocks& again, const Mark& m) {
            if (const auto bytes = blocks.recent(m)) {
                again.openSpan(*bytes, m);
                return true;
            }
            return reopenInput(again, name, text, m);
        };
        const JsonStreamPlan plan{.recordLists = kRecordLists,
                                  .keepRest = false,
                                  .onRecord = [&](const std::string& list, JsonDocument& record) {
                                      records.read(f, list, record);
                                  },
                                  .reopen = reopen,
                                  .fastRecords = true};
        JsonDocument none;
        std::vector<Diagnostic> syntax;
        if (streamJson(blocks, name, plan, none, syntax)) continue;
        // A record does not parse, or repeats a key (the first pass skipped the records): the file is
        // reported as a whole read finds it, as one that does not parse, without its records' problems
        // (unless it reads cleanly now: it changed since the first pass).
        complete_ = false;
        JsonDocument top;
        std::vector<Diagnostic> whole;
        if (readTopLevel(name, text, {}, true, top, whole, *problems_)) {
            for (Diagnostic& d : syntax) problems_->add(std::move(d));
            continue;
        }
        problems_->truncate(before);
        for (Diagnostic& d : whole) problems_->add(std::move(d));
    }
    feed.finish();
}

void GraphLoader::checkGraph(const StoreBuilder& builder, const OtherPlaces& placeOther) {
    // References into a file that did not parse would all look dangling: they are checked only when
    // every file parsed.
    if (!complete_) return;
    InputLocator locator(sources_);
    checkSchemaKinds(schema_, [&](const Place& p) { return locator.place(p.file, p.pointer); }, *problems_);
    validateGraph(schema_, builder.draft(), [&](StoreBuilder::Origin origin, const std::string& member) {
        if (!isRecordOrigin(origin)) return placeOther(origin, member);
        std::string pointer = pointerOf(origin);
        if (!member.empty()) pointer += "/" + member;
        return locator.place(parsed_[fileOf(origin)].input->name, pointer);
    }, *problems_);
}

std::vector<Diagnostic> GraphLoader::takeProblems() { return problems_->take(); }

GraphLoader::GraphLoader() : problems_(std::make_unique<Problems>()) {}
GraphLoader::~GraphLoader() = default;

store::GraphStore GraphLoader::load() {
    readSchemas();
    StoreBuilder builder;
    readRecords(builder);
    checkGraph(builder, [](StoreBuilder::Origin, const std::string& member) { return Place{{}, 0, 0, member}; });
    if (problems_->size() > 0) throw LoadError(takeProblems());
    return builder.freeze();
}

store::GraphStore loadGraph(const std::vector<std::filesystem::path>& paths) {
    GraphLoader loader;
    for (const auto& path : paths) loader.addPath(path);
    return loader.load();
}

}  // namespace relgraph::load
