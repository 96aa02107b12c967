#pragma once
// The state of a StoreBuilder (store/store_builder.hpp): the records as they came, before freezing.
// Shared by the builder's three parts: adding records (store_builder.cpp), the draft the loader
// checks (store_draft.cpp) and freezing (store_freeze.cpp).

#include <algorithm>
#include <bit>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "relgraph/common/error.hpp"
#include "relgraph/common/large_array.hpp"
#include "relgraph/store/store_builder.hpp"
#include "store/attribute_codec.hpp"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace relgraph::store {

namespace builder {

constexpr Row kNone = kNoRow;

// A column that stays empty while every row has the default value, and is filled out once one
// does not (most graphs have no descriptions, bulk graphs no kinds or names of their own).
template <class T>
class Sparse {
public:
    explicit Sparse(T fill) : fill_(fill) {}
    void set(std::size_t row, T value) {
        if (values_.empty() && value == fill_) return;
        if (values_.size() <= row) values_.resize(row + 1, fill_);
        values_[row] = value;
    }
    T get(std::size_t row) const { return row < values_.size() ? values_[row] : fill_; }
    bool empty() const { return values_.empty(); }
    // Every row's value, `rows` of them; empty when all have the default.
    LargeArray<T>& finish(std::size_t rows) {
        if (!values_.empty()) values_.resize(rows, fill_);
        return values_;
    }
    LargeArray<T>& values() { return values_; }
    const LargeArray<T>& values() const { return values_; }

private:
    LargeArray<T> values_;
    T fill_;
};

// The `from` of every relation, in read order. Files list an entity's relations together more
// often than not (SNAP and LDBC files are sorted by their first column), so they are kept as runs
// (entity, count) while runs are few, and as one value per relation once they are not.
class FromColumn {
public:
    void push(Row from) {
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

    std::size_t size() const { return size_; }
    std::size_t bytes() const { return runs_.size() * sizeof(Run) + values_.size() * sizeof(Row); }
    void reserve(std::size_t count) {
        if (plain_) values_.reserve(count);
        reserved_ = count;
    }

    // f(entity, first relation, count) for each run, in read order.
    template <class F>
    void forEachRun(F&& f) const {
        if (plain_) {
            for (std::size_t r = 0; r < values_.size(); ++r) f(values_[r], static_cast<Row>(r), Row{1});
            return;
        }
        Row first = 0;
        for (const Run& run : runs_) {
            f(run.from, first, run.count);
            first += run.count;
        }
    }

    // Every entity through `map` (entity rows change when entities are put in id order).
    void remap(const LargeArray<Row>& map) {
        for (Row& v : values_) v = map[v];
        for (Run& run : runs_) run.from = map[run.from];
    }

    bool sorted() const {
        bool rising = true;
        Row last = 0;
        forEachRun([&](Row from, Row, Row) {
            rising = rising && from >= last;
            last = from;
        });
        return rising;
    }

    // One value per relation.
    LargeArray<Row> values() const {
        LargeArray<Row> out;
        out.reserve(size_);
        forEachRun([&](Row from, Row, Row n) { out.insert(out.end(), n, from); });
        return out;
    }

private:
    struct Run {
        Row from, count;
    };

    void makePlain() {
        values_.reserve(std::max(reserved_, size_));
        forEachRun([&](Row from, Row, Row n) { values_.insert(values_.end(), n, from); });
        LargeArray<Run>().swap(runs_);
        plain_ = true;
    }

    LargeArray<Run> runs_;
    LargeArray<Row> values_;
    bool plain_ = false;
    std::size_t size_ = 0, reserved_ = 0;
};

// "123" and not "0123", "+1" or "1e3": keys that can be found by their number instead of by hash.
inline std::optional<std::uint64_t> decimalKey(std::string_view key) {
    if (!isDecimalId(key)) return std::nullopt;
    std::uint64_t n = 0;
    for (const char c : key) n = n * 10 + static_cast<std::uint64_t>(c - '0');
    return n;
}

// Entities found by the number their key is: a table indexed by the number while the numbers are
// dense (SNAP files number their nodes from 0), a hash table once they are not (sparse nine-digit
// ids), so that memory follows the number of entities and not the values of their ids.
class NumberIndex {
public:
    Row find(std::uint64_t n) const {
        if (!hashed_) return n < dense_.size() ? dense_[n] : kNone;
        if (slots_.empty()) return kNone;
        for (std::size_t i = slotOf(n);; i = (i + 1) & (slots_.size() - 1)) {
            if (slots_[i].entity == kNone) return kNone;
            if (slots_[i].number == n) return slots_[i].entity;
        }
    }

    void insert(std::uint64_t n, Row entity) {
        ++count_;
        // Dense while the table stays within a few times the entities (and a million numbers).
        if (!hashed_ && n < 4 * count_ + (std::size_t{1} << 20)) {
            if (n >= dense_.size()) dense_.resize(std::max<std::size_t>(n + 1, dense_.size() * 2), kNone);
            dense_[n] = entity;
            return;
        }
        if (!hashed_) toHash();
        if ((used_ + 1) * 2 > slots_.size()) grow();
        put(n, entity);
    }

    std::size_t bytes() const { return dense_.size() * sizeof(Row) + slots_.size() * sizeof(Slot); }
    void clear() {
        LargeArray<Row>().swap(dense_);
        LargeArray<Slot>().swap(slots_);
    }

private:
    struct Slot {
        std::uint64_t number = 0;
        Row entity = kNone;
    };

    // splitmix64's finalizer: numbers close together land far apart.
    std::size_t slotOf(std::uint64_t n) const {
        n = (n ^ (n >> 30)) * 0xBF58476D1CE4E5B9ull;
        n = (n ^ (n >> 27)) * 0x94D049BB133111EBull;
        return static_cast<std::size_t>(n ^ (n >> 31)) & (slots_.size() - 1);
    }

    void put(std::uint64_t n, Row entity) {
        std::size_t i = slotOf(n);
        while (slots_[i].entity != kNone) i = (i + 1) & (slots_.size() - 1);
        slots_[i] = {n, entity};
        ++used_;
    }

    void grow() {
        LargeArray<Slot> old(std::max<std::size_t>(1024, slots_.size() * 2));
        old.swap(slots_);
        used_ = 0;
        for (const Slot& s : old) {
            if (s.entity != kNone) put(s.number, s.entity);
        }
    }

    void toHash() {
        hashed_ = true;
        slots_.assign(std::bit_ceil(std::max<std::size_t>(1024, count_ * 4)), Slot{});
        for (std::size_t n = 0; n < dense_.size(); ++n) {
            if (dense_[n] != kNone) put(n, dense_[n]);
        }
        LargeArray<Row>().swap(dense_);
    }

    LargeArray<Row> dense_;
    LargeArray<Slot> slots_;
    std::size_t count_ = 0, used_ = 0;
    bool hashed_ = false;
};

// A value-to-record table indexed by a string number, grown on demand.
inline void setSlot(LargeArray<Row>& table, std::size_t at, Row value) {
    if (at >= table.size()) table.resize(std::max(at + 1, table.size() * 2), kNone);
    table[at] = value;
}

inline Row slot(const LargeArray<Row>& table, std::size_t at) { return at < table.size() ? table[at] : kNone; }

// Counts per key in starts[k + 1], made into where each key's run starts.
inline void countsToStarts(LargeArray<Row>& starts) {
    for (std::size_t k = 0; k + 1 < starts.size(); ++k) starts[k + 1] += starts[k];
}

// After a scatter that moved each starts[k] on to where k + 1's run starts: back to the starts.
inline void restoreStarts(LargeArray<Row>& starts) {
    if (starts.size() > 1) std::copy_backward(starts.begin(), starts.end() - 2, starts.end() - 1);
    starts[0] = 0;
}

// Stable counting sort of the rows 0 … keys.size()-1 by their key: starts (keys + 1 values) and the
// rows in key order.
inline void groupByKey(const LargeArray<Row>& keys, std::size_t keyCount, LargeArray<Row>& starts, LargeArray<Row>& rows) {
    starts.assign(keyCount + 1, 0);
    for (const Row k : keys) ++starts[k + 1];
    countsToStarts(starts);
    rows.resize(keys.size());
    for (std::size_t r = 0; r < keys.size(); ++r) rows[starts[keys[r]]++] = static_cast<Row>(r);
    restoreStarts(starts);
}

// `column` in the order `order` gives (order[i]: the old row that becomes row i).
template <class Column>
inline void permute(Column& column, const LargeArray<Row>& order) {
    if (column.empty()) return;
    Column moved(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) moved[i] = column[order[i]];
    column.swap(moved);
}

// The inverse of an order: map[old row] = new row.
inline LargeArray<Row> inverse(const LargeArray<Row>& order) {
    LargeArray<Row> map(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) map[order[i]] = static_cast<Row>(i);
    return map;
}

inline void remapAll(LargeArray<Row>& column, const LargeArray<Row>& map) {
    for (Row& v : column) {
        if (v != kNone) v = map[v];
    }
}

inline bool isIdentity(const LargeArray<Row>& order) {
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (order[i] != i) return false;
    }
    return true;
}

inline std::string fileName(std::string_view file) {
    const std::size_t slash = file.find_last_of('/');
    return std::string(slash == std::string_view::npos ? file : file.substr(slash + 1));
}

// An attribute of a record not yet in the store's order.
struct OwnedAttribute {
    Row owner;
    StoredAttribute value;
};

enum Owner : std::uint8_t { kEntityOwner = 0, kRelationOwner = 1, kClaimOwner = 2 };

}  // namespace builder

using namespace builder;

class OwnedColumns;

struct StoreBuilder::State {
    // Strings, interned through an open-addressing table over the pool.
    LargeArray<char> stringBytes;
    LargeArray<std::uint64_t> stringOffsets{0};
    // A slot holds a string's hash (high half) and its row (low half): probes compare hashes before
    // bytes, and growing the table reads no string again.
    static constexpr std::uint64_t kEmptySlot = ~std::uint64_t{0};
    LargeArray<std::uint64_t> hashSlots = LargeArray<std::uint64_t>(1024, kEmptySlot);
    std::size_t hashed = 0;

    struct KindDraft {
        Row name = kNoString, label = kNoString, description = kNoString;
        bool declared = false;
        std::vector<std::pair<Row, std::uint8_t>> attributes;  // name, type
    };
    struct TypeDraft {
        Row name = kNoString, label = kNoString, description = kNoString;
        std::uint8_t flags = 0;
        bool declared = false;
        std::vector<Row> from, to;  // kinds
        std::vector<std::pair<Row, std::uint8_t>> attributes;
    };
    std::vector<KindDraft> kinds;
    std::vector<TypeDraft> types;
    std::unordered_map<std::string, Row> kindByName, typeByName;

    std::vector<Row> inputFiles;  // strings

    // Entities.
    LargeArray<Row> entityId;
    Sparse<Row> entityName{kNoString};  // kNoString: the id
    Sparse<Row> entityKind{0};
    Sparse<Row> entityDescription{kNoString};
    Sparse<std::uint8_t> entityDeclared{1};
    Sparse<Origin> entityOrigin{0};
    Sparse<Row> entityDuplicate{kNone};
    LargeArray<Row> entityByKey;  // string -> entity
    LargeArray<Row> entityById;   // string -> entity
    NumberIndex entityByNumber;   // decimal key -> entity
    LargeArray<Row> aliasEntity, aliasString;

    // Relations.
    FromColumn froms;
    LargeArray<Row> relationTo;
    Sparse<Row> relationType{0};
    Sparse<Row> relationId{kNoString};
    Sparse<std::uint16_t> relationFile{0};
    Sparse<Origin> relationOrigin{0};
    Sparse<Row> relationDuplicate{kNone};
    LargeArray<Row> relationByString;  // string -> relation

    // Claims, in the order added.
    LargeArray<Row> claimRelation, claimId, claimSource, claimDate, claimSummary;
    LargeArray<std::uint8_t> claimStance;
    LargeArray<Row> claimByStart{0}, claimBy, claimViaStart{0}, claimVia;

    // Sources.
    LargeArray<Row> sourceId, sourceTitle, sourcePublisher, sourceDate, sourceUrl, sourceRepublishes, sourceNote;
    LargeArray<Row> authorSource, authorString, reliesSource, reliesTarget;
    Sparse<std::uint8_t> sourceDeclared{1};
    Sparse<Origin> sourceOrigin{0};
    Sparse<Row> sourceDuplicate{kNone};
    LargeArray<Row> sourceByString;  // string -> source

    // Attributes with their owners, and quantity bounds.
    LargeArray<OwnedAttribute> attributes[3];
    LargeArray<AttributeBounds> bounds;

    // Property columns of bulk files, typed when frozen.
    struct PropertyDraft {
        Row name;
        std::uint8_t owner;
        std::uint8_t type;
        LargeArray<Row> values;
    };
    std::unordered_map<std::string, Row> propertyByKey;
    std::vector<PropertyDraft> properties;


    std::string_view text(Row s) const {
        return {stringBytes.data() + stringOffsets[s], static_cast<std::size_t>(stringOffsets[s + 1] - stringOffsets[s])};
    }

    static Row rowOf(std::uint64_t slot) { return static_cast<Row>(slot); }

    std::size_t slotOf(std::string_view s, std::uint32_t hash) const {
        const std::size_t mask = hashSlots.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const std::uint64_t slot = hashSlots[i];
            if (slot == kEmptySlot || ((slot >> 32) == hash && text(rowOf(slot)) == s)) return i;
        }
    }

    // The table's own hash (not the snapshot's nameKeyHash: nothing of it is kept).
    static std::uint32_t hashOf(std::string_view s) { return static_cast<std::uint32_t>(XXH3_64bits(s.data(), s.size())); }

    Row find(std::string_view s) const {
        if (hashSlots.empty()) return kNone;
        const std::uint64_t slot = hashSlots[slotOf(s, hashOf(s))];
        return slot == kEmptySlot ? kNone : rowOf(slot);
    }

    Row intern(std::string_view s) {
        const std::uint32_t hash = hashOf(s);
        const std::size_t at = slotOf(s, hash);
        if (hashSlots[at] != kEmptySlot) return rowOf(hashSlots[at]);
        const Row id = append(s);
        hashSlots[at] = (std::uint64_t{hash} << 32) | id;
        if ((++hashed + 1) * 2 > hashSlots.size()) rehash();
        return id;
    }

    Row internOrNone(std::string_view s) { return s.empty() ? kNoString : intern(s); }

    // A string kept without interning: the ids of entities found by their number, which need no
    // hash table; another string of the same text is another string.
    Row append(std::string_view s) {
        const std::size_t count = stringOffsets.size() - 1;
        if (count >= kMaxRows) throw LoadError({{Place{}, "more than 4294967294 distinct strings"}});
        stringBytes.insert(stringBytes.end(), s.begin(), s.end());
        stringOffsets.push_back(stringBytes.size());
        return static_cast<Row>(count);
    }

    void rehash() {
        LargeArray<std::uint64_t> old(hashSlots.size() * 2, kEmptySlot);
        old.swap(hashSlots);
        const std::size_t mask = hashSlots.size() - 1;
        for (const std::uint64_t slot : old) {
            if (slot == kEmptySlot) continue;
            std::size_t i = (slot >> 32) & mask;
            while (hashSlots[i] != kEmptySlot) i = (i + 1) & mask;
            hashSlots[i] = slot;
        }
    }

    template <class Draft>
    Row named(std::vector<Draft>& drafts, std::unordered_map<std::string, Row>& table, std::string_view name,
              const char* what) {
        if (const auto it = table.find(std::string(name)); it != table.end()) return it->second;
        if (drafts.size() >= 0xFFFF) throw LoadError({{Place{}, fmt::format("more than 65535 {}", what)}});
        const auto row = static_cast<Row>(drafts.size());
        Draft draft;
        draft.name = draft.label = intern(name);
        drafts.push_back(std::move(draft));
        table.emplace(name, row);
        return row;
    }

    std::size_t entities() const { return entityId.size(); }
    std::size_t relations() const { return relationTo.size(); }

    StoredAttribute stored(std::string_view name, const model::AttributeValue& value) {
        return encodeAttribute(intern(name), value, [&](std::string_view s) { return intern(s); }, bounds);
    }

    Row makeEntity(std::string_view key, std::string_view id, std::string_view name, Row kind) {
        if (entities() >= kMaxRows) throw LoadError({{Place{}, "more than 4294967294 entities"}});
        const auto entity = static_cast<Row>(entities());
        const auto number = decimalKey(key);
        // An id that is its key's number is found by that number (hasEntityId): it need not be hashed.
        const Row idString = number && key == id ? append(id) : intern(id);
        entityId.push_back(idString);
        if (number) entityByNumber.insert(*number, entity);
        else setSlot(entityByKey, intern(key), entity);
        if (!number || key != id) setSlot(entityById, idString, entity);
        if (name != id) entityName.set(entity, intern(name));
        entityKind.set(entity, kind);
        return entity;
    }

    std::optional<Row> findEntity(std::string_view key) const {
        Row found = kNone;
        if (const auto n = decimalKey(key)) {
            found = entityByNumber.find(*n);
        } else if (const Row string = find(key); string != kNone) {
            found = slot(entityByKey, string);
        }
        if (found == kNone) return std::nullopt;
        return found;
    }

    // A source row with this id, undeclared and found by nothing.
    Row newSource(Row idString) {
        if (sourceId.size() >= kMaxRows) throw LoadError({{Place{}, "more than 4294967294 sources"}});
        const auto source = static_cast<Row>(sourceId.size());
        sourceId.push_back(idString);
        for (LargeArray<Row>* column : {&sourceTitle, &sourcePublisher, &sourceDate, &sourceUrl, &sourceRepublishes,
                                        &sourceNote}) {
            column->push_back(kNone);
        }
        sourceDeclared.set(source, 0);
        return source;
    }

    Row sourceRef(std::string_view id) {
        const Row string = intern(id);
        if (const Row found = slot(sourceByString, string); found != kNone) return found;
        const Row source = newSource(string);
        setSlot(sourceByString, string, source);
        return source;
    }

    bool sourceExists(std::string_view id) const {
        const Row string = find(id);
        return string != kNone && slot(sourceByString, string) != kNone;
    }

    // The entity whose id is `id` (not its key: a mapped entity's key is its id as the file wrote it).
    std::optional<Row> findById(std::string_view id) const {
        if (const auto n = decimalKey(id)) {
            const Row entity = entityByNumber.find(*n);
            if (entity != kNone && text(entityId[entity]) == id) return entity;
        }
        const Row string = find(id);
        if (string == kNone) return std::nullopt;
        const Row entity = slot(entityById, string);
        if (entity == kNone) return std::nullopt;
        return entity;
    }

    Row entityRef(std::string_view id) {
        if (const auto found = findById(id)) return *found;
        const Row entity = makeEntity(id, id, id, 0);
        entityDeclared.set(entity, 0);
        return entity;
    }

    // A reference by id; none for an empty id (a member the loader found missing or malformed).
    Row entityOrNone(std::string_view id) { return id.empty() ? kNone : entityRef(id); }
    Row sourceOrNone(std::string_view id) { return id.empty() ? kNone : sourceRef(id); }

    Row addClaim(Row relation, const model::Claim& claim) {
        const auto row = static_cast<Row>(claimRelation.size());
        if (row >= kMaxRows) throw LoadError({{Place{}, "more than 4294967294 claims"}});
        const Row id = intern(claim.id);
        claimRelation.push_back(relation);
        claimId.push_back(id);
        claimSource.push_back(sourceOrNone(claim.source));
        for (const std::string& party : claim.by) claimBy.push_back(entityRef(party));
        claimByStart.push_back(static_cast<Row>(claimBy.size()));
        for (const std::string& party : claim.via) claimVia.push_back(entityRef(party));
        claimViaStart.push_back(static_cast<Row>(claimVia.size()));
        claimDate.push_back(internOrNone(claim.date));
        claimStance.push_back(static_cast<std::uint8_t>(claim.stance));
        // Summaries are free text, each its own: kept as they come, not looked up.
        claimSummary.push_back(claim.summary.empty() ? kNoString : append(claim.summary));
        for (const auto& [name, value] : claim.values) attributes[kClaimOwner].push_back({row, stored(name, value)});
        return row;
    }

    GraphStore freeze();
    void finishSchema(OwnedColumns& c, LargeArray<Row>& kindMap, LargeArray<Row>& typeMap);
    LargeArray<Row> entityOrder() const;
    void propertiesToAttributes();
    void buildNameIndex(OwnedColumns& c);
};

}  // namespace relgraph::store
