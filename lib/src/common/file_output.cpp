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

AtomicFileWriter::AtomicFileWriter(std::filesystem::path path, Flush flush) : path_(std::move(path)), flush_(flush) {
    const std::filesystem::path dir = path_.has_parent_path() ? path_.parent_path() : std::filesystem::path(".");
    std::string name = ".";  // (not "." + …: GCC 12 warns falsely about that at -O2, -Wrestrict)
    name += path_.filename().string();
    name += ".XXXXXX";
    temporary_ = (dir / name).string();
    fd_ = ::mkstemp(temporary_.data());
    if (fd_ < 0) {
        temporary_.clear();
        throw OutputError(fmt::format("cannot write {}: {}", path_.string(), std::strerror(errno)));
    }
}

AtomicFileWriter::~AtomicFileWriter() { discard(); }

void AtomicFileWriter::discard() noexcept {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (!temporary_.empty()) std::remove(temporary_.c_str());
    temporary_.clear();
}

void AtomicFileWriter::fail(int error) {
    discard();
    throw OutputError(fmt::format("cannot write {}: {}", path_.string(), std::strerror(error)));
}

void AtomicFileWriter::write(std::string_view bytes) {
    RELGRAPH_ASSERT(fd_ >= 0);
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd_, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail(n < 0 ? errno : EIO);
        written += static_cast<std::size_t>(n);
    }
}

void AtomicFileWriter::commit() {
    RELGRAPH_ASSERT(fd_ >= 0);
    // mkstemp creates the file 0600; a result file gets the usual permissions.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd_, 0666 & ~mask);
    if (flush_ == Flush::Yes && ::fsync(fd_) != 0) fail(errno);
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0 || std::rename(temporary_.c_str(), path_.c_str()) != 0) fail(errno);
    temporary_.clear();
}

void writeFileAtomically(const std::filesystem::path& path, std::string_view content) {
    AtomicFileWriter out(path);
    out.write(content);
    out.commit();
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
