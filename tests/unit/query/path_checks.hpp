#pragma once
// Helpers shared by the path tests: paths written as entity ids or relation ids.

#include <string>
#include <string_view>
#include <vector>

#include "relgraph/query/path_query.hpp"

namespace relgraph::testing {

using Ids = std::vector<std::string>;

// The entity with this id (which must exist: std::bad_optional_access otherwise).
inline store::Vertex vertexOf(const store::GraphStore& s, std::string_view id) { return s.findEntityById(id).value(); }

inline Ids entityIds(const store::GraphStore& s, const query::Path& p) {
    Ids out;
    for (const auto v : p.entities) out.push_back(std::string(s.entity(v).id()));
    return out;
}

inline Ids relationIds(const store::GraphStore& s, const query::Path& p) {
    Ids out;
    for (const auto& h : p.hops) out.push_back(s.relation(h.relation).id());
    return out;
}

// Every path of a set as its relation ids.
inline std::vector<Ids> relationIds(const store::GraphStore& s, const query::PathSet& paths) {
    std::vector<Ids> out;
    for (const auto& p : paths.paths) out.push_back(relationIds(s, p));
    return out;
}

// Every path of a set as its entity ids.
inline std::vector<Ids> entityIds(const store::GraphStore& s, const query::PathSet& paths) {
    std::vector<Ids> out;
    for (const auto& p : paths.paths) out.push_back(entityIds(s, p));
    return out;
}

}  // namespace relgraph::testing
