#include "render/isolated_run.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <exception>
#include <fmt/format.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include "relgraph/common/error.hpp"

namespace relgraph::render {

namespace {

void writeAll(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

// The child: '0' and the result, or '1' and an error message, then exit without running the
// parent's atexit handlers.
[[noreturn]] void child(int fd, const std::function<std::string()>& work) {
    std::string reply;
    try {
        reply = "0" + work();
    } catch (const std::exception& e) {
        reply = std::string("1") + e.what();
    } catch (...) {
        reply = "1unknown failure";
    }
    writeAll(fd, reply.data(), reply.size());
    ::close(fd);
    ::_exit(0);
}

}  // namespace

std::string runIsolated(const std::function<std::string()>& work, std::chrono::milliseconds limit,
                        const std::string& what) {
    int fds[2];
    if (::pipe(fds) != 0) throw RenderError(fmt::format("cannot start {}: {}", what, std::strerror(errno)));
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        throw RenderError(fmt::format("cannot start {}: {}", what, std::strerror(errno)));
    }
    if (pid == 0) {
        ::close(fds[0]);
        child(fds[1], work);
    }
    ::close(fds[1]);

    std::string reply;
    bool timedOut = false;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    char buffer[65536];
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timedOut = true;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR) continue;
        if (ready == 0) continue;  // the deadline check ends the loop
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        reply.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    if (timedOut) ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (timedOut) {
        throw RenderError(fmt::format("{} took longer than {} s and was stopped; try --engine sfdp or a smaller "
                                      "--max-nodes",
                                      what, std::chrono::duration_cast<std::chrono::seconds>(limit).count()));
    }
    if (WIFSIGNALED(status)) {
        throw RenderError(fmt::format("{} crashed inside Graphviz (signal {}); try another --engine", what,
                                      WTERMSIG(status)));
    }
    if (reply.empty()) throw RenderError(fmt::format("{} ended without a result", what));
    if (reply[0] == '1') throw RenderError(reply.substr(1));
    return reply.substr(1);
}

}  // namespace relgraph::render
