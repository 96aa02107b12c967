#include "relgraph/interchange/graph_reader.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <fmt/format.h>

#include "interchange/block_reader.hpp"
#include "interchange/dot_reader.hpp"
#include "interchange/edge_list_stream.hpp"
#include "interchange/graph_mapper.hpp"
#include "interchange/graphml_reader.hpp"
#include "interchange/imported_graph_feed.hpp"
#include "interchange/input_collector.hpp"
#include "interchange/metadata_places.hpp"
#include "interchange/neo4j_csv_header.hpp"
#include "interchange/neo4j_csv_stream.hpp"
#include "interchange/node_link_stream.hpp"
#include "interchange/relation_ids.hpp"
#include "interchange/text_position.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/common/text.hpp"
#include "relgraph/load/graph_loader.hpp"
#include "relgraph/store/snapshot.hpp"

namespace relgraph::interchange {

namespace {

namespace fs = std::filesystem;

// One input, as it is read.
struct Input {
    std::string name;
    Format format = Format::EdgeList;
    bool forced = false;        // the format was named (--from)
    std::string headerFrom;     // neo4j CSV: a headerless continuation's base file
    std::string readError;      // not empty: the file cannot be read
    bool relationships = true;  // neo4j CSV: a relationship file (else a node file)
    bool metadataRead = false;  // node-link: its "graph" was read before its nodes (peekNodeLink)
    std::optional<NodeLinkMetadata> metadata;  // node-link: the relgraph metadata of its "graph"
    NodeLinkLinks links;                       // node-link: where the nodes pass found the links
    std::optional<ImportedGraph> whole;        // GraphML, DOT: the graph as its library read it
};

std::vector<Diagnostic> sorted(std::vector<Diagnostic> list) {
    sortByPlace(list);
    return list;
}

std::uint64_t fileSize(const std::string& name) {
    struct stat info {};
    return ::stat(name.c_str(), &info) == 0 && S_ISREG(info.st_mode) ? static_cast<std::uint64_t>(info.st_size) : 0;
}

// --edge-type for this file: by the file as named, then by its name alone.
std::string edgeTypeFor(const std::string& file, const EdgeListOptions& options) {
    for (const std::string& key : {file, fs::path(file).filename().string()}) {
        if (const auto it = options.typeByFile.find(key); it != options.typeByFile.end()) return it->second;
    }
    return options.edgeType;
}

Neo4jStreamSource neo4jSource(const Input& input, const EdgeListOptions& options) {
    const bool named =
        options.typeByFile.contains(input.name) || options.typeByFile.contains(fs::path(input.name).filename().string());
    return {edgeTypeFor(input.name, options), !named, input.headerFrom};
}

EdgeListStreamOptions edgeListOptions(const std::string& file, const EdgeListOptions& options) {
    return {edgeTypeFor(file, options), options.nodeKind, options.header};
}

// The first line of a file, or its read error.
std::string firstLineOf(const std::string& file, std::string& error) {
    std::vector<Diagnostic> ignored;
    RecordReader sniff(file, ignored, 64 * 1024);
    return sniff.open(error) ? std::string(sniff.firstLine()) : std::string();
}

// Calls the caller's progress with running totals.
class ProgressReport {
public:
    ProgressReport(const std::function<void(const LoadProgress&)>& callback, std::uint64_t total)
        : callback_(callback), total_(total) {
        progress_.bytesTotal = total;
    }

    void track(const store::StoreBuilder* builder) { builder_ = builder; }

    void add(std::uint64_t bytes) {
        progress_.bytesRead += bytes;
        if (progress_.bytesRead > progress_.bytesTotal) progress_.bytesTotal = progress_.bytesRead;
        if (!callback_) return;
        if (builder_) {
            progress_.entities = builder_->entityCount();
            progress_.relations = builder_->relationCount();
        }
        callback_(progress_);
    }

    // The inputs are read once more.
    void again() { progress_.bytesTotal = progress_.bytesRead + total_; }

    // The last report: everything read.
    void finish(std::size_t entities, std::size_t relations) {
        progress_.bytesTotal = progress_.bytesRead = std::max(progress_.bytesRead, progress_.bytesTotal);
        progress_.entities = entities;
        progress_.relations = relations;
        if (callback_) callback_(progress_);
    }

private:
    const std::function<void(const LoadProgress&)>& callback_;
    const store::StoreBuilder* builder_ = nullptr;
    std::uint64_t total_;
    LoadProgress progress_;
};

// What each input is, from its first records (and, for GraphML and DOT, what its library reads).
std::vector<Input> classify(std::vector<InputPath>& paths, std::vector<Diagnostic>& errors,
                            std::vector<Diagnostic>& notes) {
    // Headerless neo4j CSV continuations, told by every .csv file's first line.
    std::vector<std::string> firstLines;
    for (const InputPath& path : paths) {
        std::string error;
        firstLines.push_back(path.format == Format::Neo4jCsv ? firstLineOf(path.name, error) : std::string());
    }
    findNeo4jContinuations(paths, firstLines, errors);

    std::vector<Input> inputs;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const InputPath& path = paths[i];
        Input input;
        input.name = path.name;
        input.format = path.format;
        input.forced = path.forced;
        input.headerFrom = path.headerFrom;
        switch (path.format) {
            case Format::RelgraphJson:
            case Format::NodeLink: {
                if (path.format == Format::RelgraphJson && path.forced) break;
                // A .json file is node-link when it has a top-level "nodes" (its nodes pass makes sure).
                std::string error;
                const NodeLinkStart start = peekNodeLink(path.name, false, error);
                if (!error.empty()) {
                    input.readError = error;
                } else if (start.nodeLink() || path.format == Format::NodeLink) {
                    input.format = Format::NodeLink;
                    input.metadata = start.metadata;
                    input.metadataRead = start.graphRead;
                }
                break;
            }
            case Format::Neo4jCsv:
                if (!path.forced && path.headerFrom.empty()) {
                    std::string error;
                    const std::string line = firstLineOf(path.name, error);
                    if (!error.empty()) {
                        input.readError = error;
                        break;
                    }
                    if (neo4jHeaderDelimiter(line) == 0) input.format = Format::EdgeList;
                }
                if (input.format == Format::Neo4jCsv) {
                    input.relationships = peekNeo4jCsvColumns(path.name, path.headerFrom).relationships;
                }
                break;
            case Format::GraphMl:
            case Format::Dot: {
                std::string error;
                std::optional<std::string> text = readTextFile(path.name, error);
                if (!text) {
                    input.readError = error;
                    break;
                }
                if (const auto bad = text::invalidUtf8Offset(*text)) {
                    errors.push_back({LineIndex(path.name, *text).place(*bad), "invalid UTF-8"});
                    break;
                }
                ReadReport report;
                input.whole = path.format == Format::GraphMl ? readGraphMl(path.name, std::move(*text), report)
                                                             : readDot(path.name, *text, report);
                for (Diagnostic& d : report.errors) errors.push_back(std::move(d));
                for (Diagnostic& d : report.notes) notes.push_back(std::move(d));
                break;
            }
            case Format::EdgeList:
            case Format::Cypher: break;
        }
        inputs.push_back(std::move(input));
    }
    return inputs;
}

// Whether the inputs give relations ids of their own (an "id" column or property, a GraphML edge
// id): then every relation gets one, as the mapper makes them.
bool inputsGiveRelationIds(const std::vector<Input>& inputs, const ReadOptions& options) {
    for (const Input& input : inputs) {
        if (!input.readError.empty()) continue;
        if (input.format == Format::Neo4jCsv && input.relationships &&
            peekNeo4jCsvColumns(input.name, input.headerFrom).ids) {
            return true;
        }
        if (input.format == Format::EdgeList && edgeListHasIds(input.name, edgeListOptions(input.name, options.edgeList))) {
            return true;
        }
        if (input.whole) {
            for (const ImportedEdge& edge : input.whole->edges) {
                if (!edge.id.empty()) return true;
                for (const Property& p : edge.properties) {
                    if (p.name == "id" && !isAbsent(p.value)) return true;
                }
            }
        }
    }
    return false;
}

}  // namespace

ImportResult readGraph(const std::vector<std::filesystem::path>& paths, const ReadOptions& options) {
    // A snapshot is the store itself: mapped, not read (and never merged with other inputs).
    for (const fs::path& path : paths) {
        if (!store::isSnapshotFile(path)) continue;
        if (paths.size() == 1) return ImportResult{store::openSnapshot(path), {}};
        throw LoadError({{Place{path.generic_string(), 0, 0, {}},
                          "a snapshot opens alone: load it with the other inputs' own files into a new one"}});
    }
    std::vector<Diagnostic> readErrors, readNotes;
    std::vector<InputPath> collected = collectInputPaths(paths, options.format, readErrors);
    std::vector<Input> inputs = classify(collected, readErrors, readNotes);

    std::uint64_t total = 0;
    for (const Input& input : inputs) total += fileSize(input.name) * (input.format == Format::RelgraphJson ? 2 : 1);
    ProgressReport report(options.onProgress, total);
    const std::function<void(std::uint64_t)> onBytes = [&](std::uint64_t bytes) { report.add(bytes); };

    bool explicitIds = inputsGiveRelationIds(inputs, options);
    // Read again from the start when an input turns out to be other than its start told (a .json
    // file that is not node-link after all, node-link metadata after the nodes) or when the ids the
    // store would make for relations are not unique.
    while (true) {
        report.track(nullptr);  // the builder of an earlier round is gone
        // relgraph JSON files, and the metadata of foreign files, are the loader's, in input order.
        load::GraphLoader loader;
        loader.onBytes(onBytes);
        MetadataPlaces metadataPlaces;
        bool loading = false, relgraphFiles = false;
        for (const Input& input : inputs) {
            if (input.format == Format::RelgraphJson) {
                loader.addFile(input.name);
                loading = relgraphFiles = true;
                continue;
            }
            const std::string* text = input.whole && !input.whole->metadata.empty() ? &input.whole->metadata
                                      : input.metadata                               ? &input.metadata->text
                                                                                     : nullptr;
            if (!text) continue;
            const std::string name = MetadataPlaces::nameFor(input.name);
            loader.addText(name, *text);
            metadataPlaces.add(name, input.whole ? input.whole->metadataPlace : input.metadata->place);
            loading = true;
        }
        const model::Schema none;
        const model::Schema& declared = loading ? loader.readSchemas() : none;
        // Relations of relgraph JSON have ids, so the others get theirs too.
        explicitIds = explicitIds || relgraphFiles;

        store::StoreBuilder builder;
        report.track(&builder);
        GraphMapper mapper(builder, declared, explicitIds, relgraphFiles);
        for (const Diagnostic& d : readErrors) mapper.problem(Stage::Read, d.place, d.message);
        for (const Input& input : inputs) {
            if (!input.readError.empty() && input.format != Format::RelgraphJson) {
                mapper.problem(Stage::Read, Place{input.name, 0, 0, {}}, "cannot read file: " + input.readError);
            }
        }

        // Every input's nodes first, then every input's edges.
        bool again = false;
        for (Input& input : inputs) {
            if (mapper.full()) break;
            if (!input.readError.empty()) continue;
            if (input.format == Format::Neo4jCsv && !input.relationships) {
                streamNeo4jCsv(input.name, neo4jSource(input, options.edgeList), mapper, onBytes);
            } else if (input.format == Format::NodeLink) {
                const NodeLinkNodes outcome =
                    streamNodeLinkNodes(input.name, input.forced, input.metadataRead, mapper, input.links, onBytes);
                if (outcome == NodeLinkNodes::NotNodeLink) {
                    input.format = Format::RelgraphJson;
                    again = true;
                } else if (outcome == NodeLinkNodes::LateMetadata) {
                    std::string error;
                    input.metadata = peekNodeLink(input.name, true, error).metadata;
                    input.metadataRead = true;
                    again = true;
                }
                if (again) break;
            } else if (input.whole) {
                mapImportedNodes(*input.whole, mapper);
            }
        }
        if (again) {
            report.again();
            continue;
        }
        explicitIds = mapper.explicitRelationIds();  // a node-link file may have given some
        mapper.finishNodes();
        for (const Input& input : inputs) {
            if (mapper.full()) break;
            if (!input.readError.empty()) continue;
            switch (input.format) {
                case Format::NodeLink: streamNodeLinkLinks(input.name, input.links, mapper, onBytes); break;
                case Format::Neo4jCsv:
                    if (input.relationships) streamNeo4jCsv(input.name, neo4jSource(input, options.edgeList), mapper, onBytes);
                    break;
                case Format::EdgeList:
                    streamEdgeList(input.name, edgeListOptions(input.name, options.edgeList), mapper, onBytes);
                    break;
                case Format::GraphMl:
                case Format::Dot:
                    if (input.whole) mapImportedEdges(*input.whole, mapper);
                    break;
                case Format::RelgraphJson:
                case Format::Cypher: break;
            }
        }
        mapper.checkAliases();
        mapper.finish();
        if (const auto stage = mapper.failedStage(); stage && *stage != Stage::Validate) {
            throw LoadError(mapper.takeProblems());
        }
        std::vector<Diagnostic> problems = mapper.takeProblems();
        // The checks of the whole graph, when it has what they find problems in: records of relgraph
        // JSON, claims or relations of declared types from foreign files (those with origins).
        // relgraph JSON's records are counted once validated, at the end.
        report.track(nullptr);
        if (loading) loader.readRecords(builder);
        if (loading || mapper.keptOrigins()) {
            loader.checkGraph(builder, [&](store::StoreBuilder::Origin origin, const std::string& member) {
                return mapper.placeOf(origin, member);
            });
            for (Diagnostic& d : metadataPlaces.map(loader.takeProblems())) problems.push_back(std::move(d));
        }
        if (!problems.empty()) throw LoadError(sorted(std::move(problems)));

        std::vector<Diagnostic> notes = readNotes;
        for (Diagnostic& d : mapper.takeNotes()) notes.push_back(std::move(d));
        ImportResult result{builder.freeze(), sorted(std::move(notes))};
        if (!explicitIds && !generatedIdsAreUnique(result.graph)) {
            explicitIds = true;
            report.again();
            continue;
        }
        report.finish(result.graph.entityCount(), result.graph.relationCount());
        return result;
    }
}

}  // namespace relgraph::interchange
