// StoreBuilder::freeze: the records put in the store's order, every reference remapped, the
// indexes built (store/store_builder.hpp).

#include <malloc.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <set>
#include <unordered_set>

#include "relgraph/common/text.hpp"
#include "store/builder_state.hpp"

namespace relgraph::store {

// The columns a frozen store owns: each array moved into a holder the store keeps alive.
class OwnedColumns {
public:
    template <class T, class Array>
    void own(std::span<const T> StoreColumns::*member, Array&& values) {
        if (values.empty()) return;
        auto holder = std::make_shared<std::remove_cvref_t<Array>>(std::forward<Array>(values));
        releaseUnused(*holder);
        columns_.*member = std::span<const T>(holder->data(), holder->size());
        holders_.push_back(std::move(holder));
    }

    GraphStore store() && {
        auto owner = std::make_shared<std::vector<std::shared_ptr<const void>>>(std::move(holders_));
        return GraphStore(columns_, std::move(owner));
    }

private:
    StoreColumns columns_;
    std::vector<std::shared_ptr<const void>> holders_;
};

namespace {

template <class T>
LargeArray<T> narrowed(const LargeArray<Row>& values) {
    LargeArray<T> out(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) out[i] = static_cast<T>(values[i]);
    return out;
}

// A list per record from (record, value) pairs in the order given: starts (records + 1) and values.
void listsOf(const LargeArray<Row>& owners, const LargeArray<Row>& values, std::size_t records, LargeArray<Row>& starts,
             LargeArray<Row>& out) {
    LargeArray<Row> rows;
    groupByKey(owners, records, starts, rows);
    out.resize(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) out[i] = values[rows[i]];
}

}  // namespace

// Kinds and types in name order; kindMap and typeMap take a draft's row to its place.
void StoreBuilder::State::finishSchema(OwnedColumns& out, LargeArray<Row>& kindMap, LargeArray<Row>& typeMap) {
    const auto byName = [&](const auto& drafts) {
        LargeArray<Row> order(drafts.size());
        std::iota(order.begin(), order.end(), Row{0});
        std::sort(order.begin(), order.end(),
                  [&](Row a, Row b) { return text(drafts[a].name) < text(drafts[b].name); });
        return order;
    };
    // Declarations in name order, the first of a name kept.
    const auto declarations = [&](std::vector<std::pair<Row, std::uint8_t>> list, LargeArray<Row>& starts,
                                  LargeArray<Row>& names, LargeArray<std::uint8_t>& typeOf) {
        std::stable_sort(list.begin(), list.end(), [&](const auto& a, const auto& b) { return text(a.first) < text(b.first); });
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i > 0 && list[i].first == list[i - 1].first) continue;
            names.push_back(list[i].first);
            typeOf.push_back(list[i].second);
        }
        starts.push_back(static_cast<Row>(names.size()));
    };

    const LargeArray<Row> kindOrder = byName(kinds);
    kindMap = inverse(kindOrder);
    LargeArray<Row> kindName, kindLabel, kindDescription, kindAttributeStart{0}, kindAttributeName;
    LargeArray<std::uint8_t> kindAttributeType;
    for (const Row k : kindOrder) {
        kindName.push_back(kinds[k].name);
        kindLabel.push_back(kinds[k].label);
        kindDescription.push_back(kinds[k].description);
        declarations(kinds[k].attributes, kindAttributeStart, kindAttributeName, kindAttributeType);
    }
    const LargeArray<Row> typeOrder = byName(types);
    typeMap = inverse(typeOrder);
    LargeArray<Row> typeName, typeLabel, typeDescription, typeFromStart{0}, typeToStart{0}, typeAttributeStart{0},
        typeAttributeName;
    LargeArray<std::uint16_t> typeFrom, typeTo;
    LargeArray<std::uint8_t> typeFlags, typeAttributeType;
    for (const Row t : typeOrder) {
        const TypeDraft& type = types[t];
        typeName.push_back(type.name);
        typeLabel.push_back(type.label);
        typeDescription.push_back(type.description);
        typeFlags.push_back(type.flags);
        for (const Row k : type.from) typeFrom.push_back(static_cast<std::uint16_t>(kindMap[k]));
        typeFromStart.push_back(static_cast<Row>(typeFrom.size()));
        for (const Row k : type.to) typeTo.push_back(static_cast<std::uint16_t>(kindMap[k]));
        typeToStart.push_back(static_cast<Row>(typeTo.size()));
        declarations(type.attributes, typeAttributeStart, typeAttributeName, typeAttributeType);
    }
    out.own(&StoreColumns::kindName, std::move(kindName));
    out.own(&StoreColumns::kindLabel, std::move(kindLabel));
    out.own(&StoreColumns::kindDescription, std::move(kindDescription));
    out.own(&StoreColumns::kindAttributeStart, std::move(kindAttributeStart));
    out.own(&StoreColumns::kindAttributeName, std::move(kindAttributeName));
    out.own(&StoreColumns::kindAttributeType, std::move(kindAttributeType));
    out.own(&StoreColumns::typeName, std::move(typeName));
    out.own(&StoreColumns::typeLabel, std::move(typeLabel));
    out.own(&StoreColumns::typeDescription, std::move(typeDescription));
    out.own(&StoreColumns::typeFlags, std::move(typeFlags));
    out.own(&StoreColumns::typeFromStart, std::move(typeFromStart));
    out.own(&StoreColumns::typeFrom, std::move(typeFrom));
    out.own(&StoreColumns::typeToStart, std::move(typeToStart));
    out.own(&StoreColumns::typeTo, std::move(typeTo));
    out.own(&StoreColumns::typeAttributeStart, std::move(typeAttributeStart));
    out.own(&StoreColumns::typeAttributeName, std::move(typeAttributeName));
    out.own(&StoreColumns::typeAttributeType, std::move(typeAttributeType));
}

// The entity rows in id order (idLess). Decimal ids are compared as numbers without looking at their
// text again; most inputs come in order already, which is checked first.
LargeArray<Row> StoreBuilder::State::entityOrder() const {
    const std::size_t n = entities();
    LargeArray<Row> order(n);
    std::iota(order.begin(), order.end(), Row{0});
    const auto less = [&](Row a, Row b) { return idLess(text(entityId[a]), text(entityId[b])); };
    bool sorted = true;
    for (std::size_t i = 1; i < n && sorted; ++i) sorted = !less(static_cast<Row>(i), static_cast<Row>(i - 1));
    if (sorted) return order;
    struct Keyed {
        std::uint64_t number;
        Row row;
    };
    LargeArray<Keyed> numbers;
    numbers.reserve(n);
    for (Row v = 0; v < n; ++v) {
        const auto number = decimalKey(text(entityId[v]));
        if (!number) break;
        numbers.push_back({*number, v});
    }
    if (numbers.size() == n) {
        std::uint64_t largest = 0;
        for (const Keyed& k : numbers) largest = std::max(largest, k.number);
        if (largest < 4 * n + (std::size_t{1} << 20)) {
            // Numbers within a few times the count (SNAP files number their nodes from 0): counted
            // into place, rows in order within a number.
            LargeArray<Row> start(static_cast<std::size_t>(largest) + 2, 0);
            for (const Keyed& k : numbers) ++start[static_cast<std::size_t>(k.number) + 1];
            for (std::size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
            for (const Keyed& k : numbers) order[start[static_cast<std::size_t>(k.number)]++] = k.row;
            return order;
        }
        std::sort(numbers.begin(), numbers.end(), [](const Keyed& a, const Keyed& b) {
            return a.number != b.number ? a.number < b.number : a.row < b.row;
        });
        for (std::size_t i = 0; i < n; ++i) order[i] = numbers[i].row;
        return order;
    }
    LargeArray<Keyed>().swap(numbers);
    std::stable_sort(order.begin(), order.end(), less);
    return order;
}

// Property columns of bulk files become typed attributes, declared on the kinds and types of the
// records that have them.
void StoreBuilder::State::propertiesToAttributes() {
    std::set<std::pair<Row, Row>> declaredKind, declaredType;  // kind or type, name
    for (std::size_t k = 0; k < kinds.size(); ++k) {
        for (const auto& [name, type] : kinds[k].attributes) declaredKind.emplace(static_cast<Row>(k), name);
    }
    for (std::size_t t = 0; t < types.size(); ++t) {
        for (const auto& [name, type] : types[t].attributes) declaredType.emplace(static_cast<Row>(t), name);
    }
    for (PropertyDraft& p : properties) {
        const auto type = static_cast<model::AttributeType>(p.type);
        const bool entity = p.owner == kOwnerEntities;
        for (std::size_t r = 0; r < p.values.size(); ++r) {
            if (p.values[r] == kNoString) continue;
            const model::AttributeValue value = propertyValue(text(p.values[r]), type);
            attributes[entity ? kEntityOwner : kRelationOwner].push_back(
                {static_cast<Row>(r), encodeAttribute(p.name, value, [&](std::string_view s) { return intern(s); }, bounds)});
            const Row owner = entity ? entityKind.get(r) : relationType.get(r);
            if (entity && declaredKind.emplace(owner, p.name).second) kinds[owner].attributes.emplace_back(p.name, static_cast<std::uint8_t>(value.type));
            if (!entity && declaredType.emplace(owner, p.name).second) types[owner].attributes.emplace_back(p.name, static_cast<std::uint8_t>(value.type));
        }
        LargeArray<Row>().swap(p.values);
    }
    properties.clear();
}

void StoreBuilder::State::buildNameIndex(OwnedColumns& out) {
    struct Key {
        std::uint32_t hash;
        Row string, entity;
        auto operator<=>(const Key&) const = default;
    };
    LargeArray<Key> keys;
    keys.reserve(entities() + aliasString.size());
    // ASCII text without capitals or white space is its own normal form (most ids).
    const auto isNormal = [](std::string_view t) {
        return std::none_of(t.begin(), t.end(), [](char ch) {
            return (ch >= 'A' && ch <= 'Z') || ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
                   static_cast<unsigned char>(ch) >= 0x80;
        });
    };
    const auto add = [&](Row entity, Row raw) {
        const std::string_view t = text(raw);
        Row string = raw;
        if (!isNormal(t)) {
            const std::string normal = text::normalizeName(t);
            if (normal != t) string = intern(normal);
        }
        if (text(string).empty()) return;
        keys.push_back({nameKeyHash(text(string)), string, entity});
    };
    for (Row v = 0; v < entities(); ++v) {
        // An id in its normal form is found by id (GraphStore::findEntity): only others need a key.
        if (!isNormal(text(entityId[v]))) add(v, entityId[v]);
        const Row name = entityName.get(v);
        if (name != kNoString && name != entityId[v]) add(v, name);
    }
    for (std::size_t i = 0; i < aliasString.size(); ++i) add(aliasEntity[i], aliasString[i]);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    LargeArray<std::uint32_t> keyHash(keys.size());
    LargeArray<Row> keyString(keys.size()), keyEntity(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        keyHash[i] = keys[i].hash;
        keyString[i] = keys[i].string;
        keyEntity[i] = keys[i].entity;
    }
    out.own(&StoreColumns::keyHash, std::move(keyHash));
    out.own(&StoreColumns::keyString, std::move(keyString));
    out.own(&StoreColumns::keyEntity, std::move(keyEntity));
}

GraphStore StoreBuilder::State::freeze() {
    OwnedColumns out;
    const std::size_t E = entities(), R = relations();
    if (R > 0 && types.empty()) named(types, typeByName, "related_to", "relation types");
    if (E > 0 && kinds.empty()) named(kinds, kindByName, "node", "entity kinds");
    propertiesToAttributes();

    // What only lookups while loading needed.
    LargeArray<Row>().swap(entityByKey);
    LargeArray<Row>().swap(entityById);
    entityByNumber.clear();
    LargeArray<Row>().swap(relationByString);
    // Sparse columns that are kept get one value per record, so that they can be reordered.
    entityName.finish(E);
    entityKind.finish(E);
    entityDescription.finish(E);
    relationType.finish(R);
    relationId.finish(R);
    relationFile.finish(R);

    LargeArray<Row> kindMap, typeMap;
    finishSchema(out, kindMap, typeMap);

    // Entities in id order.
    {
        const LargeArray<Row> order = entityOrder();
        if (!isIdentity(order)) {
            const LargeArray<Row> map = inverse(order);
            permute(entityId, order);
            permute(entityName.values(), order);
            permute(entityKind.values(), order);
            permute(entityDescription.values(), order);  // each empty or one value per entity
            for (Row& v : aliasEntity) v = map[v];
            for (OwnedAttribute& a : attributes[kEntityOwner]) a.owner = map[a.owner];
            for (Row& v : relationTo) v = map[v];
            froms.remap(map);
            for (Row& v : claimBy) v = map[v];
            for (Row& v : claimVia) v = map[v];
            for (Row& v : sourcePublisher) v = v == kNone ? v : map[v];
        }
    }
    buildNameIndex(out);  // interns normalized names: before the string pool is frozen

    // Relations: in id order when they have ids, else by their `from` (a stable counting sort; none
    // when the file listed them so already, as SNAP and LDBC files do).
    const bool explicitIds = !relationId.empty();
    LargeArray<Row> relationFrom;
    LargeArray<Row> relationOrder;
    if (explicitIds) {
        if (std::find(relationId.values().begin(), relationId.values().end(), kNoString) != relationId.values().end()) {
            throw InternalError("some relations have ids and some do not");
        }
        relationFrom = froms.values();
        relationOrder.resize(R);
        std::iota(relationOrder.begin(), relationOrder.end(), Row{0});
        const LargeArray<Row>& ids = relationId.values();
        std::stable_sort(relationOrder.begin(), relationOrder.end(),
                         [&](Row a, Row b) { return idLess(text(ids[a]), text(ids[b])); });
    } else if (!froms.sorted()) {
        relationFrom = froms.values();
        LargeArray<Row> starts;
        groupByKey(relationFrom, E, starts, relationOrder);
    }
    if (!relationOrder.empty() && !isIdentity(relationOrder)) {
        const LargeArray<Row> relationMap = inverse(relationOrder);
        permute(relationFrom, relationOrder);
        permute(relationTo, relationOrder);
        permute(relationType.values(), relationOrder);
        permute(relationId.values(), relationOrder);
        permute(relationFile.values(), relationOrder);
        for (OwnedAttribute& a : attributes[kRelationOwner]) a.owner = relationMap[a.owner];
        for (Row& r : claimRelation) r = relationMap[r];
    }
    LargeArray<Row>().swap(relationOrder);
    // Types: a column only when relations have several; the relations of each type are listed, but
    // when all have one (then that type's relations are the rows themselves).
    LargeArray<Row> typeOfRelation = std::move(relationType.values());  // empty: all of draft type 0
    for (Row& t : typeOfRelation) t = typeMap[t];
    const Row onlyType = typeOfRelation.empty() ? (typeMap.empty() ? 0 : typeMap[0]) : typeOfRelation.front();
    if (std::all_of(typeOfRelation.begin(), typeOfRelation.end(), [&](Row t) { return t == onlyType; })) {
        LargeArray<Row>().swap(typeOfRelation);
    }
    {
        LargeArray<Row> starts, rows;
        if (typeOfRelation.empty()) {
            starts.assign(types.size() + 1, 0);
            for (std::size_t t = onlyType + 1; t < starts.size(); ++t) starts[t] = static_cast<Row>(R);
        } else {
            groupByKey(typeOfRelation, types.size(), starts, rows);
        }
        out.own(&StoreColumns::typeRelationStart, std::move(starts));
        out.own(&StoreColumns::typeRelations, std::move(rows));
    }

    // Sparse rows.
    {
        LargeArray<Row> outOffsets(E + 1, 0);
        if (explicitIds) {
            LargeArray<Row> outRelations;
            groupByKey(relationFrom, E, outOffsets, outRelations);
            out.own(&StoreColumns::outRelations, std::move(outRelations));
        } else if (!relationFrom.empty()) {
            for (const Row v : relationFrom) ++outOffsets[v + 1];
            countsToStarts(outOffsets);
        } else {
            froms.forEachRun([&](Row v, Row, Row n) { outOffsets[v + 1] += n; });
            countsToStarts(outOffsets);
        }
        froms = FromColumn();
        if (!explicitIds) LargeArray<Row>().swap(relationFrom);
        out.own(&StoreColumns::outOffsets, std::move(outOffsets));
        LargeArray<Row> inOffsets, inRelations;
        groupByKey(relationTo, E, inOffsets, inRelations);
        out.own(&StoreColumns::inOffsets, std::move(inOffsets));
        out.own(&StoreColumns::inRelations, std::move(inRelations));
    }

    // Input files, and a source for each file whose relations came without claims.
    std::vector<bool> claimless(inputFiles.size(), false);
    LargeArray<Row> claimCount;
    if (!claimRelation.empty()) {
        claimCount.assign(R, 0);
        for (const Row r : claimRelation) ++claimCount[r];
        for (std::size_t r = 0; r < R; ++r) {
            if (claimCount[r] == 0) claimless[relationFile.get(r)] = true;
        }
    } else {
        for (std::size_t r = 0; r < R; ++r) claimless[relationFile.get(r)] = true;
    }
    LargeArray<Row> inputSource(inputFiles.size(), kNone);
    for (std::size_t f = 0; f < inputFiles.size(); ++f) {
        if (!claimless[f]) continue;
        const std::string path(text(inputFiles[f]));
        const std::string base = "imported-" + text::toIdentifier(fileName(path), '-', "file");
        std::string id = base;
        for (int n = 2; sourceExists(id); ++n) id = fmt::format("{}-{}", base, n);
        const Row source = newSource(intern(id));
        setSlot(sourceByString, sourceId[source], source);
        const std::string shown = text::terminalSafe(path);
        sourceTitle[source] = intern("Imported from " + shown);
        sourceNote[source] = intern(fmt::format("Made by relgraph when it imported {}: each relation read from that "
                                                "file without claims rests on one claim of this source.",
                                                shown));
        sourceDeclared.set(source, 1);
        inputSource[f] = source;
    }

    // Claims, grouped by relation in relation order: the ones a relation came with, or, when some
    // relations came with claims and others did not, one made for each of the others.
    LargeArray<Row> claimOrder;  // new claim row -> old
    if (!claimRelation.empty()) {
        std::unordered_set<Row> claimIds(claimId.begin(), claimId.end());
        LargeArray<Row> fileSummary(inputFiles.size(), kNone);  // one string for all of a file's made claims
        for (std::size_t r = 0; r < R; ++r) {
            if (claimCount[r] != 0) continue;
            model::Claim made;
            std::string id = fmt::format("imported-{}", r + 1);
            for (int n = 2; claimIds.count(find(id)); ++n) id = fmt::format("imported-{}-{}", r + 1, n);
            made.id = id;
            const std::size_t file = relationFile.get(r);
            made.source = std::string(text(sourceId[inputSource[file]]));
            addClaim(static_cast<Row>(r), made);
            if (fileSummary[file] == kNone) {
                fileSummary[file] = intern(fmt::format("Imported from {}.", text::terminalSafe(text(inputFiles[file]))));
            }
            claimSummary.back() = fileSummary[file];
        }
        LargeArray<Row> starts;
        groupByKey(claimRelation, R, starts, claimOrder);
        out.own(&StoreColumns::relationClaimStart, std::move(starts));
        const std::size_t C = claimOrder.size();
        const LargeArray<Row> claimMap = inverse(claimOrder);
        for (OwnedAttribute& a : attributes[kClaimOwner]) a.owner = claimMap[a.owner];
        const auto lists = [&](const LargeArray<Row>& start, const LargeArray<Row>& values, LargeArray<Row>& newStart,
                               LargeArray<Row>& newValues) {
            newStart.assign(1, 0);
            for (const Row c : claimOrder) {
                newValues.insert(newValues.end(), values.begin() + start[c], values.begin() + start[c + 1]);
                newStart.push_back(static_cast<Row>(newValues.size()));
            }
        };
        LargeArray<Row> byStart, by, viaStart, via;
        lists(claimByStart, claimBy, byStart, by);
        lists(claimViaStart, claimVia, viaStart, via);
        permute(claimId, claimOrder);
        permute(claimSource, claimOrder);
        permute(claimDate, claimOrder);
        permute(claimStance, claimOrder);
        permute(claimSummary, claimOrder);
        // The party index: each claim once under every entity in its `by` or `via`.
        LargeArray<Row> partyEntity, partyClaim;
        for (Row c = 0; c < C; ++c) {
            std::vector<Row> parties(by.begin() + byStart[c], by.begin() + byStart[c + 1]);
            parties.insert(parties.end(), via.begin() + viaStart[c], via.begin() + viaStart[c + 1]);
            std::sort(parties.begin(), parties.end());
            parties.erase(std::unique(parties.begin(), parties.end()), parties.end());
            for (const Row v : parties) {
                partyEntity.push_back(v);
                partyClaim.push_back(c);
            }
        }
        if (!partyEntity.empty()) {
            LargeArray<Row> starts2, values;
            listsOf(partyEntity, partyClaim, E, starts2, values);
            out.own(&StoreColumns::partyClaimStart, std::move(starts2));
            out.own(&StoreColumns::partyClaims, std::move(values));
        }
        // Claims in id order, for lookup.
        LargeArray<Row> byId(C);
        std::iota(byId.begin(), byId.end(), Row{0});
        std::stable_sort(byId.begin(), byId.end(), [&](Row a, Row b) { return idLess(text(claimId[a]), text(claimId[b])); });
        out.own(&StoreColumns::claimOrder, std::move(byId));
        out.own(&StoreColumns::claimByStart, std::move(byStart));
        out.own(&StoreColumns::claimBy, std::move(by));
        out.own(&StoreColumns::claimViaStart, std::move(viaStart));
        out.own(&StoreColumns::claimVia, std::move(via));
    }

    // Sources in id order.
    const std::size_t S = sourceId.size();
    LargeArray<Row> sourceOrder(S);
    std::iota(sourceOrder.begin(), sourceOrder.end(), Row{0});
    std::stable_sort(sourceOrder.begin(), sourceOrder.end(),
                     [&](Row a, Row b) { return idLess(text(sourceId[a]), text(sourceId[b])); });
    const LargeArray<Row> sourceMap = inverse(sourceOrder);
    const auto sourceOf = [&](Row s) { return s == kNone ? kNone : sourceMap[s]; };
    for (LargeArray<Row>* column : {&sourceId, &sourceTitle, &sourcePublisher, &sourceDate, &sourceUrl,
                                    &sourceRepublishes, &sourceNote}) {
        permute(*column, sourceOrder);
    }
    for (Row& s : sourceRepublishes) s = sourceOf(s);
    for (Row& s : reliesSource) s = sourceMap[s];
    for (Row& s : reliesTarget) s = sourceMap[s];
    for (Row& s : authorSource) s = sourceMap[s];
    for (Row& s : claimSource) s = sourceOf(s);
    for (Row& s : inputSource) s = sourceOf(s);
    if (!claimSource.empty()) {
        LargeArray<Row> starts, rows;
        groupByKey(claimSource, S, starts, rows);
        out.own(&StoreColumns::sourceClaimStart, std::move(starts));
        out.own(&StoreColumns::sourceClaims, std::move(rows));
    }
    {
        LargeArray<Row> starts, values;
        listsOf(authorSource, authorString, S, starts, values);
        out.own(&StoreColumns::sourceAuthorStart, std::move(starts));
        out.own(&StoreColumns::sourceAuthors, std::move(values));
        LargeArray<Row> reliesStart, relies;
        listsOf(reliesSource, reliesTarget, S, reliesStart, relies);
        out.own(&StoreColumns::sourceReliesStart, std::move(reliesStart));
        out.own(&StoreColumns::sourceRelies, std::move(relies));
    }

    // Attributes: each record's in name order.
    LargeArray<StoredAttribute> stored;
    const auto attributeLists = [&](LargeArray<OwnedAttribute>& list, std::size_t records) {
        LargeArray<Row> starts;
        if (list.empty()) return starts;
        std::stable_sort(list.begin(), list.end(), [&](const OwnedAttribute& a, const OwnedAttribute& b) {
            if (a.owner != b.owner) return a.owner < b.owner;
            return text(a.value.name) < text(b.value.name);
        });
        starts.assign(records + 1, 0);
        for (const OwnedAttribute& a : list) ++starts[a.owner + 1];
        countsToStarts(starts);
        const auto base = static_cast<Row>(stored.size());
        for (Row& s : starts) s += base;
        for (const OwnedAttribute& a : list) stored.push_back(a.value);
        LargeArray<OwnedAttribute>().swap(list);
        return starts;
    };
    out.own(&StoreColumns::entityAttributeStart, attributeLists(attributes[kEntityOwner], E));
    out.own(&StoreColumns::relationAttributeStart, attributeLists(attributes[kRelationOwner], R));
    out.own(&StoreColumns::claimValueStart, attributeLists(attributes[kClaimOwner], claimOrder.size()));
    out.own(&StoreColumns::attributes, std::move(stored));
    out.own(&StoreColumns::attributeBounds, std::move(bounds));

    // Entity columns.
    {
        LargeArray<Row>& names = entityName.values();
        for (std::size_t v = 0; v < names.size(); ++v) {
            if (names[v] == kNoString) names[v] = entityId[v];
        }
        out.own(&StoreColumns::entityId, std::move(entityId));
        out.own(&StoreColumns::entityName, std::move(names));
        LargeArray<Row>& kindsOf = entityKind.values();
        for (Row& k : kindsOf) k = kindMap[k];
        if (std::any_of(kindsOf.begin(), kindsOf.end(), [](Row k) { return k != 0; })) {
            out.own(&StoreColumns::entityKind, narrowed<std::uint16_t>(kindsOf));
        } else if (entityKind.empty() && !kindMap.empty() && kindMap[0] != 0) {
            out.own(&StoreColumns::entityKind, LargeArray<std::uint16_t>(E, static_cast<std::uint16_t>(kindMap[0])));
        }
        out.own(&StoreColumns::entityDescription, std::move(entityDescription.values()));
        if (!aliasEntity.empty()) {
            LargeArray<Row> starts, values;
            listsOf(aliasEntity, aliasString, E, starts, values);
            out.own(&StoreColumns::entityAliasStart, std::move(starts));
            out.own(&StoreColumns::entityAliases, std::move(values));
        }
    }

    // Relation columns.
    if (explicitIds) out.own(&StoreColumns::relationFrom, std::move(relationFrom));
    else LargeArray<Row>().swap(relationFrom);
    out.own(&StoreColumns::relationTo, std::move(relationTo));
    if (!typeOfRelation.empty()) out.own(&StoreColumns::relationType, narrowed<std::uint16_t>(typeOfRelation));
    else if (onlyType != 0) out.own(&StoreColumns::relationType, LargeArray<std::uint16_t>(R, static_cast<std::uint16_t>(onlyType)));
    out.own(&StoreColumns::relationId, std::move(relationId.values()));
    if (inputFiles.size() > 1) out.own(&StoreColumns::relationFile, std::move(relationFile.finish(R)));

    if (!claimOrder.empty()) {
        out.own(&StoreColumns::claimId, std::move(claimId));
        out.own(&StoreColumns::claimSource, std::move(claimSource));
        out.own(&StoreColumns::claimDate, std::move(claimDate));
        out.own(&StoreColumns::claimStance, std::move(claimStance));
        out.own(&StoreColumns::claimSummary, std::move(claimSummary));
    }

    // Source columns.
    out.own(&StoreColumns::sourceId, std::move(sourceId));
    out.own(&StoreColumns::sourceTitle, std::move(sourceTitle));
    out.own(&StoreColumns::sourcePublisher, std::move(sourcePublisher));
    out.own(&StoreColumns::sourceDate, std::move(sourceDate));
    out.own(&StoreColumns::sourceUrl, std::move(sourceUrl));
    out.own(&StoreColumns::sourceRepublishes, std::move(sourceRepublishes));
    out.own(&StoreColumns::sourceNote, std::move(sourceNote));

    LargeArray<Row> files(inputFiles.begin(), inputFiles.end());
    out.own(&StoreColumns::inputFile, std::move(files));
    out.own(&StoreColumns::inputSource, std::move(inputSource));

    // The string pool, last: nothing is interned after this.
    LargeArray<std::uint64_t>().swap(hashSlots);
    out.own(&StoreColumns::stringBytes, std::move(stringBytes));
    out.own(&StoreColumns::stringOffsets, std::move(stringOffsets));

    ::malloc_trim(0);

    GraphStore store = std::move(out).store();
#ifndef NDEBUG  // consistent by construction; debug builds (the sanitizer tests) make sure
    if (const auto problem = store.firstProblem()) throw InternalError("frozen store is inconsistent: " + *problem);
#endif
    return store;
}

}  // namespace relgraph::store
