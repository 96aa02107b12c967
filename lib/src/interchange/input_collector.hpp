#pragma once
// The files a read names: folders expanded, each file's format told by --from or its extension,
// without reading it.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relgraph/common/place.hpp"
#include "relgraph/interchange/interchange_format.hpp"

namespace relgraph::interchange {

struct InputPath {
    std::string name;  // as the user named it (generic form)
    Format format;     // by --from, else by extension (the content may tell otherwise)
    bool forced = false;
    std::string headerFrom;  // a headerless neo4j CSV continuation: the input whose header it takes
};

// Files and folders (docs/interchange.md): a folder holding .csv or .tsv files gives those and its
// .json files; any other folder its .json files. Missing paths, folders that cannot be read and
// files of no readable type are appended to `errors`.
std::vector<InputPath> collectInputPaths(const std::vector<std::filesystem::path>& paths,
                                         std::optional<Format> forced, std::vector<Diagnostic>& errors);

}  // namespace relgraph::interchange
