#include "step_graph.hpp"

#include "relgraph/common/error.hpp"

#include <algorithm>
#include <deque>
#include <utility>

namespace relgraph::query {

namespace {

TraversalFilter namingEnds(TraversalFilter filter, const std::vector<store::Vertex>& ends) {
    filter.named.insert(ends.begin(), ends.end());
    return filter;
}

// The direction that retraces a walk: a hop taken walking `d` is a hop of its far entity walking back.
Direction reversed(Direction d) { return d == Direction::Out ? Direction::In : d == Direction::In ? Direction::Out : d; }

}  // namespace

StepGraph::StepGraph(const store::GraphStore& store, const PathOptions& options, const std::vector<store::Vertex>& ends)
    : store_(store),
      filter_(store, namingEnds(options.filter, ends)),
      direction_(options.directed ? Direction::Out : Direction::Both),
      distinct_(options.distinctRelations) {}

const std::vector<Step>& StepGraph::stepsFrom(store::Vertex v) const {
    const auto [at, added] = steps_.try_emplace(v);
    std::vector<Step>& steps = at->second;
    if (!added) return steps;
    std::unordered_set<store::Vertex> neighbors;
    filter_.forEachHop(v, direction_, [&](const Hop& hop, store::Vertex t) {
        if (t == v || !filter_.allowsEntity(t)) return;         // a loop never shortens or extends a simple path
        if (!distinct_ && !neighbors.insert(t).second) return;  // parallel to an earlier step
        steps.push_back({hop, t});
    });
    return steps;
}

store::Vertex StepGraph::target(const Hop& hop) const { return query::target(store_, hop); }

template <class Visit>
void StepGraph::forEachNext(store::Vertex v, Visit&& visit) const {
    filter_.forEachHop(v, direction_, [&](const Hop&, store::Vertex t) {
        if (t != v && filter_.allowsEntity(t)) visit(t);
    });
}

// The far ends of t's hops walking back under the same filter, when a step may enter t at all.
template <class Visit>
void StepGraph::forEachPrevious(store::Vertex t, Visit&& visit) const {
    if (!filter_.allowsEntity(t)) return;
    filter_.forEachHop(t, reversed(direction_), [&](const Hop&, store::Vertex v) {
        if (v != t) visit(v);
    });
}

Distances StepGraph::distancesTo(store::Vertex to, std::size_t limit) const {
    Distances distances;
    distances.hops_.emplace(to, 0);
    std::deque<std::pair<store::Vertex, std::size_t>> queue{{to, 0}};
    while (!queue.empty()) {
        const auto [t, hops] = queue.front();
        queue.pop_front();
        if (hops >= limit) break;  // breadth first: the rest are as far
        forEachPrevious(t, [&](store::Vertex v) {
            if (distances.hops_.emplace(v, hops + 1).second) queue.emplace_back(v, hops + 1);
        });
    }
    return distances;
}

namespace {

// One end of a search from both ends: the hops from its end of every entity it reached, and the
// last layer it reached.
struct Side {
    Distances::Map hops;
    std::vector<store::Vertex> frontier;
    std::size_t depth = 0;

    explicit Side(store::Vertex end) : hops{{end, 0}}, frontier{end} {}
};

// The relations the next layer of `side` has to look at.
std::size_t costOf(const store::GraphStore& store, const Side& side) {
    std::size_t sum = 0;
    for (const store::Vertex v : side.frontier) sum += store.outRelations(v).size() + store.inRelations(v).size();
    return sum;
}

}  // namespace

// Layer by layer; when a layer reaches an entity the other side has seen, the ends are the two
// depths apart, and every shortest walk passes an entity of that layer the other side has seen:
// walking back from those on both sides, one hop nearer each end at a time, finds them all. Blocked
// entities are entered by neither side (but `from`, where the walks start); the side from `to` enters
// `from` only from an entity a first hop that is not excluded leads to.
Distances StepGraph::shortestWalks(store::Vertex from, store::Vertex to, std::size_t maxLength,
                                   const WalkLimits& limits) const {
    Distances toGo;
    if (from == to) {
        toGo.hops_.emplace(from, 0);
        return toGo;
    }
    const auto blocked = [&](store::Vertex v) { return limits.blocked && limits.blocked->contains(v); };
    const auto excluded = [&](const Hop& hop) {
        return limits.excludedFirst &&
               std::find(limits.excludedFirst->begin(), limits.excludedFirst->end(), hop) != limits.excludedFirst->end();
    };
    if (blocked(to)) return toGo;
    Side forward(from), backward(to);
    std::vector<store::Vertex> middle;
    bool outOfBudget = false;
    while (middle.empty() && !outOfBudget && forward.depth + backward.depth < maxLength && !forward.frontier.empty() &&
           !backward.frontier.empty()) {
        const bool ahead = costOf(store_, forward) <= costOf(store_, backward);
        Side& side = ahead ? forward : backward;
        const Side& other = ahead ? backward : forward;
        std::vector<store::Vertex> next;
        ++side.depth;
        const auto visit = [&](store::Vertex w) {
            if (limits.budget && !limits.budget->spend()) {
                outOfBudget = true;
                return;
            }
            if ((w != from && blocked(w)) || !side.hops.emplace(w, side.depth).second) return;
            next.push_back(w);
            if (other.hops.contains(w)) middle.push_back(w);
        };
        // Whether a step from `from` to v is one a walk may start with.
        const auto startsWell = [&](store::Vertex v) {
            const auto& steps = stepsFrom(from);
            return std::any_of(steps.begin(), steps.end(), [&](const Step& step) { return step.to == v && !excluded(step.hop); });
        };
        for (const store::Vertex v : side.frontier) {
            if (ahead) {
                for (const auto& [hop, t] : stepsFrom(v)) {
                    if (v == from && excluded(hop)) continue;
                    visit(t);
                }
            } else {
                forEachPrevious(v, [&](store::Vertex w) {
                    if (w != from || startsWell(v)) visit(w);
                });
            }
        }
        side.frontier = std::move(next);
    }
    if (middle.empty() || outOfBudget) return toGo;
    // The walks through the entities where the sides met that are shortest.
    std::size_t length = kUnreachable;
    for (const store::Vertex v : middle) length = std::min(length, forward.hops.at(v) + backward.hops.at(v));
    std::erase_if(middle, [&](store::Vertex v) { return forward.hops.at(v) + backward.hops.at(v) != length; });
    for (const store::Vertex v : middle) toGo.hops_.emplace(v, backward.hops.at(v));
    for (std::vector<store::Vertex> layer = middle; !layer.empty();) {  // towards `from`
        std::vector<store::Vertex> nearer;
        for (const store::Vertex v : layer) {
            const std::size_t d = forward.hops.at(v);
            forEachPrevious(v, [&](store::Vertex w) {
                const auto at = forward.hops.find(w);
                if (at != forward.hops.end() && at->second + 1 == d && toGo.hops_.emplace(w, length - at->second).second) {
                    nearer.push_back(w);
                }
            });
        }
        layer = std::move(nearer);
    }
    for (std::vector<store::Vertex> layer = middle; !layer.empty();) {  // towards `to`
        std::vector<store::Vertex> nearer;
        for (const store::Vertex v : layer) {
            const std::size_t d = backward.hops.at(v);
            forEachNext(v, [&](store::Vertex w) {
                const auto at = backward.hops.find(w);
                if (at != backward.hops.end() && at->second + 1 == d && toGo.hops_.emplace(w, at->second).second) {
                    nearer.push_back(w);
                }
            });
        }
        layer = std::move(nearer);
    }
    return toGo;
}

// Breadth-first search with each entity's hops in relation order would reach `to` first along the
// shortest path whose relations come first, hop by hop; so does taking, from `from` on, the first hop
// that stays on a shortest walk.
std::optional<HopSequence> StepGraph::firstShortest(store::Vertex from, store::Vertex to,
                                                    const std::unordered_set<store::Vertex>& blocked,
                                                    const HopSequence& excludedFirst, std::size_t maxLength,
                                                    ExpansionBudget* budget) const {
    const Distances toGo = shortestWalks(from, to, maxLength, {&blocked, &excludedFirst, budget});
    const std::size_t length = toGo[from];
    if (length == kUnreachable) return std::nullopt;
    HopSequence hops;
    for (store::Vertex v = from; hops.size() < length;) {
        const std::size_t rest = length - hops.size() - 1;
        const Step* next = nullptr;
        for (const Step& step : stepsFrom(v)) {
            if (v == from && std::find(excludedFirst.begin(), excludedFirst.end(), step.hop) != excludedFirst.end()) {
                continue;
            }
            if (toGo[step.to] == rest && !blocked.contains(step.to)) {
                next = &step;
                break;
            }
        }
        RELGRAPH_ASSERT(next != nullptr);  // a shortest walk goes on from every entity on one
        hops.push_back(next->hop);
        v = next->to;
    }
    return hops;
}

void StepGraph::pathsOfLength(store::Vertex from, store::Vertex to, std::size_t length, const Distances& distanceTo,
                              ExpansionBudget& budget, const std::function<bool(const HopSequence&)>& found) const {
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
        const std::vector<Step>& steps = stepsFrom(frame.entity);
        if (frame.next == steps.size()) {
            onPath[frame.entity] = false;
            stack.pop_back();
            if (!path.empty()) path.pop_back();
            continue;
        }
        const auto [hop, t] = steps[frame.next++];
        if (!budget.spend()) return;
        const std::size_t depth = path.size() + 1;
        const std::size_t rest = distanceTo[t];
        if (onPath[t] || rest == kUnreachable || depth + rest > length) continue;
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
        if (a[i].relation != b[i].relation) return a[i].relation < b[i].relation;
    }
    return false;
}

Path StepGraph::toPath(store::Vertex from, const HopSequence& hops) const {
    Path path{{from}, hops, {}};
    for (const Hop& hop : hops) {
        const store::Vertex v = path.entities.back(), t = target(hop);
        std::vector<Hop> parallel;
        if (!distinct_) {  // (t is allowed: a step arrives there)
            filter_.forEachHop(v, direction_, [&](const Hop& other, store::Vertex far) {
                if (far == t && !(other == hop)) parallel.push_back(other);
            });
        }
        path.parallel.push_back(std::move(parallel));
        path.entities.push_back(t);
    }
    return path;
}

void StepGraph::collectPaths(store::Vertex from, store::Vertex to, std::size_t shortest, std::size_t longest,
                             const Distances& distanceTo, const PathOptions& options, PathSet& result) const {
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
