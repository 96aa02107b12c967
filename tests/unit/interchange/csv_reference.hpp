#pragma once
// A whole-text splitter of delimited records (RFC 4180 quoting: a field in double quotes may hold
// the delimiter, newlines and doubled quotes; comments; runs of spaces), written plainly over one
// string, for the tests to check the block reader (interchange/block_reader.hpp) against: whatever
// its blocks, the block reader must split every text as this does.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "interchange/text_position.hpp"

namespace relgraph::testing {

using interchange::LineIndex;

struct CsvField {
    std::string text;
    Place place;
    bool quoted = false;
};

struct CsvRecord {
    std::vector<CsvField> fields;
    Place place;  // where the record starts
};

class CsvParser {
public:
    // `delimiter` is ',', '\t', '|' …, or ' ' for runs of spaces and tabs (no quoting then).
    // Lines starting with `commentPrefix` (when not 0) are skipped, as are empty lines.
    CsvParser(const LineIndex& lines, std::string_view text, char delimiter, char commentPrefix = 0)
        : lines_(lines), text_(text), delimiter_(delimiter), commentPrefix_(commentPrefix) {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // a UTF-8 byte order mark
    }

    // The next record; false at the end. A malformed record (an unterminated quote, text after a
    // closing quote) is appended to `errors` and skipped.
    bool next(CsvRecord& record, std::vector<Diagnostic>& errors) {
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

private:
    void skipToLineEnd() {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
        if (pos_ < text_.size()) ++pos_;
    }

    bool skipBlankAndComments() {
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

    void readWhitespaceRecord(CsvRecord& record) {
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

    bool readQuotedField(CsvField& field, std::vector<Diagnostic>& errors) {
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

    static bool isLineEnd(char c) { return c == '\n' || c == '\r'; }

    const LineIndex& lines_;
    std::string_view text_;
    char delimiter_;
    char commentPrefix_;
    std::size_t pos_ = 0;
};

}  // namespace relgraph::testing
