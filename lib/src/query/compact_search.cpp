#include "relgraph/query/compact_search.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "relgraph/common/error.hpp"
#include "relgraph/common/large_array.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::query {

using store::CompactGraph;
using store::CompactId;

namespace {

constexpr std::uint32_t kUnseen = 0xFFFFFFFFu;

Direction reverse(Direction d) { return d == Direction::Out ? Direction::In : d == Direction::In ? Direction::Out : d; }

}  // namespace

CompactWalk::CompactWalk(const CompactGraph& graph, const TraversalFilter& filter, Direction direction,
                         std::vector<CompactId> named)
    : graph_(graph), named_(std::move(named)), direction_(direction) {
    filter.validate();
    const auto check = [](const std::set<std::string>& names, auto find, const char* what) {
        for (const std::string& name : names) {
            if (!find(name)) throw QueryError(fmt::format("unknown {} \"{}\"", what, text::terminalSafe(name)));
        }
    };
    check(filter.types, [&](const std::string& n) { return graph.findType(n); }, "relation type");
    check(filter.avoidTypes, [&](const std::string& n) { return graph.findType(n); }, "relation type");
    check(filter.kinds, [&](const std::string& n) { return graph.findKind(n); }, "entity kind");
    check(filter.avoidKinds, [&](const std::string& n) { return graph.findKind(n); }, "entity kind");
    for (std::size_t t = 0; t < graph.typeCount(); ++t) {
        const std::string name(graph.typeName(t));
        types_.push_back(!filter.avoidTypes.count(name) &&
                         (filter.types.empty() ? filter.includeAttribution || !graph.typeAttribution(t)
                                               : filter.types.count(name) > 0));
    }
    for (std::size_t k = 0; k < graph.kindCount(); ++k) {
        const std::string name(graph.kindName(k));
        kinds_.push_back(!filter.avoidKinds.count(name) && (filter.kinds.empty() || filter.kinds.count(name) > 0));
    }
}

bool CompactWalk::allowsEntity(CompactId v) const {
    return kinds_[graph_.entityKind(v)] || std::find(named_.begin(), named_.end(), v) != named_.end();
}

template <class F>
void CompactWalk::forEachStep(CompactId v, Direction direction, F&& f) const {
    for (const CompactId r : graph_.outRelations(v)) {
        const CompactId t = graph_.relationType(r);
        if (!types_[t] || (direction == Direction::In && !graph_.typeSymmetric(t))) continue;
        if (allowsEntity(graph_.to(r))) f(graph_.to(r));
    }
    for (const CompactId r : graph_.inRelations(v)) {
        const CompactId t = graph_.relationType(r);
        if (!types_[t] || (direction == Direction::Out && !graph_.typeSymmetric(t))) continue;
        if (allowsEntity(graph_.from(r))) f(graph_.from(r));
    }
}

namespace {

// One side of a breadth-first search: distances from its start, and its current frontier.
struct Side {
    LargeArray<std::uint32_t> distance;  // (huge pages: filled fresh for every search)
    std::vector<CompactId> frontier;
    Direction direction;
    std::uint32_t depth = 0;

    Side(std::size_t entities, CompactId start, Direction d) : distance(entities, kUnseen), frontier{start}, direction(d) {
        distance[start] = 0;
    }

    std::size_t cost(const CompactGraph& graph) const {
        std::size_t sum = 0;
        for (const CompactId v : frontier) sum += graph.outRelations(v).size() + graph.inRelations(v).size();
        return sum;
    }

    // Grows one layer; returns whether it reached an entity the other side (if any) has seen.
    bool grow(const CompactWalk& walk, const Side* other) {
        std::vector<CompactId> next;
        bool met = false;
        ++depth;
        for (const CompactId v : frontier) {
            walk.forEachStep(v, direction, [&](CompactId w) {
                if (distance[w] != kUnseen) return;
                distance[w] = depth;
                next.push_back(w);
                met = met || (other && other->distance[w] != kUnseen);
            });
        }
        frontier = std::move(next);
        return met;
    }
};

// Marks, walking back from `seeds` on `side`, every entity one layer nearer its start.
void walkBack(const CompactWalk& walk, const Side& side, std::vector<CompactId> layer, std::vector<bool>& onPath) {
    while (!layer.empty()) {
        std::vector<CompactId> previous;
        for (const CompactId v : layer) {
            const std::uint32_t d = side.distance[v];
            if (d == 0) continue;
            walk.forEachStep(v, reverse(side.direction), [&](CompactId w) {
                if (side.distance[w] == d - 1 && !onPath[w]) {
                    onPath[w] = true;
                    previous.push_back(w);
                }
            });
        }
        layer = std::move(previous);
    }
}

}  // namespace

std::vector<CompactId> shortestPathRegion(const CompactGraph& graph, CompactId from, CompactId to,
                                          const CompactWalk& walk, std::size_t maxLength) {
    if (from == to) return {from};
    const Direction d = walk.direction();
    Side forward(graph.entityCount(), from, d), backward(graph.entityCount(), to, reverse(d));
    bool met = false;
    while (!met && forward.depth + backward.depth < maxLength && !forward.frontier.empty() &&
           !backward.frontier.empty()) {
        Side& side = forward.cost(graph) <= backward.cost(graph) ? forward : backward;
        met = side.grow(walk, &side == &forward ? &backward : &forward);
    }
    if (!met) return {};
    // The walks meet at the entities both sides have seen at the least total distance.
    std::uint32_t best = kUnseen;
    std::vector<CompactId> middle;
    for (const Side* side : {&forward, &backward}) {
        for (const CompactId v : side->frontier) {
            if (forward.distance[v] == kUnseen || backward.distance[v] == kUnseen) continue;
            const std::uint32_t total = forward.distance[v] + backward.distance[v];
            if (total < best) middle.clear(), best = total;
            if (total == best) middle.push_back(v);
        }
    }
    std::sort(middle.begin(), middle.end());
    middle.erase(std::unique(middle.begin(), middle.end()), middle.end());
    std::vector<bool> onPath(graph.entityCount(), false);
    for (const CompactId v : middle) onPath[v] = true;
    walkBack(walk, forward, middle, onPath);
    walkBack(walk, backward, middle, onPath);
    std::vector<CompactId> region;
    for (CompactId v = 0; v < onPath.size(); ++v) {
        if (onPath[v]) region.push_back(v);
    }
    return region;
}

std::vector<CompactId> neighborhoodRegion(const CompactGraph& graph, CompactId center, int depth,
                                          const CompactWalk& walk) {
    Side side(graph.entityCount(), center, walk.direction());
    std::vector<CompactId> region{center};
    while (static_cast<int>(side.depth) < depth && !side.frontier.empty()) {
        side.grow(walk, nullptr);
        region.insert(region.end(), side.frontier.begin(), side.frontier.end());
    }
    std::sort(region.begin(), region.end());
    return region;
}

}  // namespace relgraph::query
