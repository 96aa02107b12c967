#pragma once
// The graph one path query walks: for every entity, the hops it may take (filtered, in relation
// order, and one per neighbour unless distinct relations are asked for), with the searches the path
// queries share. An entity's hops are worked out the first time a search reaches it, so a query
// costs what its searches visit, not the size of the graph.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "expansion_budget.hpp"
#include "relgraph/query/path_query.hpp"

namespace relgraph::query {

using HopSequence = std::vector<Hop>;

// A hop a path may take, with the entity it arrives at.
struct Step {
    Hop hop;
    store::Vertex to;
};

// Hops from or to one entity, of the entities a search reached.
class Distances {
public:
    static constexpr std::size_t kUnreachable = std::numeric_limits<std::size_t>::max();

    std::size_t operator[](store::Vertex v) const {
        const auto it = hops_.find(v);
        return it == hops_.end() ? kUnreachable : it->second;
    }
    // Every entity reached, with its hops, in no particular order.
    using Map = std::unordered_map<store::Vertex, std::size_t>;
    const Map& reached() const { return hops_; }

private:
    friend class StepGraph;
    Map hops_;
};

// What a walk may not do (Yen's spur searches): enter a `blocked` entity (its start aside), or
// start with one of `excludedFirst`; and the budget its search spends, a hop examined at a time.
struct WalkLimits {
    const std::unordered_set<store::Vertex>* blocked = nullptr;
    const HopSequence* excludedFirst = nullptr;
    ExpansionBudget* budget = nullptr;
};

class StepGraph {
public:
    static constexpr std::size_t kUnreachable = Distances::kUnreachable;

    // `ends` are the entities the query names: the kind filters do not apply to them.
    StepGraph(const store::GraphStore& store, const PathOptions& options, const std::vector<store::Vertex>& ends);

    std::size_t size() const { return store_.entityCount(); }
    // The hops a path may take from v, in relation order.
    const std::vector<Step>& stepsFrom(store::Vertex v) const;
    store::Vertex target(const Hop& hop) const;

    // Hops from every entity to `to`, of at most `limit` hops (farther entities are left out).
    Distances distancesTo(store::Vertex to, std::size_t limit) const;

    // The entities on the shortest walks from `from` to `to` within `limits`, if they are at most
    // `maxLength` hops apart, each with its hops on to `to`; none when they are not (or when the
    // budget ran out). Searches from both ends, growing the side with fewer relations to look at,
    // until they meet, so it visits the neighbourhoods of the two ends rather than everything within
    // reach of one.
    Distances shortestWalks(store::Vertex from, store::Vertex to, std::size_t maxLength,
                            const WalkLimits& limits = {}) const;

    // The first shortest hop sequence (by relation order) from `from` to `to` of at most
    // `maxLength` hops that enters no `blocked` entity and does not start with one of
    // `excludedFirst`. nullopt when there is none, or when `budget` (if any) runs out. The shortest
    // walks are found from both ends (shortestWalks); along them, the hop of lowest relation order
    // that stays on one at each step makes the first.
    std::optional<HopSequence> firstShortest(store::Vertex from, store::Vertex to,
                                             const std::unordered_set<store::Vertex>& blocked,
                                             const HopSequence& excludedFirst, std::size_t maxLength,
                                             ExpansionBudget* budget) const;

    // Hands every simple hop sequence from `from` to `to` of exactly `length` hops to `found`, by
    // relation order, until `found` returns false or the budget runs out. `distanceTo`, which
    // prunes the search, must give the hops to `to` of every entity t a sequence that long could
    // pass (d(from, t) + d(t, to) <= length) and may leave out the others: distancesTo(to, length),
    // or shortestWalks for the shortest length.
    void pathsOfLength(store::Vertex from, store::Vertex to, std::size_t length, const Distances& distanceTo,
                       ExpansionBudget& budget, const std::function<bool(const HopSequence&)>& found) const;

    // Adds to `result` every simple path from `from` to `to` of `shortest` to `longest` hops,
    // length by length (so a cap keeps the first ones), until options.maxPaths or
    // options.maxExpansions stops it (recorded in result.stoppedBy). `distanceTo` is as for
    // pathsOfLength, for `longest`.
    void collectPaths(store::Vertex from, store::Vertex to, std::size_t shortest, std::size_t longest,
                      const Distances& distanceTo, const PathOptions& options, PathSet& result) const;

    // Fewer hops first, then by relation order hop by hop.
    bool before(const HopSequence& a, const HopSequence& b) const;

    // The hops as a Path, with the parallel relations of each hop.
    Path toPath(store::Vertex from, const HopSequence& hops) const;

private:
    // Calls visit(t) for the target t of every step from v (once per relation with distinct
    // relations), and visit(v) for every entity v with a step to t.
    template <class Visit>
    void forEachNext(store::Vertex v, Visit&& visit) const;
    template <class Visit>
    void forEachPrevious(store::Vertex t, Visit&& visit) const;

    const store::GraphStore& store_;
    WalkFilter filter_;
    Direction direction_;
    bool distinct_;
    mutable std::unordered_map<store::Vertex, std::vector<Step>> steps_;  // of the entities reached so far
};

}  // namespace relgraph::query
