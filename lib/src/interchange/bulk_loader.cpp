#include "relgraph/interchange/bulk_loader.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>

#include "interchange/block_reader.hpp"
#include "interchange/bulk_mapper.hpp"
#include "interchange/edge_list_stream.hpp"
#include "interchange/input_collector.hpp"
#include "interchange/neo4j_csv_header.hpp"
#include "interchange/neo4j_csv_stream.hpp"
#include "interchange/node_link_stream.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/common/text.hpp"
#include "relgraph/store/store_builder.hpp"

namespace relgraph::interchange {

namespace {

namespace fs = std::filesystem;

// One input as the streams read it.
struct StreamInput {
    std::string name;
    Format format = Format::EdgeList;
    bool relationships = true;  // neo4j CSV: a relationship file (else a node file)
    std::string readError;      // not empty: the file cannot be read
    std::string headerFrom;     // neo4j CSV: a headerless continuation's base file
    bool forced = false;        // node-link: named so by --from (else a .json file with "nodes")
    NodeLinkLinks links;        // node-link: where the first pass found the links
};

std::uint64_t fileSize(const std::string& name) {
    struct stat info {};
    return ::stat(name.c_str(), &info) == 0 && S_ISREG(info.st_mode) ? static_cast<std::uint64_t>(info.st_size) : 0;
}

// --edge-type for this file (graph_reader's rule): by the file as named, then by its name alone.
std::string edgeTypeFor(const std::string& file, const EdgeListOptions& options) {
    for (const std::string& key : {file, fs::path(file).filename().string()}) {
        if (const auto it = options.typeByFile.find(key); it != options.typeByFile.end()) return it->second;
    }
    return options.edgeType;
}

Neo4jStreamSource neo4jSource(const StreamInput& input, const ReadOptions& options) {
    const auto& byFile = options.edgeList.typeByFile;
    const bool named = byFile.contains(input.name) || byFile.contains(fs::path(input.name).filename().string());
    return {edgeTypeFor(input.name, options.edgeList), !named, input.headerFrom};
}

EdgeListStreamOptions edgeListOptions(const std::string& file, const ReadOptions& options, bool canonicalValues) {
    return {edgeTypeFor(file, options.edgeList), options.edgeList.nodeKind, options.edgeList.header, canonicalValues};
}

// Calls the caller's progress with running totals.
class ProgressReport {
public:
    ProgressReport(const std::function<void(const LoadProgress&)>& callback, const store::StoreBuilder* builder,
                   std::uint64_t total)
        : callback_(callback), builder_(builder) {
        progress_.bytesTotal = total;
    }

    void add(std::uint64_t bytes) {
        progress_.bytesRead += bytes;
        if (progress_.bytesRead > progress_.bytesTotal) progress_.bytesTotal = progress_.bytesRead;
        report();
    }

    // The inputs are read once more.
    void again(std::uint64_t bytes) { progress_.bytesTotal = progress_.bytesRead + bytes; }

    // The last report: everything read.
    void finish(std::size_t entities, std::size_t relations) {
        progress_.bytesTotal = progress_.bytesRead = std::max(progress_.bytesRead, progress_.bytesTotal);
        progress_.entities = entities;
        progress_.relations = relations;
        if (callback_) callback_(progress_);
    }

private:
    void report() {
        if (!callback_) return;
        if (builder_) {
            progress_.entities = builder_->entityCount();
            progress_.relations = builder_->relationCount();
        }
        callback_(progress_);
    }

    const std::function<void(const LoadProgress&)>& callback_;
    const store::StoreBuilder* builder_;
    LoadProgress progress_;
};

// The ids GraphStore::relationId makes ("<from>-<type>-<to>", "-2" … for parallel relations) are
// those graph_mapper makes (each the first of those candidates no earlier relation has) exactly when
// no two are the same. They can only be when an entity id or a type holds a '-' (so that the parts
// no longer tell where they end) or when "<from>-<type>-<to>" is cut short: only such relations'
// ids are made, each checked against the others' (by hash, then by text) and against the relation
// of plain parts it reads as.
bool generatedIdsAreUnique(const store::GraphStore& g) {
    if (!g.columns().relationId.empty() || g.relationCount() == 0) return true;
    const auto dashed = [](std::string_view id) { return id.find('-') != std::string_view::npos; };
    std::vector<std::uint8_t> entityLength(g.entityCount()), entityDashed(g.entityCount());
    for (Row v = 0; v < g.entityCount(); ++v) {
        const std::string_view id = g.entity(v).id();
        entityLength[v] = static_cast<std::uint8_t>(std::min<std::size_t>(id.size(), 255));
        entityDashed[v] = dashed(id);
    }
    std::vector<std::size_t> typeLength(g.typeCount());
    std::vector<std::uint8_t> typeDashed(g.typeCount());
    for (std::size_t t = 0; t < g.typeCount(); ++t) {
        typeLength[t] = g.type(t).name.size();
        typeDashed[t] = dashed(g.type(t).name);
    }
    const std::size_t longestId = *std::max_element(entityLength.begin(), entityLength.end());
    const std::size_t longestType = *std::max_element(typeLength.begin(), typeLength.end());
    if (std::none_of(entityDashed.begin(), entityDashed.end(), [](std::uint8_t d) { return d != 0; }) &&
        std::none_of(typeDashed.begin(), typeDashed.end(), [](std::uint8_t d) { return d != 0; }) &&
        2 * longestId + longestType + 2 <= 90) {
        return true;  // every relation's parts are plain
    }
    const auto special = [&](Row r) {
        const Row a = g.from(r), b = g.to(r);
        const std::size_t t = g.typeIndexOf(r);
        return entityDashed[a] || entityDashed[b] || typeDashed[t] ||
               entityLength[a] + entityLength[b] + typeLength[t] + 2 > 90;
    };
    const auto idOf = [&](Row r, std::uint32_t repeat) {
        const std::string base = text::toIdentifier(
            fmt::format("{}-{}-{}", g.entity(g.from(r)).id(), g.typeOf(r).name, g.entity(g.to(r)).id()), '-',
            "relation");
        return repeat == 1 ? base : fmt::format("{}-{}", base, repeat);
    };
    // A relation of plain parts whose id is `id`.
    const auto plainRelationHas = [&](const std::string& id) {
        std::vector<std::string_view> parts;
        for (std::size_t start = 0;;) {
            const std::size_t end = id.find('-', start);
            parts.push_back(std::string_view(id).substr(start, end == std::string::npos ? std::string::npos : end - start));
            if (end == std::string::npos) break;
            start = end + 1;
        }
        std::uint64_t repeat = 1;
        if (parts.size() == 4) {
            const std::string_view k = parts[3];
            if (k.empty() || k.size() > 9 || k.front() == '0' ||
                !std::all_of(k.begin(), k.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                return false;
            }
            repeat = std::stoull(std::string(k));
            if (repeat < 2) return false;
        } else if (parts.size() != 3) {
            return false;
        }
        if (parts[0].size() + parts[1].size() + parts[2].size() + 2 > 90) return false;
        const auto from = g.findEntityById(parts[0]);
        const auto to = g.findEntityById(parts[2]);
        const auto type = g.findType(parts[1]);
        if (!from || !to || !type) return false;
        std::uint64_t count = 0;
        for (const Row r : g.outRelations(*from)) {
            if (g.to(r) == *to && g.typeIndexOf(r) == *type) ++count;
        }
        return count >= repeat;
    };

    struct Made {
        std::size_t hash;
        Row relation;
        std::uint32_t repeat;
        bool operator<(const Made& other) const { return hash < other.hash; }
    };
    std::vector<Made> made;
    std::unordered_map<std::uint64_t, std::uint32_t> repeats;  // (to, type) of one entity's relations
    for (Row v = 0; v < g.entityCount(); ++v) {
        repeats.clear();
        for (const Row r : g.outRelations(v)) {
            if (!special(r)) continue;
            const std::uint32_t repeat = ++repeats[(std::uint64_t{g.to(r)} << 16) | g.typeIndexOf(r)];
            const std::string id = idOf(r, repeat);
            if (plainRelationHas(id)) return false;
            made.push_back({std::hash<std::string>{}(id), r, repeat});
        }
    }
    std::sort(made.begin(), made.end());
    for (std::size_t i = 1; i < made.size(); ++i) {
        if (made[i].hash != made[i - 1].hash) continue;
        for (std::size_t j = i; j > 0 && made[j - 1].hash == made[i].hash; --j) {
            if (idOf(made[j - 1].relation, made[j - 1].repeat) == idOf(made[i].relation, made[i].repeat)) return false;
        }
    }
    return true;
}

// Inputs with claims and sources: read and validated as records into the store. Progress
// follows the relgraph JSON files, which are read twice, a block at a time; other inputs count once
// they are read.
BulkResult loadThroughReadGraph(const std::vector<fs::path>& paths, const ReadOptions& options,
                                const std::vector<InputPath>& inputs,
                                const std::function<void(const LoadProgress&)>& progress) {
    std::uint64_t total = 0;
    for (const InputPath& input : inputs) {
        total += fileSize(input.name) * (input.format == Format::RelgraphJson ? 2 : 1);
    }
    ProgressReport report(progress, nullptr, total);
    ReadOptions told = options;
    told.onBytes = [&](std::uint64_t bytes) { report.add(bytes); };
    ImportResult imported = readGraph(paths, told);
    BulkResult result{std::move(imported.graph), std::move(imported.notes), false};
    report.finish(result.graph.entityCount(), result.graph.relationCount());
    return result;
}

}  // namespace

BulkResult loadBulk(const std::vector<std::filesystem::path>& paths, const ReadOptions& options,
                    const std::function<void(const LoadProgress&)>& progress) {
    std::vector<Diagnostic> collectionErrors;
    std::vector<InputPath> collected = collectInputPaths(paths, options.format, collectionErrors);
    {
        // Headerless neo4j CSV continuations, told by every .csv file's first line.
        std::vector<std::string> firstLines;
        for (const InputPath& path : collected) {
            std::string line;
            if (path.format == Format::Neo4jCsv) {
                std::vector<Diagnostic> ignored;
                std::string error;
                RecordReader sniff(path.name, ignored, 64 * 1024);
                if (sniff.open(error)) line = sniff.firstLine();
            }
            firstLines.push_back(std::move(line));
        }
        findNeo4jContinuations(collected, firstLines, collectionErrors);
    }

    // What each input is, from its first records: any input the streams do not read (or a column
    // of claims, which they do not read) sends the whole load through readGraph.
    std::vector<StreamInput> inputs;
    bool explicitRelationIds = false;
    for (const InputPath& path : collected) {
        StreamInput input{path.name, path.format, true, {}, path.headerFrom, path.forced, {}};
        if (path.format == Format::NodeLink || (path.format == Format::RelgraphJson && !path.forced)) {
            // A .json file is node-link when it has a top-level "nodes" (the first pass makes sure).
            if (path.format == Format::RelgraphJson && !peekNodeLink(path.name, input.readError) &&
                input.readError.empty()) {
                return loadThroughReadGraph(paths, options, collected, progress);
            }
            input.format = Format::NodeLink;
            inputs.push_back(std::move(input));
            continue;
        }
        if (path.format != Format::EdgeList && path.format != Format::Neo4jCsv) {
            return loadThroughReadGraph(paths, options, collected, progress);
        }
        if (path.format == Format::Neo4jCsv && !path.forced) {
            std::vector<Diagnostic> ignored;
            RecordReader sniff(path.name, ignored, 64 * 1024);
            if (!sniff.open(input.readError)) {
                inputs.push_back(std::move(input));
                continue;
            }
            input.format = contentFormat(path, sniff.firstLine());
        }
        if (input.format == Format::Neo4jCsv) {
            const Neo4jCsvColumns columns = peekNeo4jCsvColumns(path.name, path.headerFrom);
            input.relationships = columns.relationships;
            if (columns.claims) return loadThroughReadGraph(paths, options, collected, progress);
            explicitRelationIds = explicitRelationIds || columns.ids;
        } else {
            const EdgeListColumns columns = peekEdgeListColumns(path.name, edgeListOptions(path.name, options, false));
            if (columns.claims) return loadThroughReadGraph(paths, options, collected, progress);
            explicitRelationIds = explicitRelationIds || columns.ids;
        }
        inputs.push_back(std::move(input));
    }

    std::uint64_t total = 0;
    for (const StreamInput& input : inputs) total += fileSize(input.name);
    store::StoreBuilder builder;
    ProgressReport report(progress, &builder, total);
    const std::function<void(std::uint64_t)> onBytes = [&](std::uint64_t bytes) { report.add(bytes); };
    bool canonicalValues = false;
    while (true) {
        BulkMapper mapper(builder, explicitRelationIds);
        for (const Diagnostic& d : collectionErrors) mapper.problem(Stage::Read, d.place, d.message);

        // Every node of the node files first, as graph_mapper maps them, then every edge in input order.
        for (StreamInput& input : inputs) {
            if (mapper.full()) break;
            if (!input.readError.empty()) {
                mapper.problem(Stage::Read, Place{input.name, 0, 0, {}}, "cannot read file: " + input.readError);
            } else if (input.format == Format::Neo4jCsv && !input.relationships) {
                streamNeo4jCsv(input.name, neo4jSource(input, options), mapper, onBytes);
            } else if (input.format == Format::NodeLink &&
                       streamNodeLinkNodes(input.name, input.forced, mapper, input.links, onBytes) !=
                           NodeLinkNodes::Streamed) {
                // Not node-link after all, or holding what only records can: readGraph reads it.
                return loadThroughReadGraph(paths, options, collected, progress);
            }
        }
        explicitRelationIds = mapper.explicitRelationIds();
        mapper.finishNodes();
        for (const StreamInput& input : inputs) {
            if (mapper.full()) break;
            if (!input.readError.empty()) continue;
            if (input.format == Format::NodeLink) {
                streamNodeLinkLinks(input.name, input.links, mapper, onBytes);
            } else if (input.format == Format::Neo4jCsv) {
                if (input.relationships) {
                    streamNeo4jCsv(input.name, neo4jSource(input, options), mapper, onBytes);
                }
            } else {
                streamEdgeList(input.name, edgeListOptions(input.name, options, canonicalValues), mapper, onBytes);
            }
        }
        mapper.checkAliases();
        if (mapper.failed()) throw LoadError(mapper.takeProblems());
        if (mapper.typesDifferByOwner()) return loadThroughReadGraph(paths, options, collected, progress);
        if (!canonicalValues && mapper.needsCanonicalValues()) {
            // Again, with numbers and booleans kept as readGraph's text has them.
            canonicalValues = true;
            builder = store::StoreBuilder();
            report.again(total);
            continue;
        }
        mapper.finish();
        BulkResult result{builder.freeze(), mapper.takeNotes(), true};
        if (!explicitRelationIds && !generatedIdsAreUnique(result.graph)) {
            // Again, with every relation's id made as graph_mapper makes them.
            explicitRelationIds = true;
            builder = store::StoreBuilder();
            report.again(total);
            continue;
        }
        report.finish(result.graph.entityCount(), result.graph.relationCount());
        return result;
    }
}

}  // namespace relgraph::interchange
