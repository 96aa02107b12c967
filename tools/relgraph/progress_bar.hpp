#pragma once
// A one-line report of a long load on standard error, redrawn in place at most ten times a
// second: share done, bytes, rate, time left and records read. Silent when standard error is not
// a terminal, or when switched off.

#include <chrono>

#include "relgraph/interchange/graph_reader.hpp"

namespace relgraph::cli {

class ProgressBar {
public:
    explicit ProgressBar(bool wanted);
    ~ProgressBar();  // clears the line
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    void update(const interchange::LoadProgress& progress);

private:
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point start_, lastDraw_;
};

}  // namespace relgraph::cli
