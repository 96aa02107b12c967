#pragma once
// How many hops a path search may still examine (PathOptions::maxExpansions), so that searches
// whose results grow exponentially stop instead of hanging.

#include <cstddef>

namespace relgraph::query {

class ExpansionBudget {
public:
    explicit ExpansionBudget(std::size_t limit) : left_(limit) {}

    // Counts one examined hop; false (and exhausted from then on) when none were left.
    bool spend() {
        if (left_ == 0) {
            exhausted_ = true;
            return false;
        }
        --left_;
        return true;
    }
    bool exhausted() const { return exhausted_; }

private:
    std::size_t left_;
    bool exhausted_ = false;
};

}  // namespace relgraph::query
