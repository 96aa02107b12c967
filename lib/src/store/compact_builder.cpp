#include "relgraph/store/compact_builder.hpp"

#include <algorithm>
#include <malloc.h>
#include <fmt/format.h>
#include <unordered_map>
#include <vector>

#include "relgraph/common/error.hpp"
#include "relgraph/common/large_array.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::store {

namespace {

constexpr CompactId kNone = 0xFFFFFFFFu;
constexpr std::size_t kMaxRecords = 0xFFFFFFFEu;

// Every column a frozen graph owns, for the spans of its CompactColumns to point into.
struct OwnedColumns {
    LargeArray<char> stringBytes;
    LargeArray<std::uint64_t> stringOffsets;
    LargeArray<CompactId> entityId, entityName;
    LargeArray<std::uint16_t> entityKind;
    LargeArray<CompactId> relationTo;  // relationFrom stays empty: relations are numbered by `from`
    LargeArray<std::uint16_t> relationType;
    LargeArray<CompactId> relationId;
    LargeArray<CompactId> outOffsets, outRelations, inOffsets;
    LargeArray<CompactId> inRelations;
    LargeArray<std::uint32_t> keyHash;
    LargeArray<CompactId> keyString, keyEntity;
    LargeArray<CompactId> kindName, kindLabel, typeName, typeLabel;
    LargeArray<std::uint8_t> typeFlags;
    LargeArray<CompactId> sourceFile;
    LargeArray<std::uint16_t> relationSource;
    LargeArray<CompactId> propertyName;
    LargeArray<std::uint8_t> propertyOwner, propertyType;
    LargeArray<std::uint64_t> propertyStart;
    LargeArray<CompactId> propertyValues;
    std::string details;

    // What the columns hold past their values (after each stage of freezing).
    void releaseUnused() const {
        const auto release = [](const auto&... columns) { (relgraph::releaseUnused(columns), ...); };
        release(stringBytes, stringOffsets, entityId, entityName, entityKind, relationTo, relationType, relationId,
                outOffsets, outRelations, inOffsets, inRelations, keyHash, keyString, keyEntity, relationSource,
                propertyValues);
    }

    CompactColumns view() const {
        return {stringBytes, stringOffsets, entityId, entityName, entityKind, {}, relationTo, relationType,
                relationId, outOffsets, outRelations, inOffsets, inRelations, keyHash, keyString, keyEntity,
                kindName, kindLabel, typeName, typeLabel, typeFlags, sourceFile, relationSource,
                propertyName, propertyOwner, propertyType, propertyStart, propertyValues,
                std::span<const char>(details.data(), details.size())};
    }
};

// "123" and not "0123", "+1" or "1e3": keys that can be found by their number instead of by hash.
std::optional<std::uint32_t> canonicalNumber(std::string_view key) {
    if (key.empty() || key.size() > 9 || (key.size() > 1 && key.front() == '0')) return std::nullopt;
    std::uint32_t n = 0;
    for (const char c : key) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<std::uint32_t>(c - '0');
    }
    return n;
}

// A value-to-entity table indexed by a dense number, grown on demand.
void setSlot(LargeArray<CompactId>& table, std::size_t at, CompactId value) {
    if (at >= table.size()) table.resize(std::max(at + 1, table.size() * 2), kNone);
    table[at] = value;
}

CompactId slot(const LargeArray<CompactId>& table, std::size_t at) { return at < table.size() ? table[at] : kNone; }

// The `from` of every relation, in read order. Files list an entity's relations together more
// often than not (SNAP and LDBC files are sorted by their first column), so they are kept as runs
// (entity, count) while runs are few, and as one value per relation once they are not.
class FromColumn {
public:
    void push(CompactId from) {
        ++size_;
        if (plain_) {
            values_.push_back(from);
        } else if (!runs_.empty() && runs_.back().from == from) {
            ++runs_.back().count;
        } else {
            runs_.push_back({from, 1});
            if (runs_.size() > size_ / 4 + 4096) makePlain();
        }
    }

    std::size_t bytes() const { return runs_.size() * sizeof(Run) + values_.size() * sizeof(CompactId); }
    void reserve(std::size_t count) {
        if (plain_) values_.reserve(count);
        reserved_ = count;
    }

    // f(entity, first relation, count) for each run, in read order.
    template <class F>
    void forEachRun(F&& f) const {
        if (plain_) {
            for (std::size_t r = 0; r < values_.size(); ++r) f(values_[r], static_cast<CompactId>(r), CompactId{1});
            return;
        }
        CompactId first = 0;
        for (const Run& run : runs_) {
            f(run.from, first, run.count);
            first += run.count;
        }
    }

    bool sorted() const {
        bool rising = true;
        CompactId last = 0;
        forEachRun([&](CompactId from, CompactId, CompactId) {
            rising = rising && from >= last;
            last = from;
        });
        return rising;
    }

private:
    struct Run {
        CompactId from, count;
    };

    void makePlain() {
        values_.reserve(std::max(reserved_, size_));
        forEachRun([&](CompactId from, CompactId, CompactId n) { values_.insert(values_.end(), n, from); });
        LargeArray<Run>().swap(runs_);
        plain_ = true;
    }

    LargeArray<Run> runs_;
    LargeArray<CompactId> values_;
    bool plain_ = false;
    std::size_t size_ = 0, reserved_ = 0;
};

}  // namespace

struct CompactBuilder::State {
    OwnedColumns c;
    FromColumn froms;  // relationFrom while loading; frozen graphs have none (CompactColumns::relationFrom)
    LargeArray<CompactId> hashSlots = LargeArray<CompactId>(1024, kNone);  // string interning, open addressing
    std::size_t hashed = 0;                                                  // strings in hashSlots
    std::unordered_map<std::string, CompactId> kinds, types, properties;
    LargeArray<CompactId> entityByKey;     // string -> entity
    LargeArray<CompactId> entityById;      // string -> entity
    LargeArray<CompactId> entityByNumber;  // canonical decimal key -> entity
    std::vector<std::pair<CompactId, CompactId>> aliases;  // entity, string
    std::vector<LargeArray<CompactId>> propertyColumns;
    bool namesDiffer = false;
    bool kindsStored = false;  // a kind other than kind 0 was seen: entityKind is kept
    bool typesStored = false;  // a type other than type 0 was seen: relationType is kept

    State() { c.stringOffsets.push_back(0); }

    std::string_view text(CompactId s) const {
        return {c.stringBytes.data() + c.stringOffsets[s], static_cast<std::size_t>(c.stringOffsets[s + 1] - c.stringOffsets[s])};
    }

    std::size_t slotOf(std::string_view s) const {
        const std::size_t mask = hashSlots.size() - 1;
        std::size_t i = compactKeyHash(s) & mask;
        while (hashSlots[i] != kNone && text(hashSlots[i]) != s) i = (i + 1) & mask;
        return i;
    }

    CompactId find(std::string_view s) const { return hashSlots[slotOf(s)]; }

    CompactId intern(std::string_view s) {
        const std::size_t at = slotOf(s);
        if (hashSlots[at] != kNone) return hashSlots[at];
        const CompactId id = append(s);
        hashSlots[at] = id;
        if ((++hashed + 1) * 2 > hashSlots.size()) rehash();
        return id;
    }

    // A string kept without interning: the ids of entities found by their number (entityByNumber),
    // which need no hash table; another string of the same text is another string.
    CompactId append(std::string_view s) {
        const std::size_t count = c.stringOffsets.size() - 1;
        if (count >= kMaxRecords) throw LoadError({{Place{}, "more than 4294967294 distinct strings"}});
        c.stringBytes.insert(c.stringBytes.end(), s.begin(), s.end());
        c.stringOffsets.push_back(c.stringBytes.size());
        return static_cast<CompactId>(count);
    }

    void rehash() {
        LargeArray<CompactId> old(hashSlots.size() * 2, kNone);
        old.swap(hashSlots);
        const std::size_t mask = hashSlots.size() - 1;
        for (const CompactId s : old) {
            if (s == kNone) continue;
            std::size_t i = compactKeyHash(text(s)) & mask;
            while (hashSlots[i] != kNone) i = (i + 1) & mask;
            hashSlots[i] = s;
        }
    }

    CompactId named(std::unordered_map<std::string, CompactId>& table, LargeArray<CompactId>& names,
                    LargeArray<CompactId>& labels, std::string_view name, const char* what) {
        if (const auto it = table.find(std::string(name)); it != table.end()) return it->second;
        if (names.size() >= 0xFFFF) throw LoadError({{Place{}, fmt::format("more than 65535 {}", what)}});
        const auto id = static_cast<CompactId>(names.size());
        names.push_back(intern(name));
        labels.push_back(names.back());
        table.emplace(name, id);
        return id;
    }

    void buildSparseRows();
    void buildNameIndex();
};

CompactBuilder::CompactBuilder() : state_(std::make_unique<State>()) {}
CompactBuilder::~CompactBuilder() = default;
CompactBuilder::CompactBuilder(CompactBuilder&&) noexcept = default;
CompactBuilder& CompactBuilder::operator=(CompactBuilder&&) noexcept = default;

void CompactBuilder::reserveRelations(std::size_t count) {
    OwnedColumns& c = state_->c;
    const std::size_t total = std::min(c.relationTo.size() + count, kMaxRecords);
    state_->froms.reserve(total);
    c.relationTo.reserve(total);
}

CompactId CompactBuilder::intern(std::string_view text) { return state_->intern(text); }

CompactId CompactBuilder::kind(std::string_view name) {
    return state_->named(state_->kinds, state_->c.kindName, state_->c.kindLabel, name, "entity kinds");
}

CompactId CompactBuilder::type(std::string_view name) {
    OwnedColumns& c = state_->c;
    const CompactId t = state_->named(state_->types, c.typeName, c.typeLabel, name, "relation types");
    if (c.typeFlags.size() < c.typeName.size()) c.typeFlags.resize(c.typeName.size(), 0);
    return t;
}

void CompactBuilder::setKindLabel(CompactId kind, std::string_view label) { state_->c.kindLabel.at(kind) = intern(label); }
void CompactBuilder::setTypeLabel(CompactId type, std::string_view label) { state_->c.typeLabel.at(type) = intern(label); }
void CompactBuilder::setTypeFlags(CompactId type, std::uint8_t flags) { state_->c.typeFlags.at(type) = flags; }
std::size_t CompactBuilder::kindCount() const { return state_->c.kindName.size(); }
std::size_t CompactBuilder::typeCount() const { return state_->c.typeName.size(); }

std::optional<CompactId> CompactBuilder::findEntity(std::string_view key) const {
    const State& s = *state_;
    CompactId found = kNone;
    if (const auto n = canonicalNumber(key)) {
        found = slot(s.entityByNumber, *n);
    } else if (const CompactId string = s.find(key); string != kNone) {
        found = slot(s.entityByKey, string);
    }
    if (found == kNone) return std::nullopt;
    return found;
}

bool CompactBuilder::hasEntityId(std::string_view id) const {
    const State& s = *state_;
    if (const auto n = canonicalNumber(id)) {
        const CompactId entity = slot(s.entityByNumber, *n);
        if (entity != kNone && s.text(s.c.entityId[entity]) == id) return true;
    }
    const CompactId string = s.find(id);
    return string != kNone && slot(s.entityById, string) != kNone;
}

CompactId CompactBuilder::addEntity(std::string_view key, std::string_view id, std::string_view name, CompactId kind) {
    State& s = *state_;
    OwnedColumns& c = s.c;
    if (c.entityId.size() >= kMaxRecords) throw LoadError({{Place{}, "more than 4294967294 entities"}});
    const auto entity = static_cast<CompactId>(c.entityId.size());
#ifndef NDEBUG  // the mappers make ids unique; the sanitizer tests' debug builds make sure
    RELGRAPH_ASSERT(!hasEntityId(id));
#endif
    const auto number = canonicalNumber(key);
    // An id that is its key's number is found by that number (hasEntityId): it need not be hashed.
    const CompactId idString = number && key == id ? s.append(id) : s.intern(id);
    c.entityId.push_back(idString);
    if (number) setSlot(s.entityByNumber, *number, entity);
    else setSlot(s.entityByKey, s.intern(key), entity);
    if (!number || key != id) setSlot(s.entityById, idString, entity);
    if (name != id) {
        if (!s.namesDiffer) c.entityName.assign(c.entityId.begin(), c.entityId.end() - 1);
        s.namesDiffer = true;
    }
    if (s.namesDiffer) c.entityName.push_back(name == id ? idString : s.intern(name));
    if (kind != 0 && !s.kindsStored) c.entityKind.assign(c.entityId.size() - 1, 0);
    s.kindsStored = s.kindsStored || kind != 0;
    if (s.kindsStored) c.entityKind.push_back(static_cast<std::uint16_t>(kind));
    return entity;
}

void CompactBuilder::addAlias(CompactId entity, std::string_view alias) {
    state_->aliases.emplace_back(entity, intern(alias));
}

std::size_t CompactBuilder::entityCount() const { return state_->c.entityId.size(); }

void CompactBuilder::beginFile(std::string_view file) {
    OwnedColumns& c = state_->c;
    if (c.sourceFile.size() > 0xFFFF) throw LoadError({{Place{std::string(file), 0, 0, {}}, "more than 65536 input files"}});
    // From the second file on, each relation says which file it came from.
    if (c.sourceFile.size() == 1) c.relationSource.assign(c.relationTo.size(), 0);
    c.sourceFile.push_back(intern(file));
}

CompactId CompactBuilder::addRelation(CompactId from, CompactId to, CompactId type) {
    OwnedColumns& c = state_->c;
    State& s = *state_;
    if (c.relationTo.size() >= kMaxRecords) throw LoadError({{Place{}, "more than 4294967294 relations"}});
    if (c.sourceFile.empty()) beginFile("");
    const auto relation = static_cast<CompactId>(c.relationTo.size());
    s.froms.push(from);
    c.relationTo.push_back(to);
    if (type != 0 && !s.typesStored) c.relationType.assign(relation, 0);
    s.typesStored = s.typesStored || type != 0;
    if (s.typesStored) c.relationType.push_back(static_cast<std::uint16_t>(type));
    if (c.sourceFile.size() > 1) c.relationSource.push_back(static_cast<std::uint16_t>(c.sourceFile.size() - 1));
    return relation;
}

std::size_t CompactBuilder::relationCount() const { return state_->c.relationTo.size(); }

void CompactBuilder::setRelationId(CompactId relation, std::string_view id) {
    OwnedColumns& c = state_->c;
    if (c.relationId.size() < c.relationTo.size()) c.relationId.resize(c.relationTo.size(), kNone);
    c.relationId.at(relation) = intern(id);
}

void CompactBuilder::setDetails(std::string json) { state_->c.details = std::move(json); }

CompactId CompactBuilder::property(std::string_view name, std::uint8_t owner, model::AttributeType type) {
    State& s = *state_;
    const std::string key = fmt::format("{}\n{}", owner, name);
    if (const auto it = s.properties.find(key); it != s.properties.end()) return it->second;
    const auto column = static_cast<CompactId>(s.c.propertyName.size());
    s.c.propertyName.push_back(intern(name));
    s.c.propertyOwner.push_back(owner);
    s.c.propertyType.push_back(static_cast<std::uint8_t>(type));
    s.propertyColumns.emplace_back();
    s.properties.emplace(key, column);
    return column;
}

void CompactBuilder::setPropertyType(CompactId column, model::AttributeType type) {
    state_->c.propertyType.at(column) = static_cast<std::uint8_t>(type);
}

void CompactBuilder::setProperty(CompactId column, CompactId record, std::string_view value) {
    LargeArray<CompactId>& values = state_->propertyColumns.at(column);
    if (record >= values.size()) values.resize(record + 1, kNoString);
    values[record] = intern(value);
}

std::size_t CompactBuilder::memoryBytes() const {
    const OwnedColumns& c = state_->c;
    return c.stringBytes.capacity() + c.stringOffsets.capacity() * 8 + state_->hashSlots.size() * 4 +
           (c.entityId.size() + c.entityName.size() + state_->entityById.size() + state_->entityByKey.size() +
            state_->entityByNumber.size()) * 4 +
           state_->froms.bytes() + c.relationTo.size() * 4 + c.relationType.size() * 2;
}

// Counts of relations per entity, in offsets[v + 1], made into where each entity's run starts.
static void countsToStarts(LargeArray<CompactId>& offsets) {
    for (std::size_t v = 0; v + 1 < offsets.size(); ++v) offsets[v + 1] += offsets[v];
}

// After a scatter that moved each offsets[v] on to where v + 1's run starts: back to the starts.
static void restoreStarts(LargeArray<CompactId>& offsets) {
    std::copy_backward(offsets.begin(), offsets.end() - 2, offsets.end() - 1);
    offsets[0] = 0;
}

// Counting sort of the relation numbers by their `to`: stable, so each run rises.
static void sortByEnd(const LargeArray<CompactId>& ends, std::size_t entities, LargeArray<CompactId>& offsets,
                      LargeArray<CompactId>& list) {
    offsets.assign(entities + 1, 0);
    for (const CompactId v : ends) ++offsets[v + 1];
    countsToStarts(offsets);
    if (ends.empty()) return;
    list.resize(ends.size());
    for (std::size_t r = 0; r < ends.size(); ++r) list[offsets[ends[r]]++] = static_cast<CompactId>(r);
    restoreStarts(offsets);
}

// Puts `column` (one value per relation) in the order of the relations' `from`, keeping the read
// order among relations of one entity. The column is read front to back and its pages released as
// they are passed, so on input sorted but for a few entities (SNAP files) it and its sorted copy
// take little more memory together than one of them.
template <class Column>
static void followFrom(const FromColumn& froms, LargeArray<CompactId>& offsets, Column& column) {
    if (column.empty()) return;
    Column moved(column.size());
    constexpr CompactId kReleaseEvery = (std::size_t{2} << 20) / sizeof(typename Column::value_type);  // a huge page
    CompactId released = 0;
    froms.forEachRun([&](CompactId v, CompactId first, CompactId n) {
        std::copy_n(column.begin() + first, n, moved.begin() + offsets[v]);
        offsets[v] += n;  // the next free place of v's run, for now
        if (first - released >= kReleaseEvery) {
            releasePages(column.data() + released, column.data() + first);
            released = first;
        }
    });
    column.swap(moved);
    restoreStarts(offsets);
}

void CompactBuilder::State::buildSparseRows() {
    const std::size_t entities = c.entityId.size();
    c.outOffsets.assign(entities + 1, 0);
    froms.forEachRun([&](CompactId v, CompactId, CompactId n) { c.outOffsets[v + 1] += n; });
    countsToStarts(c.outOffsets);
    if (!froms.sorted()) {
        followFrom(froms, c.outOffsets, c.relationTo);
        followFrom(froms, c.outOffsets, c.relationType);
        followFrom(froms, c.outOffsets, c.relationId);
        followFrom(froms, c.outOffsets, c.relationSource);
        for (std::size_t p = 0; p < propertyColumns.size(); ++p) {
            if (c.propertyOwner[p] == kOwnerRelations) followFrom(froms, c.outOffsets, propertyColumns[p]);
        }
    }
    froms = FromColumn();  // relation r now leaves the entity whose run of outOffsets holds r
    sortByEnd(c.relationTo, entities, c.inOffsets, c.inRelations);
}

void CompactBuilder::State::buildNameIndex() {
    struct Key {
        std::uint32_t hash;
        CompactId string, entity;
        auto operator<=>(const Key&) const = default;
    };
    LargeArray<Key> keys;
    keys.reserve(c.entityId.size() + aliases.size());
    // Text without capitals, white space or curly quotes is its own normal form (most ids).
    const auto isNormal = [](std::string_view t) {
        return std::none_of(t.begin(), t.end(), [](char ch) {
            return (ch >= 'A' && ch <= 'Z') || ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\xE2';
        });
    };
    const auto add = [&](CompactId entity, CompactId raw) {
        const std::string_view t = text(raw);
        CompactId string = raw;
        if (!isNormal(t)) {
            const std::string normal = text::normalizeName(t);
            if (normal != t) string = intern(normal);
        }
        keys.push_back({compactKeyHash(text(string)), string, entity});
    };
    for (CompactId v = 0; v < c.entityId.size(); ++v) {
        add(v, c.entityId[v]);
        if (!c.entityName.empty() && c.entityName[v] != c.entityId[v]) add(v, c.entityName[v]);
    }
    for (const auto& [entity, alias] : aliases) add(entity, alias);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    c.keyHash.reserve(keys.size());
    c.keyString.reserve(keys.size());
    c.keyEntity.reserve(keys.size());
    for (const Key& k : keys) {
        c.keyHash.push_back(k.hash);
        c.keyString.push_back(k.string);
        c.keyEntity.push_back(k.entity);
    }
}

CompactGraph CompactBuilder::freeze() {
    State& s = *state_;
    OwnedColumns& c = s.c;
    const std::size_t relations = c.relationTo.size();
    if (relations > 0 && c.typeName.empty()) type("related_to");
    if (!c.entityId.empty() && c.kindName.empty()) kind("node");
    if (!c.relationId.empty()) c.relationId.resize(relations, kNone);
    if (std::find(c.relationId.begin(), c.relationId.end(), kNone) != c.relationId.end()) {
        throw InternalError("some relations have ids and some do not");
    }
    for (std::size_t p = 0; p < s.propertyColumns.size(); ++p) {
        s.propertyColumns[p].resize(
            c.propertyOwner[p] == kOwnerEntities ? c.entityId.size() : relations, kNoString);
    }
    // What only lookups while loading needed goes before the indexes are made, and the name index
    // (which interns normalized names) before the sparse rows, which take the most memory.
    LargeArray<CompactId>().swap(s.entityByKey);
    LargeArray<CompactId>().swap(s.entityById);
    LargeArray<CompactId>().swap(s.entityByNumber);
    s.buildNameIndex();
    LargeArray<CompactId>().swap(s.hashSlots);
    c.releaseUnused();
    s.buildSparseRows();
    for (LargeArray<CompactId>& values : s.propertyColumns) {
        c.propertyStart.push_back(c.propertyValues.size());
        c.propertyValues.insert(c.propertyValues.end(), values.begin(), values.end());
        LargeArray<CompactId>().swap(values);
    }

    c.releaseUnused();
    auto owned = std::make_shared<OwnedColumns>(std::move(c));
    ::malloc_trim(0);
    state_ = std::make_unique<State>();
    CompactGraph graph(owned->view(), owned);
#ifndef NDEBUG  // consistent by construction; debug builds (the sanitizer tests) make sure
    if (const auto problem = graph.firstProblem()) throw InternalError("frozen graph is inconsistent: " + *problem);
#endif
    return graph;
}

}  // namespace relgraph::store
