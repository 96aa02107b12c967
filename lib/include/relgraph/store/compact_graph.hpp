#pragma once
// The frozen graph: a compact, read-only store for graphs of millions of relations, with both
// directions indexed in compressed sparse row form (store/compact_columns.hpp). It is made by the
// bulk loader (interchange/bulk_loader.hpp) or from a GraphStore, written to and mapped from
// snapshot files (store/snapshot.hpp), and turned back into records (store/compact_records.hpp)
// for the queries and diagrams that need claims and attributes.

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "relgraph/store/compact_columns.hpp"
#include "relgraph/store/graph_store.hpp"

namespace relgraph::store {

// The relations leaving or arriving at one entity: positions [begin, end) of a sparse-row column,
// or, when the column is absent (relations already ordered by `from`), the numbers begin … end-1.
class RelationRun {
public:
    class iterator {
    public:
        using value_type = CompactId;
        using difference_type = std::ptrdiff_t;
        iterator() = default;
        iterator(const CompactId* list, CompactId at) : list_(list), at_(at) {}
        CompactId operator*() const { return list_ ? list_[at_] : at_; }
        iterator& operator++() { ++at_; return *this; }
        iterator operator++(int) { iterator old = *this; ++at_; return old; }
        bool operator==(const iterator& other) const { return at_ == other.at_; }

    private:
        const CompactId* list_ = nullptr;
        CompactId at_ = 0;
    };

    RelationRun(const CompactId* list, CompactId begin, CompactId end) : list_(list), begin_(begin), end_(end) {}
    iterator begin() const { return {list_, begin_}; }
    iterator end() const { return {list_, end_}; }
    std::size_t size() const { return end_ - begin_; }
    bool empty() const { return begin_ == end_; }

private:
    const CompactId* list_;
    CompactId begin_, end_;
};

class CompactGraph {
public:
    // `owner` keeps the memory `columns` point into alive. The columns must be consistent
    // (firstProblem); the builder and the snapshot reader make sure they are.
    CompactGraph(CompactColumns columns, std::shared_ptr<const void> owner);

    // The store's graph: entities and relations in the store's order, with the store's whole
    // records kept as canonical relgraph JSON (`details`, from interchange's writer).
    static CompactGraph fromStore(const GraphStore& store, std::string details);

    const CompactColumns& columns() const { return columns_; }

    std::size_t entityCount() const { return columns_.entityId.size(); }
    std::size_t relationCount() const { return columns_.relationTo.size(); }
    std::size_t stringCount() const { return columns_.stringOffsets.size() - 1; }
    std::string_view string(CompactId index) const;

    std::string_view entityId(CompactId v) const { return string(columns_.entityId[v]); }
    std::string_view entityName(CompactId v) const;
    CompactId entityKind(CompactId v) const { return columns_.entityKind.empty() ? 0 : columns_.entityKind[v]; }

    // Without a relationFrom column, found in outOffsets (logarithmic in the entity count).
    CompactId from(CompactId r) const { return columns_.relationFrom.empty() ? fromOffsets(r) : columns_.relationFrom[r]; }
    CompactId to(CompactId r) const { return columns_.relationTo[r]; }
    CompactId relationType(CompactId r) const { return columns_.relationType.empty() ? 0 : columns_.relationType[r]; }
    // The stored id, or "<from>-<type>-<to>" (with "-2", "-3" … for the second and later relation of
    // the same type between the same ends, in input order), as the importer names relations.
    std::string relationId(CompactId r) const;
    // The input file relation r was read from: an index into sourceFile.
    std::size_t sourceOf(CompactId r) const;

    // The relations leaving and arriving at v, in increasing order.
    RelationRun outRelations(CompactId v) const;
    RelationRun inRelations(CompactId v) const;

    std::size_t kindCount() const { return columns_.kindName.size(); }
    std::size_t typeCount() const { return columns_.typeName.size(); }
    std::string_view kindName(std::size_t k) const { return string(columns_.kindName[k]); }
    std::string_view typeName(std::size_t t) const { return string(columns_.typeName[t]); }
    bool typeSymmetric(std::size_t t) const { return columns_.typeFlags[t] & kTypeSymmetric; }
    bool typeAttribution(std::size_t t) const { return columns_.typeFlags[t] & kTypeAttribution; }
    std::optional<std::size_t> findKind(std::string_view name) const;
    std::optional<std::size_t> findType(std::string_view name) const;

    // An entity by id, name or alias, as GraphStore::findEntity finds it: the exact id first, then
    // the normalized text; nullopt when unknown or when the text names several entities.
    std::optional<CompactId> findEntity(std::string_view idNameOrAlias) const;
    // Like findEntity, but an unknown name throws QueryError listing the closest names.
    CompactId resolveEntity(std::string_view idNameOrAlias) const;

    bool hasDetails() const { return !columns_.details.empty(); }
    std::string_view details() const { return {columns_.details.data(), columns_.details.size()}; }

    // Bytes the columns take: all of them, and those that grow with the relations.
    std::size_t memoryBytes() const;
    std::size_t relationBytes() const;

    // How far firstProblem looks. Bounds: every column's size, every number in range, offsets
    // rising — enough that no reading of the graph goes outside its columns, in one sequential
    // pass. Full: also that each sparse-row run lists exactly its entity's relations in order.
    enum class Check { Bounds, Full };

    // The first broken rule, if any. Linear in the size of the graph.
    std::optional<std::string> firstProblem(Check check = Check::Full) const;

private:
    CompactId fromOffsets(CompactId r) const;

    CompactColumns columns_;
    std::shared_ptr<const void> owner_;
};

}  // namespace relgraph::store
