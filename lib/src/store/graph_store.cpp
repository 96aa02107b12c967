#include "relgraph/store/graph_store.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "relgraph/common/error.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::store {

namespace {
template <class Record>
void sortById(std::vector<Record>& records) {
    std::sort(records.begin(), records.end(), [](const Record& a, const Record& b) { return a.id < b.id; });
}

// A schema entry (kind or relation type) by name or label, compared as names are; QueryError with
// the closest names when there is none.
template <class Entry>
const Entry& resolveByNameOrLabel(const std::map<std::string, Entry>& entries, std::string_view nameOrLabel,
                                  const char* what) {
    const std::string wanted = text::normalizeName(nameOrLabel);
    std::vector<std::string> names;
    for (const auto& [name, entry] : entries) {
        if (name == nameOrLabel || text::normalizeName(name) == wanted || text::normalizeName(entry.label) == wanted) {
            return entry;
        }
        names.push_back(name);
    }
    std::string message = fmt::format("unknown {} \"{}\"", what, text::terminalSafe(nameOrLabel));
    const auto close = text::closestMatches(nameOrLabel, names);
    if (!close.empty()) message += " — did you mean " + text::quotedAlternatives(close) + "?";
    throw QueryError(message);
}
}  // namespace

GraphStore::GraphStore(model::GraphData data) : schema_(std::move(data.schema)), sources_(std::move(data.sources)) {
    sortById(sources_);
    sortById(data.entities);
    sortById(data.relations);
    for (std::size_t i = 0; i < sources_.size(); ++i) sourceById_.emplace(sources_[i].id, i);

    for (model::Entity& e : data.entities) {
        const Vertex v = boost::add_vertex(std::move(e), graph_);
        const model::Entity& entity = graph_[v];
        byId_.emplace(entity.id, v);
        byName_.emplace(text::normalizeName(entity.id), v);
        byName_.emplace(text::normalizeName(entity.name), v);
        nameList_.push_back(entity.name);
        for (const std::string& alias : entity.aliases) {
            byName_.emplace(text::normalizeName(alias), v);
            nameList_.push_back(alias);
        }
    }
    for (model::Relation& r : data.relations) {
        const Vertex from = vertexOf(r.from);
        const Vertex to = vertexOf(r.to);
        const auto [e, added] = boost::add_edge(from, to, std::move(r), graph_);
        RELGRAPH_ASSERT(added);
        const model::Relation& relation = graph_[e];
        relations_.push_back(e);
        relationById_.emplace(relation.id, e);
        byType_[relation.type].push_back(e);
        for (std::size_t i = 0; i < relation.claims.size(); ++i) claims_.emplace(relation.claims[i].id, ClaimRef{e, i});
    }
}

const model::EntityKind& GraphStore::kindOf(Vertex v) const {
    const model::EntityKind* kind = schema_.findKind(graph_[v].kind);
    RELGRAPH_ASSERT(kind != nullptr);
    return *kind;
}

const model::RelationType& GraphStore::typeOf(Edge e) const {
    const model::RelationType* type = schema_.findType(graph_[e].type);
    RELGRAPH_ASSERT(type != nullptr);
    return *type;
}

const std::vector<Edge>& GraphStore::relationsOfType(const std::string& type) const {
    static const std::vector<Edge> none;
    const auto it = byType_.find(type);
    return it == byType_.end() ? none : it->second;
}

std::optional<Vertex> GraphStore::findEntity(std::string_view idNameOrAlias) const {
    if (const auto it = byId_.find(std::string(idNameOrAlias)); it != byId_.end()) return it->second;
    if (const auto it = byName_.find(text::normalizeName(idNameOrAlias)); it != byName_.end()) return it->second;
    return std::nullopt;
}

std::optional<Edge> GraphStore::findRelation(std::string_view id) const {
    const auto it = relationById_.find(std::string(id));
    if (it == relationById_.end()) return std::nullopt;
    return it->second;
}

std::optional<ClaimRef> GraphStore::findClaim(std::string_view id) const {
    const auto it = claims_.find(std::string(id));
    if (it == claims_.end()) return std::nullopt;
    return it->second;
}

const model::Source* GraphStore::findSource(std::string_view id) const {
    const auto it = sourceById_.find(std::string(id));
    return it == sourceById_.end() ? nullptr : &sources_[it->second];
}

Vertex GraphStore::vertexOf(const std::string& entityId) const {
    const auto it = byId_.find(entityId);
    RELGRAPH_ASSERT(it != byId_.end());
    return it->second;
}

Vertex GraphStore::resolveEntity(std::string_view idNameOrAlias) const {
    if (const auto v = findEntity(idNameOrAlias)) return *v;
    std::string message = fmt::format("unknown entity \"{}\"", text::terminalSafe(idNameOrAlias));
    const auto close = text::closestMatches(idNameOrAlias, nameList_);
    if (!close.empty()) message += " — did you mean " + text::quotedAlternatives(close) + "?";
    else message += " (no entity has a similar id, name or alias)";
    throw QueryError(message);
}

const model::RelationType& GraphStore::resolveType(std::string_view nameOrLabel) const {
    return resolveByNameOrLabel(schema_.types, nameOrLabel, "relation type");
}

const model::EntityKind& GraphStore::resolveKind(std::string_view nameOrLabel) const {
    return resolveByNameOrLabel(schema_.kinds, nameOrLabel, "entity kind");
}

}  // namespace relgraph::store
