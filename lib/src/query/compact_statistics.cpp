#include "relgraph/query/compact_statistics.hpp"

#include <algorithm>
#include <map>
#include <numeric>

namespace relgraph::query {

using store::CompactGraph;
using store::CompactId;

StoreFootprint footprintOf(const CompactGraph& graph) {
    return {graph.relationCount(), graph.memoryBytes(), graph.relationBytes()};
}

namespace {

// Union-find with path halving, over entity numbers.
class Components {
public:
    explicit Components(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), CompactId{0}); }
    CompactId find(CompactId v) {
        while (parent_[v] != v) v = parent_[v] = parent_[parent_[v]];
        return v;
    }
    void join(CompactId a, CompactId b) {
        a = find(a), b = find(b);
        if (a != b) parent_[std::max(a, b)] = std::min(a, b);
    }

private:
    std::vector<CompactId> parent_;
};

}  // namespace

CompactStatistics compactStatistics(const CompactGraph& graph, const CompactWalk& walk) {
    CompactStatistics s;
    s.entities = graph.entityCount();
    s.relations = graph.relationCount();
    s.footprint = footprintOf(graph);
    std::vector<std::size_t> kindCounts(graph.kindCount()), typeCounts(graph.typeCount());
    for (CompactId v = 0; v < s.entities; ++v) ++kindCounts[graph.entityKind(v)];
    for (CompactId r = 0; r < s.relations; ++r) ++typeCounts[graph.relationType(r)];
    std::map<std::string, std::size_t> kinds, types;
    for (std::size_t k = 0; k < kindCounts.size(); ++k) {
        if (kindCounts[k]) kinds.emplace(graph.kindName(k), kindCounts[k]);
    }
    for (std::size_t t = 0; t < typeCounts.size(); ++t) {
        if (!typeCounts[t]) continue;
        types.emplace(graph.typeName(t), typeCounts[t]);
    }
    s.kinds.assign(kinds.begin(), kinds.end());
    s.types.assign(types.begin(), types.end());
    for (const auto& [name, n] : s.types) s.typeWalked.push_back(walk.allowsType(*graph.findType(name)));

    std::vector<CompactDegree> degrees(s.entities);
    Components components(s.entities);
    for (CompactId r = 0; r < s.relations; ++r) {
        const CompactId a = graph.from(r), b = graph.to(r);
        if (!walk.allowsType(graph.relationType(r)) || !walk.allowsEntity(a) || !walk.allowsEntity(b)) continue;
        ++s.walkedRelations;
        const bool symmetric = graph.typeSymmetric(graph.relationType(r));
        ++degrees[a].relations, ++degrees[a].out;
        ++degrees[b].in;
        if (a == b) continue;  // a relation to itself links nothing
        ++degrees[b].relations;
        if (symmetric) ++degrees[a].in, ++degrees[b].out;
        components.join(a, b);
    }
    std::vector<std::size_t> sizes(s.entities, 0);
    for (CompactId v = 0; v < s.entities; ++v) {
        if (!walk.allowsEntity(v)) continue;
        degrees[v].entity = v;
        s.degrees.push_back(degrees[v]);
        if (degrees[v].relations == 0) ++s.isolated;
        ++sizes[components.find(v)];
    }
    for (const std::size_t size : sizes) {
        if (size == 0) continue;
        ++s.components;
        s.largestComponent = std::max(s.largestComponent, size);
    }
    return s;
}

std::vector<CompactDegree> topByDegree(const CompactStatistics& statistics, std::size_t k) {
    std::vector<CompactDegree> out;
    for (const CompactDegree& d : statistics.degrees) {
        if (d.relations > 0) out.push_back(d);
    }
    const auto more = [](const CompactDegree& a, const CompactDegree& b) {
        return a.relations != b.relations ? a.relations > b.relations : a.entity < b.entity;
    };
    const std::size_t n = std::min(k, out.size());
    std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(n), out.end(), more);
    out.resize(n);
    return out;
}

}  // namespace relgraph::query
