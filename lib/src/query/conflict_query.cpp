#include "relgraph/query/conflict_query.hpp"

#include <algorithm>
#include <map>

namespace relgraph::query {

std::vector<Conflict> findConflicts(const store::GraphStore& store, const std::vector<store::Edge>& relations) {
    const std::vector<store::Edge>& scope = relations.empty() ? store.relations() : relations;
    std::vector<Conflict> out;
    for (const store::Edge e : scope) {
        const model::Relation& r = store.relation(e);
        std::map<std::string, std::vector<ConflictingValue>> byAttribute;
        for (std::size_t i = 0; i < r.claims.size(); ++i) {
            if (r.claims[i].stance == model::Stance::Denies) continue;
            for (const auto& [name, value] : r.claims[i].values) {
                if (value.type == model::AttributeType::String || value.type == model::AttributeType::Boolean) continue;
                auto& values = byAttribute[name];
                auto it = std::find_if(values.begin(), values.end(),
                                       [&](const ConflictingValue& v) { return v.value == value; });
                if (it == values.end()) it = values.insert(values.end(), ConflictingValue{value, {}});
                it->claims.push_back(attributionOf(store, {e, i}));
            }
        }
        for (auto& [name, values] : byAttribute) {
            bool disagree = false;
            for (std::size_t a = 0; a < values.size() && !disagree; ++a) {
                for (std::size_t b = a + 1; b < values.size() && !disagree; ++b) {
                    disagree = !model::mayAgree(values[a].value, values[b].value);
                }
            }
            if (disagree) out.push_back({e, name, std::move(values)});
        }
    }
    return out;
}

}  // namespace relgraph::query
