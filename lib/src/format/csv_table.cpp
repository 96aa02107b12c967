#include "relgraph/format/csv_table.hpp"

#include "relgraph/common/text.hpp"

namespace relgraph::format {

namespace {
std::string field(const std::string& cell) {
    std::string safe = text::terminalSafe(cell, true);
    if (!safe.empty() && (safe[0] == '=' || safe[0] == '+' || safe[0] == '-' || safe[0] == '@')) safe.insert(0, "'");
    if (safe.find_first_of(",\"\n") == std::string::npos) return safe;
    std::string quoted = "\"";
    for (const char c : safe) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string line(const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i == 0 ? "" : ",") + field(cells[i]);
    return out + "\r\n";
}
}  // namespace

CsvTable::CsvTable(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void CsvTable::addRow(std::vector<std::string> cells) {
    cells.resize(headers_.size());
    rows_.push_back(std::move(cells));
}

std::string CsvTable::render() const {
    std::string out = line(headers_);
    for (const auto& row : rows_) out += line(row);
    return out;
}

}  // namespace relgraph::format
