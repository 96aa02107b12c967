#pragma once
// Builds a CompactGraph record by record, as a bulk loader reads its files: strings interned as
// they come, entities made on first mention, relations appended as read. freeze() numbers the
// relations by their `from` entity (a stable counting sort, so the relations leaving an entity keep
// the order they were read in) and indexes the arriving ones, in linear time.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "relgraph/model/attribute_value.hpp"
#include "relgraph/store/compact_graph.hpp"

namespace relgraph::store {

class CompactBuilder {
public:
    CompactBuilder();
    ~CompactBuilder();
    CompactBuilder(CompactBuilder&&) noexcept;
    CompactBuilder& operator=(CompactBuilder&&) noexcept;

    // Room for about this many more relations, made before they are read (an upper bound is fine:
    // pages never written cost no memory).
    void reserveRelations(std::size_t count);

    CompactId intern(std::string_view text);

    // Kinds and types by name, made on first use (label: the name).
    CompactId kind(std::string_view name);
    CompactId type(std::string_view name);
    void setKindLabel(CompactId kind, std::string_view label);
    void setTypeLabel(CompactId type, std::string_view label);
    void setTypeFlags(CompactId type, std::uint8_t flags);
    std::size_t kindCount() const;
    std::size_t typeCount() const;

    // The entity a loader's key names (an id as written, perhaps with its id space), if made.
    std::optional<CompactId> findEntity(std::string_view key) const;
    // Makes the entity for `key` with this id, name and kind; the key must be new and the id unused.
    CompactId addEntity(std::string_view key, std::string_view id, std::string_view name, CompactId kind);
    // Another text the entity is found by (relgraph aliases).
    void addAlias(CompactId entity, std::string_view alias);
    // Whether an entity already has this id.
    bool hasEntityId(std::string_view id) const;
    std::size_t entityCount() const;

    // Relations read from now on come from this file (a source of its own).
    void beginFile(std::string_view file);
    CompactId addRelation(CompactId from, CompactId to, CompactId type);
    std::size_t relationCount() const;
    // A relation id of its own; relations without one are named from their ends and type.
    void setRelationId(CompactId relation, std::string_view id);
    // The whole graph as canonical relgraph JSON (CompactColumns::details).
    void setDetails(std::string json);

    // A property column (made on first use) and a value in it; values are kept as text and read as
    // `type` when records are made.
    CompactId property(std::string_view name, std::uint8_t owner, model::AttributeType type);
    void setPropertyType(CompactId column, model::AttributeType type);
    void setProperty(CompactId column, CompactId record, std::string_view value);

    // Bytes held so far (for progress reports).
    std::size_t memoryBytes() const;

    // Builds the sparse-row indexes and the name index; the builder is empty afterwards.
    CompactGraph freeze();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace relgraph::store
