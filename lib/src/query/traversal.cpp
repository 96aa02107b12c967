#include "relgraph/query/traversal.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "relgraph/common/error.hpp"

namespace relgraph::query {

namespace {
// The first name in both sets, if any.
const std::string* firstCommon(const std::set<std::string>& a, const std::set<std::string>& b) {
    for (const std::string& name : a) {
        if (b.count(name) > 0) return &name;
    }
    return nullptr;
}
}  // namespace

bool TraversalFilter::allows(const store::GraphStore& store, store::Edge e) const {
    const model::Relation& r = store.relation(e);
    if (avoidTypes.count(r.type) > 0) return false;
    if (!types.empty()) return types.count(r.type) > 0;
    return includeAttribution || !store.typeOf(e).attribution;
}

bool TraversalFilter::allowsEntity(const store::GraphStore& store, store::Vertex v) const {
    if (named.count(v) > 0) return true;
    const std::string& kind = store.entity(v).kind;
    if (avoidKinds.count(kind) > 0) return false;
    return kinds.empty() || kinds.count(kind) > 0;
}

void TraversalFilter::validate() const {
    if (const std::string* type = firstCommon(types, avoidTypes)) {
        throw QueryError(fmt::format("relation type \"{}\" is both used and avoided", *type));
    }
    if (const std::string* kind = firstCommon(kinds, avoidKinds)) {
        throw QueryError(fmt::format("entity kind \"{}\" is both used and avoided", *kind));
    }
}

std::vector<Hop> hopsFrom(const store::GraphStore& store, store::Vertex v, Direction direction,
                          const TraversalFilter& filter) {
    const store::Graph& g = store.graph();
    std::vector<Hop> hops;
    for (const store::Edge e : boost::make_iterator_range(boost::out_edges(v, g))) {
        if (!filter.allows(store, e) || !filter.allowsEntity(store, boost::target(e, g))) continue;
        if (direction != Direction::In || store.typeOf(e).symmetric) hops.push_back({e, true});
    }
    for (const store::Edge e : boost::make_iterator_range(boost::in_edges(v, g))) {
        if (!filter.allows(store, e) || !filter.allowsEntity(store, boost::source(e, g))) continue;
        if (boost::source(e, g) == v) continue;  // a loop was listed with the out-edges
        if (direction != Direction::Out || store.typeOf(e).symmetric) hops.push_back({e, false});
    }
    std::sort(hops.begin(), hops.end(), [&](const Hop& a, const Hop& b) {
        return store.relation(a.relation).id < store.relation(b.relation).id;
    });
    return hops;
}

store::Vertex target(const store::GraphStore& store, const Hop& hop) {
    const store::Graph& g = store.graph();
    return hop.forward ? boost::target(hop.relation, g) : boost::source(hop.relation, g);
}

store::Vertex origin(const store::GraphStore& store, const Hop& hop) {
    const store::Graph& g = store.graph();
    return hop.forward ? boost::source(hop.relation, g) : boost::target(hop.relation, g);
}

}  // namespace relgraph::query
