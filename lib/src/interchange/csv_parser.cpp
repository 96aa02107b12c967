#include "interchange/csv_parser.hpp"

namespace relgraph::interchange {

CsvParser::CsvParser(const LineIndex& lines, std::string_view text, char delimiter, char commentPrefix)
    : lines_(lines), text_(text), delimiter_(delimiter), commentPrefix_(commentPrefix) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // a UTF-8 byte order mark
}

namespace {
bool isLineEnd(char c) { return c == '\n' || c == '\r'; }
}  // namespace

void CsvParser::skipToLineEnd() {
    while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
    if (pos_ < text_.size()) ++pos_;
}

bool CsvParser::skipBlankAndComments() {
    while (pos_ < text_.size()) {
        const char c = text_[pos_];
        if (isLineEnd(c)) {
            ++pos_;
        } else if (commentPrefix_ != 0 && c == commentPrefix_) {
            skipToLineEnd();
        } else {
            return true;
        }
    }
    return false;
}

void CsvParser::readWhitespaceRecord(CsvRecord& record) {
    while (pos_ < text_.size() && !isLineEnd(text_[pos_])) {
        if (text_[pos_] == ' ' || text_[pos_] == '\t') {
            ++pos_;
            continue;
        }
        CsvField field;
        field.place = lines_.place(pos_);
        while (pos_ < text_.size() && !isLineEnd(text_[pos_]) && text_[pos_] != ' ' && text_[pos_] != '\t') {
            field.text += text_[pos_++];
        }
        record.fields.push_back(std::move(field));
    }
    skipToLineEnd();
}

bool CsvParser::readQuotedField(CsvField& field, std::vector<Diagnostic>& errors) {
    const std::size_t open = pos_++;
    field.quoted = true;
    while (true) {
        if (pos_ >= text_.size()) {
            errors.push_back({lines_.place(open), "unterminated quoted field: no closing '\"'"});
            return false;
        }
        const char c = text_[pos_++];
        if (c != '"') {
            if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') continue;  // CRLF inside quotes reads as LF
            field.text += c;
        } else if (pos_ < text_.size() && text_[pos_] == '"') {
            field.text += '"';
            ++pos_;
        } else {
            break;
        }
    }
    if (pos_ < text_.size() && text_[pos_] != delimiter_ && !isLineEnd(text_[pos_])) {
        errors.push_back({lines_.place(pos_), "unexpected text after a closing quote: double a quote inside a "
                                              "quoted field (\"\")"});
        skipToLineEnd();
        return false;
    }
    return true;
}

bool CsvParser::next(CsvRecord& record, std::vector<Diagnostic>& errors) {
    while (skipBlankAndComments()) {
        record = CsvRecord{};
        record.place = lines_.place(pos_);
        if (delimiter_ == ' ') {
            readWhitespaceRecord(record);
            return true;
        }
        bool ok = true;
        while (true) {
            CsvField field;
            field.place = lines_.place(pos_);
            if (pos_ < text_.size() && text_[pos_] == '"') {
                if (!readQuotedField(field, errors)) {
                    ok = false;
                    break;
                }
            } else {
                while (pos_ < text_.size() && text_[pos_] != delimiter_ && !isLineEnd(text_[pos_])) {
                    field.text += text_[pos_++];
                }
            }
            record.fields.push_back(std::move(field));
            if (pos_ < text_.size() && text_[pos_] == delimiter_) {
                ++pos_;
                continue;
            }
            if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
            if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
            break;
        }
        if (ok) return true;
    }
    return false;
}

}  // namespace relgraph::interchange
