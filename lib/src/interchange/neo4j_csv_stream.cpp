#include "interchange/neo4j_csv_stream.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <optional>

#include "interchange/block_reader.hpp"
#include "interchange/neo4j_csv_header.hpp"
#include "relgraph/model/scalar_text.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::interchange {

namespace {

enum class Role { Id, Label, StartId, EndId, Type, Ignore, Property };

struct Column {
    Role role = Role::Property;
    std::string name;     // property name; for :ID the optional property name
    std::string idSpace;  // :ID(Person)
    ValueKind type = ValueKind::String;
    bool array = false;
};

// "name:type", ":ID(space)", ":LABEL" …; nullopt with a message.
std::optional<Column> parseColumn(std::string_view text, std::string& error) {
    Column column;
    const std::string spec(text);
    const std::size_t colon = spec.rfind(':', spec.find('('));
    if (colon == std::string::npos) {
        column.name = spec;
        return column;
    }
    column.name = spec.substr(0, colon);
    std::string type = spec.substr(colon + 1);
    if (const std::size_t open = type.find('('); open != std::string::npos && type.back() == ')') {
        column.idSpace = type.substr(open + 1, type.size() - open - 2);
        type = type.substr(0, open);
    }
    const std::string t = lowerAscii(type);
    if (!column.idSpace.empty() && t != "id" && t != "start_id" && t != "end_id") {
        error = fmt::format("only :ID, :START_ID and :END_ID take an ID space, not \"{}\"", text::terminalSafe(type));
        return std::nullopt;
    }
    if (t == "id") column.role = Role::Id;
    else if (t == "label") column.role = Role::Label;
    else if (t == "start_id") column.role = Role::StartId;
    else if (t == "end_id") column.role = Role::EndId;
    else if (t == "type") column.role = Role::Type;
    else if (t == "ignore") column.role = Role::Ignore;
    if (column.role != Role::Property) return column;

    std::string base = t;
    if (base.size() > 2 && base.ends_with("[]")) {
        column.array = true;
        base.resize(base.size() - 2);
    }
    if (base == "int" || base == "long" || base == "short" || base == "byte") column.type = ValueKind::Integer;
    else if (base == "float" || base == "double") column.type = ValueKind::Number;
    else if (base == "boolean") column.type = ValueKind::Boolean;
    else if (base == "string" || base == "char" || base == "date" || base == "localtime" || base == "time" ||
             base == "localdatetime" || base == "datetime" || base == "duration" || base == "point") {
        column.type = ValueKind::String;
    } else {
        error = fmt::format("unknown column type \"{}\": use int, long, float, double, boolean, string (or a "
                            "temporal type, kept as text), with [] for arrays",
                            text::terminalSafe(type));
        return std::nullopt;
    }
    if (column.name.empty()) {
        error = "a property column needs a name before the ':'";
        return std::nullopt;
    }
    return column;
}

// One value of a typed column as JSON; nullopt when it does not read as the type.
std::optional<nlohmann::json> scalar(std::string_view text, ValueKind type) {
    switch (type) {
        case ValueKind::Integer:
            if (const auto v = model::parseInteger(text)) return nlohmann::json(*v);
            return std::nullopt;
        case ValueKind::Number:
            if (const auto v = model::parseNumber(text)) return nlohmann::json(*v);
            return std::nullopt;
        case ValueKind::Boolean:
            if (const auto v = model::parseBoolean(text)) return nlohmann::json(*v);
            return std::nullopt;
        case ValueKind::String:
        case ValueKind::Json: return nlohmann::json(std::string(text));
    }
    return std::nullopt;
}

std::string_view typeName(ValueKind type) {
    switch (type) {
        case ValueKind::Integer: return "an integer";
        case ValueKind::Number: return "a number";
        case ValueKind::Boolean: return "true or false";
        case ValueKind::String:
        case ValueKind::Json: break;
    }
    return "text";
}

// Parts between ';' (empty ones too).
template <class F>
void forEachItem(std::string_view text, F&& f) {
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(';', start);
        f(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return;
        start = end + 1;
    }
}

class Neo4jStream {
public:
    Neo4jStream(const std::string* file, GraphMapper* mapper) : file_(file), mapper_(mapper) {}

    // Parses the header; false (with the problems reported when there is a mapper) when it is broken.
    bool readHeader(const StreamRecord& header) {
        bool ok = true;
        std::vector<std::string> seen;
        for (const StreamField& field : header.fields) {
            std::string message;
            auto column = parseColumn(field.text, message);
            if (!column) {
                problem(field, message);
                ok = false;
                continue;
            }
            for (const Role once : {Role::Id, Role::StartId, Role::EndId, Role::Type, Role::Label}) {
                if (column->role == once && find(once)) {
                    problem(field, fmt::format("column \"{}\" repeats a column a file may have once",
                                               text::terminalSafe(field.text)));
                    ok = false;
                }
            }
            if (column->role == Role::Property) {
                if (std::find(seen.begin(), seen.end(), column->name) != seen.end()) {
                    problem(field, fmt::format("property \"{}\" has two columns", text::terminalSafe(column->name)));
                    ok = false;
                }
                seen.push_back(column->name);
            }
            columns_.push_back(std::move(*column));
        }
        relationships_ = find(Role::StartId) || find(Role::EndId);
        if (relationships_ && (!find(Role::StartId) || !find(Role::EndId))) {
            problem(header.line, header.column, "a relationship file needs both a :START_ID and an :END_ID column");
            ok = false;
        } else if (!relationships_ && !find(Role::Id)) {
            problem(header.line, header.column, "a node file needs an :ID column");
            ok = false;
        }
        return ok;
    }

    Neo4jCsvColumns columns() const {
        Neo4jCsvColumns out;
        out.relationships = relationships_;
        out.ids = relationships_ && std::any_of(columns_.begin(), columns_.end(), [](const Column& c) {
            return c.role == Role::Property && c.name == "id";
        });
        return out;
    }

    // A continuation's header, from its base file (whose problems that file reports); false when
    // it cannot be read or is broken.
    bool readHeaderOf(const std::string& headerFile, char& delimiter) {
        std::vector<Diagnostic> ignored;
        RecordReader reader(headerFile, ignored, 64 * 1024);
        std::string error;
        if (!reader.open(error)) return false;
        delimiter = neo4jHeaderDelimiter(reader.firstLine());
        if (delimiter == 0) delimiter = ',';
        reader.start(delimiter, 0);
        StreamRecord header;
        if (!reader.next(header)) return false;
        GraphMapper* mapper = mapper_;
        mapper_ = nullptr;
        const bool ok = readHeader(header);
        mapper_ = mapper;
        return ok;
    }

    void run(const Neo4jStreamSource& source, const std::function<void(std::uint64_t)>& progress) {
        GraphMapper& mapper = *mapper_;
        defaultTypeText_ = source.defaultType;
        std::vector<Diagnostic>& problems = mapper.readProblems();
        const std::size_t mark = problems.size();
        RecordReader reader(*file_, problems, RecordReader::kBlockSize, progress);
        std::string error;
        if (!reader.open(error)) {
            mapper.problem(Stage::Read, Place{*file_, 0, 0, {}}, "cannot read file: " + error);
            return;
        }
        mapper.builder().beginFile(*file_);
        const bool continuation = !source.headerFile.empty();
        char delimiter = ',';
        bool headerOk = true;
        if (continuation) {
            headerOk = readHeaderOf(source.headerFile, delimiter);
        } else if (const char d = neo4jHeaderDelimiter(reader.firstLine())) {
            delimiter = d;
        }
        reader.start(delimiter, 0);
        StreamRecord record;
        if (!continuation && !reader.next(record)) {
            if (!reader.stoppedByInvalidUtf8()) {
                mapper.problem(Stage::Read, Place{*file_, 1, 1, {}}, "empty file: expected a header line");
            }
        } else if (!headerOk || (!continuation && !readHeader(record))) {
            reader.skipRest();  // for invalid UTF-8, which is told before anything else
        } else {
            if (relationships_ && source.typeFromFileName) {
                std::string named =
                    neo4jTypeFromFileName(*file_, find(Role::StartId)->idSpace, find(Role::EndId)->idSpace);
                if (!named.empty()) defaultTypeText_ = std::move(named);
            }
            if (relationships_) mapper.builder().reserveRelations(reader.fileSize() / 4 + 1);
            attributeColumns_.resize(columns_.size());
            std::uint64_t records = 0;
            while (!stop_ && reader.next(record)) {
                readRecord(record);
                if ((++records & 4095) == 0 && mapper.full()) break;
            }
        }
        if (reader.stoppedByInvalidUtf8()) {
            problems.erase(problems.begin() + static_cast<std::ptrdiff_t>(mark), problems.end() - 1);
        }
    }

private:
    const Column* find(Role role) const {
        const auto it = std::find_if(columns_.begin(), columns_.end(), [&](const Column& c) { return c.role == role; });
        return it == columns_.end() ? nullptr : &*it;
    }

    At at(const StreamField& f) const { return At{file_, f.line, f.column}; }

    void problem(std::uint64_t line, std::uint64_t column, std::string message) {
        if (!mapper_) return;
        mapper_->problem(Stage::Read, Place{*file_, line, column, {}}, std::move(message));
        if (mapper_->full()) stop_ = true;
    }
    void problem(const StreamField& f, std::string message) { problem(f.line, f.column, std::move(message)); }

    // One property cell into `out` (nothing for an empty or blank one); false after reporting a
    // malformed one.
    bool readProperty(const Column& column, const StreamField& field, std::vector<GraphMapper::NodeProperty>& out) {
        if (field.text.empty()) return true;  // neo4j-admin reads an empty field as no value
        GraphMapper::NodeProperty p;
        p.name = column.name;
        p.kind = column.array ? ValueKind::Json : column.type;
        p.at = at(field);
        if (column.array) {
            nlohmann::json value = nlohmann::json::array();
            bool ok = true;
            forEachItem(field.text, [&](std::string_view item) {
                if (!ok) return;
                auto v = scalar(item, column.type);
                if (!v) {
                    problem(field, fmt::format("column \"{}\": \"{}\" is not {}", column.name, text::terminalSafe(item),
                                               typeName(column.type)));
                    ok = false;
                    return;
                }
                value.push_back(std::move(*v));
            });
            if (!ok) return false;
            p.text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        } else {
            if (!scalar(field.text, column.type)) {
                problem(field, fmt::format("column \"{}\": \"{}\" is not {}", column.name,
                                           text::terminalSafe(field.text), typeName(column.type)));
                return false;
            }
            if (column.type == ValueKind::String && isBlank(field.text)) return true;  // no value
            p.text = field.text;
        }
        out.push_back(std::move(p));
        return true;
    }

    bool requireText(const StreamField& field, std::string_view what) {
        if (!field.text.empty()) return true;
        problem(field, fmt::format("empty {}", what));
        return false;
    }

    void readRecord(const StreamRecord& record) {
        if (record.fields.size() != columns_.size()) {
            problem(record.line, record.column, fmt::format("expected {} fields, as in the header, got {}",
                                                            columns_.size(), record.fields.size()));
            return;
        }
        if (relationships_) readEdge(record);
        else readNode(record);
    }

    void readNode(const StreamRecord& record) {
        row_.id.clear();
        row_.space.clear();
        row_.labels.clear();
        row_.labelAt = {};
        row_.properties.clear();
        row_.at = At{file_, record.line, record.column};
        bool ok = true;
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            const Column& column = columns_[i];
            const StreamField& field = record.fields[i];
            switch (column.role) {
                case Role::Id:
                    ok = requireText(field, ":ID") && ok;
                    row_.id.assign(field.text);
                    row_.space = column.idSpace;
                    break;
                case Role::Label:
                    row_.labelAt = at(field);
                    forEachItem(field.text, [&](std::string_view label) {
                        if (!label.empty()) row_.labels.emplace_back(label);
                    });
                    break;
                case Role::Property: ok = readProperty(column, field, row_.properties) && ok; break;
                case Role::StartId:
                case Role::EndId:
                case Role::Type:
                case Role::Ignore: break;
            }
        }
        if (ok) mapper_->addNode(row_);
    }

    // The first property of these names, in column order, taken.
    const GraphMapper::NodeProperty* take(std::initializer_list<std::string_view> names) {
        for (const std::string_view name : names) {
            for (std::size_t i = 0; i < row_.properties.size(); ++i) {
                if (!taken_[i] && row_.properties[i].name == name) {
                    taken_[i] = true;
                    return &row_.properties[i];
                }
            }
        }
        return nullptr;
    }

    std::optional<Row> node(std::string_view space, std::string_view id, const StreamField& field) {
        const auto found = mapper_->findEntity(entityKey(space, id, key_));
        if (!found) {
            mapper_->problem(Stage::Map, Place{*file_, field.line, field.column, {}},
                             fmt::format("no node has the id \"{}\"{}", text::terminalSafe(id),
                                         space.empty() ? std::string()
                                                       : fmt::format(" in ID space \"{}\"", text::terminalSafe(space))));
            if (mapper_->full()) stop_ = true;
        }
        return found;
    }

    void readEdge(const StreamRecord& record) {
        row_.properties.clear();
        const StreamField* from = nullptr;
        const StreamField* to = nullptr;
        const StreamField* type = nullptr;
        const Column* fromColumn = nullptr;
        const Column* toColumn = nullptr;
        std::vector<std::size_t>& columnOf = propertyColumn_;
        columnOf.clear();
        bool ok = true;
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            const Column& column = columns_[i];
            const StreamField& field = record.fields[i];
            switch (column.role) {
                case Role::StartId:
                    ok = requireText(field, ":START_ID") && ok;
                    from = &field;
                    fromColumn = &column;
                    break;
                case Role::EndId:
                    ok = requireText(field, ":END_ID") && ok;
                    to = &field;
                    toColumn = &column;
                    break;
                case Role::Type: type = &field; break;
                case Role::Property: {
                    const std::size_t before = row_.properties.size();
                    ok = readProperty(column, field, row_.properties) && ok;
                    if (row_.properties.size() > before) columnOf.push_back(i);
                    break;
                }
                case Role::Id:
                case Role::Label:
                case Role::Ignore: break;
            }
        }
        if (!ok) return;
        const auto a = node(fromColumn->idSpace, from->text, *from);
        const auto b = node(toColumn->idSpace, to->text, *to);
        if (!a || !b) return;

        taken_.assign(row_.properties.size(), false);
        GraphMapper::EdgeRow edge;
        edge.from = *a;
        edge.to = *b;
        edge.at = At{file_, record.line, record.column};
        edge.fromAt = at(*from);
        edge.toAt = at(*to);
        edge.typeAt = edge.at;
        if (type && !type->text.empty()) {
            if (lastType_ == kNoRow || type->text != lastTypeText_) {
                lastType_ = mapper_->type(type->text, at(*type));
                lastTypeText_.assign(type->text);
            }
            edge.type = lastType_;
            edge.typeAt = at(*type);
        } else if (const GraphMapper::NodeProperty* p = take({"type", "label"})) {
            edge.type = mapper_->type(p->text, p->at);
            edge.typeAt = p->at;
        } else {
            if (defaultType_ == kNoRow) defaultType_ = mapper_->type(defaultTypeText_, edge.at);
            edge.type = defaultType_;
        }
        if (mapper_->explicitRelationIds()) {
            if (const GraphMapper::NodeProperty* p = take({"id"})) {
                edge.id = p->text;
                edge.idAt = p->at;
            }
        }
        if (const GraphMapper::NodeProperty* p = take({"claims"})) {
            edge.claimsText = p->text;
            edge.claimsAt = p->at;
        }
        const Row relation = mapper_->addRelation(edge);
        const Row typeId = edge.type;
        for (std::size_t i = 0; i < row_.properties.size(); ++i) {
            if (taken_[i]) continue;
            const GraphMapper::NodeProperty& p = row_.properties[i];
            std::vector<Row>& byType = attributeColumns_[columnOf[i]];
            if (byType.size() <= typeId) byType.resize(typeId + 1, kNoRow);
            if (byType[typeId] == kNoRow) {
                byType[typeId] = mapper_->attribute(store::kOwnerRelations, typeId, p.name, p.at);
                mapper_->addKind(byType[typeId], p.kind);
            }
            mapper_->setValue(byType[typeId], relation, p.text, p.at, p.kind);
        }
    }

    const std::string* file_;
    GraphMapper* mapper_;
    std::vector<Column> columns_;
    bool relationships_ = false;
    bool stop_ = false;
    std::string defaultTypeText_;
    Row defaultType_ = kNoRow, lastType_ = kNoRow;
    std::string lastTypeText_;
    GraphMapper::NodeRow row_;
    std::vector<bool> taken_;
    std::vector<std::size_t> propertyColumn_;
    std::vector<std::vector<Row>> attributeColumns_;  // by column, by relation type
    std::string key_;
};

}  // namespace

Neo4jCsvColumns peekNeo4jCsvColumns(const std::string& file, const std::string& headerFile) {
    const std::string& headed = headerFile.empty() ? file : headerFile;
    std::vector<Diagnostic> ignored;
    RecordReader reader(headed, ignored, 64 * 1024);
    std::string error;
    if (!reader.open(error)) return {};
    const char delimiter = neo4jHeaderDelimiter(reader.firstLine());
    reader.start(delimiter == 0 ? ',' : delimiter, 0);
    StreamRecord header;
    if (!reader.next(header)) return {};
    Neo4jStream stream(&headed, nullptr);
    if (!stream.readHeader(header)) return {};
    return stream.columns();
}

void streamNeo4jCsv(const std::string& file, const Neo4jStreamSource& source, GraphMapper& mapper,
                    const std::function<void(std::uint64_t)>& progress) {
    Neo4jStream stream(mapper.keepFileName(file), &mapper);
    stream.run(source, progress);
}

}  // namespace relgraph::interchange
