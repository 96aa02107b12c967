#pragma once
// Builds a GraphStore record by record, as a reader reads its files: every reader of every format
// ends here. Strings are interned as they come; entities and sources are found by id, and one
// mentioned before it is declared (a relation read before its entities) is made then and declared
// later; relations are appended as read. freeze() puts everything in the store's order (entities
// and sources by id, relations by id or by their `from`, kinds and types by name), remaps every
// reference and builds the indexes, in time linear in the graph but for the sorts by id.
//
// The builder checks nothing a user could get wrong: the loader validates records before they come
// and the whole graph (through Draft) before freezing it.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "relgraph/model/graph_data.hpp"
#include "relgraph/store/graph_store.hpp"

namespace relgraph::store {

// What the mapper of foreign files attaches to entities and relations before it knows its type: a
// column of text values per property, typed once every value is read (StoreBuilder::property).
inline constexpr std::uint8_t kOwnerEntities = 0;
inline constexpr std::uint8_t kOwnerRelations = 1;

class StoreBuilder {
    struct State;

public:
    StoreBuilder();
    ~StoreBuilder();
    StoreBuilder(StoreBuilder&&) noexcept;
    StoreBuilder& operator=(StoreBuilder&&) noexcept;

    // Room for about this many more relations, made before they are read (an upper bound is fine:
    // pages never written cost no memory).
    void reserveRelations(std::size_t count);
    // Room for the records of a relgraph JSON file of this many bytes (bounds: each relation and
    // claim takes some tens of bytes, each string's bytes are in the file), so that the columns
    // grow in place instead of being copied as they double.
    void reserveForJson(std::uint64_t bytes);

    Row intern(std::string_view text);

    // Kinds and types by name, made on first use (label: the name) and declared by set*.
    Row kind(std::string_view name);
    Row type(std::string_view name);
    void declareKind(const model::EntityKind& kind);
    void declareType(const model::RelationType& type);
    void setKindLabel(Row kind, std::string_view label);
    void setTypeLabel(Row type, std::string_view label);
    void setTypeFlags(Row type, std::uint8_t flags);  // kTypeSymmetric, kTypeAttribution
    void setTypeAttribute(Row type, std::string_view name, model::AttributeType attributeType);
    void setKindAttribute(Row kind, std::string_view name, model::AttributeType attributeType);
    std::size_t kindCount() const;
    std::size_t typeCount() const;

    // Relations and sources read from now on come from this file.
    void beginFile(std::string_view file);

    // --- Records as relgraph JSON states them (the validating loader).
    // Where a record stands, for the loader's messages: whatever the loader makes of it.
    using Origin = std::uint64_t;
    // The entity or source with this id, made undeclared on first mention.
    Row entityRef(std::string_view id);
    Row sourceRef(std::string_view id);
    // Declares a record. One whose id was declared before gets a row of its own, marked a duplicate
    // (Draft::duplicateOf), that nothing finds by id: the loader reports it and does not freeze.
    Row declareEntity(const model::Entity& entity, Origin origin);
    Row declareSource(const model::Source& source, Origin origin);
    // A relation with its claims; its ends, and its claims' sources and parties, by id (made
    // undeclared when new). A relation whose id was added before is a duplicate, as above.
    Row addRelation(const model::Relation& relation, Origin origin);

    // --- Records as foreign files state them (interchange's mapper).
    // The entity a loader's key names (an id as written, perhaps with its id space), if made.
    std::optional<Row> findEntity(std::string_view key) const;
    // Makes the entity for `key` with this id, name and kind; the key must be new and the id unused.
    Row addEntity(std::string_view key, std::string_view id, std::string_view name, Row kind);
    void addAlias(Row entity, std::string_view alias);
    void setDescription(Row entity, std::string_view description);
    // Whether an entity already has this id.
    bool hasEntityId(std::string_view id) const;
    std::size_t entityCount() const;
    Row addRelation(Row from, Row to, Row type);
    std::size_t relationCount() const;
    // A relation id of its own; relations without one are named from their ends and type.
    void setRelationId(Row relation, std::string_view id);
    // Claims for a relation made by addRelation(from, to, type) (a foreign file that carries them).
    void addClaim(Row relation, const model::Claim& claim);
    // Where a mapped record stands, for the checks of the whole graph (Draft): the mapper's origin.
    void setEntityOrigin(Row entity, Origin origin);
    void setRelationOrigin(Row relation, Origin origin);
    void setAttribute(std::uint8_t owner, Row record, std::string_view name, const model::AttributeValue& value);

    // A property column of one kind's entities or one type's relations (made on first use) and a value
    // in it; values are kept as text and typed by the column's type when the store is frozen.
    Row property(std::string_view name, std::uint8_t owner, Row kindOrType, model::AttributeType type);
    void setPropertyType(Row column, model::AttributeType type);
    void setProperty(Row column, Row record, std::string_view value);

    // Bytes held so far (for progress reports).
    std::size_t memoryBytes() const;

    // The records so far, in the rows they were given (a record mentioned before it was declared has
    // the row of its first mention), for the loader's checks of the whole graph.
    class Draft {
    public:
        explicit Draft(const StoreBuilder& builder);
        std::string_view string(Row s) const;

        std::size_t entityCount() const;
        std::string_view entityId(Row v) const;
        std::string_view entityName(Row v) const;
        Row entityKind(Row v) const;
        bool entityDeclared(Row v) const;
        Origin entityOrigin(Row v) const;
        Row duplicateEntityOf(Row v) const;  // the first entity with its id, or kNoRow
        // The entity's aliases, in the order given.
        std::vector<std::string_view> aliases(Row v) const;

        std::string_view kindName(Row k) const;
        bool kindDeclared(Row k) const;
        std::string_view typeName(Row t) const;

        std::size_t relationCount() const;
        Row relationFrom(Row r) const;
        Row relationTo(Row r) const;
        Row relationType(Row r) const;
        std::string_view relationId(Row r) const;
        Origin relationOrigin(Row r) const;
        Row duplicateRelationOf(Row r) const;
        std::span<const Row> claims(Row r) const;  // claim rows, in the relation's order

        std::size_t claimCount() const;
        std::string_view claimId(Row c) const;
        Row claimIdString(Row c) const;  // one row for one text: claims with one id share it
        Row claimSource(Row c) const;
        std::span<const Row> claimBy(Row c) const;
        std::span<const Row> claimVia(Row c) const;

        std::size_t sourceCount() const;
        std::string_view sourceId(Row s) const;
        bool sourceDeclared(Row s) const;
        Origin sourceOrigin(Row s) const;
        Row duplicateSourceOf(Row s) const;
        Row sourcePublisher(Row s) const;    // entity or kNoRow
        Row sourceRepublishes(Row s) const;  // source or kNoRow
        std::span<const Row> sourceRelies(Row s) const;

    private:
        const State& s_;
        std::vector<Row> claimStart_, claimRows_, reliesStart_, relies_, aliasStart_, aliasRows_;
        std::vector<Row> froms_;
    };
    Draft draft() const;
    std::string_view string(Row s) const;

    // Puts everything in the store's order and builds the indexes; the builder is empty afterwards.
    // Every entity and source referred to must have been declared (the loader's checks say so).
    GraphStore freeze();

private:
    std::unique_ptr<State> state_;
};

}  // namespace relgraph::store
