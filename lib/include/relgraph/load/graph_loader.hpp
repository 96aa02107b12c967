#pragma once
// Loads relgraph JSON graph files (docs/format.md) into the graph store, validated record by record.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "relgraph/common/place.hpp"
#include "relgraph/model/schema.hpp"
#include "relgraph/store/store_builder.hpp"

namespace relgraph::load {

class Problems;

class GraphLoader {
public:
    GraphLoader();
    ~GraphLoader();

    // A .json file, or a folder read recursively for *.json files (hidden entries skipped),
    // in byte order of their paths.
    void addPath(const std::filesystem::path& path);
    // A file read as relgraph JSON, whatever its name.
    void addFile(const std::filesystem::path& file);
    // In-memory text under a display name (used by tests and by other front ends).
    void addText(std::string name, std::string text);

    // Told the bytes of each file as they are read (files are read twice; text added is not told).
    void onBytes(std::function<void(std::uint64_t)> progress) { progress_ = std::move(progress); }

    // Parses and validates everything added into a store. Throws LoadError listing every problem
    // found, in file and line order; returns a store only when the graph is clean. Files are read a
    // block at a time, twice (the schema first, then the records one by one, each into the store's
    // builder), and never held whole.
    store::GraphStore load();

    // load() in its steps, for a reader that adds records of other formats to the same builder
    // (interchange/graph_reader.hpp). First every input's syntax and top level, and the schema they
    // declare together; then every record, validated, into `builder` (which is told the schema); then
    // the checks of the whole graph on the builder's draft — records the loader did not read are
    // placed by `placeOther` (their origins are their readers').
    const model::Schema& readSchemas();
    void readRecords(store::StoreBuilder& builder);
    using OtherPlaces = std::function<Place(store::StoreBuilder::Origin, const std::string& member)>;
    void checkGraph(const store::StoreBuilder& builder, const OtherPlaces& placeOther);
    // The problems found so far, in file and line order.
    std::vector<Diagnostic> takeProblems();

private:
    struct Input {
        std::string name;
        std::optional<std::string> text;  // none: the file `name`, read when loading
    };
    struct Parsed;
    std::vector<Input> inputs_;
    std::vector<Diagnostic> early_;  // unreadable paths, found while adding
    std::function<void(std::uint64_t)> progress_;
    std::unique_ptr<Problems> problems_;
    std::map<std::string, const std::optional<std::string>*> sources_;
    std::vector<Parsed> parsed_;
    model::Schema schema_;
    bool complete_ = true;
};

// Convenience: a loader over `paths`, loaded.
store::GraphStore loadGraph(const std::vector<std::filesystem::path>& paths);

}  // namespace relgraph::load
