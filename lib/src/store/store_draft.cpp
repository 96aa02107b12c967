// StoreBuilder::Draft: the records a builder holds, as the loader checks them before freezing.

#include "store/builder_state.hpp"

namespace relgraph::store {

namespace {

// Rows grouped by an owner, in the order given: start (owners + 1) and the rows.
void group(std::span<const Row> owners, std::size_t count, std::vector<Row>& start, std::vector<Row>& rows) {
    start.assign(count + 1, 0);
    for (const Row o : owners) ++start[o + 1];
    for (std::size_t i = 0; i < count; ++i) start[i + 1] += start[i];
    rows.resize(owners.size());
    std::vector<Row> at(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < owners.size(); ++i) rows[at[owners[i]]++] = static_cast<Row>(i);
}

}  // namespace

StoreBuilder::Draft::Draft(const StoreBuilder& builder) : s_(*builder.state_) {
    group(s_.claimRelation, s_.relations(), claimStart_, claimRows_);
    group(s_.reliesSource, s_.sourceId.size(), reliesStart_, relies_);
    for (Row& r : relies_) r = s_.reliesTarget[r];
    group(s_.aliasEntity, s_.entities(), aliasStart_, aliasRows_);
    froms_.reserve(s_.relations());
    s_.froms.forEachRun([&](Row v, Row, Row n) { froms_.insert(froms_.end(), n, v); });
}

StoreBuilder::Draft StoreBuilder::draft() const { return Draft(*this); }

std::string_view StoreBuilder::Draft::string(Row s) const { return s_.text(s); }

std::size_t StoreBuilder::Draft::entityCount() const { return s_.entities(); }
std::string_view StoreBuilder::Draft::entityId(Row v) const { return s_.text(s_.entityId[v]); }
std::string_view StoreBuilder::Draft::entityName(Row v) const {
    const Row name = s_.entityName.get(v);
    return name == kNoString ? entityId(v) : s_.text(name);
}
Row StoreBuilder::Draft::entityKind(Row v) const { return s_.entityKind.get(v); }
bool StoreBuilder::Draft::entityDeclared(Row v) const { return s_.entityDeclared.get(v) != 0; }
StoreBuilder::Origin StoreBuilder::Draft::entityOrigin(Row v) const { return s_.entityOrigin.get(v); }
Row StoreBuilder::Draft::duplicateEntityOf(Row v) const { return s_.entityDuplicate.get(v); }
std::vector<std::string_view> StoreBuilder::Draft::aliases(Row v) const {
    std::vector<std::string_view> out;
    for (Row i = aliasStart_[v]; i < aliasStart_[v + 1]; ++i) out.push_back(s_.text(s_.aliasString[aliasRows_[i]]));
    return out;
}

std::string_view StoreBuilder::Draft::kindName(Row k) const { return s_.text(s_.kinds[k].name); }
bool StoreBuilder::Draft::kindDeclared(Row k) const { return s_.kinds[k].declared; }
std::string_view StoreBuilder::Draft::typeName(Row t) const { return s_.text(s_.types[t].name); }

std::size_t StoreBuilder::Draft::relationCount() const { return s_.relations(); }
Row StoreBuilder::Draft::relationFrom(Row r) const { return froms_[r]; }
Row StoreBuilder::Draft::relationTo(Row r) const { return s_.relationTo[r]; }
Row StoreBuilder::Draft::relationType(Row r) const { return s_.relationType.get(r); }
std::string_view StoreBuilder::Draft::relationId(Row r) const {
    const Row id = s_.relationId.get(r);
    return id == kNoString ? std::string_view() : s_.text(id);
}
StoreBuilder::Origin StoreBuilder::Draft::relationOrigin(Row r) const { return s_.relationOrigin.get(r); }
Row StoreBuilder::Draft::duplicateRelationOf(Row r) const { return s_.relationDuplicate.get(r); }
std::span<const Row> StoreBuilder::Draft::claims(Row r) const {
    return {claimRows_.data() + claimStart_[r], claimRows_.data() + claimStart_[r + 1]};
}

std::size_t StoreBuilder::Draft::claimCount() const { return s_.claimRelation.size(); }
std::string_view StoreBuilder::Draft::claimId(Row c) const { return s_.text(s_.claimId[c]); }
Row StoreBuilder::Draft::claimIdString(Row c) const { return s_.claimId[c]; }
Row StoreBuilder::Draft::claimSource(Row c) const { return s_.claimSource[c]; }
std::span<const Row> StoreBuilder::Draft::claimBy(Row c) const {
    return {s_.claimBy.data() + s_.claimByStart[c], s_.claimBy.data() + s_.claimByStart[c + 1]};
}
std::span<const Row> StoreBuilder::Draft::claimVia(Row c) const {
    return {s_.claimVia.data() + s_.claimViaStart[c], s_.claimVia.data() + s_.claimViaStart[c + 1]};
}

std::size_t StoreBuilder::Draft::sourceCount() const { return s_.sourceId.size(); }
std::string_view StoreBuilder::Draft::sourceId(Row s) const { return s_.text(s_.sourceId[s]); }
bool StoreBuilder::Draft::sourceDeclared(Row s) const { return s_.sourceDeclared.get(s) != 0; }
StoreBuilder::Origin StoreBuilder::Draft::sourceOrigin(Row s) const { return s_.sourceOrigin.get(s); }
Row StoreBuilder::Draft::duplicateSourceOf(Row s) const { return s_.sourceDuplicate.get(s); }
Row StoreBuilder::Draft::sourcePublisher(Row s) const { return s_.sourcePublisher[s]; }
Row StoreBuilder::Draft::sourceRepublishes(Row s) const { return s_.sourceRepublishes[s]; }
std::span<const Row> StoreBuilder::Draft::sourceRelies(Row s) const {
    return {relies_.data() + reliesStart_[s], relies_.data() + reliesStart_[s + 1]};
}

}  // namespace relgraph::store
