#pragma once
// Aligned plain-text tables for the terminal. Cells are untrusted: control characters and
// invalid UTF-8 are neutralized before printing.

#include <string>
#include <vector>

namespace relgraph::format {

class TextTable {
public:
    explicit TextTable(std::vector<std::string> headers);
    void addRow(std::vector<std::string> cells);
    bool empty() const { return rows_.empty(); }
    // Columns padded to their widest cell, two spaces apart, each line indented by `indent`;
    // the last column is not padded.
    std::string render(std::size_t indent = 0) const;

private:
    std::vector<std::string> headers_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace relgraph::format
