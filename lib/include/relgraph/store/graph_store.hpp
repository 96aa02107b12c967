#pragma once
// The graph database: every entity, relation, claim and source of a graph, and its schema, in
// columns (store/store_columns.hpp), with indexes by id, by normalized name and alias, by type, by
// source and by party. It is made by StoreBuilder (store/store_builder.hpp) or mapped from a
// snapshot file (store/snapshot.hpp), read-only either way, and it is a Boost.Graph
// (store/boost_graph.hpp): entities are vertices, relations edges, both directions indexed.
//
// Records are read through small views (EntityView, RelationView, ClaimView, SourceView) that point
// into the columns; texts are string_views into the string pool, valid as long as the store.

#include <boost/iterator/transform_iterator.hpp>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relgraph/model/graph_data.hpp"
#include "relgraph/store/store_columns.hpp"

namespace relgraph::store {

using Vertex = Row;     // an entity
using Edge = Row;       // a relation
using ClaimRef = Row;   // a claim
using SourceRef = Row;  // a source

class GraphStore;

// Rows [begin, end) of a list column, or, without a list, the numbers begin … end-1.
class RowRange {
public:
    class iterator {
    public:
        using value_type = Row;
        using difference_type = std::ptrdiff_t;
        using iterator_category = std::forward_iterator_tag;
        using pointer = const Row*;
        using reference = Row;
        iterator() = default;
        iterator(const Row* list, Row at) : list_(list), at_(at) {}
        Row operator*() const { return list_ ? list_[at_] : at_; }
        iterator& operator++() {
            ++at_;
            return *this;
        }
        iterator operator++(int) {
            iterator old = *this;
            ++at_;
            return old;
        }
        bool operator==(const iterator& other) const { return at_ == other.at_; }

    private:
        const Row* list_ = nullptr;
        Row at_ = 0;
    };

    RowRange() = default;
    RowRange(const Row* list, Row begin, Row end) : list_(list), begin_(begin), end_(end) {}
    iterator begin() const { return {list_, begin_}; }
    iterator end() const { return {list_, end_}; }
    std::size_t size() const { return end_ - begin_; }
    bool empty() const { return begin_ == end_; }
    Row operator[](std::size_t i) const { return list_ ? list_[begin_ + i] : static_cast<Row>(begin_ + i); }
    Row front() const { return (*this)[0]; }
    std::vector<Row> toVector() const { return {begin(), end()}; }

private:
    const Row* list_ = nullptr;
    Row begin_ = 0, end_ = 0;
};

// A string row's text, and a stored attribute as a typed value (for the ranges below).
struct TextOf {
    const GraphStore* store = nullptr;
    std::string_view operator()(Row s) const;
};

// One attribute of a record: its name and typed value.
struct AttributeEntry {
    std::string_view name;
    model::AttributeValue value;
};

struct AttributeOf {
    const GraphStore* store = nullptr;
    AttributeEntry operator()(const StoredAttribute& a) const;
};

// The texts of a list column of strings.
class StringRange {
public:
    using iterator = boost::transform_iterator<TextOf, const Row*, std::string_view, std::string_view>;

    StringRange(const GraphStore* store, const Row* begin, const Row* end) : store_(store), begin_(begin), end_(end) {}
    iterator begin() const { return {begin_, TextOf{store_}}; }
    iterator end() const { return {end_, TextOf{store_}}; }
    std::size_t size() const { return static_cast<std::size_t>(end_ - begin_); }
    bool empty() const { return begin_ == end_; }
    std::string_view operator[](std::size_t i) const { return TextOf{store_}(begin_[i]); }
    std::vector<std::string> toStrings() const;

private:
    const GraphStore* store_;
    const Row *begin_, *end_;
};

// A record's attributes, in name order.
class AttributeRange {
public:
    using iterator = boost::transform_iterator<AttributeOf, const StoredAttribute*, AttributeEntry, AttributeEntry>;

    AttributeRange() = default;
    AttributeRange(const GraphStore* store, const StoredAttribute* begin, const StoredAttribute* end)
        : store_(store), begin_(begin), end_(end) {}
    iterator begin() const { return {begin_, AttributeOf{store_}}; }
    iterator end() const { return {end_, AttributeOf{store_}}; }
    std::size_t size() const { return static_cast<std::size_t>(end_ - begin_); }
    bool empty() const { return begin_ == end_; }
    // The value of the attribute named `name`, if the record has it.
    std::optional<model::AttributeValue> find(std::string_view name) const;
    model::Attributes toMap() const;

private:
    const GraphStore* store_ = nullptr;
    const StoredAttribute *begin_ = nullptr, *end_ = nullptr;
};

class EntityView {
public:
    EntityView(const GraphStore& store, Vertex v) : store_(&store), v_(v) {}
    Vertex vertex() const { return v_; }
    std::string_view id() const;
    std::string_view name() const;
    std::string_view kind() const;  // the kind's name
    std::size_t kindIndex() const;
    std::string_view description() const;  // empty when none
    StringRange aliases() const;
    AttributeRange attributes() const;

private:
    const GraphStore* store_;
    Vertex v_;
};

class RelationView {
public:
    RelationView(const GraphStore& store, Edge e) : store_(&store), e_(e) {}
    Edge edge() const { return e_; }
    std::string id() const;         // GraphStore::relationId
    std::string_view type() const;  // the type's name
    std::size_t typeIndex() const;
    Vertex from() const;
    Vertex to() const;
    AttributeRange attributes() const;
    RowRange claims() const;  // claim rows, in the order the relation lists them

private:
    const GraphStore* store_;
    Edge e_;
};

class ClaimView {
public:
    ClaimView(const GraphStore& store, ClaimRef c) : store_(&store), c_(c) {}
    ClaimRef ref() const { return c_; }
    std::string id() const;
    Edge relation() const;
    SourceRef source() const;
    RowRange by() const;   // entities the claim is attributed to
    RowRange via() const;  // entities it came through, originator side first
    std::string_view date() const;  // empty when undated
    // The claim's date, else its source's: when it was said, or at the latest published.
    std::string_view dateOrSourceDate() const;
    model::Stance stance() const;
    std::string summary() const;
    AttributeRange values() const;

private:
    const GraphStore* store_;
    ClaimRef c_;
};

class SourceView {
public:
    SourceView(const GraphStore& store, SourceRef s) : store_(&store), s_(s) {}
    SourceRef ref() const { return s_; }
    std::string_view id() const;
    std::string_view title() const;
    std::optional<Vertex> publisher() const;
    std::string_view date() const;  // empty when unknown
    StringRange authors() const;
    std::string_view url() const;
    std::optional<SourceRef> republishes() const;
    RowRange reliesOn() const;
    std::string_view note() const;

private:
    const GraphStore* store_;
    SourceRef s_;
};

class GraphStore {
public:
    // `owner` keeps the memory `columns` point into alive. The columns must be consistent
    // (firstProblem); the builder and the snapshot reader make sure they are.
    GraphStore(StoreColumns columns, std::shared_ptr<const void> owner);
    GraphStore(const GraphStore&) = delete;
    GraphStore& operator=(const GraphStore&) = delete;
    GraphStore(GraphStore&&) noexcept;
    GraphStore& operator=(GraphStore&&) noexcept;
    ~GraphStore();

    // The search columns are empty until ensureSearchIndex (or a snapshot, which keeps them).
    const StoreColumns& columns() const { return columns_; }
    // Builds the full-text index (store/search_index.hpp) into the search columns, once, when the
    // store has none: a store read from graph files gets it when it is first searched or written.
    // Safe to call from several threads.
    void ensureSearchIndex() const;

    std::size_t entityCount() const { return columns_.entityId.size(); }
    std::size_t relationCount() const { return columns_.relationTo.size(); }
    std::size_t claimCount() const;
    std::size_t sourceCount() const { return columns_.sourceId.size(); }
    std::size_t stringCount() const { return columns_.stringOffsets.size() - 1; }
    std::string_view string(Row index) const;
    // kNoString as "".
    std::string_view text(Row index) const { return index == kNoString ? std::string_view() : string(index); }

    EntityView entity(Vertex v) const { return {*this, v}; }
    RelationView relation(Edge e) const { return {*this, e}; }
    ClaimView claim(ClaimRef c) const { return {*this, c}; }
    SourceView source(SourceRef s) const { return {*this, s}; }

    // The ends and type of a relation. Without relationFrom, `from` is found in outOffsets
    // (logarithmic in the entity count).
    Vertex from(Edge e) const { return columns_.relationFrom.empty() ? fromOffsets(e) : columns_.relationFrom[e]; }
    Vertex to(Edge e) const { return columns_.relationTo[e]; }
    std::size_t typeIndexOf(Edge e) const { return columns_.relationType.empty() ? 0 : columns_.relationType[e]; }
    std::size_t kindIndexOf(Vertex v) const { return columns_.entityKind.empty() ? 0 : columns_.entityKind[v]; }
    // The stored id, or "<from>-<type>-<to>" made an identifier (with "-2", "-3" … for the second
    // and later relation of the same type between the same ends), as the importers name relations.
    std::string relationId(Edge e) const;

    // The relations leaving and arriving at v, in increasing order.
    RowRange outRelations(Vertex v) const;
    RowRange inRelations(Vertex v) const;
    // The claims a relation rests on.
    RowRange claimsOf(Edge e) const;
    Edge relationOfClaim(ClaimRef c) const;
    // Whether the store keeps claims of its own (false: one made per relation, from its file).
    bool hasClaimRecords() const { return !columns_.relationClaimStart.empty(); }

    // The schema, kinds and types in name order (index i: kind i, type i).
    const model::Schema& schema() const { return *schema_; }
    std::size_t kindCount() const { return kinds_.size(); }
    std::size_t typeCount() const { return types_.size(); }
    const model::EntityKind& kind(std::size_t k) const { return *kinds_[k]; }
    const model::RelationType& type(std::size_t t) const { return *types_[t]; }
    const model::EntityKind& kindOf(Vertex v) const { return kind(kindIndexOf(v)); }
    const model::RelationType& typeOf(Edge e) const { return type(typeIndexOf(e)); }
    std::optional<std::size_t> findKind(std::string_view name) const;
    std::optional<std::size_t> findType(std::string_view name) const;
    // A relation type by name or label ("sent_workers", "sent workers"); QueryError when unknown.
    const model::RelationType& resolveType(std::string_view nameOrLabel) const;
    // An entity kind by name or label ("media_outlet", "Media outlet"); QueryError when unknown.
    const model::EntityKind& resolveKind(std::string_view nameOrLabel) const;

    // Relations of a type, in increasing order.
    RowRange relationsOfType(std::size_t type) const;
    // Claims of a source, and claims naming an entity in their `by` or `via`, in increasing order.
    std::vector<ClaimRef> claimsOfSource(SourceRef s) const;
    RowRange claimsNaming(Vertex v) const;

    // An entity by id, name or alias: the exact id first, then the normalized text; nullopt when
    // unknown, or when the text names several entities and none by its id.
    std::optional<Vertex> findEntity(std::string_view idNameOrAlias) const;
    std::optional<Vertex> findEntityById(std::string_view id) const;
    // Like findEntity, then the one entity whose name or an alias holds the text as whole words
    // ("Putin"); QueryError listing the candidates with their kinds when several do, or the closest
    // names when none does.
    Vertex resolveEntity(std::string_view idNameOrAlias) const;
    std::optional<Edge> findRelation(std::string_view id) const;
    std::optional<ClaimRef> findClaim(std::string_view id) const;
    std::optional<SourceRef> findSource(std::string_view id) const;
    // A source by id or title (any case); QueryError listing the closest when unknown.
    SourceRef resolveSource(std::string_view idOrTitle) const;

    // The files the graph was read from.
    std::size_t inputFileCount() const { return columns_.inputFile.size(); }
    std::string_view inputFile(std::size_t i) const { return string(columns_.inputFile[i]); }
    std::size_t fileOf(Edge e) const { return columns_.relationFile.empty() ? 0 : columns_.relationFile[e]; }

    // Bytes the columns take: all of them, and those that grow with the relations.
    std::size_t memoryBytes() const;
    std::size_t relationBytes() const;

    // How far firstProblem looks. Bounds: every column's size, every number in range, offsets
    // rising — enough that no reading of the graph goes outside its columns, in one sequential
    // pass. Full: also that each sparse-row run lists exactly its entity's relations in order, that
    // records are in id order and the indexes list what they index.
    enum class Check { Bounds, Full };
    // The first broken rule, if any. Linear in the size of the graph.
    std::optional<std::string> firstProblem(Check check = Check::Full) const;
    // The same of columns not yet made a store (a snapshot's, before they are trusted); without
    // `searchColumns`, the search index is left for searchProblemIn.
    static std::optional<std::string> problemIn(const StoreColumns& columns, Check check, bool searchColumns = true);
    // The first broken rule of the search columns alone (every document row and posting in range,
    // terms and each term's documents in order).
    static std::optional<std::string> searchProblemIn(const StoreColumns& columns);
    // A check the search columns must pass before they are first used: a snapshot's, made when it
    // is opened, so that commands that do not search never read the index.
    void deferSearchCheck(std::function<void(const StoreColumns&)> check);

private:
    friend class EntityView;
    friend class RelationView;
    friend class ClaimView;
    friend class SourceView;

    struct Unchecked {};
    GraphStore(Unchecked, StoreColumns columns);
    Vertex fromOffsets(Edge e) const;
    std::optional<std::string> columnsProblem(Check check) const;
    AttributeRange attributeRange(std::span<const Row> start, Row record) const;
    void buildCatalog();

    struct SearchState;
    mutable StoreColumns columns_;  // mutable: ensureSearchIndex fills in the search columns once
    std::shared_ptr<const void> owner_;
    std::unique_ptr<SearchState> search_;
    std::unique_ptr<model::Schema> schema_;
    std::vector<const model::EntityKind*> kinds_;
    std::vector<const model::RelationType*> types_;
};

}  // namespace relgraph::store
