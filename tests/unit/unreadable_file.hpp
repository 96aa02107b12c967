#pragma once
// A path that exists, is not a folder, and cannot be opened as a file even by root: a UNIX socket.

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace relgraph::testing {

inline void makeUnreadableFile(const std::filesystem::path& path) {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string native = path.string();
    REQUIRE(native.size() < sizeof(address.sun_path));
    native.copy(address.sun_path, native.size());
    const int bound = ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address));
    ::close(fd);
    REQUIRE(bound == 0);
}

}  // namespace relgraph::testing
