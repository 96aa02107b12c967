#include "relgraph/store/compact_graph.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "relgraph/common/error.hpp"
#include "relgraph/common/text.hpp"
#include "relgraph/store/compact_builder.hpp"

namespace relgraph::store {

CompactGraph::CompactGraph(CompactColumns columns, std::shared_ptr<const void> owner)
    : columns_(columns), owner_(std::move(owner)) {}

std::string_view CompactGraph::string(CompactId index) const {
    const std::uint64_t begin = columns_.stringOffsets[index];
    const std::uint64_t end = columns_.stringOffsets[index + 1];
    return {columns_.stringBytes.data() + begin, static_cast<std::size_t>(end - begin)};
}

std::string_view CompactGraph::entityName(CompactId v) const {
    return columns_.entityName.empty() ? entityId(v) : string(columns_.entityName[v]);
}

CompactId CompactGraph::fromOffsets(CompactId r) const {
    // The last entity whose run starts at or before r (entities without relations share its start).
    const auto& offsets = columns_.outOffsets;
    return static_cast<CompactId>(std::upper_bound(offsets.begin(), offsets.end(), r) - offsets.begin() - 1);
}

RelationRun CompactGraph::outRelations(CompactId v) const {
    const CompactId* list = columns_.outRelations.empty() ? nullptr : columns_.outRelations.data();
    return {list, columns_.outOffsets[v], columns_.outOffsets[v + 1]};
}

RelationRun CompactGraph::inRelations(CompactId v) const {
    return {columns_.inRelations.data(), columns_.inOffsets[v], columns_.inOffsets[v + 1]};
}

std::string CompactGraph::relationId(CompactId r) const {
    if (!columns_.relationId.empty()) return std::string(string(columns_.relationId[r]));
    const CompactId a = from(r), b = to(r), t = relationType(r);
    const std::string base = text::toIdentifier(fmt::format("{}-{}-{}", entityId(a), typeName(t), entityId(b)), '-',
                                                "relation");
    std::size_t repeat = 1;
    for (const CompactId other : outRelations(a)) {
        if (other >= r) break;
        if (to(other) == b && relationType(other) == t) ++repeat;
    }
    return repeat == 1 ? base : fmt::format("{}-{}", base, repeat);
}

std::size_t CompactGraph::sourceOf(CompactId r) const {
    return columns_.relationSource.empty() ? 0 : columns_.relationSource[r];
}

std::optional<std::size_t> CompactGraph::findKind(std::string_view name) const {
    for (std::size_t k = 0; k < kindCount(); ++k) {
        if (kindName(k) == name) return k;
    }
    return std::nullopt;
}

std::optional<std::size_t> CompactGraph::findType(std::string_view name) const {
    for (std::size_t t = 0; t < typeCount(); ++t) {
        if (typeName(t) == name) return t;
    }
    return std::nullopt;
}

std::optional<CompactId> CompactGraph::findEntity(std::string_view idNameOrAlias) const {
    const std::string key = text::normalizeName(idNameOrAlias);
    const auto& hashes = columns_.keyHash;
    const auto [lo, hi] = std::equal_range(hashes.begin(), hashes.end(), compactKeyHash(key));
    std::optional<CompactId> found;
    for (auto i = static_cast<std::size_t>(lo - hashes.begin()); i < static_cast<std::size_t>(hi - hashes.begin()); ++i) {
        if (string(columns_.keyString[i]) != key) continue;
        const CompactId v = columns_.keyEntity[i];
        if (entityId(v) == idNameOrAlias) return v;
        if (!found) found = v;  // ordered by entity within a key: the first one made
    }
    return found;
}

CompactId CompactGraph::resolveEntity(std::string_view idNameOrAlias) const {
    if (const auto v = findEntity(idNameOrAlias)) return *v;
    std::vector<std::string> names;
    names.reserve(entityCount());
    for (CompactId v = 0; v < entityCount(); ++v) names.emplace_back(entityName(v));
    std::string message = fmt::format("unknown entity \"{}\"", text::terminalSafe(idNameOrAlias));
    const auto close = text::closestMatches(idNameOrAlias, names);
    if (!close.empty()) message += " — did you mean " + text::quotedAlternatives(close) + "?";
    else message += " (no entity has a similar id, name or alias)";
    throw QueryError(message);
}

namespace {

template <class T>
std::size_t bytesOf(std::span<const T> column) {
    return column.size_bytes();
}

}  // namespace

std::size_t CompactGraph::relationBytes() const {
    const CompactColumns& c = columns_;
    return bytesOf(c.relationFrom) + bytesOf(c.relationTo) + bytesOf(c.relationType) + bytesOf(c.relationId) +
           bytesOf(c.relationSource) + bytesOf(c.outRelations) + bytesOf(c.inRelations);
}

std::size_t CompactGraph::memoryBytes() const {
    const CompactColumns& c = columns_;
    return relationBytes() + bytesOf(c.stringBytes) + bytesOf(c.stringOffsets) + bytesOf(c.entityId) +
           bytesOf(c.entityName) + bytesOf(c.entityKind) + bytesOf(c.outOffsets) + bytesOf(c.inOffsets) +
           bytesOf(c.keyHash) + bytesOf(c.keyString) + bytesOf(c.keyEntity) + bytesOf(c.kindName) + bytesOf(c.kindLabel) +
           bytesOf(c.typeName) + bytesOf(c.typeLabel) + bytesOf(c.typeFlags) + bytesOf(c.sourceFile) +
           bytesOf(c.propertyName) + bytesOf(c.propertyOwner) +
           bytesOf(c.propertyType) + bytesOf(c.propertyStart) + bytesOf(c.propertyValues) + bytesOf(c.details);
}

namespace {

// The first rule a column breaks, as text.
class Checker {
public:
    std::optional<std::string> problem;

    bool fail(std::string message) {
        if (!problem) problem = std::move(message);
        return false;
    }

    template <class T>
    bool size(const char* name, std::span<const T> column, std::size_t expected, bool mayBeEmpty = false) {
        if (column.size() == expected || (mayBeEmpty && column.empty())) return true;
        return fail(fmt::format("{} has {} values, expected {}", name, column.size(), expected));
    }

    template <class T>
    bool below(const char* name, std::span<const T> column, std::uint64_t limit, bool allowAbsent = false) {
        // A branch-free pass first (it vectorizes); the slow one only to name the bad value.
        T largest = 0;
        for (const T value : column) largest = std::max(largest, allowAbsent && value == kNoString ? T{0} : value);
        if (largest < limit) return true;
        for (std::size_t i = 0; i < column.size(); ++i) {
            if (column[i] < limit || (allowAbsent && column[i] == kNoString)) continue;
            return fail(fmt::format("{}[{}] is {}, out of range (limit {})", name, i, column[i], limit));
        }
        return true;
    }

    // Offsets: `count + 1` values from 0 rising to `total`.
    template <class T>
    bool offsets(const char* name, std::span<const T> column, std::size_t count, std::uint64_t total) {
        if (!size(name, column, count + 1)) return false;
        if (column.front() != 0) return fail(fmt::format("{} does not start at 0", name));
        for (std::size_t i = 1; i < column.size(); ++i) {
            if (column[i] < column[i - 1]) return fail(fmt::format("{}[{}] goes backwards", name, i));
        }
        if (column.back() != total) {
            return fail(fmt::format("{} ends at {}, expected {}", name, static_cast<std::uint64_t>(column.back()), total));
        }
        return true;
    }
};

// Run v of `list` (or of the numbers themselves when `list` is empty) holds rising relation numbers
// whose end (`ends`) is v.
bool checkRuns(Checker& check, const char* name, std::span<const CompactId> offsets, std::span<const CompactId> list,
               std::span<const CompactId> ends) {
    for (std::size_t v = 0; v + 1 < offsets.size(); ++v) {
        for (CompactId i = offsets[v]; i < offsets[v + 1]; ++i) {
            const CompactId r = list.empty() ? i : list[i];
            if (r >= ends.size()) return check.fail(fmt::format("{}[{}] is {}, out of range", name, i, r));
            if (ends[r] != v) return check.fail(fmt::format("{}[{}] lists relation {} under entity {}", name, i, r, v));
            if (i > offsets[v] && r <= (list.empty() ? i - 1 : list[i - 1])) {
                return check.fail(fmt::format("{}[{}] is out of order", name, i));
            }
        }
    }
    return true;
}

}  // namespace

std::optional<std::string> CompactGraph::firstProblem(Check depth) const {
    const CompactColumns& c = columns_;
    Checker check;
    if (c.stringOffsets.empty()) return "stringOffsets is empty";
    if (!check.offsets("stringOffsets", c.stringOffsets, c.stringOffsets.size() - 1, c.stringBytes.size())) {
        return check.problem;
    }
    const std::size_t strings = stringCount(), entities = c.entityId.size(), relations = c.relationTo.size();
    const std::size_t kinds = c.kindName.size(), types = c.typeName.size();
    constexpr std::uint64_t kMaxCount = 0xFFFFFFFEu;
    if (entities > kMaxCount || relations > kMaxCount || strings > kMaxCount) return "more than 4294967294 records";

    check.size("entityName", c.entityName, entities, true) && check.size("entityKind", c.entityKind, entities, true) &&
        check.size("relationFrom", c.relationFrom, relations, true) &&
        check.size("relationType", c.relationType, relations, true) &&
        check.size("relationId", c.relationId, relations, true) &&
        check.size("outRelations", c.outRelations, relations, true) &&
        check.size("inRelations", c.inRelations, relations) && check.size("keyString", c.keyString, c.keyHash.size()) &&
        check.size("keyEntity", c.keyEntity, c.keyHash.size()) && check.size("kindLabel", c.kindLabel, kinds) &&
        check.size("typeLabel", c.typeLabel, types) && check.size("typeFlags", c.typeFlags, types) &&
        check.size("propertyOwner", c.propertyOwner, c.propertyName.size()) &&
        check.size("propertyType", c.propertyType, c.propertyName.size()) &&
        check.size("propertyStart", c.propertyStart, c.propertyName.size());
    if (check.problem) return check.problem;
    if (entities > 0 && kinds == 0) return "entities but no kinds";
    if (relations > 0 && types == 0) return "relations but no types";

    for (const auto& [name, column] : {std::pair{"entityId", c.entityId}, {"entityName", c.entityName},
                                       {"relationId", c.relationId}, {"keyString", c.keyString},
                                       {"kindName", c.kindName}, {"kindLabel", c.kindLabel}, {"typeName", c.typeName},
                                       {"typeLabel", c.typeLabel}, {"sourceFile", c.sourceFile},
                                       {"propertyName", c.propertyName}}) {
        if (!check.below(name, column, strings)) return check.problem;
    }
    if (!check.below("propertyValues", c.propertyValues, strings, true) ||
        !check.below("entityKind", c.entityKind, kinds) || !check.below("relationType", c.relationType, types) ||
        !check.below("relationFrom", c.relationFrom, entities) || !check.below("relationTo", c.relationTo, entities) ||
        !check.below("keyEntity", c.keyEntity, entities) ||
        !check.below("propertyOwner", c.propertyOwner, kOwnerRelations + 1) ||
        !check.below("propertyType", c.propertyType, static_cast<std::uint64_t>(model::AttributeType::Quantity) + 1)) {
        return check.problem;
    }
    if (!check.offsets("outOffsets", c.outOffsets, entities, relations) ||
        !check.offsets("inOffsets", c.inOffsets, entities, relations) ||
        !check.below("outRelations", c.outRelations, relations) || !check.below("inRelations", c.inRelations, relations)) {
        return check.problem;
    }
    if (c.relationFrom.empty() && !c.outRelations.empty()) return "outRelations without relationFrom";
    // Without relationFrom, the out runs are the relation numbers themselves and right by definition.
    if (depth == Check::Full &&
        ((!c.relationFrom.empty() && !checkRuns(check, "outRelations", c.outOffsets, c.outRelations, c.relationFrom)) ||
         !checkRuns(check, "inRelations", c.inOffsets, c.inRelations, c.relationTo))) {
        return check.problem;
    }
    if (relations > 0 && c.sourceFile.empty()) return "relations but no source files";
    if (!check.size("relationSource", c.relationSource, relations, true) ||
        !check.below("relationSource", c.relationSource, c.sourceFile.size())) {
        return check.problem;
    }
    for (std::size_t i = 1; i < c.keyHash.size(); ++i) {
        if (c.keyHash[i] < c.keyHash[i - 1]) return fmt::format("keyHash[{}] is out of order", i);
    }
    for (std::size_t p = 0; p < c.propertyName.size(); ++p) {
        const std::size_t count = c.propertyOwner[p] == kOwnerEntities ? entities : relations;
        if (c.propertyStart[p] > c.propertyValues.size() || c.propertyValues.size() - c.propertyStart[p] < count) {
            return fmt::format("property column {} runs past propertyValues", p);
        }
    }
    return std::nullopt;
}

CompactGraph CompactGraph::fromStore(const GraphStore& store, std::string details) {
    CompactBuilder builder;
    const model::Schema& schema = store.schema();
    for (const auto& [name, kind] : schema.kinds) builder.setKindLabel(builder.kind(name), kind.label);
    for (const auto& [name, type] : schema.types) {
        const CompactId t = builder.type(name);
        builder.setTypeLabel(t, type.label);
        builder.setTypeFlags(t, static_cast<std::uint8_t>((type.symmetric ? kTypeSymmetric : 0) |
                                                          (type.attribution ? kTypeAttribution : 0)));
    }
    const Graph& g = store.graph();
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        const model::Entity& e = store.entity(v);
        const CompactId id = builder.addEntity(e.id, e.id, e.name, builder.kind(e.kind));
        for (const std::string& alias : e.aliases) builder.addAlias(id, alias);
    }
    builder.beginFile("");
    for (const Edge e : store.relations()) {
        const model::Relation& r = store.relation(e);
        const CompactId added = builder.addRelation(static_cast<CompactId>(boost::source(e, g)),
                                                    static_cast<CompactId>(boost::target(e, g)), builder.type(r.type));
        builder.setRelationId(added, r.id);
    }
    builder.setDetails(std::move(details));
    return builder.freeze();
}

}  // namespace relgraph::store
