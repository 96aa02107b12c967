// Large arrays: std::vector semantics on memory of their own, huge pages or not.

#include <doctest/doctest.h>

#include <cstdint>
#include <numeric>

#include "relgraph/common/large_array.hpp"

using namespace relgraph;

TEST_CASE("large arrays keep their values through growth, copies and released tails") {
    for (const std::size_t size : {std::size_t{10}, std::size_t{300000}, std::size_t{3000000}}) {
        CAPTURE(size);
        LargeArray<std::uint32_t> values;
        values.reserve(size * 2);  // the tail past size is released below
        for (std::size_t i = 0; i < size; ++i) values.push_back(static_cast<std::uint32_t>(i * 7));
        releaseUnused(values);
        CHECK(values.size() == size);
        CHECK(values.back() == (size - 1) * 7);
        values.push_back(1);  // growing again after a release
        values.resize(size * 3, 5);
        CHECK(values[size] == 1);
        CHECK(values.back() == 5);
        const LargeArray<std::uint32_t> copy = values;
        CHECK(copy == values);
        std::uint64_t sum = std::accumulate(copy.begin(), copy.begin() + static_cast<std::ptrdiff_t>(size), std::uint64_t{0});
        CHECK(sum == std::uint64_t{7} * size * (size - 1) / 2);
    }
    // resize() without a value leaves values to be written, which then read back.
    LargeArray<std::uint64_t> table;
    table.resize(1 << 20);
    for (std::size_t i = 0; i < table.size(); ++i) table[i] = i;
    CHECK(table[12345] == 12345);
}
