#include "interchange/neo4j_csv_header.hpp"

#include <filesystem>
#include <fmt/format.h>

#include "relgraph/common/text.hpp"

namespace relgraph::interchange {

namespace {

namespace fs = std::filesystem;

// A header field naming a neo4j column: "[name]:ROLE[(space)]", quotes around it allowed, holding
// neither separator (so "a:ID|b" split on commas is not one).
bool namesNeo4jColumn(std::string_view field) {
    if (field.size() >= 2 && field.front() == '"' && field.back() == '"') field = field.substr(1, field.size() - 2);
    if (field.find_first_of(",|") != std::string_view::npos) return false;
    if (!field.empty() && field.back() == ')') {
        const std::size_t open = field.rfind('(');
        if (open == std::string_view::npos) return false;
        field = field.substr(0, open);
    }
    for (const std::string_view role : {":ID", ":LABEL", ":START_ID", ":END_ID", ":TYPE"}) {
        if (field.ends_with(role)) return true;
    }
    return false;
}

bool anyFieldNamesColumn(std::string_view line, char delimiter) {
    std::size_t start = 0;
    while (true) {
        const std::size_t end = line.find(delimiter, start);
        if (namesNeo4jColumn(line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start))) {
            return true;
        }
        if (end == std::string_view::npos) return false;
        start = end + 1;
    }
}

bool isCsv(const std::string& name) {
    std::string ext = fs::path(name).extension().string();
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return ext == ".csv";
}

}  // namespace

char neo4jHeaderDelimiter(std::string_view line) {
    line = line.substr(0, line.find('\n'));
    if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (anyFieldNamesColumn(line, ',')) return ',';
    if (line.find('|') != std::string_view::npos && anyFieldNamesColumn(line, '|')) return '|';
    return 0;
}

std::optional<std::string> continuationBase(std::string_view file) {
    const fs::path path{std::string(file)};
    const std::string stem = path.stem().string();
    const std::size_t underscore = stem.rfind('_');
    if (underscore == std::string::npos || underscore == 0 || underscore + 1 == stem.size()) return std::nullopt;
    for (std::size_t i = underscore + 1; i < stem.size(); ++i) {
        if (stem[i] < '0' || stem[i] > '9') return std::nullopt;
    }
    return (path.parent_path() / (stem.substr(0, underscore) + path.extension().string())).generic_string();
}

std::string neo4jTypeFromFileName(std::string_view file, std::string_view startSpace, std::string_view endSpace) {
    if (startSpace.empty() || endSpace.empty()) return {};
    std::string stem = fs::path(std::string(file)).stem().string();
    if (const auto base = continuationBase(file)) stem = fs::path(*base).stem().string();
    if (stem.size() < startSpace.size() + endSpace.size() + 3) return {};
    if (!stem.starts_with(startSpace) || stem[startSpace.size()] != '_') return {};
    if (!stem.ends_with(endSpace) || stem[stem.size() - endSpace.size() - 1] != '_') return {};
    return stem.substr(startSpace.size() + 1, stem.size() - startSpace.size() - endSpace.size() - 2);
}

void findNeo4jContinuations(std::vector<InputPath>& inputs, const std::vector<std::string>& firstLines,
                            std::vector<Diagnostic>& errors) {
    const auto folder = [](const std::string& name) { return fs::path(name).parent_path().generic_string(); };
    const auto headed = [&](std::size_t i) {
        return inputs[i].format == Format::Neo4jCsv && neo4jHeaderDelimiter(firstLines[i]) != 0;
    };
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        InputPath& input = inputs[i];
        if (input.format != Format::Neo4jCsv || !isCsv(input.name) || headed(i)) continue;
        const auto base = continuationBase(input.name);
        if (!base) continue;
        bool neo4jFolder = false;
        std::optional<std::size_t> found;
        for (std::size_t j = 0; j < inputs.size(); ++j) {
            if (j == i) continue;
            if (inputs[j].name == *base) found = j;
            if (headed(j) && folder(inputs[j].name) == folder(input.name)) neo4jFolder = true;
        }
        if (!neo4jFolder) continue;  // an edge list among edge lists
        const std::string baseName = fs::path(*base).filename().string();
        if (!found) {
            errors.push_back({Place{input.name, 1, 1, {}},
                              fmt::format("no neo4j header, and \"{}\", whose header this file would continue, is not "
                                          "among the inputs",
                                          text::terminalSafe(baseName))});
        } else if (!headed(*found)) {
            errors.push_back({Place{input.name, 1, 1, {}},
                              fmt::format("no neo4j header, and \"{}\", whose header this file would continue, has no "
                                          "neo4j header either",
                                          text::terminalSafe(baseName))});
        } else {
            input.headerFrom = *base;
        }
    }
}

}  // namespace relgraph::interchange
