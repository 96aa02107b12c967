#include "interchange/edge_list_reader.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

#include "interchange/csv_parser.hpp"
#include "relgraph/model/scalar_text.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::interchange {

namespace {

// The first line that is neither empty nor a comment decides the delimiter.
char detectDelimiter(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (line.empty() || line == "\r" || line.front() == '#') continue;
        for (const char candidate : {'|', '\t', ','}) {
            if (line.find(candidate) != std::string_view::npos) return candidate;
        }
        return ' ';
    }
    return ' ';
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

// A field that names an endpoint column rather than a node: "source", "to", "Person.id", ":START_ID".
bool isEndpointHeading(std::string_view field) {
    static constexpr std::array<std::string_view, 20> names{
        "source", "target", "from", "to", "src", "dst", "start", "end", "u", "v", "node1", "node2",
        "head", "tail", "fromnodeid", "tonodeid", "source_id", "target_id", "from_id", "to_id"};
    const std::string l = lower(field);
    return std::find(names.begin(), names.end(), l) != names.end() || l.ends_with(".id") ||
           l.find(':') != std::string::npos;
}

bool isNumeric(std::string_view field) { return model::parseNumber(field).has_value(); }

// "Person.id" names the kind of the nodes in that column.
std::string kindOfHeading(std::string_view field) {
    const std::string l = lower(field);
    if (!l.ends_with(".id") || field.size() <= 3) return {};
    return std::string(field.substr(0, field.size() - 3));
}

enum class ColumnType { Integer, Number, Boolean, String };

nlohmann::json typedValue(const std::string& text, ColumnType type) {
    switch (type) {
        case ColumnType::Integer: return *model::parseInteger(text);
        case ColumnType::Number: return *model::parseNumber(text);
        case ColumnType::Boolean: return *model::parseBoolean(text);
        case ColumnType::String: break;
    }
    return text;
}

}  // namespace

ImportedGraph readEdgeList(const std::string& file, std::string_view text, const EdgeListMapping& mapping,
                           ReadReport& report) {
    ImportedGraph graph;
    graph.file = file;
    graph.implicitNodes = true;
    graph.defaultEdgeType = mapping.edgeType;
    graph.fromKind = graph.toKind = mapping.nodeKind;

    const LineIndex lines(file, text);
    CsvParser parser(lines, text, detectDelimiter(text), '#');
    std::vector<CsvRecord> records;
    CsvRecord record;
    while (parser.next(record, report.errors)) records.push_back(std::move(record));

    const auto endpointsAre = [&](std::size_t i, auto predicate) {
        return i < records.size() && records[i].fields.size() >= 2 && predicate(records[i].fields[0].text) &&
               predicate(records[i].fields[1].text);
    };
    const bool header = mapping.header.value_or(
        endpointsAre(0, isEndpointHeading) ||
        (endpointsAre(0, [](std::string_view f) { return !isNumeric(f); }) && endpointsAre(1, isNumeric)));

    const std::size_t first = header ? 1 : 0;
    if (records.size() <= first) {
        report.errors.push_back({lines.place(0), "no edges: expected lines of FROM TO"});
        return graph;
    }

    // Column names: the header's, or column3, column4 … for the columns after FROM and TO.
    std::vector<std::string> names;
    std::size_t typeColumn = 0;  // 0: none
    const std::size_t width = records.front().fields.size();
    if (header) {
        const CsvRecord& h = records.front();
        for (std::size_t i = 0; i < h.fields.size(); ++i) {
            names.push_back(h.fields[i].text);
            const std::string l = lower(h.fields[i].text);
            if (i >= 2 && (l == "type" || l == ":type")) typeColumn = i;
        }
        if (mapping.nodeKind.empty() && h.fields.size() >= 2) {
            graph.fromKind = kindOfHeading(h.fields[0].text);
            graph.toKind = kindOfHeading(h.fields[1].text);
        }
    } else {
        for (std::size_t i = 0; i < width; ++i) names.push_back(fmt::format("column{}", i + 1));
    }

    std::vector<const CsvRecord*> rows;
    for (std::size_t r = first; r < records.size(); ++r) {
        const CsvRecord& row = records[r];
        if (row.fields.size() < 2) {
            report.errors.push_back({row.place, fmt::format("expected at least 2 fields (FROM TO), got {}",
                                                            row.fields.size())});
        } else if (row.fields.size() != names.size()) {
            report.errors.push_back({row.place, fmt::format("expected {} fields, as {}, got {}", names.size(),
                                                            header ? "in the header" : "on the first line",
                                                            row.fields.size())});
        } else if (row.fields[0].text.empty() || row.fields[1].text.empty()) {
            report.errors.push_back({row.fields[row.fields[0].text.empty() ? 0 : 1].place, "empty node id"});
        } else {
            rows.push_back(&row);
        }
    }

    // Further columns are typed by what all their values read as.
    std::vector<ColumnType> types(names.size(), ColumnType::String);
    for (std::size_t c = 2; c < names.size(); ++c) {
        bool integers = true, numbers = true, booleans = true, any = false;
        for (const CsvRecord* row : rows) {
            const std::string& v = row->fields[c].text;
            if (v.empty()) continue;
            any = true;
            integers = integers && model::parseInteger(v);
            numbers = numbers && model::parseNumber(v);
            booleans = booleans && model::parseBoolean(v);
        }
        types[c] = !any ? ColumnType::String
                   : integers ? ColumnType::Integer
                   : numbers  ? ColumnType::Number
                   : booleans ? ColumnType::Boolean
                              : ColumnType::String;
    }

    for (const CsvRecord* row : rows) {
        ImportedEdge edge;
        edge.place = row->place;
        edge.where = fmt::format("line {}", row->place.line);
        edge.from = row->fields[0].text;
        edge.fromPlace = row->fields[0].place;
        edge.to = row->fields[1].text;
        edge.toPlace = row->fields[1].place;
        for (std::size_t c = 2; c < names.size(); ++c) {
            const CsvField& field = row->fields[c];
            if (field.text.empty()) continue;
            if (c == typeColumn) {
                edge.type = field.text;
                edge.typePlace = field.place;
            } else {
                edge.properties.push_back({names[c], typedValue(field.text, types[c]), field.place});
            }
        }
        graph.edges.push_back(std::move(edge));
    }
    return graph;
}

}  // namespace relgraph::interchange
