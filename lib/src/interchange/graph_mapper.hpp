#pragma once
// Maps the records of foreign files (docs/interchange.md) onto relgraph's model, record by record,
// into a StoreBuilder, as every reader of every foreign format reads them: kinds and relation types
// from labels and types (those relgraph JSON declares reused, others made with their labels and
// attribute types from all their values), entity ids made identifiers and unique, names made
// unique, original ids kept, properties named as attributes, relation ids from an "id" property,
// claims a file carries read as relgraph JSON's are. Values of declared attributes, and claims, are
// checked as the loader checks relgraph JSON (load/object_reader.hpp, load/claim_reader.hpp), with
// the same messages, placed in the foreign file.
//
// Problems are kept by the stage they belong to (reading a file, mapping its records, validating
// them), and only the earliest stage's are reported: a file that cannot be read is not mapped.

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "relgraph/common/place.hpp"
#include "relgraph/model/schema.hpp"
#include "relgraph/store/store_builder.hpp"

namespace relgraph::interchange {

using store::kNoRow;
using store::Row;

enum class Stage { Read = 0, Map = 1, Validate = 2 };

// What a property value is: its text is the value (String), or the JSON text of one (the rest).
enum class ValueKind : std::uint8_t { Integer, Number, Boolean, String, Json };

// A place in an input file, made into a Place only when a message needs it. In node-link JSON it
// has a JSON pointer too: "/<list>/<index>" for a node or link, "/<list>/<index>/<member>" for one
// of its members; in DOT a description of the object ("node \"a\"").
struct At {
    const std::string* file = nullptr;
    std::uint64_t line = 0;
    std::uint64_t column = 0;
    const char* list = nullptr;  // "nodes", "links" or "edges"; null: `pointer`, if any
    std::uint64_t index = 0;
    const std::string* member = nullptr;
    const std::string* pointer = nullptr;
    Place place() const;
    // The place of a JSON value found inside the value here (an alias, a claim's member): `below` is
    // its pointer in that value ("/1", "/0/source"), after the pointer here, or after `name` when
    // the file's places have no JSON pointer ("aliases/1").
    Place inside(std::string_view name, std::string_view below) const;
};

class GraphMapper {
public:
    static constexpr std::size_t kMaxProblems = 100;
    // Origins the mapper gives records (StoreBuilder::Origin): this bit, and the record's place
    // among the mapper's (placeOf).
    static constexpr store::StoreBuilder::Origin kOriginBit = store::StoreBuilder::Origin{1} << 63;

    // `declared`: what relgraph JSON inputs declare (kinds and types reused, their attribute values
    // checked). `keepOrigins`: every record gets an origin, for relgraph JSON records read into the
    // same builder and checked with these (otherwise only relations that carry claims or are of a
    // declared type get one).
    GraphMapper(store::StoreBuilder& builder, const model::Schema& declared, bool explicitRelationIds,
                bool keepOrigins);

    // Problems. Read problems go straight into readProblems() (the block reader appends there).
    std::vector<Diagnostic>& readProblems() { return problems_[0]; }
    void problem(Stage stage, Place place, std::string message);
    // Enough problems to stop reading.
    bool full() const;
    // The earliest stage with problems, if any.
    std::optional<Stage> failedStage() const;
    // The problems of the earliest stage that has any, in file and line order.
    std::vector<Diagnostic> takeProblems();
    // Once per file and message: the first place stands for the rest.
    void note(const Place& place, std::string message);
    std::vector<Diagnostic> takeNotes();

    // A name for messages and places that lives as long as the mapper: a file's, or a JSON member's.
    const std::string* keepFileName(const std::string& file);
    const std::string* keepMemberName(const std::string& member);
    // The At of a Place a reader made whole (GraphML, DOT).
    At atOf(const Place& place);

    // Kinds and relation types for a kind or type text ("" for none), made on first use.
    Row kind(std::string_view text, const At& at);
    Row type(std::string_view text, const At& at);

    // An entity by key (an id as written, with its ID space: entityKey), if made.
    std::optional<Row> findEntity(std::string_view key) const { return builder_.findEntity(key); }
    // An edge list's node, made on first mention: its id made an identifier, its name the id as written.
    Row addImplicitEntity(std::string_view key, std::string_view originalId, Row kind, const At& at);

    // Nodes of node files (neo4j CSV, node-link, GraphML, DOT): every node of every input is read
    // before any edge, rows given in reading order; names are made unique once all are read
    // (finishNodes).
    struct NodeProperty {
        std::string name;
        std::string text;  // the value, or its JSON text
        ValueKind kind = ValueKind::String;
        At at;
    };
    struct NodeRow {
        std::string id, space;
        std::vector<std::string> labels;
        At labelAt;
        std::vector<NodeProperty> properties;  // in the file's order, values of nothing left out
        At at;
    };
    void addNode(const NodeRow& row);
    void finishNodes();

    // An edge: its ends and type (rows), places, and what it may carry. A type is symmetric when every
    // relation of it is undirected (node-link "directed": false, DOT "--").
    struct EdgeRow {
        Row from = kNoRow, to = kNoRow, type = kNoRow;
        std::optional<std::string_view> id;  // the "id" property's or key's text (explicit relation ids only)
        At at, fromAt, toAt, typeAt, idAt;
        bool directed = true;
        // Claims as relgraph JSON has them: a JSON array, or text holding one (claimsText).
        const nlohmann::json* claims = nullptr;
        std::optional<std::string_view> claimsText;
        At claimsAt;
    };
    Row addRelation(const EdgeRow& edge);
    bool explicitRelationIds() const { return explicitRelationIds_; }
    // Relations get ids of their own after all (a node-link file found to give some): only before
    // any entity is made.
    void useRelationIds();

    // The attribute an owner's property is kept in (its name made an attribute name for the owner's
    // kind or type, or the declared attribute of a declared one), as a column of values; values are
    // set with setValue and, for attributes no schema declares, typed by all the values addKind is
    // told of (once per value, or once for a run of values of one kind).
    Row attribute(std::uint8_t owner, Row ownerKindOrType, std::string_view property, const At& at);
    void setValue(Row column, Row record, std::string_view text, const At& at, ValueKind kind = ValueKind::String);
    void addKind(Row column, ValueKind kind);

    // Once every input is read: neo4j aliases that another entity's id, name or alias is too.
    void checkAliases();
    // Types the property columns and reads the claims; the builder is then ready to be checked and
    // frozen.
    void finish();

    // Where a record the mapper gave `origin` stands; `member` as the loader's checks name one
    // ("to", "name", "aliases/1", "claims/0/source").
    Place placeOf(store::StoreBuilder::Origin origin, const std::string& member) const;
    // Whether any record was given an origin (so that the whole graph is to be checked).
    bool keptOrigins() const { return !places_.empty(); }

    store::StoreBuilder& builder() { return builder_; }

private:
    struct OwnerNames {
        std::unordered_map<std::string, std::string> attributes;  // property -> attribute name
        std::unordered_set<std::string> taken;
    };
    struct Column {
        std::uint8_t owner = store::kOwnerEntities;
        Row ownerKindOrType = 0;
        std::string name;
        Row builderColumn = kNoRow;  // kNoRow: a declared owner's attribute, set as an attribute value
        bool any = false, integers = true, numbers = true, booleans = true;
    };
    struct PendingNode {
        std::string originalId, id, name, key;
        Row kind = 0;
        At at, nameAt, kindAt;
        std::vector<std::string> aliases;
        At aliasesAt;
        std::string description;
    };
    struct NameOwner {
        Row entity;
        int member;  // -2: id, -1: name, i >= 0: alias i
    };
    // The places of a record with an origin: an entity's (record, name, aliases, kind) or a
    // relation's (record, from, to, type, id, claims).
    struct RecordPlaces {
        bool entity = false;
        At at, a, b, c, id, claims;
    };
    struct PendingClaims {
        Row relation, type;
        nlohmann::json claims;
        At at;
    };

    static model::AttributeType typeOf(const Column& column);
    bool isDeclared(std::uint8_t owner, Row kindOrType) const;
    const model::AttributeDeclarations* declarationsOf(std::uint8_t owner, Row kindOrType) const;
    std::string ownerText(std::uint8_t owner, Row kindOrType) const;
    Row named(bool isKind, std::string_view text, const At& at);
    std::string uniqueEntityId(std::string_view originalId);
    bool entityIdTaken(std::string_view id) const;
    void checkName(std::string_view name, const At& at, bool allowNewlines = false);
    std::string uniqueName(Row entity, const std::string& id, const std::string& name,
                           const std::string& originalId, const At& at);
    void keepOriginalId(Row entity, Row kind, const std::string& id, std::string_view originalId, const At& at);
    void setDeclared(const Column& column, Row record, std::string_view text, const At& at, ValueKind kind);
    void readClaims(const PendingClaims& pending);
    Place memberPlace(const NameOwner& owner) const;
    store::StoreBuilder::Origin keepPlaces(RecordPlaces places);
    void madeEntity(Row entity, std::string_view id, const PendingNode* node, const At& at);

    store::StoreBuilder& builder_;
    const model::Schema& declared_;
    bool explicitRelationIds_;
    bool keepOrigins_;
    std::vector<Diagnostic> problems_[3];
    std::vector<Diagnostic> notes_;
    std::set<std::pair<std::string, std::string>> noted_;
    std::set<std::string> fileNames_, memberNames_;

    std::unordered_map<std::string, Row> kindByText_, typeByText_;
    std::vector<OwnerNames> kindOwners_, typeOwners_;
    std::vector<std::string> kindNames_, typeNames_;
    std::vector<std::uint8_t> kindDeclared_, typeDeclared_;
    std::vector<std::uint8_t> typeDirections_;  // by type: kDirected | kUndirected of its relations
    std::vector<Column> columns_;
    std::map<std::tuple<std::uint8_t, Row, std::string>, Row> columnByName_;  // owner, kind or type, attribute
    std::set<Row> notedOriginalIds_;  // declared kinds without "original_id"

    // Normalized names and aliases that are not their entity's own id, and whose they are.
    std::unordered_map<std::string, NameOwner> nameOwners_;

    // Nodes until finishNodes.
    std::vector<PendingNode> pending_;
    std::unordered_map<std::string, std::size_t> pendingKeys_;
    std::unordered_map<std::string, std::size_t> pendingIds_;
    bool nodesFinished_ = false;
    bool idsAreKeys_ = true;  // every entity so far has its key (an id as written, no ID space) as its id

    // Aliases of nodes are told apart from every entity's id, edge lists' too, at the end.
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

    // Explicit relation ids: every id so far, and the entities' ids by row.
    std::unordered_set<std::string> relationIds_;
    std::vector<std::string> entityIds_;

    std::vector<RecordPlaces> places_;  // by origin (without kOriginBit) - 1
    std::vector<PendingClaims> pendingClaims_;
};

// A JSON value of a foreign file (node-link, GraphML) as a property: a string as its text, anything
// else as its JSON text.
GraphMapper::NodeProperty jsonProperty(std::string name, const nlohmann::json& value, const At& at);
// No value: null, or text of nothing but white space.
bool isAbsent(const nlohmann::json& value);

// The key an entity is found by: its id as written, after its ID space (if any).
std::string_view entityKey(std::string_view space, std::string_view id, std::string& buffer);

}  // namespace relgraph::interchange
