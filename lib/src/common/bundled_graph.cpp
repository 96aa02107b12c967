#include "relgraph/common/bundled_graph.hpp"

#include <fmt/format.h>
#include <system_error>

#include "relgraph/common/error.hpp"

namespace relgraph {

std::filesystem::path bundledGraphPath() {
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        // <prefix>/bin/relgraph -> <prefix>/share/relgraph/graphs
        const std::filesystem::path prefix = exe.parent_path().parent_path();
        const std::filesystem::path installed = prefix / RELGRAPH_INSTALL_GRAPH_DIR;
        if (exe.parent_path().filename() == std::filesystem::path(RELGRAPH_INSTALL_BIN_DIR).filename() &&
            std::filesystem::is_directory(installed, ec)) {
            return installed;
        }
    }
    const std::filesystem::path source = RELGRAPH_SOURCE_GRAPH_DIR;
    if (std::filesystem::is_directory(source, ec)) return source;
    throw Error(ErrorKind::Load, fmt::format("cannot find the bundled graph (looked beside the binary and in {}); "
                                  "pass --graph PATH",
                                  source.string()));
}

}  // namespace relgraph
