#pragma once
// What path, neighbourhood, subgraph and statistics queries may walk over.

#include <set>
#include <string>
#include <vector>

#include "relgraph/store/graph_store.hpp"

namespace relgraph::query {

enum class Direction { Out, In, Both };

// One step along a relation; `forward` when walked from the relation's `from` to its `to`.
struct Hop {
    store::Edge relation;
    bool forward = true;

    friend bool operator==(const Hop&, const Hop&) = default;
};

struct TraversalFilter {
    std::set<std::string> types;       // relation types to use; empty: all (attribution ones only when included)
    std::set<std::string> avoidTypes;  // relation types never to use
    std::set<std::string> kinds;       // entity kinds a walk may reach; empty: all
    std::set<std::string> avoidKinds;  // entity kinds a walk may not reach
    bool includeAttribution = false;   // walk "reported"/"told" relations too
    // The entities a query names (path ends, the centre, the entities to connect): the kind
    // filters do not apply to them. Queries add their own; callers leave it empty.
    std::set<store::Vertex> named;

    // One relation's type and one entity's kind, looked up by name: for single checks (walks use
    // WalkFilter, which looks them up once).
    bool allows(const store::GraphStore& store, store::Edge e) const;          // by relation type
    bool allowsEntity(const store::GraphStore& store, store::Vertex v) const;  // by entity kind
    bool allowsType(const model::RelationType& type) const;
    bool allowsKind(const std::string& kind) const;
    // QueryError when the filter contradicts itself: a type or kind both used and avoided.
    void validate() const;
};

// A TraversalFilter in one store's numbers, made once per query for the loops that test every
// relation they pass: whether each type and kind is allowed, by index, and the named entities
// sorted. Types and kinds the store does not have allow nothing, as by name.
class WalkFilter {
public:
    WalkFilter(const store::GraphStore& store, const TraversalFilter& filter);

    bool allowsType(std::size_t type) const { return types_[type]; }
    bool allows(store::Edge e) const { return types_[store_->typeIndexOf(e)]; }
    bool allowsEntity(store::Vertex v) const;

    // Calls f(hop, far entity) for every hop leaving v in `direction` whose relation type is
    // allowed (whatever the far entity), in increasing relation order: the relations leaving v and
    // those arriving merged, symmetric ones both ways, a relation to v itself once, forward.
    template <class F>
    void forEachHop(store::Vertex v, Direction direction, F&& f) const;

private:
    const store::GraphStore* store_;
    std::vector<bool> types_, symmetric_;  // by type index
    std::vector<bool> kinds_;              // by kind index
    std::vector<store::Vertex> named_;     // increasing
};

// The hops leaving `v` that `filter` allows in `direction` and whose far entity it allows, in
// relation order (which is relation id order). Symmetric relations count as both outgoing and
// incoming.
std::vector<Hop> hopsFrom(const WalkFilter& filter, store::Vertex v, Direction direction);
std::vector<Hop> hopsFrom(const store::GraphStore& store, store::Vertex v, Direction direction,
                          const TraversalFilter& filter);

// The entity a hop arrives at, and the one it leaves.
inline store::Vertex target(const store::GraphStore& store, const Hop& hop) {
    return hop.forward ? store.to(hop.relation) : store.from(hop.relation);
}
inline store::Vertex origin(const store::GraphStore& store, const Hop& hop) {
    return hop.forward ? store.from(hop.relation) : store.to(hop.relation);
}

template <class F>
void WalkFilter::forEachHop(store::Vertex v, Direction direction, F&& f) const {
    const store::RowRange out = store_->outRelations(v), in = store_->inRelations(v);
    auto o = out.begin(), i = in.begin();
    while (o != out.end() || i != in.end()) {
        if (i == in.end() || (o != out.end() && *o < *i)) {
            const store::Edge e = *o++;
            const std::size_t t = store_->typeIndexOf(e);
            if (types_[t] && (direction != Direction::In || symmetric_[t])) f(Hop{e, true}, store_->to(e));
            continue;
        }
        const store::Edge e = *i++;
        const store::Vertex far = store_->from(e);
        if (far == v) continue;  // a loop is listed with the relations leaving v
        const std::size_t t = store_->typeIndexOf(e);
        if (types_[t] && (direction != Direction::Out || symmetric_[t])) f(Hop{e, false}, far);
    }
}

}  // namespace relgraph::query
