#pragma once
// The columns of a frozen graph (store/compact_graph.hpp): flat arrays, each one section of a
// snapshot file (store/snapshot.hpp). They point either into memory a CompactGraph owns or into a
// mapped snapshot; nothing here owns anything.
//
// Entities and relations are numbered from 0. The builder numbers relations by their `from`
// entity (and, for one entity, in the order they were read), so the relations leaving an entity
// are one run of numbers. Strings are interned: each column of text holds indexes into one string
// pool.

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace relgraph::store {

using CompactId = std::uint32_t;
inline constexpr CompactId kNoString = 0xFFFFFFFFu;  // an absent value in a text column

// Bits of CompactColumns::typeFlags.
inline constexpr std::uint8_t kTypeSymmetric = 1;
inline constexpr std::uint8_t kTypeAttribution = 2;

// What a property column belongs to (CompactColumns::propertyOwner).
inline constexpr std::uint8_t kOwnerEntities = 0;
inline constexpr std::uint8_t kOwnerRelations = 1;

// FNV-1a folded to 32 bits: the hash the name index is ordered by; part of the snapshot format, so
// it never changes.
constexpr std::uint32_t compactKeyHash(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ull;
    }
    return static_cast<std::uint32_t>(h ^ (h >> 32));
}

struct CompactColumns {
    // The string pool: string i is bytes [stringOffsets[i], stringOffsets[i + 1]).
    std::span<const char> stringBytes;
    std::span<const std::uint64_t> stringOffsets;  // string count + 1 values

    // Entities. entityName and entityKind may be empty: every name is the id, every kind is kind 0.
    std::span<const CompactId> entityId;    // string
    std::span<const CompactId> entityName;  // string
    std::span<const std::uint16_t> entityKind;

    // Relations. relationFrom may be empty when relations are numbered by `from` (outRelations is
    // then empty too): relation r leaves the entity v with outOffsets[v] <= r < outOffsets[v + 1].
    // relationType may be empty: every relation is of type 0. relationId may be empty: ids are made
    // from the ends and the type (CompactGraph::relationId).
    std::span<const CompactId> relationFrom;
    std::span<const CompactId> relationTo;
    std::span<const std::uint16_t> relationType;
    std::span<const CompactId> relationId;  // string

    // Both directions in compressed sparse row form. The relations leaving entity v are
    // outRelations[outOffsets[v] .. outOffsets[v + 1]), in increasing order; outRelations is empty
    // when relations are already ordered by `from` (then the run is the relation numbers themselves).
    std::span<const CompactId> outOffsets;  // entity count + 1 values
    std::span<const CompactId> outRelations;
    std::span<const CompactId> inOffsets;  // entity count + 1 values
    std::span<const CompactId> inRelations;

    // Lookup by name: the normalized ids, names and aliases (text::normalizeName) with their
    // entity, ordered by keyHash (compactKeyHash of the normalized text), then by entity.
    std::span<const std::uint32_t> keyHash;
    std::span<const CompactId> keyString;  // string
    std::span<const CompactId> keyEntity;

    // Entity kinds and relation types.
    std::span<const CompactId> kindName;  // string
    std::span<const CompactId> kindLabel;  // string
    std::span<const CompactId> typeName;  // string
    std::span<const CompactId> typeLabel;  // string
    std::span<const std::uint8_t> typeFlags;

    // The input files, and the one each relation was read from (relationSource may be empty: every
    // relation comes from file 0).
    std::span<const CompactId> sourceFile;  // string: the file as the user named it
    std::span<const std::uint16_t> relationSource;

    // Properties (attributes of bulk-imported records). Column p holds one string per entity or
    // relation (kNoString when absent): propertyValues[propertyStart[p] ..].
    std::span<const CompactId> propertyName;  // string
    std::span<const std::uint8_t> propertyOwner;
    std::span<const std::uint8_t> propertyType;  // model::AttributeType
    std::span<const std::uint64_t> propertyStart;
    std::span<const CompactId> propertyValues;

    // A graph with claims, sources and attributes (relgraph JSON, GraphML …) keeps all of it here as
    // its canonical relgraph JSON document; empty for bulk imports.
    std::span<const char> details;
};

}  // namespace relgraph::store
