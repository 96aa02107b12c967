#pragma once
// Reads plain edge lists as SNAP and LDBC publish them: one edge per line, FROM and TO and
// optional further columns, separated by '|', tabs, commas or runs of spaces; '#' comment lines;
// an optional header line.

#include <optional>
#include <string>
#include <string_view>

#include "interchange/imported_graph.hpp"

namespace relgraph::interchange {

struct EdgeListMapping {
    std::string edgeType;       // empty: the mapping's default
    std::string nodeKind;       // empty: from the header ("Person.id"), else the default
    std::optional<bool> header; // nullopt: detected
};

ImportedGraph readEdgeList(const std::string& file, std::string_view text, const EdgeListMapping& mapping,
                           ReadReport& report);

}  // namespace relgraph::interchange
