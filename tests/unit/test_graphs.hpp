#pragma once
// Shared helpers for unit tests: the fixture graph and in-memory graphs.

#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "relgraph/load/graph_loader.hpp"
#include "relgraph/store/graph_store.hpp"

// Checks on the store's texts (string_views) print what they compared.
namespace doctest {
template <>
struct StringMaker<std::string_view> {
    static String convert(std::string_view s) { return String(s.data(), static_cast<unsigned>(s.size())); }
};
}  // namespace doctest

namespace relgraph::testing {

inline std::filesystem::path testDir() { return RELGRAPH_TEST_DIR; }

// Rounds of a randomized or repeated test. Under AddressSanitizer, which runs them several times
// slower and looks for memory errors rather than wrong answers, a third of them; the optimized build
// runs them all.
constexpr int rounds(int all) { return RELGRAPH_SANITIZED ? all / 3 : all; }
inline std::filesystem::path tinyGraphDir() { return testDir() / "fixtures" / "tiny"; }
inline std::filesystem::path bundledGraphDir() { return RELGRAPH_GRAPHS_DIR; }

inline std::unique_ptr<store::GraphStore> openStore(const std::filesystem::path& path) {
    return std::make_unique<store::GraphStore>(load::loadGraph({path}));
}

inline const store::GraphStore& tiny() {
    static const auto store = openStore(tinyGraphDir());
    return *store;
}

// A small multigraph for path queries: parallel relations, a symmetric one, a person between
// countries, reporting relations and an isolated entity (tests/fixtures/parallel).
inline const store::GraphStore& parallel() {
    static const auto store = openStore(testDir() / "fixtures" / "parallel");
    return *store;
}

inline const store::GraphStore& bundled() {
    static const auto store = openStore(bundledGraphDir());
    return *store;
}

// Loads in-memory files: {{"a.json", "{...}"}, ...}.
inline store::GraphStore loadTexts(const std::vector<std::pair<std::string, std::string>>& files) {
    load::GraphLoader loader;
    for (const auto& [name, text] : files) loader.addText(name, text);
    return loader.load();
}

}  // namespace relgraph::testing
