#include "relgraph/load/graph_loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

#include "load/graph_validator.hpp"
#include "load/json_document.hpp"
#include "load/object_reader.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::load {

using nlohmann::json;

namespace {

constexpr int kFormatVersion = 1;

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

// Reads sources, entities and relations once the whole schema is known.
class RecordReader {
public:
    // `schemaComplete` is false when some file did not parse: kinds and types declared there are
    // missing, so unknown ones are not reported (and attributes not checked).
    RecordReader(model::GraphData& data, Problems& problems, bool schemaComplete)
        : data_(data), problems_(problems), schemaComplete_(schemaComplete) {}

    void read(const JsonDocument& doc) {
        const json& root = doc.root();
        forEach(doc, root, "sources", [&](ObjectReader& r) { readSource(r); });
        forEach(doc, root, "entities", [&](ObjectReader& r) { readEntity(r); });
        forEach(doc, root, "relations", [&](ObjectReader& r) { readRelation(r); });
    }

private:
    template <class Fn>
    void forEach(const JsonDocument& doc, const json& root, const char* key, Fn fn) {
        const auto it = root.find(key);
        if (it == root.end()) return;
        const std::string pointer = JsonDocument::child("", key);
        if (!it->is_array()) {
            problems_.add(doc, pointer, fmt::format("\"{}\" must be an array, got {}", key, describeJsonType(*it)));
            return;
        }
        const std::string what = std::string(key) == "entities" ? "an entity"
                                 : std::string(key) == "sources" ? "a source"
                                                                 : "a relation";
        for (std::size_t i = 0; i < it->size(); ++i) {
            ObjectReader reader(doc, (*it)[i], JsonDocument::child(pointer, i), problems_, what);
            if (reader.isObject()) fn(reader);
        }
    }

    void readSource(ObjectReader& r) {
        model::Source s;
        s.origin = r.origin();
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
        if (!s.id.empty()) data_.sources.push_back(std::move(s));
    }

    void readEntity(ObjectReader& r) {
        model::Entity e;
        e.origin = r.origin();
        e.id = r.identifier("id", Need::Required);
        e.name = r.name("name", Need::Required);
        e.kind = r.identifier("kind", Need::Required);
        e.aliases = r.names("aliases");
        e.description = r.text("description", Need::Optional);
        const model::EntityKind* kind = nullptr;
        if (!e.kind.empty()) {
            kind = data_.schema.findKind(e.kind);
            if (!kind && schemaComplete_) r.problem("kind", unknownName("kind", e.kind, keysOf(data_.schema.kinds)));
        }
        e.attributes = r.attributes("attributes", kind ? &kind->attributes : nullptr,
                                    fmt::format("kind \"{}\"", e.kind));
        r.finish({"id", "name", "kind", "aliases", "description", "attributes"});
        if (!e.id.empty()) data_.entities.push_back(std::move(e));
    }

    void readRelation(ObjectReader& r) {
        model::Relation rel;
        rel.origin = r.origin();
        rel.id = r.identifier("id", Need::Required);
        rel.type = r.identifier("type", Need::Required);
        rel.from = r.identifier("from", Need::Required);
        rel.to = r.identifier("to", Need::Required);
        const model::RelationType* type = nullptr;
        if (!rel.type.empty()) {
            type = data_.schema.findType(rel.type);
            if (!type && schemaComplete_) {
                r.problem("type", unknownName("relation type", rel.type, keysOf(data_.schema.types)));
            }
        }
        const std::string owner = fmt::format("relation type \"{}\"", rel.type);
        rel.attributes = r.attributes("attributes", type ? &type->attributes : nullptr, owner);
        if (const json* claims = r.member("claims", Need::Required, json::value_t::array)) {
            if (claims->empty()) r.problem("claims", "a relation must rest on at least one claim");
            for (std::size_t i = 0; i < claims->size(); ++i) {
                ObjectReader c(r.document(), (*claims)[i], JsonDocument::child(r.childPointer("claims"), i),
                               problems_, "a claim");
                if (c.isObject()) rel.claims.push_back(readClaim(c, type, owner));
            }
        }
        r.finish({"id", "type", "from", "to", "attributes", "claims"});
        if (!rel.id.empty()) data_.relations.push_back(std::move(rel));
    }

    model::Claim readClaim(ObjectReader& c, const model::RelationType* type, const std::string& owner) {
        model::Claim claim;
        claim.origin = c.origin();
        claim.id = c.identifier("id", Need::Required);
        claim.source = c.identifier("source", Need::Required);
        claim.by = c.identifiers("by", Need::Optional);
        claim.via = c.identifiers("via", Need::Optional);
        claim.date = c.date("date", Need::Optional);
        if (const json* stance = c.member("stance", Need::Optional, json::value_t::string)) {
            if (*stance == "denies") claim.stance = model::Stance::Denies;
            else if (*stance != "asserts") c.problem("stance", "\"stance\" must be \"asserts\" or \"denies\"");
        }
        claim.summary = c.text("summary", Need::Required);
        claim.values = c.attributes("values", type ? &type->attributes : nullptr, owner);
        c.finish({"id", "source", "by", "via", "date", "stance", "summary", "values"});
        return claim;
    }

    model::GraphData& data_;
    Problems& problems_;
    bool schemaComplete_;
};

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
    return true;
}

std::string readFile(const std::filesystem::path& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::strerror(errno);
        return {};
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) error = std::strerror(errno);
    return buffer.str();
}

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
    for (const auto& file : files) {
        std::string error;
        std::string content = readFile(file, error);
        if (!error.empty()) early_.push_back({Place{file.generic_string(), 0, 0, {}}, "cannot read file: " + error});
        else addText(file.generic_string(), std::move(content));
    }
}

void GraphLoader::addText(std::string name, std::string text) {
    inputs_.push_back({std::move(name), std::move(text)});
}

model::GraphData GraphLoader::load() {
    Problems problems;
    for (Diagnostic& d : early_) problems.add(std::move(d));
    early_.clear();

    DocumentSet documents;
    std::vector<const JsonDocument*> parsed;
    std::vector<Diagnostic> syntax;
    for (Input& input : inputs_) {
        if (documents.count(input.name)) continue;  // the same file named twice loads once
        JsonDocument& doc = documents[input.name];
        if (doc.parse(input.name, std::move(input.text), syntax) && checkTopLevel(doc, problems)) {
            parsed.push_back(&doc);
        }
    }
    inputs_.clear();
    // References into a file that did not parse would all look dangling: check them only when
    // every file parsed.
    const bool complete = syntax.empty();
    for (Diagnostic& d : syntax) problems.add(std::move(d));

    model::GraphData data;
    SchemaReader schemaReader(data.schema, problems);
    for (const JsonDocument* doc : parsed) {
        if (const auto it = doc->root().find("schema"); it != doc->root().end()) schemaReader.read(*doc, *it);
    }
    RecordReader records(data, problems, complete);
    for (const JsonDocument* doc : parsed) records.read(*doc);
    if (complete) validateGraph(data, documents, problems);

    if (problems.size() > 0) throw LoadError(problems.take());
    return data;
}

model::GraphData loadGraph(const std::vector<std::filesystem::path>& paths) {
    GraphLoader loader;
    for (const auto& path : paths) loader.addPath(path);
    return loader.load();
}

}  // namespace relgraph::load
