#include "relgraph/query/traversal.hpp"

#include <algorithm>

namespace relgraph::query {

bool TraversalFilter::allows(const store::GraphStore& store, store::Edge e) const {
    const model::Relation& r = store.relation(e);
    if (!types.empty()) return types.count(r.type) > 0;
    return includeAttribution || !store.typeOf(e).attribution;
}

std::vector<Hop> hopsFrom(const store::GraphStore& store, store::Vertex v, Direction direction,
                          const TraversalFilter& filter) {
    const store::Graph& g = store.graph();
    std::vector<Hop> hops;
    for (const store::Edge e : boost::make_iterator_range(boost::out_edges(v, g))) {
        if (!filter.allows(store, e)) continue;
        if (direction != Direction::In || store.typeOf(e).symmetric) hops.push_back({e, true});
    }
    for (const store::Edge e : boost::make_iterator_range(boost::in_edges(v, g))) {
        if (!filter.allows(store, e)) continue;
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

}  // namespace relgraph::query
