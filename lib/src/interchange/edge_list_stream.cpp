#include "interchange/edge_list_stream.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

#include "interchange/block_reader.hpp"
#include "relgraph/model/scalar_text.hpp"

namespace relgraph::interchange {

namespace {

// A field that names an endpoint column rather than a node: "source", "to", "Person.id", ":START_ID".
bool isEndpointHeading(std::string_view field) {
    static constexpr std::array<std::string_view, 20> names{
        "source", "target", "from", "to", "src", "dst", "start", "end", "u", "v", "node1", "node2",
        "head", "tail", "fromnodeid", "tonodeid", "source_id", "target_id", "from_id", "to_id"};
    const std::string l = lowerAscii(field);
    return std::find(names.begin(), names.end(), l) != names.end() || l.ends_with(".id") ||
           l.find(':') != std::string::npos;
}

bool isNumeric(std::string_view field) { return model::parseNumber(field).has_value(); }

// "Person.id" names the kind of the nodes in that column.
std::string kindOfHeading(std::string_view field) {
    const std::string l = lowerAscii(field);
    if (!l.ends_with(".id") || field.size() <= 3) return {};
    return std::string(field.substr(0, field.size() - 3));
}

// parseBoolean without its copy: "true" or "false" in any case.
bool isBoolean(std::string_view v) {
    const auto is = [&](std::string_view word) {
        if (v.size() != word.size()) return false;
        for (std::size_t i = 0; i < v.size(); ++i) {
            const char c = v[i] >= 'A' && v[i] <= 'Z' ? static_cast<char>(v[i] - 'A' + 'a') : v[i];
            if (c != word[i]) return false;
        }
        return true;
    };
    return is("true") || is("false");
}

// What all the values of one column read as.
struct ColumnValues {
    bool any = false, integers = true, numbers = true, booleans = true;

    void add(std::string_view v) {
        if (v.empty()) return;
        any = true;
        if (integers) integers = model::parseInteger(v).has_value();
        if (numbers) numbers = model::parseNumber(v).has_value();
        if (booleans) booleans = isBoolean(v);
    }
    ValueKind kind() const {
        return !any ? ValueKind::String
               : integers ? ValueKind::Integer
               : numbers  ? ValueKind::Number
               : booleans ? ValueKind::Boolean
                          : ValueKind::String;
    }
};

// A record kept while the next one is read.
struct KeptRecord {
    std::vector<std::string> texts;
    StreamRecord record;

    void keep(const StreamRecord& from) {
        texts.clear();
        texts.reserve(from.fields.size());
        for (const StreamField& f : from.fields) texts.emplace_back(f.text);
        record = from;
        for (std::size_t i = 0; i < texts.size(); ++i) record.fields[i].text = texts[i];
    }
};

bool endpointsAre(const StreamRecord* record, bool (*predicate)(std::string_view)) {
    return record && record->fields.size() >= 2 && predicate(record->fields[0].text) &&
           predicate(record->fields[1].text);
}

bool detectHeader(const StreamRecord* first, const StreamRecord* second, const EdgeListStreamOptions& options) {
    if (options.header) return *options.header;
    return endpointsAre(first, isEndpointHeading) ||
           (endpointsAre(first, [](std::string_view f) { return !isNumeric(f); }) && endpointsAre(second, isNumeric));
}

class EdgeListStream {
public:
    // `mapper` is null when only the first records are peeked at.
    EdgeListStream(const std::string* file, const EdgeListStreamOptions& options, GraphMapper* mapper)
        : file_(file), options_(options), mapper_(mapper) {}

    void run(const std::function<void(std::uint64_t)>& progress) {
        GraphMapper& mapper = *mapper_;
        std::vector<Diagnostic>& problems = mapper.readProblems();
        const std::size_t mark = problems.size();
        RecordReader reader(*file_, problems, RecordReader::kBlockSize, progress);
        std::string error;
        if (!reader.open(error)) {
            mapper.problem(Stage::Read, Place{*file_, 0, 0, {}}, "cannot read file: " + error);
            return;
        }
        mapper.builder().beginFile(*file_);
        mapper.builder().reserveRelations(reader.fileSize() / 4 + 1);
        reader.start(reader.detectDelimiter('#'), '#');

        KeptRecord first;
        StreamRecord record;
        const bool haveFirst = reader.next(record);
        if (haveFirst) first.keep(record);
        const bool haveSecond = haveFirst && reader.next(record);
        header_ = detectHeader(haveFirst ? &first.record : nullptr, haveSecond ? &record : nullptr, options_);
        std::uint64_t records = (haveFirst ? 1 : 0) + (haveSecond ? 1 : 0);
        if (haveFirst) {
            layOut(first.record);
            if (!header_) row(first.record);
        }
        if (haveSecond) {
            row(record);
            while (!stop_ && reader.next(record)) {
                ++records;
                row(record);
                if ((records & 4095) == 0 && mapper.full()) break;
            }
        }
        if (reader.stoppedByInvalidUtf8()) {
            // Such a file is not read at all: that problem is the only one told.
            problems.erase(problems.begin() + static_cast<std::ptrdiff_t>(mark), problems.end() - 1);
            return;
        }
        if (records <= (header_ ? 1u : 0u)) {
            mapper.problem(Stage::Read, Place{*file_, 1, 1, {}}, "no edges: expected lines of FROM TO");
        }
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            // A column is typed by all its values, whatever the relations' types.
            for (const Row column : columns_[c]) {
                if (column != kNoRow) mapper.addKind(column, values_[c].kind());
            }
        }
    }

    // The first records only, for edgeListHasIds.
    bool hasIds() {
        std::vector<Diagnostic> ignored;
        RecordReader reader(*file_, ignored, 64 * 1024);
        std::string error;
        if (!reader.open(error)) return false;
        reader.start(reader.detectDelimiter('#'), '#');
        KeptRecord first;
        StreamRecord record;
        if (!reader.next(record)) return false;
        first.keep(record);
        const bool haveSecond = reader.next(record);
        header_ = detectHeader(&first.record, haveSecond ? &record : nullptr, options_);
        if (!header_) return false;
        layOut(first.record);
        return std::any_of(properties_.begin(), properties_.end(), [&](std::size_t c) { return names_[c] == "id"; });
    }

private:
    // Column names, the type column and the kinds the header names.
    void layOut(const StreamRecord& first) {
        width_ = first.fields.size();
        fromKindText_ = toKindText_ = options_.nodeKind;
        if (header_) {
            for (std::size_t i = 0; i < first.fields.size(); ++i) {
                names_.emplace_back(first.fields[i].text);
                const std::string l = lowerAscii(first.fields[i].text);
                if (i >= 2 && (l == "type" || l == ":type")) typeColumn_ = static_cast<int>(i);
            }
            if (options_.nodeKind.empty() && first.fields.size() >= 2) {
                fromKindText_ = kindOfHeading(first.fields[0].text);
                toKindText_ = kindOfHeading(first.fields[1].text);
            }
        } else {
            for (std::size_t i = 0; i < width_; ++i) names_.push_back(fmt::format("column{}", i + 1));
        }
        values_.resize(width_);
        columns_.resize(width_);
        laterSame_.resize(width_);
        taken_.assign(width_, false);
        simple_ = width_ == 2;
        for (std::size_t c = 2; c < width_; ++c) {
            if (static_cast<int>(c) == typeColumn_) continue;
            properties_.push_back(c);
            if (names_[c] == "type") typeProperties_.push_back(c);
            if (names_[c] == "label") labelProperties_.push_back(c);
            if (names_[c] == "claims") claimsProperties_.push_back(c);
            if (names_[c] == "id" && (!mapper_ || mapper_->explicitRelationIds())) idProperties_.push_back(c);
        }
        for (const std::size_t c : properties_) {
            for (const std::size_t d : properties_) {
                if (d > c && names_[d] == names_[c]) laterSame_[c].push_back(d);
            }
        }
    }

    At at(const StreamField& f) const { return At{file_, f.line, f.column}; }

    void problem(const Place& place, std::string message) {
        mapper_->problem(Stage::Read, place, std::move(message));
        if (mapper_->full()) stop_ = true;
    }

    Row endpoint(const StreamField& f, std::string_view kindText, Row& kindId) {
        if (const auto found = mapper_->findEntity(f.text)) return *found;
        if (kindId == kNoRow) kindId = mapper_->kind(kindText, at(f));
        return mapper_->addImplicitEntity(f.text, f.text, kindId, at(f));
    }

    // The column of the first value of `candidates` that is not blank (PropertyBag::take), taken.
    std::optional<std::size_t> take(const StreamRecord& r, const std::vector<std::size_t>& candidates) {
        for (const std::size_t c : candidates) {
            const std::string_view v = r.fields[c].text;
            if (v.empty() || taken_[c] || isBlank(v)) continue;
            taken_[c] = true;
            return c;
        }
        return std::nullopt;
    }

    Row defaultType(const StreamRecord& r) {
        if (defaultType_ == kNoRow) defaultType_ = mapper_->type(options_.edgeType, At{file_, r.line, r.column});
        return defaultType_;
    }

    void row(const StreamRecord& r) {
        const std::size_t n = r.fields.size();
        if (n < 2) {
            problem(Place{*file_, r.line, r.column, {}}, fmt::format("expected at least 2 fields (FROM TO), got {}", n));
            return;
        }
        if (n != width_) {
            problem(Place{*file_, r.line, r.column, {}},
                    fmt::format("expected {} fields, as {}, got {}", width_,
                                header_ ? "in the header" : "on the first line", n));
            return;
        }
        if (r.fields[0].text.empty() || r.fields[1].text.empty()) {
            const StreamField& f = r.fields[r.fields[0].text.empty() ? 0 : 1];
            problem(Place{*file_, f.line, f.column, {}}, "empty node id");
            return;
        }
        // Edge lists are often ordered by their first column: its node is then the last row's.
        if (lastFrom_ == kNoRow || r.fields[0].text != lastFromText_) {
            lastFrom_ = endpoint(r.fields[0], fromKindText_, fromKind_);
            lastFromText_.assign(r.fields[0].text);
        }
        const Row from = lastFrom_;
        const Row to = endpoint(r.fields[1], toKindText_, toKind_);
        GraphMapper::EdgeRow edge;
        edge.from = from;
        edge.to = to;
        edge.at = At{file_, r.line, r.column};
        edge.fromAt = at(r.fields[0]);
        edge.toAt = at(r.fields[1]);
        if (simple_) {
            edge.type = defaultType(r);
            edge.typeAt = edge.at;
            mapper_->addRelation(edge);
            return;
        }

        for (const std::size_t c : properties_) values_[c].add(r.fields[c].text);

        // The type: the type column's, else a "type" or "label" column's, else the file's.
        std::fill(taken_.begin(), taken_.end(), false);
        edge.typeAt = edge.at;
        if (typeColumn_ >= 0 && !r.fields[static_cast<std::size_t>(typeColumn_)].text.empty()) {
            const StreamField& f = r.fields[static_cast<std::size_t>(typeColumn_)];
            if (lastType_ == kNoRow || f.text != lastTypeText_) {
                lastType_ = mapper_->type(f.text, at(f));
                lastTypeText_.assign(f.text);
            }
            edge.type = lastType_;
            edge.typeAt = at(f);
        } else if (auto c = take(r, typeProperties_); c || (c = take(r, labelProperties_))) {
            edge.type = mapper_->type(r.fields[*c].text, at(r.fields[*c]));
            edge.typeAt = at(r.fields[*c]);
        } else {
            edge.type = defaultType(r);
        }
        if (const auto c = take(r, idProperties_)) {
            edge.id = r.fields[*c].text;
            edge.idAt = at(r.fields[*c]);
        }
        if (const auto c = take(r, claimsProperties_)) {
            edge.claimsText = r.fields[*c].text;
            edge.claimsAt = at(r.fields[*c]);
        }
        const Row relation = mapper_->addRelation(edge);
        const Row type = edge.type;
        const auto present = [&](std::size_t c) {
            const std::string_view v = r.fields[c].text;
            return !v.empty() && !taken_[c] && !isBlank(v);
        };
        for (const std::size_t c : properties_) {
            if (!present(c)) continue;
            const StreamField& f = r.fields[c];
            std::vector<Row>& byType = columns_[c];
            if (byType.size() <= type) byType.resize(type + 1, kNoRow);
            if (byType[type] == kNoRow) {
                byType[type] = mapper_->attribute(store::kOwnerRelations, type, names_[c], at(f));
            }
            // Of two columns with one name, the later one's value is the attribute's.
            if (std::any_of(laterSame_[c].begin(), laterSame_[c].end(), present)) continue;
            mapper_->setValue(byType[type], relation, f.text, at(f));
        }
    }

    const std::string* file_;
    const EdgeListStreamOptions& options_;
    GraphMapper* mapper_;
    bool header_ = false;
    bool simple_ = true;
    bool stop_ = false;
    std::size_t width_ = 0;
    std::vector<std::string> names_;
    int typeColumn_ = -1;
    std::string fromKindText_, toKindText_;
    Row fromKind_ = kNoRow, toKind_ = kNoRow, defaultType_ = kNoRow, lastType_ = kNoRow, lastFrom_ = kNoRow;
    std::string lastTypeText_, lastFromText_;
    std::vector<std::size_t> properties_, typeProperties_, labelProperties_, idProperties_, claimsProperties_;
    std::vector<ColumnValues> values_;       // by column
    std::vector<std::vector<Row>> columns_;  // by column, by relation type: the attribute column
    std::vector<std::vector<std::size_t>> laterSame_;  // by column: later columns of the same name
    std::vector<bool> taken_;
};

}  // namespace

bool edgeListHasIds(const std::string& file, const EdgeListStreamOptions& options) {
    return EdgeListStream(&file, options, nullptr).hasIds();
}

void streamEdgeList(const std::string& file, const EdgeListStreamOptions& options, GraphMapper& mapper,
                    const std::function<void(std::uint64_t)>& progress) {
    EdgeListStream(mapper.keepFileName(file), options, &mapper).run(progress);
}

}  // namespace relgraph::interchange
