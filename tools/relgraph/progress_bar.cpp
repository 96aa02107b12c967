#include "progress_bar.hpp"

#include <cstdio>
#include <fmt/format.h>
#include <unistd.h>

#include "relgraph/common/text.hpp"

namespace relgraph::cli {

namespace {

std::string megabytes(std::uint64_t bytes) { return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6); }

std::string duration(double seconds) {
    const auto s = static_cast<long long>(seconds + 0.5);
    return s >= 60 ? fmt::format("{}m{:02}s", s / 60, s % 60) : fmt::format("{}s", s);
}

}  // namespace

ProgressBar::ProgressBar(bool wanted)
    : enabled_(wanted && isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()), lastDraw_(start_) {}

ProgressBar::~ProgressBar() {
    if (drawn_) std::fputs("\r\033[K", stderr);
}

void ProgressBar::update(const interchange::LoadProgress& p) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    // At most ten draws a second, but always the last, with every byte read and the records counted.
    const bool done = p.bytesRead >= p.bytesTotal && (p.entities || p.relations);
    if (drawn_ && !done && now - lastDraw_ < std::chrono::milliseconds(100)) return;
    lastDraw_ = now;
    drawn_ = true;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double share = p.bytesTotal ? static_cast<double>(p.bytesRead) / static_cast<double>(p.bytesTotal) : 1.0;
    const double rate = elapsed > 0 ? static_cast<double>(p.bytesRead) / elapsed : 0.0;
    const std::string left =
        rate > 0 && p.bytesRead < p.bytesTotal ? duration(static_cast<double>(p.bytesTotal - p.bytesRead) / rate) : "0s";
    constexpr int kWidth = 24;
    const int filled = static_cast<int>(share * kWidth);
    // Loads that validate records first (relgraph JSON) know their counts only at the end.
    const std::string counts = p.entities || p.relations
                                   ? fmt::format("  {} entities, {} relations", text::groupThousands(static_cast<long long>(p.entities)),
                                                 text::groupThousands(static_cast<long long>(p.relations)))
                                   : std::string();
    std::fprintf(stderr, "\r\033[K[%s%s] %3d%%  %s of %s  %s/s  ETA %s%s",
                 std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(kWidth - filled), '.').c_str(), static_cast<int>(share * 100),
                 megabytes(p.bytesRead).c_str(), megabytes(p.bytesTotal).c_str(), megabytes(static_cast<std::uint64_t>(rate)).c_str(),
                 left.c_str(), counts.c_str());
    std::fflush(stderr);
}

}  // namespace relgraph::cli
