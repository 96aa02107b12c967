#pragma once
// What graph_mapper.cpp and the validating loader do to foreign records, done record by record into
// a StoreBuilder for the streaming bulk loaders: kinds and relation types made identifiers (with
// their labels), entity ids made identifiers and unique, names made unique, original ids kept,
// properties named as attributes and typed by all their values, relation ids from an "id"
// property. Problems are kept by the stage the DOM path would find them in (reading a file,
// mapping, validating), and only the earliest stage's are reported, as readGraph reports them.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "relgraph/common/place.hpp"
#include "relgraph/store/store_builder.hpp"

namespace relgraph::interchange {

using store::kNoRow;
using store::Row;

enum class Stage { Read = 0, Map = 1, Validate = 2 };

// What JSON a property value would be in the DOM path, which types the attribute.
enum class ValueKind : std::uint8_t { Integer, Number, Boolean, String };

// A place in an input file, made into a Place only when a message needs it. In node-link JSON it
// has a JSON pointer too: "/<list>/<index>" for a node or link, "/<list>/<index>/<member>" for one
// of its members.
struct At {
    const std::string* file = nullptr;
    std::uint64_t line = 0;
    std::uint64_t column = 0;
    const char* list = nullptr;  // "nodes", "links" or "edges"; null: no pointer
    std::uint64_t index = 0;
    const std::string* member = nullptr;
    Place place() const;
};

// The text the DOM path uses for a typed value (nlohmann's JSON text): "7" for "007", "1.0" for a
// number "1", "true" for "TRUE".
std::string canonicalText(std::string_view text, ValueKind kind);

class BulkMapper {
public:
    static constexpr std::size_t kMaxProblems = 100;

    BulkMapper(store::StoreBuilder& builder, bool explicitRelationIds);

    // Problems. Read problems go straight into readProblems() (the block reader appends there).
    std::vector<Diagnostic>& readProblems() { return problems_[0]; }
    void problem(Stage stage, Place place, std::string message);
    // Enough problems to stop reading.
    bool full() const;
    bool failed() const;
    // The problems of the earliest stage that has any, in file and line order.
    std::vector<Diagnostic> takeProblems();
    // Once per file and message: the first place stands for the rest.
    void note(const Place& place, std::string message);
    std::vector<Diagnostic> takeNotes();

    // A name for messages and places that lives as long as the mapper: a file's, or a JSON member's.
    const std::string* keepFileName(const std::string& file);
    const std::string* keepMemberName(const std::string& member);

    // Kinds and relation types for a kind or type text ("" for none), made on first use.
    Row kind(std::string_view text, const At& at);
    Row type(std::string_view text, const At& at);

    // An entity by key (an id as written, with its ID space: entityKey), if made.
    std::optional<Row> findEntity(std::string_view key) const { return builder_.findEntity(key); }
    // An edge list's node, made on first mention: its id made an identifier, its name the id as written.
    Row addImplicitEntity(std::string_view key, std::string_view originalId, Row kind, const At& at);

    // neo4j node files: every node of every node file is read before any edge, ids given in reading
    // order; names are made unique once all are read (finishNodes), as graph_mapper does.
    struct NodeProperty {
        std::string name;
        std::string text;  // canonical text (arrays as JSON text)
        ValueKind kind = ValueKind::String;
        bool array = false;
        At at;
    };
    struct NodeRow {
        std::string id, space;
        std::vector<std::string> labels;
        At labelAt;
        std::vector<NodeProperty> properties;  // in column order, blank values already dropped
        At at;
    };
    void addNode(const NodeRow& row);
    void finishNodes();

    // A relation; `idText` is the "id" property's text (explicit relation ids only). A type is
    // symmetric when every relation of it is undirected (node-link "directed": false).
    Row addRelation(Row from, Row to, Row type, std::optional<std::string_view> idText,
                          const At& idAt, bool directed = true);
    bool explicitRelationIds() const { return explicitRelationIds_; }
    // Relations get ids of their own after all (a node-link file found to give some): only before
    // any entity is made.
    void useRelationIds();

    // The property column an owner's property is kept in (its attribute name made for the owner's kind
    // or type, as graph_mapper names attributes); values are stored with setValue and typed by
    // addKind, once per value or once for a run of values of one kind. `asWritten`: the values were
    // kept as the file writes them, not as canonicalText.
    Row attribute(std::uint8_t owner, Row ownerKindOrType, std::string_view property, const At& at);
    void setValue(Row column, Row record, std::string_view text, const At& at);
    void addKind(Row column, ValueKind kind, bool asWritten = false);
    // addKind for one value of one kind's or type's attribute: graph_mapper types an attribute by the
    // values of each kind or type, the builder by all its property column's values.
    void addKind(Row column, Row ownerKindOrType, ValueKind kind);
    // Some attribute's values make it of one type for one kind (or relation type) and of another for
    // another: the builder's property columns, one type a column, cannot hold that.
    bool typesDifferByOwner() const;
    // A column of text holds numbers or booleans kept as written: readGraph has them as its JSON
    // text ("7" for "007"), so the inputs are to be read again with values kept so (canonicalText).
    bool needsCanonicalValues() const;

    // Once every input is read: neo4j aliases that another entity's id, name or alias is too.
    void checkAliases();
    // Types the property columns; the builder is then ready to freeze.
    void finish();

    store::StoreBuilder& builder() { return builder_; }

private:
    struct OwnerNames {
        std::unordered_map<std::string, std::string> attributes;  // property -> attribute name
        std::unordered_set<std::string> taken;
    };
    struct ColumnKinds {
        bool any = false, integers = true, numbers = true, booleans = true;
        bool typedAsWritten = false;  // a number or boolean was kept as written
    };
    struct PendingNode {
        std::string originalId, id, name, key;
        Row kind = 0;
        At at, nameAt;
        std::vector<std::string> aliases;
        At aliasesAt;
        std::string description;
    };
    struct NameOwner {
        Row entity;
        int member;  // -2: id, -1: name, i >= 0: alias i
    };

    static void addTo(ColumnKinds& kinds, ValueKind kind);
    static model::AttributeType typeOf(const ColumnKinds& kinds);
    Row named(bool isKind, std::string_view text, const At& at);
    std::string uniqueEntityId(std::string_view originalId);
    bool entityIdTaken(std::string_view id) const;
    void checkName(std::string_view name, const At& at, bool allowNewlines = false);
    std::string uniqueName(Row entity, const std::string& id, const std::string& name,
                           const std::string& originalId, const At& at);
    void keepOriginalId(Row entity, Row kind, std::string_view originalId, const At& at);
    Place memberPlace(const NameOwner& owner) const;
    static Place aliasPlace(const At& aliases, std::size_t index);

    store::StoreBuilder& builder_;
    bool explicitRelationIds_;
    std::vector<Diagnostic> problems_[3];
    std::vector<Diagnostic> notes_;
    std::set<std::pair<std::string, std::string>> noted_;
    std::set<std::string> fileNames_, memberNames_;

    std::unordered_map<std::string, Row> kindByText_, typeByText_;
    std::vector<OwnerNames> kindOwners_, typeOwners_;
    std::vector<std::string> typeNames_;
    std::vector<std::uint8_t> typeDirections_;  // by type: kDirected | kUndirected of its relations
    std::vector<ColumnKinds> columns_;
    std::map<std::pair<Row, Row>, ColumnKinds> ownerKinds_;  // by column and kind or type
    std::unordered_map<std::string, Row> columnByName_[2];

    // Normalized names and aliases that are not their entity's own id, and whose they are.
    std::unordered_map<std::string, NameOwner> nameOwners_;

    // neo4j nodes until finishNodes.
    std::vector<PendingNode> pending_;
    std::unordered_map<std::string, std::size_t> pendingKeys_;
    std::unordered_map<std::string, std::size_t> pendingIds_;
    bool nodesFinished_ = false;
    bool idsAreKeys_ = true;  // every entity so far has its key (an id as written, no ID space) as its id

    // Aliases of neo4j nodes are told apart from every entity's id, edge lists' too, at the end.
    struct AliasCheck {
        Row entity;
        std::string alias, key;
        Place place;
        bool ownerIsId = false;  // the owner found when the nodes were read owns this as its id
        Row owner = kNoRow;
        std::string ownerId;
        Place ownerPlace;
    };
    struct IdOwner {
        Row entity;
        Place place;
    };
    std::vector<AliasCheck> aliasChecks_;
    std::unordered_set<std::string> aliasKeys_;
    std::unordered_map<std::string, IdOwner> laterIds_;

    // Explicit relation ids: every id so far, and the entities' ids by number.
    std::unordered_set<std::string> relationIds_;
    std::vector<std::string> entityIds_;
    void madeEntity(std::string_view id);
};

// The key an entity is found by: its id as written, after its ID space (if any).
std::string_view entityKey(std::string_view space, std::string_view id, std::string& buffer);

}  // namespace relgraph::interchange
