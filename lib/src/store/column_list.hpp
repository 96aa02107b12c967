#pragma once
// Every column of StoreColumns once, with what a snapshot file says of it: its section id, its
// name, whether it may be left out, and how many values it holds given another section. The
// snapshot writer and reader, the store's consistency check and its footprint all go through it.

#include <array>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "relgraph/store/store_columns.hpp"

namespace relgraph::store {

// Section ids: part of the snapshot format. Never renumber or reuse one; a new column gets a new
// number (and forEachColumn lists sections in id order).
enum class SectionId : std::uint32_t {
    StringBytes = 1,
    StringOffsets,
    KindName,
    KindLabel,
    KindDescription,
    KindAttributeStart,
    KindAttributeName,
    KindAttributeType,
    TypeName,
    TypeLabel,
    TypeDescription,
    TypeFlags,
    TypeFromStart,
    TypeFrom,
    TypeToStart,
    TypeTo,
    TypeAttributeStart,
    TypeAttributeName,
    TypeAttributeType,
    EntityId,
    EntityName,
    EntityKind,
    EntityDescription,
    EntityAliasStart,
    EntityAliases,
    EntityAttributeStart,
    RelationFrom,
    RelationTo,
    RelationType,
    RelationId,
    RelationAttributeStart,
    RelationClaimStart,
    RelationFile,
    OutOffsets,
    OutRelations,
    InOffsets,
    InRelations,
    ClaimId,
    ClaimSource,
    ClaimByStart,
    ClaimBy,
    ClaimViaStart,
    ClaimVia,
    ClaimDate,
    ClaimStance,
    ClaimSummary,
    ClaimValueStart,
    ClaimOrder,
    SourceId,
    SourceTitle,
    SourcePublisher,
    SourceDate,
    SourceAuthorStart,
    SourceAuthors,
    SourceUrl,
    SourceRepublishes,
    SourceReliesStart,
    SourceRelies,
    SourceNote,
    Attributes,
    AttributeBounds,
    InputFile,
    InputSource,
    KeyHash,
    KeyString,
    KeyEntity,
    TypeRelationStart,
    TypeRelations,
    SourceClaimStart,
    SourceClaims,
    PartyClaimStart,
    PartyClaims,
    SearchDocKind,
    SearchDocRow,
    SearchDocLength,
    SearchTermBytes,
    SearchTermOffsets,
    SearchTermStart,
    SearchPostingDoc,
    SearchPostingWeight,
};

// How many values a section holds, given the section `other`.
enum class Length { Any, AtLeastOne, Same, SameOrNone, OneMore, OneMoreOrNone };

struct Column {
    SectionId id;
    std::string_view name;
    bool optional;  // may be left out of the file when empty
    Length length = Length::Any;
    SectionId other = SectionId::StringBytes;
    std::uint32_t elementSize = 0;  // filled in from the member's type
};

inline constexpr bool kRequired = false;
inline constexpr bool kOptional = true;

template <class Visit>
constexpr void forEachColumn(Visit&& visit) {
    using C = StoreColumns;
    using enum SectionId;
    using enum Length;
    visit(Column{StringBytes, "stringBytes", kRequired}, &C::stringBytes);
    visit(Column{StringOffsets, "stringOffsets", kRequired, AtLeastOne}, &C::stringOffsets);
    visit(Column{KindName, "kindName", kRequired}, &C::kindName);
    visit(Column{KindLabel, "kindLabel", kRequired, Same, KindName}, &C::kindLabel);
    visit(Column{KindDescription, "kindDescription", kRequired, Same, KindName}, &C::kindDescription);
    visit(Column{KindAttributeStart, "kindAttributeStart", kRequired, OneMore, KindName}, &C::kindAttributeStart);
    visit(Column{KindAttributeName, "kindAttributeName", kOptional}, &C::kindAttributeName);
    visit(Column{KindAttributeType, "kindAttributeType", kOptional, Same, KindAttributeName}, &C::kindAttributeType);
    visit(Column{TypeName, "typeName", kRequired}, &C::typeName);
    visit(Column{TypeLabel, "typeLabel", kRequired, Same, TypeName}, &C::typeLabel);
    visit(Column{TypeDescription, "typeDescription", kRequired, Same, TypeName}, &C::typeDescription);
    visit(Column{TypeFlags, "typeFlags", kRequired, Same, TypeName}, &C::typeFlags);
    visit(Column{TypeFromStart, "typeFromStart", kRequired, OneMore, TypeName}, &C::typeFromStart);
    visit(Column{TypeFrom, "typeFrom", kOptional}, &C::typeFrom);
    visit(Column{TypeToStart, "typeToStart", kRequired, OneMore, TypeName}, &C::typeToStart);
    visit(Column{TypeTo, "typeTo", kOptional}, &C::typeTo);
    visit(Column{TypeAttributeStart, "typeAttributeStart", kRequired, OneMore, TypeName}, &C::typeAttributeStart);
    visit(Column{TypeAttributeName, "typeAttributeName", kOptional}, &C::typeAttributeName);
    visit(Column{TypeAttributeType, "typeAttributeType", kOptional, Same, TypeAttributeName}, &C::typeAttributeType);
    visit(Column{EntityId, "entityId", kRequired}, &C::entityId);
    visit(Column{EntityName, "entityName", kOptional, SameOrNone, EntityId}, &C::entityName);
    visit(Column{EntityKind, "entityKind", kOptional, SameOrNone, EntityId}, &C::entityKind);
    visit(Column{EntityDescription, "entityDescription", kOptional, SameOrNone, EntityId}, &C::entityDescription);
    visit(Column{EntityAliasStart, "entityAliasStart", kOptional, OneMoreOrNone, EntityId}, &C::entityAliasStart);
    visit(Column{EntityAliases, "entityAliases", kOptional}, &C::entityAliases);
    visit(Column{EntityAttributeStart, "entityAttributeStart", kOptional, OneMoreOrNone, EntityId},
          &C::entityAttributeStart);
    visit(Column{RelationFrom, "relationFrom", kOptional, SameOrNone, RelationTo}, &C::relationFrom);
    visit(Column{RelationTo, "relationTo", kRequired}, &C::relationTo);
    visit(Column{RelationType, "relationType", kOptional, SameOrNone, RelationTo}, &C::relationType);
    visit(Column{RelationId, "relationId", kOptional, SameOrNone, RelationTo}, &C::relationId);
    visit(Column{RelationAttributeStart, "relationAttributeStart", kOptional, OneMoreOrNone, RelationTo},
          &C::relationAttributeStart);
    visit(Column{RelationClaimStart, "relationClaimStart", kOptional, OneMoreOrNone, RelationTo},
          &C::relationClaimStart);
    visit(Column{RelationFile, "relationFile", kOptional, SameOrNone, RelationTo}, &C::relationFile);
    visit(Column{OutOffsets, "outOffsets", kRequired, OneMore, EntityId}, &C::outOffsets);
    visit(Column{OutRelations, "outRelations", kOptional, SameOrNone, RelationTo}, &C::outRelations);
    visit(Column{InOffsets, "inOffsets", kRequired, OneMore, EntityId}, &C::inOffsets);
    visit(Column{InRelations, "inRelations", kRequired, Same, RelationTo}, &C::inRelations);
    visit(Column{ClaimId, "claimId", kOptional}, &C::claimId);
    visit(Column{ClaimSource, "claimSource", kOptional, Same, ClaimId}, &C::claimSource);
    visit(Column{ClaimByStart, "claimByStart", kOptional, OneMoreOrNone, ClaimId}, &C::claimByStart);
    visit(Column{ClaimBy, "claimBy", kOptional}, &C::claimBy);
    visit(Column{ClaimViaStart, "claimViaStart", kOptional, OneMoreOrNone, ClaimId}, &C::claimViaStart);
    visit(Column{ClaimVia, "claimVia", kOptional}, &C::claimVia);
    visit(Column{ClaimDate, "claimDate", kOptional, Same, ClaimId}, &C::claimDate);
    visit(Column{ClaimStance, "claimStance", kOptional, Same, ClaimId}, &C::claimStance);
    visit(Column{ClaimSummary, "claimSummary", kOptional, Same, ClaimId}, &C::claimSummary);
    visit(Column{ClaimValueStart, "claimValueStart", kOptional, OneMoreOrNone, ClaimId}, &C::claimValueStart);
    visit(Column{ClaimOrder, "claimOrder", kOptional, Same, ClaimId}, &C::claimOrder);
    visit(Column{SourceId, "sourceId", kOptional}, &C::sourceId);
    visit(Column{SourceTitle, "sourceTitle", kOptional, Same, SourceId}, &C::sourceTitle);
    visit(Column{SourcePublisher, "sourcePublisher", kOptional, Same, SourceId}, &C::sourcePublisher);
    visit(Column{SourceDate, "sourceDate", kOptional, Same, SourceId}, &C::sourceDate);
    visit(Column{SourceAuthorStart, "sourceAuthorStart", kOptional, OneMoreOrNone, SourceId}, &C::sourceAuthorStart);
    visit(Column{SourceAuthors, "sourceAuthors", kOptional}, &C::sourceAuthors);
    visit(Column{SourceUrl, "sourceUrl", kOptional, Same, SourceId}, &C::sourceUrl);
    visit(Column{SourceRepublishes, "sourceRepublishes", kOptional, Same, SourceId}, &C::sourceRepublishes);
    visit(Column{SourceReliesStart, "sourceReliesStart", kOptional, OneMoreOrNone, SourceId}, &C::sourceReliesStart);
    visit(Column{SourceRelies, "sourceRelies", kOptional}, &C::sourceRelies);
    visit(Column{SourceNote, "sourceNote", kOptional, Same, SourceId}, &C::sourceNote);
    visit(Column{Attributes, "attributes", kOptional}, &C::attributes);
    visit(Column{AttributeBounds, "attributeBounds", kOptional}, &C::attributeBounds);
    visit(Column{InputFile, "inputFile", kOptional}, &C::inputFile);
    visit(Column{InputSource, "inputSource", kOptional, Same, InputFile}, &C::inputSource);
    visit(Column{KeyHash, "keyHash", kRequired}, &C::keyHash);
    visit(Column{KeyString, "keyString", kRequired, Same, KeyHash}, &C::keyString);
    visit(Column{KeyEntity, "keyEntity", kRequired, Same, KeyHash}, &C::keyEntity);
    visit(Column{TypeRelationStart, "typeRelationStart", kRequired, OneMore, TypeName}, &C::typeRelationStart);
    visit(Column{TypeRelations, "typeRelations", kOptional, SameOrNone, RelationTo}, &C::typeRelations);
    visit(Column{SourceClaimStart, "sourceClaimStart", kOptional, OneMoreOrNone, SourceId}, &C::sourceClaimStart);
    visit(Column{SourceClaims, "sourceClaims", kOptional}, &C::sourceClaims);
    visit(Column{PartyClaimStart, "partyClaimStart", kOptional, OneMoreOrNone, EntityId}, &C::partyClaimStart);
    visit(Column{PartyClaims, "partyClaims", kOptional}, &C::partyClaims);
    visit(Column{SearchDocKind, "searchDocKind", kOptional}, &C::searchDocKind);
    visit(Column{SearchDocRow, "searchDocRow", kOptional, Same, SearchDocKind}, &C::searchDocRow);
    visit(Column{SearchDocLength, "searchDocLength", kOptional, Same, SearchDocKind}, &C::searchDocLength);
    visit(Column{SearchTermBytes, "searchTermBytes", kOptional}, &C::searchTermBytes);
    visit(Column{SearchTermOffsets, "searchTermOffsets", kOptional}, &C::searchTermOffsets);
    visit(Column{SearchTermStart, "searchTermStart", kOptional, SameOrNone, SearchTermOffsets}, &C::searchTermStart);
    visit(Column{SearchPostingDoc, "searchPostingDoc", kOptional}, &C::searchPostingDoc);
    visit(Column{SearchPostingWeight, "searchPostingWeight", kOptional, Same, SearchPostingDoc}, &C::searchPostingWeight);
}

template <class Member>
using ElementOf = typename std::remove_cvref_t<decltype(std::declval<StoreColumns>().*std::declval<Member>())>::element_type;

inline constexpr std::size_t kColumnCount = [] {
    std::size_t count = 0;
    forEachColumn([&](const Column&, auto) { ++count; });
    return count;
}();

// The columns by id: kColumns[id - 1].
inline constexpr std::array<Column, kColumnCount> kColumns = [] {
    std::array<Column, kColumnCount> columns{};
    std::size_t i = 0;
    forEachColumn([&](Column column, auto member) {
        column.elementSize = sizeof(ElementOf<decltype(member)>);
        columns[i++] = column;
    });
    return columns;
}();

constexpr bool columnIdsAreOneToCount() {
    for (std::size_t i = 0; i < kColumnCount; ++i) {
        if (static_cast<std::size_t>(kColumns[i].id) != i + 1) return false;
    }
    return true;
}
static_assert(columnIdsAreOneToCount(), "forEachColumn lists the sections in id order, numbered from 1");
static_assert(sizeof(StoreColumns) == kColumnCount * sizeof(std::span<const char>),
              "every StoreColumns member must be listed in forEachColumn");

inline const Column& columnOf(SectionId id) { return kColumns[static_cast<std::size_t>(id) - 1]; }

}  // namespace relgraph::store
