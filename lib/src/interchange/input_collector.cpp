#include "interchange/input_collector.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "relgraph/common/text.hpp"

namespace relgraph::interchange {

namespace {

namespace fs = std::filesystem;

std::string lowerExtension(const fs::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return ext;
}

// Expands folders and tells each file's format by --from or extension.
class InputCollector {
public:
    InputCollector(std::optional<Format> forced, std::vector<Diagnostic>& errors) : forced_(forced), errors_(errors) {}

    void addPath(const fs::path& path) {
        std::error_code ec;
        if (fs::is_directory(path, ec)) addFolder(path);
        else if (!fs::exists(path, ec)) error(path.generic_string(), "no such file or folder");
        else addFile(path, forced_);
    }

    std::vector<InputPath>& inputs() { return inputs_; }

private:
    void error(const std::string& file, std::string message) {
        errors_.push_back({Place{file, 0, 0, {}}, std::move(message)});
    }

    // A folder with .csv or .tsv files holds neo4j CSV or edge lists (and maybe relgraph JSON
    // beside them, such as the relgraph.json of an export); any other folder holds relgraph JSON.
    void addFolder(const fs::path& folder) {
        std::error_code ec;
        std::vector<fs::path> files;
        auto it = fs::recursive_directory_iterator(folder, ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (!name.empty() && name.front() == '.') {
                if (it->is_directory(ec)) it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file(ec)) files.push_back(it->path());
        }
        if (ec) {
            error(folder.generic_string(), "cannot read folder: " + ec.message());
            return;
        }
        std::sort(files.begin(), files.end(),
                  [](const fs::path& a, const fs::path& b) { return a.generic_string() < b.generic_string(); });
        const bool tables = std::any_of(files.begin(), files.end(), [](const fs::path& p) {
            return lowerExtension(p) == ".csv" || lowerExtension(p) == ".tsv";
        });
        std::size_t added = 0;
        for (const fs::path& file : files) {
            const std::string ext = lowerExtension(file);
            if (ext == ".json" || (tables && (ext == ".csv" || ext == ".tsv"))) {
                addFile(file, std::nullopt);
                ++added;
            }
        }
        if (added == 0) error(folder.generic_string(), "no .json graph files (or .csv and .tsv tables) in this folder");
    }

    void addFile(const fs::path& path, std::optional<Format> forced) {
        const std::string name = path.generic_string();
        const std::optional<Format> format = forced ? forced : formatFromExtension(path);
        if (!format) {
            const std::string ext = path.extension().string();
            error(name, fmt::format("{}: relgraph reads .json (relgraph or node-link), .graphml, .dot, .gv, .csv "
                                    "(neo4j-admin or edge list), .tsv, .txt, .edges and .el files, or any file "
                                    "with --from",
                                    ext.empty() ? std::string("no file extension")
                                                : fmt::format("unsupported file type \"{}\"", text::terminalSafe(ext))));
            return;
        }
        if (!canRead(*format)) {
            error(name, fmt::format("relgraph writes {} but does not read it", formatName(*format)));
            return;
        }
        inputs_.push_back({name, *format, forced.has_value(), {}});
    }

    std::optional<Format> forced_;
    std::vector<Diagnostic>& errors_;
    std::vector<InputPath> inputs_;
};

}  // namespace

std::vector<InputPath> collectInputPaths(const std::vector<std::filesystem::path>& paths,
                                         std::optional<Format> forced, std::vector<Diagnostic>& errors) {
    InputCollector collector(forced, errors);
    for (const auto& path : paths) collector.addPath(path);
    return std::move(collector.inputs());
}

}  // namespace relgraph::interchange
