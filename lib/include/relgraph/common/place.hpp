#pragma once
// Where something is in the input: file, line:column and JSON pointer.

#include <cstddef>
#include <string>
#include <vector>

namespace relgraph {

struct Place {
    std::string file;
    std::size_t line = 0;    // 1-based; 0 when unknown
    std::size_t column = 0;  // 1-based, in bytes; 0 when unknown
    std::string pointer;     // RFC 6901 JSON pointer; empty for the whole document

    // "graphs/x.json:41:17 (/relations/12/to)"
    std::string toString() const;
};

struct Diagnostic {
    Place place;
    std::string message;

    std::string toString() const { return place.toString() + ": " + message; }
};

// Sorts problems by file, then line and column, keeping the order of those at one place.
void sortByPlace(std::vector<Diagnostic>& list);

}  // namespace relgraph
