#pragma once
// The columns of the graph store (store/graph_store.hpp): flat arrays, each one section of a
// snapshot file (store/snapshot.hpp). They point either into memory a GraphStore owns or into a
// mapped snapshot; nothing here owns anything.
//
// Every record is a row number from 0: entities in id order, sources in id order, relations in id
// order when the input gives them ids (then relationFrom and outRelations are kept) and otherwise
// by their `from` entity (then neither is kept: the relations leaving an entity are one run of
// numbers), claims grouped by relation in relation order. Strings are interned: each column of
// text holds indexes into one string pool, kNoString where a record has no such text. A list per
// record (aliases, a claim's `by`, attributes …) is compressed sparse row form: the values of
// record i are values[start[i] .. start[i + 1]).

#include <cstdint>
#include <span>
#include <string_view>

namespace relgraph::store {

using Row = std::uint32_t;
inline constexpr Row kNoRow = 0xFFFFFFFFu;     // no record: an absent reference
inline constexpr Row kNoString = 0xFFFFFFFFu;  // an absent value in a text column
inline constexpr Row kMaxRows = 0xFFFFFFFEu;   // records of one kind a store can hold

// Bits of StoreColumns::typeFlags.
inline constexpr std::uint8_t kTypeSymmetric = 1;
inline constexpr std::uint8_t kTypeAttribution = 2;
inline constexpr std::uint8_t kTypeAnyFrom = 4;  // declared "from": ["*"]
inline constexpr std::uint8_t kTypeAnyTo = 8;

// Bits of StoredAttribute::flags for quantities: which of value, min and max are stated.
inline constexpr std::uint8_t kQuantityValue = 1;
inline constexpr std::uint8_t kQuantityMin = 2;
inline constexpr std::uint8_t kQuantityMax = 4;

// One typed attribute value of an entity, a relation or a claim (model::AttributeValue):
// strings, dates and periods (validated ISO text) as `text`; integers, numbers and booleans in
// `value`; a quantity's value in `value` (as a double's bits), its qualifier as `text`, and its
// bounds in attributeBounds[bounds] when it states any.
struct StoredAttribute {
    Row name = kNoString;  // string
    std::uint8_t type = 0;   // model::AttributeType
    std::uint8_t flags = 0;  // quantities: kQuantity* bits
    std::uint16_t reserved = 0;
    Row text = kNoString;  // string
    Row bounds = kNoRow;   // index into attributeBounds
    std::uint64_t value = 0;
};
static_assert(sizeof(StoredAttribute) == 24);

// A quantity's stated range (either end may be unstated: see StoredAttribute::flags).
struct AttributeBounds {
    double min = 0;
    double max = 0;
};

// FNV-1a folded to 32 bits: the hash the name index is ordered by; part of the snapshot format, so
// it never changes.
constexpr std::uint32_t nameKeyHash(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ull;
    }
    return static_cast<std::uint32_t>(h ^ (h >> 32));
}

// The order of ids (entities, relations, claims, sources are numbered in it, and found by it):
// decimal numbers ("7", "120", no leading zeros) by their value and before every other id, the
// others by their bytes. Part of the snapshot format.
constexpr bool isDecimalId(std::string_view id) {
    if (id.empty() || id.size() > 19 || (id.size() > 1 && id.front() == '0')) return false;
    for (const char c : id) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

constexpr bool idLess(std::string_view a, std::string_view b) {
    const bool na = isDecimalId(a), nb = isDecimalId(b);
    if (na != nb) return na;
    if (na && a.size() != b.size()) return a.size() < b.size();
    return a < b;
}

struct StoreColumns {
    // The string pool: string i is bytes [stringOffsets[i], stringOffsets[i + 1]).
    std::span<const char> stringBytes;
    std::span<const std::uint64_t> stringOffsets;  // string count + 1 values

    // The schema, kinds and types each in name order.
    std::span<const Row> kindName;         // string
    std::span<const Row> kindLabel;        // string
    std::span<const Row> kindDescription;  // string
    std::span<const Row> kindAttributeStart;  // kind count + 1
    std::span<const Row> kindAttributeName;   // string, in name order per kind
    std::span<const std::uint8_t> kindAttributeType;  // model::AttributeType
    std::span<const Row> typeName;
    std::span<const Row> typeLabel;
    std::span<const Row> typeDescription;
    std::span<const std::uint8_t> typeFlags;  // kType* bits
    std::span<const Row> typeFromStart;       // type count + 1
    std::span<const std::uint16_t> typeFrom;  // kinds
    std::span<const Row> typeToStart;
    std::span<const std::uint16_t> typeTo;
    std::span<const Row> typeAttributeStart;
    std::span<const Row> typeAttributeName;
    std::span<const std::uint8_t> typeAttributeType;

    // Entities. entityName may be empty (every name is the id), entityKind too (every kind is kind 0).
    std::span<const Row> entityId;           // string
    std::span<const Row> entityName;         // string
    std::span<const std::uint16_t> entityKind;
    std::span<const Row> entityDescription;  // string; may be empty: none has one
    std::span<const Row> entityAliasStart;   // entity count + 1, or empty: none has aliases
    std::span<const Row> entityAliases;      // string
    std::span<const Row> entityAttributeStart;  // entity count + 1, or empty: none has attributes

    // Relations. relationFrom is kept when relations are in id order (see above); relationType may
    // be empty (all of type 0); relationId may be empty (ids are made from the ends and the type:
    // GraphStore::relationId).
    std::span<const Row> relationFrom;
    std::span<const Row> relationTo;
    std::span<const std::uint16_t> relationType;
    std::span<const Row> relationId;              // string
    std::span<const Row> relationAttributeStart;  // relation count + 1, or empty
    // Claims per relation: relation count + 1, or empty when every relation rests on the one claim
    // made for the file it was read from (GraphStore::claim; claim r is then relation r's).
    std::span<const Row> relationClaimStart;
    // The input file each relation was read from (an index into inputFile); empty: all from file 0.
    std::span<const std::uint16_t> relationFile;

    // Both directions in compressed sparse row form: the relations leaving entity v are
    // outRelations[outOffsets[v] .. outOffsets[v + 1]) in increasing order, or, without outRelations,
    // the numbers outOffsets[v] .. outOffsets[v + 1] - 1 themselves; those arriving, inRelations[…].
    std::span<const Row> outOffsets;  // entity count + 1
    std::span<const Row> outRelations;
    std::span<const Row> inOffsets;  // entity count + 1
    std::span<const Row> inRelations;

    // Claims, when relationClaimStart is kept.
    std::span<const Row> claimId;       // string
    std::span<const Row> claimSource;   // source
    std::span<const Row> claimByStart;  // claim count + 1
    std::span<const Row> claimBy;       // entities the claim is attributed to
    std::span<const Row> claimViaStart;
    std::span<const Row> claimVia;      // entities it came through, originator side first
    std::span<const Row> claimDate;     // string
    std::span<const std::uint8_t> claimStance;  // model::Stance
    std::span<const Row> claimSummary;  // string
    std::span<const Row> claimValueStart;  // claim count + 1, or empty: no claim states values
    std::span<const Row> claimOrder;    // claims in id order, for lookup by id

    // Sources.
    std::span<const Row> sourceId;         // string
    std::span<const Row> sourceTitle;      // string
    std::span<const Row> sourcePublisher;  // entity or kNoRow
    std::span<const Row> sourceDate;       // string
    std::span<const Row> sourceAuthorStart;
    std::span<const Row> sourceAuthors;    // string
    std::span<const Row> sourceUrl;        // string
    std::span<const Row> sourceRepublishes;  // source or kNoRow
    std::span<const Row> sourceReliesStart;
    std::span<const Row> sourceRelies;     // sources
    std::span<const Row> sourceNote;       // string

    // Attribute values of entities, relations and claims (each record's in name order).
    std::span<const StoredAttribute> attributes;
    std::span<const AttributeBounds> attributeBounds;

    // The files the graph was read from, as the user named them, and the source made for each one
    // whose relations came without claims (kNoRow for the others).
    std::span<const Row> inputFile;    // string
    std::span<const Row> inputSource;  // source

    // Lookup by name: the normalized names and aliases (text::normalizeName), and the ids that are not
    // in their normal form, with their entity, ordered by keyHash (nameKeyHash of the normalized
    // text), then string, then entity. An id in normal form is found by id.
    std::span<const std::uint32_t> keyHash;
    std::span<const Row> keyString;  // string
    std::span<const Row> keyEntity;

    // Indexes: the relations of each type, the claims of each source, and the claims each entity is
    // in the `by` or `via` of (all in increasing order). typeRelations is empty when every relation
    // has one type: that type's relations are then the rows themselves.
    std::span<const Row> typeRelationStart;  // type count + 1
    std::span<const Row> typeRelations;
    std::span<const Row> sourceClaimStart;  // source count + 1, or empty with implicit claims
    std::span<const Row> sourceClaims;
    std::span<const Row> partyClaimStart;   // entity count + 1, or empty: no claim names a party
    std::span<const Row> partyClaims;

    // Full-text search (store/search_index.hpp): the documents (records with text, in kind then row
    // order) and their lengths in words; the terms (text::searchTerm) in byte order, each with the
    // documents it is in (increasing) and its weight there (occurrences weighted by field, at most 255).
    std::span<const std::uint8_t> searchDocKind;  // SearchDocKind
    std::span<const Row> searchDocRow;
    std::span<const std::uint16_t> searchDocLength;
    std::span<const char> searchTermBytes;
    std::span<const std::uint64_t> searchTermOffsets;  // term count + 1, or empty: no terms
    std::span<const Row> searchTermStart;              // term count + 1, or empty
    std::span<const Row> searchPostingDoc;
    std::span<const std::uint8_t> searchPostingWeight;
};

}  // namespace relgraph::store
