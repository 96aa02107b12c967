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

bool TraversalFilter::allowsType(const model::RelationType& type) const {
    if (avoidTypes.count(type.name) > 0) return false;
    if (!types.empty()) return types.count(type.name) > 0;
    return includeAttribution || !type.attribution;
}

bool TraversalFilter::allowsKind(const std::string& kind) const {
    if (avoidKinds.count(kind) > 0) return false;
    return kinds.empty() || kinds.count(kind) > 0;
}

bool TraversalFilter::allows(const store::GraphStore& store, store::Edge e) const { return allowsType(store.typeOf(e)); }

bool TraversalFilter::allowsEntity(const store::GraphStore& store, store::Vertex v) const {
    return named.count(v) > 0 || allowsKind(store.kindOf(v).name);
}

void TraversalFilter::validate() const {
    if (const std::string* type = firstCommon(types, avoidTypes)) {
        throw QueryError(fmt::format("relation type \"{}\" is both used and avoided", *type));
    }
    if (const std::string* kind = firstCommon(kinds, avoidKinds)) {
        throw QueryError(fmt::format("entity kind \"{}\" is both used and avoided", *kind));
    }
}

WalkFilter::WalkFilter(const store::GraphStore& store, const TraversalFilter& filter)
    : store_(&store), named_(filter.named.begin(), filter.named.end()) {
    for (std::size_t t = 0; t < store.typeCount(); ++t) {
        types_.push_back(filter.allowsType(store.type(t)));
        symmetric_.push_back(store.type(t).symmetric);
    }
    for (std::size_t k = 0; k < store.kindCount(); ++k) kinds_.push_back(filter.allowsKind(store.kind(k).name));
}

bool WalkFilter::allowsEntity(store::Vertex v) const {
    return kinds_[store_->kindIndexOf(v)] || std::binary_search(named_.begin(), named_.end(), v);
}

std::vector<Hop> hopsFrom(const WalkFilter& filter, store::Vertex v, Direction direction) {
    std::vector<Hop> hops;
    filter.forEachHop(v, direction, [&](const Hop& hop, store::Vertex far) {
        if (filter.allowsEntity(far)) hops.push_back(hop);
    });
    return hops;
}

std::vector<Hop> hopsFrom(const store::GraphStore& store, store::Vertex v, Direction direction,
                          const TraversalFilter& filter) {
    return hopsFrom(WalkFilter(store, filter), v, direction);
}

}  // namespace relgraph::query
