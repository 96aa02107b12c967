#include "relgraph/common/bundled_graph.hpp"

#include <fmt/format.h>
#include <system_error>

#include "relgraph/common/error.hpp"

namespace relgraph {

namespace {
// `installed` (relative to the prefix) beside an installed binary, else `source`; `what` for errors.
std::filesystem::path shippedPath(const std::filesystem::path& installed, const std::filesystem::path& source,
                                  std::string_view what) {
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec && exe.parent_path().filename() == std::filesystem::path(RELGRAPH_INSTALL_BIN_DIR).filename()) {
        // <prefix>/bin/relgraph -> <prefix>/share/relgraph/...
        const std::filesystem::path candidate = exe.parent_path().parent_path() / installed;
        if (std::filesystem::exists(candidate, ec)) return candidate;
    }
    if (std::filesystem::exists(source, ec)) return source;
    throw Error(ErrorKind::Load, fmt::format("cannot find the {} (looked beside the binary and at {})", what,
                                             source.string()));
}
}  // namespace

std::filesystem::path bundledGraphPath() {
    return shippedPath(RELGRAPH_INSTALL_GRAPH_DIR, RELGRAPH_SOURCE_GRAPH_DIR, "bundled graph; pass --graph PATH");
}

std::filesystem::path defaultThemePath() {
    return shippedPath(RELGRAPH_INSTALL_THEME, RELGRAPH_SOURCE_THEME, "default theme; pass --theme FILE");
}

}  // namespace relgraph
