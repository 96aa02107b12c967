#pragma once
// The graph one path query walks: for every entity, the hops it may take (filtered, in relation id
// order, and one per neighbour unless distinct relations are asked for), with the searches the path
// queries share. Built once per query.

#include <cstddef>
#include <functional>
#include <limits>
#include <optional>
#include <unordered_map>
#include <vector>

#include "expansion_budget.hpp"
#include "relgraph/query/path_query.hpp"

namespace relgraph::query {

using HopSequence = std::vector<Hop>;

class StepGraph {
public:
    static constexpr std::size_t kUnreachable = std::numeric_limits<std::size_t>::max();

    // `ends` are the entities the query names: the kind filters do not apply to them.
    StepGraph(const store::GraphStore& store, const PathOptions& options, const std::vector<store::Vertex>& ends);

    std::size_t size() const { return steps_.size(); }
    const std::vector<Hop>& stepsFrom(store::Vertex v) const { return steps_[v]; }
    store::Vertex target(const Hop& hop) const;

    // Hops from every entity to `to` (kUnreachable when it cannot get there), and from `from` to
    // every entity.
    std::vector<std::size_t> distancesTo(store::Vertex to) const;
    std::vector<std::size_t> distancesFrom(store::Vertex from) const;

    // The first shortest hop sequence (by relation ids) from `from` to `to` of at most `maxLength`
    // hops that enters no `blocked` entity (empty: none blocked) and does not start with one of
    // `excludedFirst`. nullopt when there is none, or when `budget` (if any) runs out.
    std::optional<HopSequence> firstShortest(store::Vertex from, store::Vertex to, const std::vector<bool>& blocked,
                                             const HopSequence& excludedFirst, std::size_t maxLength,
                                             ExpansionBudget* budget) const;

    // Hands every simple hop sequence from `from` to `to` of exactly `length` hops to `found`, by
    // relation ids, until `found` returns false or the budget runs out. `distanceTo` is
    // distancesTo(to), used to prune.
    void pathsOfLength(store::Vertex from, store::Vertex to, std::size_t length,
                       const std::vector<std::size_t>& distanceTo, ExpansionBudget& budget,
                       const std::function<bool(const HopSequence&)>& found) const;

    // Adds to `result` every simple path from `from` to `to` of `shortest` to `longest` hops,
    // length by length (so a cap keeps the first ones), until options.maxPaths or
    // options.maxExpansions stops it (recorded in result.stoppedBy). `distanceTo` is distancesTo(to).
    void collectPaths(store::Vertex from, store::Vertex to, std::size_t shortest, std::size_t longest,
                      const std::vector<std::size_t>& distanceTo, const PathOptions& options, PathSet& result) const;

    // Fewer hops first, then by relation ids hop by hop.
    bool before(const HopSequence& a, const HopSequence& b) const;

    // The hops as a Path, with the parallel relations of each hop.
    Path toPath(store::Vertex from, const HopSequence& hops) const;

private:
    const store::GraphStore& store_;
    bool distinct_;
    std::vector<std::vector<Hop>> steps_;                           // per entity: the hops a path may take
    std::vector<std::vector<Hop>> allHops_;                         // per entity: every allowed hop, parallel ones too
    std::vector<std::vector<store::Vertex>> into_;                  // per entity: the entities with a step to it
    std::unordered_map<const model::Relation*, std::size_t> rank_;  // relation id order
};

}  // namespace relgraph::query
