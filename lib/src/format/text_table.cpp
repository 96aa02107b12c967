#include "relgraph/format/text_table.hpp"

#include <algorithm>

#include "relgraph/common/text.hpp"

namespace relgraph::format {

TextTable::TextTable(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void TextTable::addRow(std::vector<std::string> cells) {
    cells.resize(headers_.size());
    for (std::string& cell : cells) cell = text::terminalSafe(cell);
    rows_.push_back(std::move(cells));
}

std::string TextTable::render(std::size_t indent) const {
    std::vector<std::size_t> widths(headers_.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], text::displayWidth(row[i]));
    };
    measure(headers_);
    for (const auto& row : rows_) measure(row);
    std::string out;
    auto line = [&](const std::vector<std::string>& row) {
        std::string l(indent, ' ');
        for (std::size_t i = 0; i < row.size(); ++i) {
            l += row[i];
            if (i + 1 < row.size()) l += std::string(widths[i] - text::displayWidth(row[i]) + 2, ' ');
        }
        while (!l.empty() && l.back() == ' ') l.pop_back();
        out += l + '\n';
    };
    line(headers_);
    for (const auto& row : rows_) line(row);
    return out;
}

}  // namespace relgraph::format
