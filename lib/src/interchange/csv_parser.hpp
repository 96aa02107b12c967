#pragma once
// Splits delimited text into records (RFC 4180 quoting: a field in double quotes may hold the
// delimiter, newlines and doubled quotes), remembering where every field starts.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "interchange/text_position.hpp"

namespace relgraph::interchange {

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
    CsvParser(const LineIndex& lines, std::string_view text, char delimiter, char commentPrefix = 0);

    // The next record; false at the end. A malformed record (an unterminated quote, text after a
    // closing quote) is appended to `errors` and skipped.
    bool next(CsvRecord& record, std::vector<Diagnostic>& errors);

private:
    bool skipBlankAndComments();
    void readWhitespaceRecord(CsvRecord& record);
    bool readQuotedField(CsvField& field, std::vector<Diagnostic>& errors);
    void skipToLineEnd();

    const LineIndex& lines_;
    std::string_view text_;
    char delimiter_;
    char commentPrefix_;
    std::size_t pos_ = 0;
};

}  // namespace relgraph::interchange
