#include "interchange/neo4j_csv_reader.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <optional>

#include "interchange/csv_parser.hpp"
#include "interchange/neo4j_csv_header.hpp"
#include "relgraph/model/scalar_text.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::interchange {

namespace {

enum class Role { Id, Label, StartId, EndId, Type, Ignore, Property };
enum class ValueType { Integer, Number, Boolean, String };

struct Column {
    Role role = Role::Property;
    std::string name;      // property name; for :ID the optional property name
    std::string idSpace;   // :ID(Person)
    ValueType type = ValueType::String;
    bool array = false;
    Place place;
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

// "name:type", ":ID(space)", ":LABEL" … ; nullopt with a message for an unknown type.
std::optional<Column> parseColumn(const CsvField& field, std::string& error) {
    Column column;
    column.place = field.place;
    std::string spec = field.text;
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
    const std::string t = lower(type);
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
    if (base == "int" || base == "long" || base == "short" || base == "byte") column.type = ValueType::Integer;
    else if (base == "float" || base == "double") column.type = ValueType::Number;
    else if (base == "boolean") column.type = ValueType::Boolean;
    else if (base == "string" || base == "char" || base == "date" || base == "localtime" || base == "time" ||
             base == "localdatetime" || base == "datetime" || base == "duration" || base == "point") {
        column.type = ValueType::String;
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

std::optional<nlohmann::json> scalar(const std::string& text, ValueType type) {
    switch (type) {
        case ValueType::Integer:
            if (const auto v = model::parseInteger(text)) return nlohmann::json(*v);
            return std::nullopt;
        case ValueType::Number:
            if (const auto v = model::parseNumber(text)) return nlohmann::json(*v);
            return std::nullopt;
        case ValueType::Boolean:
            if (const auto v = model::parseBoolean(text)) return nlohmann::json(*v);
            return std::nullopt;
        case ValueType::String: return nlohmann::json(text);
    }
    return std::nullopt;
}

std::string_view typeName(ValueType type) {
    switch (type) {
        case ValueType::Integer: return "an integer";
        case ValueType::Number: return "a number";
        case ValueType::Boolean: return "true or false";
        case ValueType::String: break;
    }
    return "text";
}

std::vector<std::string> splitArray(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(';', start);
        out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) return out;
        start = end + 1;
    }
}

class Neo4jFileReader {
public:
    Neo4jFileReader(const std::string& file, std::string_view text, ReadReport& report)
        : lines_(file, text), text_(text), report_(report) {
        graph_.file = file;
    }

    ImportedGraph read(const Neo4jCsvSource& source) {
        graph_.defaultEdgeType = source.defaultType;
        const bool continuation = !source.headerFile.empty();
        char delimiter = neo4jHeaderDelimiter(continuation ? source.headerText : text_);
        if (delimiter == 0) delimiter = ',';
        CsvParser parser(lines_, text_, delimiter);
        if (continuation) {
            // The base file's header, whose problems the base file reports.
            const LineIndex headerLines(source.headerFile, source.headerText);
            CsvParser headerParser(headerLines, source.headerText, delimiter);
            CsvRecord header;
            std::vector<Diagnostic> ignored;
            quiet_ = true;
            const bool ok = headerParser.next(header, ignored) && readHeader(header);
            quiet_ = false;
            if (!ok) return std::move(graph_);
        } else {
            CsvRecord header;
            if (!parser.next(header, report_.errors)) {
                report_.errors.push_back({lines_.place(0), "empty file: expected a header line"});
                return std::move(graph_);
            }
            if (!readHeader(header)) return std::move(graph_);
        }
        if (relationships_ && source.typeFromFileName) {
            std::string named = neo4jTypeFromFileName(graph_.file, find(Role::StartId)->idSpace, find(Role::EndId)->idSpace);
            if (!named.empty()) graph_.defaultEdgeType = std::move(named);
        }
        CsvRecord record;
        while (parser.next(record, report_.errors)) readRecord(record);
        return std::move(graph_);
    }

private:
    void error(const Place& place, std::string message) {
        if (!quiet_) report_.errors.push_back({place, std::move(message)});
    }

    const Column* find(Role role) const {
        const auto it = std::find_if(columns_.begin(), columns_.end(), [&](const Column& c) { return c.role == role; });
        return it == columns_.end() ? nullptr : &*it;
    }

    bool readHeader(const CsvRecord& header) {
        bool ok = true;
        std::vector<std::string> seen;
        for (const CsvField& field : header.fields) {
            std::string message;
            auto column = parseColumn(field, message);
            if (!column) {
                error(field.place, message);
                ok = false;
                continue;
            }
            for (Role once : {Role::Id, Role::StartId, Role::EndId, Role::Type, Role::Label}) {
                if (column->role == once && find(once)) {
                    error(field.place, fmt::format("column \"{}\" repeats a column a file may have once",
                                                   text::terminalSafe(field.text)));
                    ok = false;
                }
            }
            if (column->role == Role::Property) {
                if (std::find(seen.begin(), seen.end(), column->name) != seen.end()) {
                    error(field.place, fmt::format("property \"{}\" has two columns", text::terminalSafe(column->name)));
                    ok = false;
                }
                seen.push_back(column->name);
            }
            columns_.push_back(std::move(*column));
        }
        relationships_ = find(Role::StartId) || find(Role::EndId);
        if (relationships_ && (!find(Role::StartId) || !find(Role::EndId))) {
            error(header.place, "a relationship file needs both a :START_ID and an :END_ID column");
            ok = false;
        } else if (!relationships_ && !find(Role::Id)) {
            error(header.place, "a node file needs an :ID column");
            ok = false;
        }
        return ok;
    }

    // The value of one property cell; false after reporting a malformed one.
    bool readProperty(const Column& column, const CsvField& field, std::vector<Property>& out) {
        if (field.text.empty()) return true;  // neo4j-admin reads an empty field as no value
        nlohmann::json value;
        if (column.array) {
            value = nlohmann::json::array();
            for (const std::string& item : splitArray(field.text)) {
                auto v = scalar(item, column.type);
                if (!v) {
                    error(field.place, fmt::format("column \"{}\": \"{}\" is not {}", column.name,
                                                   text::terminalSafe(item), typeName(column.type)));
                    return false;
                }
                value.push_back(std::move(*v));
            }
        } else {
            auto v = scalar(field.text, column.type);
            if (!v) {
                error(field.place, fmt::format("column \"{}\": \"{}\" is not {}", column.name,
                                               text::terminalSafe(field.text), typeName(column.type)));
                return false;
            }
            value = std::move(*v);
        }
        out.push_back({column.name, std::move(value), field.place});
        return true;
    }

    bool requireText(const CsvField& field, std::string_view what) {
        if (!field.text.empty()) return true;
        error(field.place, fmt::format("empty {}", what));
        return false;
    }

    void readRecord(const CsvRecord& record) {
        if (record.fields.size() != columns_.size()) {
            error(record.place, fmt::format("expected {} fields, as in the header, got {}", columns_.size(),
                                            record.fields.size()));
            return;
        }
        ImportedNode node;
        ImportedEdge edge;
        node.place = edge.place = record.place;
        edge.where = fmt::format("line {}", record.place.line);
        bool ok = true;
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            const Column& column = columns_[i];
            const CsvField& field = record.fields[i];
            switch (column.role) {
                case Role::Id:
                    ok = requireText(field, ":ID") && ok;
                    node.id = field.text;
                    node.idSpace = column.idSpace;
                    break;
                case Role::Label:
                    node.labelPlace = field.place;
                    for (std::string& label : splitArray(field.text)) {
                        if (!label.empty()) node.labels.push_back(std::move(label));
                    }
                    break;
                case Role::StartId:
                    ok = requireText(field, ":START_ID") && ok;
                    edge.from = field.text;
                    edge.fromSpace = column.idSpace;
                    edge.fromPlace = field.place;
                    break;
                case Role::EndId:
                    ok = requireText(field, ":END_ID") && ok;
                    edge.to = field.text;
                    edge.toSpace = column.idSpace;
                    edge.toPlace = field.place;
                    break;
                case Role::Type:
                    edge.type = field.text;
                    edge.typePlace = field.place;
                    break;
                case Role::Ignore: break;
                case Role::Property:
                    ok = readProperty(column, field, relationships_ ? edge.properties : node.properties) && ok;
                    break;
            }
        }
        if (!ok) return;
        if (relationships_) graph_.edges.push_back(std::move(edge));
        else graph_.nodes.push_back(std::move(node));
    }

    LineIndex lines_;
    std::string_view text_;
    ReadReport& report_;
    ImportedGraph graph_;
    std::vector<Column> columns_;
    bool relationships_ = false;
    bool quiet_ = false;  // reading a continuation's header from its base file
};

}  // namespace

bool hasNeo4jHeader(std::string_view text) {
    return neo4jHeaderDelimiter(firstLineOf(text)) != 0;
}

ImportedGraph readNeo4jCsv(const std::string& file, std::string_view text, const std::string& defaultType,
                           ReadReport& report) {
    return readNeo4jCsv(file, text, Neo4jCsvSource{defaultType, true, {}, {}}, report);
}

ImportedGraph readNeo4jCsv(const std::string& file, std::string_view text, const Neo4jCsvSource& source,
                           ReadReport& report) {
    return Neo4jFileReader(file, text, report).read(source);
}

}  // namespace relgraph::interchange
