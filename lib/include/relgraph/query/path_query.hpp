#pragma once
// How is X connected to Y: a shortest path, all shortest paths, the k shortest simple paths (Yen's
// algorithm) and all simple paths up to a length, over entities and relations.
//
// The graph is a multigraph: two entities may be linked by several relations. By default a path is
// a sequence of entities, walked along the relation whose id comes first, and each hop lists the
// other relations linking the same two entities the same way (`Path::parallel`); with
// `distinctRelations` every choice of relation makes a path of its own. Paths come shortest
// first, and among equally long ones by the ids of their relations, hop by hop, so every answer is
// the same on every run.

#include <cstddef>
#include <limits>
#include <optional>
#include <vector>

#include "relgraph/query/traversal.hpp"

namespace relgraph::query {

struct Path {
    std::vector<store::Vertex> entities;  // from first to last; one more than hops
    std::vector<Hop> hops;
    // For each hop, the other relations the walk could take between the same two entities, in id
    // order; all empty with distinctRelations.
    std::vector<std::vector<Hop>> parallel;
};

struct PathOptions {
    TraversalFilter filter;
    bool directed = false;           // follow relations only from `from` to `to` (symmetric ones both ways)
    bool distinctRelations = false;  // parallel relations make distinct paths
    std::size_t maxLength = std::numeric_limits<std::size_t>::max();  // longer paths are not wanted
    std::size_t maxPaths = 100;           // all shortest and all simple paths stop after this many
    std::size_t maxExpansions = 1000000;  // hops examined before a search gives up
};

// Why a search stopped before it had every path.
enum class PathLimit { None, MaxPaths, MaxExpansions };

enum class PathSetKind { AllShortest, KShortest, AllSimple };

struct PathSet {
    PathSetKind kind;
    std::vector<Path> paths;                // shortest first, then by relation ids
    PathLimit stoppedBy = PathLimit::None;  // None: these are all the paths asked for
};

// A shortest path by number of hops (breadth-first search from both ends); among equally short
// paths, the one whose relation ids come first. nullopt when the entities are not connected within
// options.maxLength. Ignores maxPaths and maxExpansions (the search is linear).
std::optional<Path> shortestPath(const store::GraphStore& store, store::Vertex from, store::Vertex to,
                                 const PathOptions& options);

// Every shortest path, up to options.maxPaths.
PathSet allShortestPaths(const store::GraphStore& store, store::Vertex from, store::Vertex to,
                         const PathOptions& options);

// The k shortest simple paths (no entity twice), by Yen's algorithm; fewer when there are fewer
// within options.maxLength. maxPaths does not apply (k is the count).
PathSet kShortestPaths(const store::GraphStore& store, store::Vertex from, store::Vertex to, std::size_t k,
                       const PathOptions& options);

// Every simple path of at most options.maxLength hops, up to options.maxPaths.
PathSet allSimplePaths(const store::GraphStore& store, store::Vertex from, store::Vertex to,
                       const PathOptions& options);

}  // namespace relgraph::query
