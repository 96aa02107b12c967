#include "relgraph/store/store_builder.hpp"

#include "store/builder_state.hpp"

namespace relgraph::store {

StoreBuilder::StoreBuilder() : state_(std::make_unique<State>()) {}
StoreBuilder::~StoreBuilder() = default;
StoreBuilder::StoreBuilder(StoreBuilder&&) noexcept = default;
StoreBuilder& StoreBuilder::operator=(StoreBuilder&&) noexcept = default;

void StoreBuilder::reserveRelations(std::size_t count) {
    State& s = *state_;
    const std::size_t total = std::min<std::size_t>(s.relations() + count, kMaxRows);
    s.froms.reserve(total);
    s.relationTo.reserve(total);
}

void StoreBuilder::reserveForJson(std::uint64_t bytes) {
    State& s = *state_;
    // {"id":"","type":"","from":"","to":""} and {"id":"","source":""}: at least 30 bytes each.
    const std::size_t records = std::min<std::uint64_t>(bytes / 30 + 1, kMaxRows);
    reserveRelations(records);
    s.stringBytes.reserve(s.stringBytes.size() + bytes);
    s.stringOffsets.reserve(s.stringOffsets.size() + records * 2);
    for (LargeArray<Row>* column : {&s.claimRelation, &s.claimId, &s.claimSource, &s.claimDate, &s.claimSummary,
                                    &s.claimByStart, &s.claimViaStart}) {
        column->reserve(column->size() + records);
    }
    s.claimStance.reserve(s.claimStance.size() + records);
}

Row StoreBuilder::intern(std::string_view text) { return state_->intern(text); }
std::string_view StoreBuilder::string(Row s) const { return state_->text(s); }

Row StoreBuilder::kind(std::string_view name) { return state_->named(state_->kinds, state_->kindByName, name, "entity kinds"); }
Row StoreBuilder::type(std::string_view name) {
    return state_->named(state_->types, state_->typeByName, name, "relation types");
}

void StoreBuilder::declareKind(const model::EntityKind& declared) {
    State& s = *state_;
    State::KindDraft& k = s.kinds[kind(declared.name)];
    k.declared = true;
    k.label = s.intern(declared.label);
    k.description = s.internOrNone(declared.description);
    for (const auto& [name, type] : declared.attributes) k.attributes.emplace_back(s.intern(name), static_cast<std::uint8_t>(type));
}

void StoreBuilder::declareType(const model::RelationType& declared) {
    State& s = *state_;
    const Row row = type(declared.name);
    std::vector<Row> from, to;
    for (const std::string& k : declared.from) from.push_back(kind(k));
    for (const std::string& k : declared.to) to.push_back(kind(k));
    State::TypeDraft& t = s.types[row];
    t.declared = true;
    t.label = s.intern(declared.label);
    t.description = s.internOrNone(declared.description);
    t.flags = static_cast<std::uint8_t>((declared.symmetric ? kTypeSymmetric : 0) |
                                        (declared.attribution ? kTypeAttribution : 0) |
                                        (declared.anyFrom ? kTypeAnyFrom : 0) | (declared.anyTo ? kTypeAnyTo : 0));
    t.from = std::move(from);
    t.to = std::move(to);
    for (const auto& [name, type] : declared.attributes) t.attributes.emplace_back(s.intern(name), static_cast<std::uint8_t>(type));
}

void StoreBuilder::setKindLabel(Row kind, std::string_view label) { state_->kinds.at(kind).label = intern(label); }
void StoreBuilder::setTypeLabel(Row type, std::string_view label) { state_->types.at(type).label = intern(label); }
void StoreBuilder::setTypeFlags(Row type, std::uint8_t flags) {
    // Bulk types relate any kinds.
    state_->types.at(type).flags = static_cast<std::uint8_t>(flags | kTypeAnyFrom | kTypeAnyTo);
}
void StoreBuilder::setTypeAttribute(Row type, std::string_view name, model::AttributeType attributeType) {
    state_->types.at(type).attributes.emplace_back(intern(name), static_cast<std::uint8_t>(attributeType));
}
void StoreBuilder::setKindAttribute(Row kind, std::string_view name, model::AttributeType attributeType) {
    state_->kinds.at(kind).attributes.emplace_back(intern(name), static_cast<std::uint8_t>(attributeType));
}
std::size_t StoreBuilder::kindCount() const { return state_->kinds.size(); }
std::size_t StoreBuilder::typeCount() const { return state_->types.size(); }

void StoreBuilder::beginFile(std::string_view file) {
    State& s = *state_;
    if (s.inputFiles.size() > 0xFFFF) throw LoadError({{Place{std::string(file), 0, 0, {}}, "more than 65536 input files"}});
    s.inputFiles.push_back(s.intern(file));
}

Row StoreBuilder::entityRef(std::string_view id) { return state_->entityRef(id); }
Row StoreBuilder::sourceRef(std::string_view id) { return state_->sourceRef(id); }

Row StoreBuilder::declareEntity(const model::Entity& e, Origin origin) {
    State& s = *state_;
    Row entity = s.entityRef(e.id);
    if (s.entityDeclared.get(entity)) {
        const Row first = entity;
        entity = static_cast<Row>(s.entities());
        s.entityId.push_back(s.entityId[first]);
        s.entityDuplicate.set(entity, first);
    }
    s.entityDeclared.set(entity, 1);
    s.entityOrigin.set(entity, origin);
    s.entityName.set(entity, e.name == e.id ? kNoString : s.intern(e.name));
    s.entityKind.set(entity, e.kind.empty() ? kNone : kind(e.kind));
    s.entityDescription.set(entity, s.internOrNone(e.description));
    for (const std::string& alias : e.aliases) addAlias(entity, alias);
    for (const auto& [name, value] : e.attributes) s.attributes[kEntityOwner].push_back({entity, s.stored(name, value)});
    return entity;
}

Row StoreBuilder::declareSource(const model::Source& record, Origin origin) {
    State& s = *state_;
    Row source = s.sourceRef(record.id);
    if (s.sourceDeclared.get(source)) {
        const Row first = source;
        source = s.newSource(s.sourceId[first]);
        s.sourceDuplicate.set(source, first);
    }
    s.sourceDeclared.set(source, 1);
    s.sourceOrigin.set(source, origin);
    s.sourceTitle[source] = s.intern(record.title);
    s.sourcePublisher[source] = record.publisher.empty() ? kNone : s.entityRef(record.publisher);
    s.sourceDate[source] = s.internOrNone(record.date);
    for (const std::string& author : record.authors) {
        s.authorSource.push_back(source);
        s.authorString.push_back(s.intern(author));
    }
    s.sourceUrl[source] = s.internOrNone(record.url);
    s.sourceRepublishes[source] = record.republishes.empty() ? kNone : s.sourceRef(record.republishes);
    for (const std::string& other : record.reliesOn) {
        s.reliesSource.push_back(source);
        s.reliesTarget.push_back(s.sourceRef(other));
    }
    s.sourceNote[source] = s.internOrNone(record.note);
    return source;
}

Row StoreBuilder::addRelation(const model::Relation& r, Origin origin) {
    State& s = *state_;
    const Row id = s.intern(r.id);
    const Row first = slot(s.relationByString, id);
    const Row from = s.entityOrNone(r.from);  // in this order: rows are given on first mention
    const Row to = s.entityOrNone(r.to);
    const Row relation = addRelation(from, to, r.type.empty() ? kNone : type(r.type));
    s.relationId.set(relation, id);
    if (first == kNone) setSlot(s.relationByString, id, relation);
    else s.relationDuplicate.set(relation, first);
    s.relationOrigin.set(relation, origin);
    for (const auto& [name, value] : r.attributes) s.attributes[kRelationOwner].push_back({relation, s.stored(name, value)});
    for (const model::Claim& claim : r.claims) s.addClaim(relation, claim);
    return relation;
}

std::optional<Row> StoreBuilder::findEntity(std::string_view key) const { return state_->findEntity(key); }

bool StoreBuilder::hasEntityId(std::string_view id) const { return state_->findById(id).has_value(); }

Row StoreBuilder::addEntity(std::string_view key, std::string_view id, std::string_view name, Row kind) {
#ifndef NDEBUG  // the mappers make ids unique; the sanitizer tests' debug builds make sure
    RELGRAPH_ASSERT(!hasEntityId(id));
#endif
    return state_->makeEntity(key, id, name, kind);
}

void StoreBuilder::addAlias(Row entity, std::string_view alias) {
    state_->aliasEntity.push_back(entity);
    state_->aliasString.push_back(intern(alias));
}

void StoreBuilder::setDescription(Row entity, std::string_view description) {
    state_->entityDescription.set(entity, state_->internOrNone(description));
}

std::size_t StoreBuilder::entityCount() const { return state_->entities(); }

Row StoreBuilder::addRelation(Row from, Row to, Row type) {
    State& s = *state_;
    if (s.relations() >= kMaxRows) throw LoadError({{Place{}, "more than 4294967294 relations"}});
    if (s.inputFiles.empty()) beginFile("");
    const auto relation = static_cast<Row>(s.relations());
    s.froms.push(from);
    s.relationTo.push_back(to);
    s.relationType.set(relation, type);
    s.relationFile.set(relation, static_cast<std::uint16_t>(s.inputFiles.size() - 1));
    return relation;
}

std::size_t StoreBuilder::relationCount() const { return state_->relations(); }

void StoreBuilder::setRelationId(Row relation, std::string_view id) {
    State& s = *state_;
    const Row string = s.intern(id);
    s.relationId.set(relation, string);
    setSlot(s.relationByString, string, relation);
}

void StoreBuilder::addClaim(Row relation, const model::Claim& claim) { state_->addClaim(relation, claim); }

void StoreBuilder::setEntityOrigin(Row entity, Origin origin) { state_->entityOrigin.set(entity, origin); }
void StoreBuilder::setRelationOrigin(Row relation, Origin origin) { state_->relationOrigin.set(relation, origin); }

void StoreBuilder::setAttribute(std::uint8_t owner, Row record, std::string_view name, const model::AttributeValue& value) {
    State& s = *state_;
    s.attributes[owner == kOwnerEntities ? kEntityOwner : kRelationOwner].push_back({record, s.stored(name, value)});
}

Row StoreBuilder::property(std::string_view name, std::uint8_t owner, Row kindOrType, model::AttributeType type) {
    State& s = *state_;
    const std::string key = fmt::format("{}\n{}\n{}", owner, kindOrType, name);
    if (const auto it = s.propertyByKey.find(key); it != s.propertyByKey.end()) return it->second;
    const auto column = static_cast<Row>(s.properties.size());
    s.properties.push_back({intern(name), owner, static_cast<std::uint8_t>(type), {}});
    s.propertyByKey.emplace(key, column);
    return column;
}

void StoreBuilder::setPropertyType(Row column, model::AttributeType type) {
    state_->properties.at(column).type = static_cast<std::uint8_t>(type);
}

void StoreBuilder::setProperty(Row column, Row record, std::string_view value) {
    LargeArray<Row>& values = state_->properties.at(column).values;
    if (record >= values.size()) values.resize(record + 1, kNoString);
    values[record] = intern(value);
}

std::size_t StoreBuilder::memoryBytes() const {
    const State& s = *state_;
    return s.stringBytes.capacity() + s.stringOffsets.capacity() * 8 + s.hashSlots.size() * 8 +
           (s.entityId.size() + s.entityName.values().size() + s.entityById.size() + s.entityByKey.size()) * 4 +
           s.entityByNumber.bytes() + s.froms.bytes() + s.relationTo.size() * 4 + s.relationType.values().size() * 4 +
           s.claimRelation.size() * 40;
}

GraphStore StoreBuilder::freeze() {
    GraphStore store = state_->freeze();
    state_ = std::make_unique<State>();
    return store;
}

}  // namespace relgraph::store
