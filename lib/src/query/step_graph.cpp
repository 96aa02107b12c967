#include "step_graph.hpp"

#include <algorithm>
#include <deque>
#include <unordered_set>

namespace relgraph::query {

StepGraph::StepGraph(const store::GraphStore& store, const PathOptions& options, const std::vector<store::Vertex>& ends)
    : store_(store), distinct_(options.distinctRelations) {
    const std::size_t n = boost::num_vertices(store.graph());
    steps_.resize(n);
    allHops_.resize(n);
    into_.resize(n);
    for (std::size_t i = 0; i < store.relations().size(); ++i) rank_.emplace(&store.relation(store.relations()[i]), i);

    TraversalFilter filter = options.filter;
    filter.named.insert(ends.begin(), ends.end());
    const Direction direction = options.directed ? Direction::Out : Direction::Both;
    for (store::Vertex v = 0; v < n; ++v) {
        std::unordered_set<store::Vertex> neighbors;
        for (const Hop& hop : hopsFrom(store, v, direction, filter)) {
            const store::Vertex t = target(hop);
            if (t == v) continue;  // a loop never shortens or extends a simple path
            allHops_[v].push_back(hop);
            const bool parallel = !neighbors.insert(t).second;
            if (distinct_ || !parallel) {
                steps_[v].push_back(hop);
                into_[t].push_back(v);
            }
        }
    }
}

store::Vertex StepGraph::target(const Hop& hop) const { return query::target(store_, hop); }

std::vector<std::size_t> StepGraph::distancesTo(store::Vertex to) const {
    std::vector<std::size_t> distance(size(), kUnreachable);
    distance[to] = 0;
    std::deque<store::Vertex> queue{to};
    while (!queue.empty()) {
        const store::Vertex v = queue.front();
        queue.pop_front();
        for (const store::Vertex u : into_[v]) {
            if (distance[u] != kUnreachable) continue;
            distance[u] = distance[v] + 1;
            queue.push_back(u);
        }
    }
    return distance;
}

std::vector<std::size_t> StepGraph::distancesFrom(store::Vertex from) const {
    std::vector<std::size_t> distance(size(), kUnreachable);
    distance[from] = 0;
    std::deque<store::Vertex> queue{from};
    while (!queue.empty()) {
        const store::Vertex v = queue.front();
        queue.pop_front();
        for (const Hop& hop : steps_[v]) {
            const store::Vertex t = target(hop);
            if (distance[t] != kUnreachable) continue;
            distance[t] = distance[v] + 1;
            queue.push_back(t);
        }
    }
    return distance;
}

// Breadth-first search with each entity's hops in relation id order reaches every entity first
// along the path whose relation ids come first, layer by layer.
std::optional<HopSequence> StepGraph::firstShortest(store::Vertex from, store::Vertex to,
                                                    const std::vector<bool>& blocked, const HopSequence& excludedFirst,
                                                    std::size_t maxLength, ExpansionBudget* budget) const {
    std::vector<std::size_t> depth(size(), kUnreachable);
    std::vector<Hop> reachedBy(size());
    depth[from] = 0;
    std::deque<store::Vertex> queue{from};
    while (!queue.empty() && depth[to] == kUnreachable) {
        const store::Vertex v = queue.front();
        queue.pop_front();
        if (depth[v] >= maxLength) continue;
        for (const Hop& hop : steps_[v]) {
            if (budget && !budget->spend()) return std::nullopt;
            if (v == from && std::find(excludedFirst.begin(), excludedFirst.end(), hop) != excludedFirst.end()) {
                continue;
            }
            const store::Vertex t = target(hop);
            if (depth[t] != kUnreachable || (!blocked.empty() && blocked[t])) continue;
            depth[t] = depth[v] + 1;
            reachedBy[t] = hop;
            queue.push_back(t);
        }
    }
    if (depth[to] == kUnreachable) return std::nullopt;
    HopSequence hops(depth[to]);
    for (store::Vertex v = to; v != from;) {
        hops[depth[v] - 1] = reachedBy[v];
        v = origin(store_, reachedBy[v]);
    }
    return hops;
}

void StepGraph::pathsOfLength(store::Vertex from, store::Vertex to, std::size_t length,
                              const std::vector<std::size_t>& distanceTo, ExpansionBudget& budget,
                              const std::function<bool(const HopSequence&)>& found) const {
    if (from == to) {
        if (length == 0) found({});
        return;
    }
    struct Frame {
        store::Vertex entity;
        std::size_t next = 0;  // index into its steps
    };
    std::vector<bool> onPath(size(), false);
    std::vector<Frame> stack{{from}};
    HopSequence path;
    onPath[from] = true;
    while (!stack.empty()) {
        Frame& frame = stack.back();
        const std::vector<Hop>& steps = steps_[frame.entity];
        if (frame.next == steps.size()) {
            onPath[frame.entity] = false;
            stack.pop_back();
            if (!path.empty()) path.pop_back();
            continue;
        }
        const Hop hop = steps[frame.next++];
        if (!budget.spend()) return;
        const store::Vertex t = target(hop);
        const std::size_t depth = path.size() + 1;
        if (onPath[t] || distanceTo[t] == kUnreachable || depth + distanceTo[t] > length) continue;
        if (t == to) {  // a simple path ends at `to`
            if (depth < length) continue;
            path.push_back(hop);
            if (!found(path)) return;
            path.pop_back();
            continue;
        }
        path.push_back(hop);
        onPath[t] = true;
        stack.push_back({t});
    }
}

bool StepGraph::before(const HopSequence& a, const HopSequence& b) const {
    if (a.size() != b.size()) return a.size() < b.size();
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::size_t x = rank_.at(&store_.relation(a[i].relation));
        const std::size_t y = rank_.at(&store_.relation(b[i].relation));
        if (x != y) return x < y;
    }
    return false;
}

Path StepGraph::toPath(store::Vertex from, const HopSequence& hops) const {
    Path path{{from}, hops, {}};
    for (const Hop& hop : hops) {
        const store::Vertex v = path.entities.back(), t = target(hop);
        std::vector<Hop> parallel;
        if (!distinct_) {
            std::copy_if(allHops_[v].begin(), allHops_[v].end(), std::back_inserter(parallel),
                         [&](const Hop& other) { return target(other) == t && !(other == hop); });
        }
        path.parallel.push_back(std::move(parallel));
        path.entities.push_back(t);
    }
    return path;
}

void StepGraph::collectPaths(store::Vertex from, store::Vertex to, std::size_t shortest, std::size_t longest,
                             const std::vector<std::size_t>& distanceTo, const PathOptions& options,
                             PathSet& result) const {
    ExpansionBudget budget(options.maxExpansions);
    for (std::size_t length = shortest; length <= longest && result.stoppedBy == PathLimit::None; ++length) {
        pathsOfLength(from, to, length, distanceTo, budget, [&](const HopSequence& hops) {
            if (result.paths.size() == options.maxPaths) {
                result.stoppedBy = PathLimit::MaxPaths;
                return false;
            }
            result.paths.push_back(toPath(from, hops));
            return true;
        });
        if (budget.exhausted()) result.stoppedBy = PathLimit::MaxExpansions;
    }
}

}  // namespace relgraph::query
