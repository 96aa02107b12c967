#include "relgraph/model/schema.hpp"

#include <algorithm>

namespace relgraph::model {

bool RelationType::allowsFrom(const std::string& kind) const {
    return anyFrom || std::find(from.begin(), from.end(), kind) != from.end();
}

bool RelationType::allowsTo(const std::string& kind) const {
    return anyTo || std::find(to.begin(), to.end(), kind) != to.end();
}

const EntityKind* Schema::findKind(const std::string& name) const {
    const auto it = kinds.find(name);
    return it == kinds.end() ? nullptr : &it->second;
}

const RelationType* Schema::findType(const std::string& name) const {
    const auto it = types.find(name);
    return it == types.end() ? nullptr : &it->second;
}

}  // namespace relgraph::model
