#pragma once
// Turning byte offsets in a file's text into line:column places, and finding invalid UTF-8.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relgraph/common/place.hpp"

namespace relgraph::interchange {

class LineIndex {
public:
    LineIndex(std::string file, std::string_view text);
    // 1-based line and byte column of `offset`.
    Place place(std::size_t offset) const;

private:
    std::string file_;
    std::vector<std::size_t> lineStarts_;
};

// The length of the valid UTF-8 sequence of two to four bytes starting at text[i], or 0 when it is
// not one (an ASCII byte included).
std::size_t utf8SequenceAt(const char* text, std::size_t size, std::size_t i);

// Reads a whole file; throws nothing: on failure returns nullopt and sets `error`.
std::optional<std::string> readTextFile(const std::string& path, std::string& error);

}  // namespace relgraph::interchange
