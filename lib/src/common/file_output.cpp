#include "relgraph/common/file_output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "relgraph/common/error.hpp"

namespace relgraph {

void writeFileAtomically(const std::filesystem::path& path, std::string_view content) {
    const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string tmpl = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
    const int fd = mkstemp(tmpl.data());
    if (fd < 0) {
        throw OutputError(fmt::format("cannot write {}: {}", path.string(), std::strerror(errno)));
    }
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int err = errno;
            ::close(fd);
            std::remove(tmpl.c_str());
            throw OutputError(fmt::format("cannot write {}: {}", path.string(), std::strerror(err)));
        }
        written += static_cast<std::size_t>(n);
    }
    // mkstemp creates the file 0600; a result file gets the usual permissions.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    if (::fsync(fd) != 0 || ::close(fd) != 0 || std::rename(tmpl.c_str(), path.c_str()) != 0) {
        const int err = errno;
        std::remove(tmpl.c_str());
        throw OutputError(fmt::format("cannot write {}: {}", path.string(), std::strerror(err)));
    }
}

bool writeFileIfChanged(const std::filesystem::path& path, std::string_view content) {
    std::error_code ec;
    if (std::filesystem::file_size(path, ec) == content.size() && !ec) {
        std::ifstream in(path, std::ios::binary);
        std::string existing(content.size(), '\0');
        if (in.read(existing.data(), static_cast<std::streamsize>(existing.size())) && existing == content) return false;
    }
    writeFileAtomically(path, content);
    return true;
}

}  // namespace relgraph
