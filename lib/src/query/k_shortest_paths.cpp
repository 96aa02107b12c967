#include <algorithm>

#include "relgraph/query/path_query.hpp"
#include "step_graph.hpp"

namespace relgraph::query {

// Yen's algorithm. Each new path is the best of the candidates: for every entity of the last
// path found (the spur), its prefix up to there (the root) followed by the first shortest way on
// to `to` that revisits no root entity and does not leave the spur the way an already found path
// with the same root did. Candidates and spurs are ordered by length then relation order, so the
// k-th path is the k-th in that order among all simple paths.
PathSet kShortestPaths(const store::GraphStore& store, store::Vertex from, store::Vertex to, std::size_t k,
                       const PathOptions& options) {
    const StepGraph graph(store, options, {from, to});
    ExpansionBudget budget(options.maxExpansions);
    PathSet result{PathSetKind::KShortest, {}, PathLimit::None};
    std::vector<HopSequence> found;
    if (k == 0) return result;
    if (auto first = graph.firstShortest(from, to, {}, {}, options.maxLength, &budget)) found.push_back(*first);

    const auto before = [&](const HopSequence& a, const HopSequence& b) { return graph.before(a, b); };
    std::vector<HopSequence> candidates;  // kept sorted, best first
    while (!found.empty() && found.size() < k && !budget.exhausted()) {
        const HopSequence last = found.back();
        std::unordered_set<store::Vertex> blocked;
        store::Vertex spur = from;
        for (std::size_t i = 0; i < last.size() && !budget.exhausted(); ++i) {
            const HopSequence root(last.begin(), last.begin() + static_cast<std::ptrdiff_t>(i));
            HopSequence excluded;
            for (const HopSequence& path : found) {
                if (path.size() > i && std::equal(root.begin(), root.end(), path.begin())) excluded.push_back(path[i]);
            }
            blocked.insert(spur);  // the rest may not enter the root's entities again, nor the spur
            if (auto rest = graph.firstShortest(spur, to, blocked, excluded, options.maxLength - i, &budget)) {
                HopSequence candidate = root;
                candidate.insert(candidate.end(), rest->begin(), rest->end());
                const auto at = std::lower_bound(candidates.begin(), candidates.end(), candidate, before);
                if (at == candidates.end() || before(candidate, *at)) candidates.insert(at, std::move(candidate));
            }
            spur = graph.target(last[i]);
        }
        if (budget.exhausted() || candidates.empty()) break;
        found.push_back(std::move(candidates.front()));
        candidates.erase(candidates.begin());
    }
    for (const HopSequence& hops : found) result.paths.push_back(graph.toPath(from, hops));
    if (budget.exhausted()) result.stoppedBy = PathLimit::MaxExpansions;
    return result;
}

}  // namespace relgraph::query
