#pragma once
// Checks shared by the load tests: where a needle stands in a test text, and whether a diagnostic
// names that place, pointer and message.

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "relgraph/common/error.hpp"
#include "test_graphs.hpp"

namespace relgraph::testing {

using Files = std::vector<std::pair<std::string, std::string>>;

struct Position {
    std::size_t line = 0;
    std::size_t column = 0;
};

// 1-based line and byte column of the first byte of the only occurrence of `needle` in `text`.
inline Position positionOf(const std::string& text, const std::string& needle) {
    const std::size_t offset = text.find(needle);
    INFO("needle: ", needle);
    REQUIRE(offset != std::string::npos);
    CHECK(text.find(needle, offset + 1) == std::string::npos);  // the needle must be unambiguous
    Position p{1, 1};
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else {
            ++p.column;
        }
    }
    return p;
}

inline std::string listOf(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics) out += d.toString() + "\n";
    return out;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// The problems loading `files` reports (the load must fail).
inline std::vector<Diagnostic> problemsOf(const Files& files) {
    CHECK_THROWS_AS(loadTexts(files), LoadError);
    try {
        loadTexts(files);
    } catch (const LoadError& e) {
        return e.diagnostics();
    }
    return {};
}

}  // namespace relgraph::testing

// Checks a diagnostic's file, its line:column against where NEEDLE starts in TEXT, its JSON
// pointer and that its message contains MESSAGE.
#define CHECK_DIAGNOSTIC(DIAG, FILE, TEXT, NEEDLE, POINTER, MESSAGE)                         \
    do {                                                                                      \
        const ::relgraph::Diagnostic& diag_ = (DIAG);                                         \
        const ::relgraph::testing::Position pos_ = ::relgraph::testing::positionOf((TEXT), (NEEDLE)); \
        INFO("diagnostic: ", diag_.toString());                                               \
        CHECK(diag_.place.file == (FILE));                                                    \
        CHECK(diag_.place.line == pos_.line);                                                 \
        CHECK(diag_.place.column == pos_.column);                                             \
        CHECK(diag_.place.pointer == std::string(POINTER));                                   \
        CHECK(::relgraph::testing::contains(diag_.message, (MESSAGE)));                       \
    } while (false)
