#include "relgraph/interchange/graph_reader.hpp"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>
#include <map>

#include "interchange/declared_schema.hpp"
#include "interchange/dot_reader.hpp"
#include "interchange/edge_list_reader.hpp"
#include "interchange/graph_mapper.hpp"
#include "interchange/input_collector.hpp"
#include "interchange/graphml_reader.hpp"
#include "interchange/neo4j_csv_header.hpp"
#include "interchange/neo4j_csv_reader.hpp"
#include "interchange/node_link_reader.hpp"
#include "interchange/text_position.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/common/text.hpp"
#include "relgraph/load/graph_loader.hpp"

namespace relgraph::interchange {

namespace {

namespace fs = std::filesystem;

// The loader's name for the document generated from foreign files.
constexpr char kGeneratedName[] = "<imported graph>";

struct Input {
    std::string name;
    Format format;
    std::string text;        // none for relgraph JSON, which the loader reads a block at a time
    std::string headerFrom;  // a headerless neo4j CSV continuation: the input whose header it takes
};

std::vector<Diagnostic> sorted(std::vector<Diagnostic> list) {
    std::stable_sort(list.begin(), list.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.place.file != b.place.file) return a.place.file < b.place.file;
        if (a.place.line != b.place.line) return a.place.line < b.place.line;
        return a.place.column < b.place.column;
    });
    return list;
}

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

// Every input read whole, its format told by its content too; but relgraph JSON, which the loader
// reads from the file.
std::vector<Input> readInputs(const std::vector<fs::path>& paths, std::optional<Format> forced,
                              std::vector<Diagnostic>& errors) {
    std::vector<InputPath> paths_ = collectInputPaths(paths, forced, errors);
    std::vector<std::optional<std::string>> texts;
    std::vector<std::string> firstLines;
    for (const InputPath& path : paths_) {
        if (path.format == Format::RelgraphJson && (path.forced || !isNodeLinkFile(path.name))) {
            texts.emplace_back(std::string());
            firstLines.emplace_back();
            continue;
        }
        std::string message;
        texts.push_back(readTextFile(path.name, message));
        if (!texts.back()) errors.push_back({Place{path.name, 0, 0, {}}, "cannot read file: " + message});
        firstLines.emplace_back(texts.back() ? firstLineOf(*texts.back()) : std::string_view());
    }
    findNeo4jContinuations(paths_, firstLines, errors);
    std::vector<Input> inputs;
    for (std::size_t i = 0; i < paths_.size(); ++i) {
        if (!texts[i]) continue;
        const Format format = contentFormat(paths_[i], *texts[i]);
        inputs.push_back({paths_[i].name, format, std::move(*texts[i]), paths_[i].headerFrom});
    }
    return inputs;
}

std::string edgeTypeFor(const std::string& file, const EdgeListOptions& options) {
    for (const std::string& key : {file, fs::path(file).filename().string()}) {
        if (const auto it = options.typeByFile.find(key); it != options.typeByFile.end()) return it->second;
    }
    return options.edgeType;
}

// Whether --edge-type names this file (then its name does not type its relationships).
bool edgeTypeNamesFile(const std::string& file, const EdgeListOptions& options) {
    return options.typeByFile.contains(file) || options.typeByFile.contains(fs::path(file).filename().string());
}

ImportedGraph readForeign(Input& input, const std::vector<Input>& inputs, const EdgeListOptions& options,
                          ReadReport& report) {
    switch (input.format) {
        case Format::NodeLink: return readNodeLink(input.name, std::move(input.text), report);
        case Format::GraphMl: return readGraphMl(input.name, std::move(input.text), report);
        case Format::Dot: return readDot(input.name, input.text, report);
        case Format::Neo4jCsv: {
            Neo4jCsvSource source{edgeTypeFor(input.name, options), !edgeTypeNamesFile(input.name, options), {}, {}};
            if (!input.headerFrom.empty()) {
                const auto base = std::find_if(inputs.begin(), inputs.end(),
                                               [&](const Input& i) { return i.name == input.headerFrom; });
                if (base == inputs.end()) {  // unreadable: reported
                    ImportedGraph unread;
                    unread.file = input.name;
                    return unread;
                }
                source.headerFile = base->name;
                source.headerText = base->text;
            }
            return readNeo4jCsv(input.name, input.text, source, report);
        }
        case Format::EdgeList:
            return readEdgeList(input.name, input.text,
                                EdgeListMapping{edgeTypeFor(input.name, options), options.nodeKind, options.header},
                                report);
        case Format::RelgraphJson:
        case Format::Cypher: break;
    }
    RELGRAPH_ASSERT(false);
    return {};
}

// Places in the documents given to the loader under internal names, put back into the user's files.
class PlaceMapper {
public:
    void addGenerated(OriginMap origins) { generated_ = std::move(origins); }
    void addMetadata(std::string name, Place place) { metadata_.emplace(std::move(name), std::move(place)); }

    Place map(const Place& place) const {
        if (place.file == kGeneratedName && generated_) {
            if (auto origin = generated_->find(place.pointer)) return *origin;
        }
        if (const auto it = metadata_.find(place.file); it != metadata_.end()) {
            Place out = it->second;
            out.pointer += place.pointer;
            return out;
        }
        return place;
    }

    // Messages name other places ("first at <imported graph>:1:80 (/entities/3)"): those too.
    std::string mapMessage(std::string message) const {
        std::vector<std::string> names{kGeneratedName};
        for (const auto& [name, place] : metadata_) names.push_back(name);
        for (const std::string& name : names) {
            std::size_t at = 0;
            while ((at = message.find(name, at)) != std::string::npos) {
                Place place{name, 0, 0, {}};
                std::size_t end = at + name.size();
                std::size_t line = 0, column = 0;
                int used = 0;
                if (std::sscanf(message.c_str() + end, ":%zu:%zu%n", &line, &column, &used) == 2) {
                    end += static_cast<std::size_t>(used);
                    place.line = line;
                    place.column = column;
                }
                if (message.compare(end, 2, " (") == 0) {
                    const std::size_t close = message.find(')', end);
                    if (close != std::string::npos) {
                        place.pointer = message.substr(end + 2, close - end - 2);
                        end = close + 1;
                    }
                }
                const std::string replacement = map(place).toString();
                message.replace(at, end - at, replacement);
                at += replacement.size();
            }
        }
        return message;
    }

    std::vector<Diagnostic> map(const std::vector<Diagnostic>& diagnostics) const {
        std::vector<Diagnostic> out;
        for (const Diagnostic& d : diagnostics) out.push_back({map(d.place), mapMessage(d.message)});
        return sorted(std::move(out));
    }

private:
    std::optional<OriginMap> generated_;
    std::map<std::string, Place> metadata_;
};

// The loader's store, its problems placed in the user's files.
store::GraphStore loadPlaced(load::GraphLoader& loader, const PlaceMapper& places) {
    try {
        return loader.load();
    } catch (const LoadError& e) {
        throw LoadError(places.map(e.diagnostics()));
    }
}

}  // namespace

std::vector<InputPath> collectInputPaths(const std::vector<std::filesystem::path>& paths,
                                         std::optional<Format> forced, std::vector<Diagnostic>& errors) {
    InputCollector collector(forced, errors);
    for (const auto& path : paths) collector.addPath(path);
    return std::move(collector.inputs());
}

Format contentFormat(const InputPath& input, std::string_view text) {
    if (!input.headerFrom.empty()) return Format::Neo4jCsv;
    if (input.forced) return input.format;
    if (input.format == Format::RelgraphJson && isNodeLinkJson(text)) return Format::NodeLink;
    if (input.format == Format::Neo4jCsv && !hasNeo4jHeader(text)) return Format::EdgeList;
    return input.format;
}

ImportResult readGraph(const std::vector<std::filesystem::path>& paths, const ReadOptions& options) {
    ReadReport report;
    std::vector<Input> inputs = readInputs(paths, options.format, report.errors);

    DeclaredSchema declared;
    load::GraphLoader loader;
    loader.onBytes(options.onBytes);
    PlaceMapper places;
    std::vector<ImportedGraph> graphs;
    // What relgraph JSON declares matters only to mapping other formats: the files are read for it
    // only then.
    std::vector<std::string> declaringFiles;
    for (Input& input : inputs) {
        if (input.format == Format::RelgraphJson) {
            declaringFiles.push_back(input.name);
            loader.addFile(input.name);
            continue;
        }
        if (const auto bad = text::invalidUtf8Offset(input.text)) {
            report.errors.push_back({LineIndex(input.name, input.text).place(*bad), "invalid UTF-8"});
            continue;
        }
        ImportedGraph graph = readForeign(input, inputs, options.edgeList, report);
        if (!graph.metadata.empty()) {
            const std::string name = graph.file + " (relgraph metadata)";
            declared.addDocument(graph.metadata);
            loader.addText(name, graph.metadata);
            places.addMetadata(name, graph.metadataPlace);
        }
        graphs.push_back(std::move(graph));
    }
    if (!report.errors.empty()) throw LoadError(sorted(std::move(report.errors)));
    if (!graphs.empty()) {
        for (const std::string& file : declaringFiles) declared.addFile(file);
        MappedDocument mapped = mapGraphs(graphs, declared, report);
        if (!report.errors.empty()) throw LoadError(sorted(std::move(report.errors)));
        mapped.origins.add("", Place{graphs.front().file, 0, 0, {}});
        loader.addText(kGeneratedName, std::move(mapped.text));
        places.addGenerated(std::move(mapped.origins));
    }
    return ImportResult{loadPlaced(loader, places), sorted(std::move(report.notes))};
}

}  // namespace relgraph::interchange
