#pragma once
// CSV (RFC 4180) for spreadsheets and scripts: a header row, then one row per record, lines ending
// in CRLF; a field is quoted when it holds a comma, a quote or a line break, quotes doubled.
// Cells are untrusted: they are made terminal-safe as in tables (line breaks kept), and a cell
// that starts with =, +, -, @ gets a leading ' so that spreadsheets show it instead of running it
// as a formula.

#include <string>
#include <vector>

namespace relgraph::format {

class CsvTable {
public:
    explicit CsvTable(std::vector<std::string> headers);
    void addRow(std::vector<std::string> cells);
    std::string render() const;

private:
    std::vector<std::string> headers_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace relgraph::format
