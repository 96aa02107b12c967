#include "interchange/graph_mapper.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "interchange/block_reader.hpp"
#include "interchange/property_values.hpp"
#include "load/claim_reader.hpp"
#include "load/json_document.hpp"
#include "load/object_reader.hpp"
#include "relgraph/model/scalar_text.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::interchange {

namespace {

bool isAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Text that text::toIdentifier leaves as it is (and text::normalizeName too): 1–90 of a-z 0-9 _ . -,
// starting and ending with a letter or digit.
bool isPlainIdentifier(std::string_view s) {
    if (s.empty() || s.size() > 90 || !isAlnum(s.front()) || !isAlnum(s.back())) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return isAlnum(c) || c == '_' || c == '.' || c == '-'; });
}

std::string inSpace(const std::string& space) {
    return space.empty() ? "" : fmt::format(" in ID space \"{}\"", text::terminalSafe(space));
}


constexpr std::uint8_t kDirected = 1, kUndirected = 2;
constexpr char kDefaultKind[] = "node";
constexpr char kDefaultType[] = "related_to";

using nlohmann::json;

// A value as JSON: text as a string, a number or boolean as one, JSON text as what it holds.
json jsonOf(std::string_view text, ValueKind kind) {
    switch (kind) {
        case ValueKind::Integer:
            if (const auto v = model::parseInteger(text)) return *v;
            break;
        case ValueKind::Number:
            if (const auto v = model::parseNumber(text)) return *v;
            break;
        case ValueKind::Boolean:
            if (const auto v = model::parseBoolean(text)) return *v;
            break;
        case ValueKind::Json: {
            json value = json::parse(text, nullptr, false);
            if (!value.is_discarded()) return value;
            break;
        }
        case ValueKind::String: break;
    }
    return json(std::string(text));
}

// The aliases a property holds: a JSON array (or text holding one), else the one value.
std::vector<std::string> aliasesOf(const GraphMapper::NodeProperty& p) {
    json list;
    if (p.kind == ValueKind::Json || p.kind == ValueKind::String) {
        list = json::parse(p.text, nullptr, false);
        if (!list.is_array()) list = json::array({p.text});
    } else {
        list = json::array({p.text});  // a number or boolean, as its text
    }
    std::vector<std::string> out;
    for (const json& alias : list) {
        if (alias.is_null() || (alias.is_string() && isBlank(alias.get_ref<const std::string&>()))) continue;
        out.push_back(alias.is_string() ? alias.get<std::string>() : alias.dump());
    }
    return out;
}


}  // namespace

Place At::place() const {
    Place out{file ? *file : std::string(), line, column, {}};
    if (list) {
        out.pointer = load::JsonDocument::child(fmt::format("/{}", list), index);
        if (member) out.pointer = load::JsonDocument::child(out.pointer, *member);
    } else if (pointer) {
        out.pointer = *pointer;
    }
    return out;
}

Place At::inside(std::string_view name, std::string_view below) const {
    Place out = place();
    if (!out.pointer.starts_with('/')) out.pointer += (out.pointer.empty() ? "" : " ") + std::string(name);
    out.pointer += below;
    return out;
}

GraphMapper::NodeProperty jsonProperty(std::string name, const json& value, const At& at) {
    GraphMapper::NodeProperty p;
    p.name = std::move(name);
    p.at = at;
    if (value.is_string()) {
        p.text = value.get<std::string>();
    } else {
        p.text = value.dump(-1, ' ', false, json::error_handler_t::replace);
        p.kind = value.is_number_integer() ? ValueKind::Integer
                 : value.is_number()       ? ValueKind::Number
                 : value.is_boolean()      ? ValueKind::Boolean
                                           : ValueKind::Json;
    }
    return p;
}

bool isAbsent(const json& v) { return v.is_null() || (v.is_string() && isBlank(v.get_ref<const std::string&>())); }

std::string_view entityKey(std::string_view space, std::string_view id, std::string& buffer) {
    if (space.empty()) return id;
    buffer.assign(space);
    buffer += '\x1f';
    buffer += id;
    return buffer;
}

GraphMapper::GraphMapper(store::StoreBuilder& builder, const model::Schema& declared, bool explicitRelationIds,
                         bool keepOrigins)
    : builder_(builder), declared_(declared), explicitRelationIds_(explicitRelationIds), keepOrigins_(keepOrigins) {}

void GraphMapper::problem(Stage stage, Place place, std::string message) {
    std::vector<Diagnostic>& list = problems_[static_cast<int>(stage)];
    if (list.size() < kMaxProblems) list.push_back({std::move(place), std::move(message)});
}

bool GraphMapper::full() const {
    for (const auto& list : problems_) {
        if (!list.empty()) return list.size() >= kMaxProblems;
    }
    return false;
}

std::optional<Stage> GraphMapper::failedStage() const {
    for (int stage = 0; stage < 3; ++stage) {
        if (!problems_[stage].empty()) return static_cast<Stage>(stage);
    }
    return std::nullopt;
}

std::vector<Diagnostic> GraphMapper::takeProblems() {
    for (auto& list : problems_) {
        if (list.empty()) continue;
        std::vector<Diagnostic> out = std::move(list);
        sortByPlace(out);
        return out;
    }
    return {};
}

void GraphMapper::note(const Place& place, std::string message) {
    if (noted_.insert({place.file, message}).second) notes_.push_back({place, std::move(message)});
}

std::vector<Diagnostic> GraphMapper::takeNotes() {
    std::vector<Diagnostic> out = std::move(notes_);
    sortByPlace(out);
    return out;
}

const std::string* GraphMapper::keepFileName(const std::string& file) { return &*fileNames_.insert(file).first; }
const std::string* GraphMapper::keepMemberName(const std::string& member) {
    return &*memberNames_.insert(member).first;
}

At GraphMapper::atOf(const Place& place) {
    At at{keepFileName(place.file), place.line, place.column};
    if (!place.pointer.empty()) at.pointer = keepMemberName(place.pointer);
    return at;
}

Row GraphMapper::named(bool isKind, std::string_view text, const At& at) {
    auto& byText = isKind ? kindByText_ : typeByText_;
    if (const auto it = byText.find(std::string(text)); it != byText.end()) return it->second;
    // A kind or type relgraph JSON declares is the one the text names, as written or as an identifier.
    const auto declares = [&](const std::string& name) {
        return isKind ? declared_.kinds.contains(name) : declared_.types.contains(name);
    };
    std::string name(text);
    bool declared = declares(name);
    if (!declared) {
        name = text::toIdentifier(text, '_', isKind ? kDefaultKind : kDefaultType);
        declared = declares(name);
    }
    const std::size_t before = isKind ? builder_.kindCount() : builder_.typeCount();
    const Row id = isKind ? builder_.kind(name) : builder_.type(name);
    if (id >= before) {  // made now
        auto& owners = isKind ? kindOwners_ : typeOwners_;
        auto& names = isKind ? kindNames_ : typeNames_;
        auto& flags = isKind ? kindDeclared_ : typeDeclared_;
        if (owners.size() <= id) {
            owners.resize(id + 1);
            names.resize(id + 1);
            flags.resize(id + 1, 0);
        }
        names[id] = name;
        flags[id] = declared ? 1 : 0;
        if (!declared) {  // a declared one's label is the declaration's
            const std::string label = !text.empty() ? std::string(text) : isKind ? "Node" : "related to";
            if (isKind) builder_.setKindLabel(id, label);
            else builder_.setTypeLabel(id, label);
            if (const char* bad = load::ObjectReader::textProblem(label, false)) {
                problem(Stage::Validate, at.place(), bad);
            }
        }
    }
    byText.emplace(std::string(text), id);
    return id;
}

Row GraphMapper::kind(std::string_view text, const At& at) { return named(true, text, at); }
Row GraphMapper::type(std::string_view text, const At& at) { return named(false, text, at); }

bool GraphMapper::isDeclared(std::uint8_t owner, Row kindOrType) const {
    const auto& flags = owner == store::kOwnerEntities ? kindDeclared_ : typeDeclared_;
    return kindOrType < flags.size() && flags[kindOrType] != 0;
}

const model::AttributeDeclarations* GraphMapper::declarationsOf(std::uint8_t owner, Row kindOrType) const {
    if (!isDeclared(owner, kindOrType)) return nullptr;
    if (owner == store::kOwnerEntities) return &declared_.kinds.at(kindNames_[kindOrType]).attributes;
    return &declared_.types.at(typeNames_[kindOrType]).attributes;
}

std::string GraphMapper::ownerText(std::uint8_t owner, Row kindOrType) const {
    return owner == store::kOwnerEntities ? fmt::format("kind \"{}\"", kindNames_[kindOrType])
                                          : fmt::format("relation type \"{}\"", typeNames_[kindOrType]);
}

bool GraphMapper::entityIdTaken(std::string_view id) const {
    return (!pendingIds_.empty() && pendingIds_.count(std::string(id)) > 0) || builder_.hasEntityId(id);
}

std::string GraphMapper::uniqueEntityId(std::string_view originalId) {
    const std::string base =
        isPlainIdentifier(originalId) ? std::string(originalId) : text::toIdentifier(originalId, '-', "node");
    std::string candidate = base;
    for (int n = 2; entityIdTaken(candidate); ++n) candidate = fmt::format("{}-{}", base, n);
    return candidate;
}

void GraphMapper::checkName(std::string_view name, const At& at, bool allowNewlines) {
    if (const char* bad = load::ObjectReader::textProblem(name, allowNewlines)) {
        problem(Stage::Validate, at.place(), bad);
    }
}

std::string GraphMapper::uniqueName(Row entity, const std::string& id, const std::string& name,
                                   const std::string& originalId, const At& at) {
    std::string unique = name;
    for (int n = 1;; ++n) {
        const std::string key = text::normalizeName(unique);
        if (key == id) break;
        bool clash = entityIdTaken(key);
        if (!clash) {
            const auto it = nameOwners_.find(key);
            clash = it != nameOwners_.end() && it->second.entity != entity;
        }
        if (!clash) break;
        unique = n == 1 ? fmt::format("{} ({})", name, originalId) : fmt::format("{} ({} {})", name, originalId, n);
    }
    if (unique != name) {
        note(at.place(), fmt::format("\"{}\" names another entity too: this one is named \"{}\"",
                                     text::terminalSafe(name), text::terminalSafe(unique)));
    }
    const std::string key = text::normalizeName(unique);
    if (key != id && !entityIdTaken(key)) nameOwners_.emplace(key, NameOwner{entity, -1});
    return unique;
}

Row GraphMapper::addImplicitEntity(std::string_view key, std::string_view originalId, Row kind, const At& at) {
    // The common case: the id as written is an identifier no other entity has, and it is the name.
    // While every entity's id is its key, a key that names no entity is no entity's id either.
    if (isPlainIdentifier(originalId) && ((idsAreKeys_ && key == originalId) || !entityIdTaken(originalId))) {
        const Row entity = builder_.addEntity(key, originalId, originalId, kind);
        madeEntity(entity, originalId, nullptr, at);
        if (!aliasKeys_.empty() && aliasKeys_.count(std::string(originalId))) {
            laterIds_.emplace(std::string(originalId), IdOwner{entity, at.place()});
        }
        return entity;
    }
    idsAreKeys_ = false;
    const std::string original(originalId);
    const std::string id = uniqueEntityId(originalId);
    const auto entity = static_cast<Row>(builder_.entityCount());
    const std::string name = uniqueName(entity, id, original, original, at);
    checkName(name, at);
    builder_.addEntity(key, id, name, kind);
    madeEntity(entity, id, nullptr, at);
    if (aliasKeys_.count(id)) laterIds_.emplace(id, IdOwner{entity, at.place()});
    if (id != original) keepOriginalId(entity, kind, id, original, at);
    return entity;
}

store::StoreBuilder::Origin GraphMapper::keepPlaces(RecordPlaces places) {
    places_.push_back(std::move(places));
    return kOriginBit | places_.size();
}

void GraphMapper::madeEntity(Row entity, std::string_view id, const PendingNode* node, const At& at) {
    if (explicitRelationIds_) entityIds_.emplace_back(id);
    if (!keepOrigins_) return;
    RecordPlaces places{true, at, at, {}, at, {}, {}};
    if (node) {
        places.a = node->nameAt;
        places.b = node->aliasesAt;
        places.c = node->kindAt;
    }
    builder_.setEntityOrigin(entity, keepPlaces(std::move(places)));
}

Row GraphMapper::attribute(std::uint8_t owner, Row ownerKindOrType, std::string_view property, const At& at) {
    auto& owners = owner == store::kOwnerEntities ? kindOwners_ : typeOwners_;
    if (owners.size() <= ownerKindOrType) owners.resize(ownerKindOrType + 1);
    OwnerNames& names = owners[ownerKindOrType];
    const bool declared = isDeclared(owner, ownerKindOrType);
    std::string name;
    if (const auto it = names.attributes.find(std::string(property)); it != names.attributes.end()) {
        name = it->second;
    } else {
        const std::string_view base = property.starts_with('@') ? property.substr(1) : property;
        if (declared) {
            name = base;  // the declaration says what it may be
        } else {
            const std::string identifier = text::toIdentifier(base, '_', "attribute");
            name = identifier;
            for (int n = 2; names.taken.count(name); ++n) name = fmt::format("{}_{}", identifier, n);
            names.taken.insert(name);
            if (name != base) {
                note(at.place(), fmt::format("property \"{}\" is kept as attribute \"{}\"", text::terminalSafe(property),
                                             name));
            }
        }
        names.attributes.emplace(std::string(property), name);
    }
    auto key = std::make_tuple(owner, ownerKindOrType, name);
    if (const auto it = columnByName_.find(key); it != columnByName_.end()) return it->second;
    Column column;
    column.owner = owner;
    column.ownerKindOrType = ownerKindOrType;
    column.name = name;
    if (!declared) column.builderColumn = builder_.property(name, owner, ownerKindOrType, model::AttributeType::String);
    const auto row = static_cast<Row>(columns_.size());
    columns_.push_back(std::move(column));
    columnByName_.emplace(std::move(key), row);
    return row;
}

void GraphMapper::setValue(Row column, Row record, std::string_view text, const At& at, ValueKind kind) {
    const Column& c = columns_[column];
    if (c.builderColumn == kNoRow) {
        setDeclared(c, record, text, at, kind);
        return;
    }
    bool blank = true, control = false;
    for (const char ch : text) {
        const auto u = static_cast<unsigned char>(ch);
        if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') blank = false;
        if (u < 0x20 || u == 0x7F) control = true;
    }
    if (blank) problem(Stage::Validate, at.place(), "must not be empty");
    else if (control) problem(Stage::Validate, at.place(), "contains a control character (newline, tab, …)");
    builder_.setProperty(c.builderColumn, record, text);
}

// A declared attribute's value, decoded by its declared type and checked as the loader checks
// relgraph JSON's (an undeclared one is reported so too).
void GraphMapper::setDeclared(const Column& c, Row record, std::string_view text, const At& at, ValueKind kind) {
    const model::AttributeDeclarations* declarations = declarationsOf(c.owner, c.ownerKindOrType);
    json value = jsonOf(text, kind);
    if (const auto it = declarations->find(c.name); it != declarations->end()) value = decodeAs(value, it->second);
    load::JsonDocument doc;
    doc.assign(at.file ? *at.file : std::string(), json{{"attributes", json{{c.name, std::move(value)}}}});
    load::Problems found;
    load::ObjectReader reader(doc, doc.root(), "", found, "a record");
    const model::Attributes attributes =
        reader.attributes("attributes", declarations, ownerText(c.owner, c.ownerKindOrType));
    for (Diagnostic& d : found.take()) problem(Stage::Validate, at.place(), std::move(d.message));
    for (const auto& [name, v] : attributes) builder_.setAttribute(c.owner, record, name, v);
}

void GraphMapper::addKind(Row column, ValueKind kind) {
    Column& c = columns_[column];
    if (c.builderColumn == kNoRow) return;
    c.any = true;
    c.integers = c.integers && kind == ValueKind::Integer;
    c.numbers = c.numbers && (kind == ValueKind::Integer || kind == ValueKind::Number);
    c.booleans = c.booleans && kind == ValueKind::Boolean;
}

model::AttributeType GraphMapper::typeOf(const Column& c) {
    return !c.any        ? model::AttributeType::String
           : c.integers  ? model::AttributeType::Integer
           : c.numbers   ? model::AttributeType::Number
           : c.booleans  ? model::AttributeType::Boolean
                         : model::AttributeType::String;
}

void GraphMapper::keepOriginalId(Row entity, Row kind, const std::string& id, std::string_view originalId,
                                 const At& at) {
    if (const model::AttributeDeclarations* declared = declarationsOf(store::kOwnerEntities, kind)) {
        if (declared->contains("original_id")) {
            setValue(attribute(store::kOwnerEntities, kind, "original_id", at), entity, originalId, at);
        } else if (notedOriginalIds_.insert(kind).second) {
            note(at.place(), fmt::format("ids of kind \"{}\" are made identifiers (\"{}\" is \"{}\") and the original "
                                         "ids are not kept: declare the attribute \"original_id\" for the kind to keep "
                                         "them",
                                         kindNames_[kind], text::terminalSafe(originalId), id));
        }
        return;
    }
    if (kindOwners_.size() <= kind) kindOwners_.resize(kind + 1);
    kindOwners_[kind].taken.insert("original_id");
    auto key = std::make_tuple(store::kOwnerEntities, kind, std::string("original_id"));
    Row column;
    if (const auto it = columnByName_.find(key); it != columnByName_.end()) {
        column = it->second;
    } else {
        Column made;
        made.owner = store::kOwnerEntities;
        made.ownerKindOrType = kind;
        made.name = "original_id";
        made.builderColumn = builder_.property("original_id", store::kOwnerEntities, kind, model::AttributeType::String);
        column = static_cast<Row>(columns_.size());
        columns_.push_back(std::move(made));
        columnByName_.emplace(std::move(key), column);
    }
    setValue(column, entity, originalId, at);
    addKind(column, ValueKind::String);
}

void GraphMapper::addNode(const NodeRow& row) {
    std::string keyBuffer;
    const std::string key(entityKey(row.space, row.id, keyBuffer));
    if (const auto it = pendingKeys_.find(key); it != pendingKeys_.end()) {
        problem(Stage::Map, row.at.place(),
                fmt::format("node \"{}\"{} is defined twice (first at {})", text::terminalSafe(row.id),
                            inSpace(row.space), pending_[it->second].at.place().toString()));
        return;
    }
    std::vector<bool> taken(row.properties.size(), false);
    const auto take = [&](std::string_view name) -> const NodeProperty* {
        for (std::size_t i = 0; i < row.properties.size(); ++i) {
            if (!taken[i] && row.properties[i].name == name) {
                taken[i] = true;
                return &row.properties[i];
            }
        }
        return nullptr;
    };

    std::vector<std::string> labels = row.labels;
    At kindAt = row.at;
    if (!labels.empty()) {
        kindAt = row.labelAt;
    } else if (const NodeProperty* p = take("kind")) {
        labels.push_back(p->text);
        kindAt = p->at;
    } else if (const NodeProperty* apoc = take("labels")) {  // ":Person:Actor"
        kindAt = apoc->at;
        const std::string& all = apoc->text;
        for (std::size_t start = 0; start <= all.size();) {
            const std::size_t end = std::min(all.find(':', start), all.size());
            if (end > start) labels.push_back(all.substr(start, end - start));
            start = end + 1;
        }
    }
    const std::string kindText = labels.empty() ? std::string() : labels.front();
    if (labels.size() > 1) {
        note(kindAt.place(),
             fmt::format("only the first label, \"{}\", is kept (as the kind)", text::terminalSafe(kindText)));
    }
    const Row kindId = kind(kindText, kindAt);

    PendingNode node;
    node.originalId = row.id;
    node.key = key;
    node.kind = kindId;
    node.at = row.at;
    node.kindAt = kindAt;
    node.id = uniqueEntityId(row.id);
    node.name = row.id;
    node.nameAt = row.at;
    const auto record = static_cast<Row>(pending_.size());
    const NodeProperty* name = take("name");
    if (!name) name = take("label");
    if (!name) name = take("title");
    if (name) {
        node.name = name->text;
        node.nameAt = name->at;
    }
    if (const NodeProperty* p = take("aliases")) {
        node.aliases = aliasesOf(*p);
        node.aliasesAt = p->at;
    }
    if (const NodeProperty* p = take("description")) {
        // Not an attribute: the entity's description, given it once the entity is made.
        checkName(p->text, p->at, true);
        node.description = p->text;
    }
    bool ownOriginalId = false;
    for (std::size_t i = 0; i < row.properties.size(); ++i) {
        if (taken[i]) continue;
        const NodeProperty& p = row.properties[i];
        const Row column = attribute(store::kOwnerEntities, kindId, p.name, p.at);
        ownOriginalId = ownOriginalId || kindOwners_[kindId].attributes.at(p.name) == "original_id";
        setValue(column, record, p.text, p.at, p.kind);
        addKind(column, p.kind);
    }
    if (node.id != node.originalId && !ownOriginalId) keepOriginalId(record, kindId, node.id, node.originalId, row.at);
    pendingKeys_.emplace(key, pending_.size());
    pendingIds_.emplace(node.id, pending_.size());
    pending_.push_back(std::move(node));
}

Place GraphMapper::memberPlace(const NameOwner& owner) const {
    const PendingNode& node = pending_[owner.entity];
    if (owner.member == -2) return node.at.place();
    if (owner.member == -1) return node.nameAt.place();
    return node.aliasesAt.inside("aliases", fmt::format("/{}", owner.member));
}

void GraphMapper::finishNodes() {
    if (nodesFinished_) return;
    nodesFinished_ = true;
    if (!pending_.empty()) idsAreKeys_ = false;
    for (std::size_t i = 0; i < pending_.size(); ++i) {
        PendingNode& node = pending_[i];
        const auto entity = static_cast<Row>(i);
        node.name = uniqueName(entity, node.id, node.name, node.originalId, node.nameAt);
        checkName(node.name, node.nameAt);
        for (std::size_t a = 0; a < node.aliases.size(); ++a) {
            const std::string& alias = node.aliases[a];
            Place place = node.aliasesAt.inside("aliases", fmt::format("/{}", a));
            const std::string key = text::normalizeName(alias);
            std::optional<NameOwner> owner;
            if (key == node.id) owner = NameOwner{entity, -2};
            else if (const auto it = pendingIds_.find(key); it != pendingIds_.end())
                owner = NameOwner{static_cast<Row>(it->second), -2};
            else if (const auto found = nameOwners_.find(key); found != nameOwners_.end()) owner = found->second;
            if (const char* bad = load::ObjectReader::textProblem(alias, false)) {
                problem(Stage::Validate, place, bad);
            } else {
                // Told once every id is known: an edge list read later may make an entity of this id.
                AliasCheck check{entity, alias, key, std::move(place), false, kNoRow, {}, {}};
                if (owner) {
                    check.ownerIsId = owner->member == -2;
                    check.owner = owner->entity;
                    check.ownerId = pending_[owner->entity].id;
                    check.ownerPlace = memberPlace(*owner);
                }
                aliasKeys_.insert(key);
                aliasChecks_.push_back(std::move(check));
            }
            if (!owner) nameOwners_.emplace(key, NameOwner{entity, static_cast<int>(a)});
        }
    }
    for (PendingNode& node : pending_) {
        const Row entity = builder_.addEntity(node.key, node.id, node.name, node.kind);
        for (const std::string& alias : node.aliases) builder_.addAlias(entity, alias);
        if (!node.description.empty()) builder_.setDescription(entity, node.description);
        madeEntity(entity, node.id, &node, node.at);
    }
    std::vector<PendingNode>().swap(pending_);
    pendingKeys_.clear();
    pendingIds_.clear();
}

void GraphMapper::useRelationIds() {
    RELGRAPH_ASSERT(builder_.entityCount() == 0);
    explicitRelationIds_ = true;
}

Row GraphMapper::addRelation(const EdgeRow& e) {
    const Row relation = builder_.addRelation(e.from, e.to, e.type);
    if (typeDirections_.size() <= e.type) typeDirections_.resize(e.type + 1, 0);
    typeDirections_[e.type] |= e.directed ? kDirected : kUndirected;
    const bool claims = e.claims || e.claimsText;
    if (keepOrigins_ || claims || isDeclared(store::kOwnerRelations, e.type)) {
        builder_.setRelationOrigin(relation, keepPlaces({false, e.at, e.fromAt, e.toAt, e.typeAt, e.idAt, e.claimsAt}));
    }
    if (claims) {
        json list = e.claims ? *e.claims : json::parse(*e.claimsText, nullptr, false);
        if (list.is_array()) pendingClaims_.push_back({relation, e.type, std::move(list), e.claimsAt});
        else problem(Stage::Map, e.claimsAt.place(), "\"claims\" must hold a JSON array of claims (docs/format.md)");
    }
    if (!explicitRelationIds_) return relation;
    if (e.id && !e.id->empty()) {
        const std::string given(*e.id);
        const std::string id = text::toIdentifier(given, '-', "relation");
        if (relationIds_.insert(id).second) {
            if (id != given) {
                note(e.idAt.place(), fmt::format("edge id \"{}\" is relation id \"{}\"", text::terminalSafe(given), id));
            }
            builder_.setRelationId(relation, id);
            return relation;
        }
        note(e.idAt.place(), fmt::format("edge id \"{}\" is taken by another edge: this relation gets a new id",
                                         text::terminalSafe(given)));
    }
    const std::string base =
        text::toIdentifier(entityIds_[e.from] + "-" + typeNames_[e.type] + "-" + entityIds_[e.to], '-', "relation");
    std::string id = base;
    for (int n = 2; relationIds_.count(id); ++n) id = fmt::format("{}-{}", base, n);
    relationIds_.insert(id);
    builder_.setRelationId(relation, id);
    return relation;
}

void GraphMapper::checkAliases() {
    for (const AliasCheck& check : aliasChecks_) {
        Row owner = check.owner;
        std::string ownerId = check.ownerId;
        Place ownerPlace = check.ownerPlace;
        if (!check.ownerIsId) {
            if (const auto it = laterIds_.find(check.key); it != laterIds_.end()) {
                owner = it->second.entity;
                ownerId = check.key;
                ownerPlace = it->second.place;
            }
        }
        if (owner == kNoRow || owner == check.entity) continue;
        problem(Stage::Validate, check.place,
                fmt::format("\"{}\" already names entity \"{}\" (at {}): names, aliases and ids must be unique",
                            text::terminalSafe(check.alias), ownerId, ownerPlace.toString()));
    }
    aliasChecks_.clear();
}

void GraphMapper::finish() {
    finishNodes();
    std::map<Row, model::AttributeDeclarations> typeAttributes;  // of the types made here
    for (const Column& c : columns_) {
        if (c.builderColumn == kNoRow) continue;
        builder_.setPropertyType(c.builderColumn, typeOf(c));
        if (c.owner == store::kOwnerRelations) typeAttributes[c.ownerKindOrType].emplace(c.name, typeOf(c));
    }
    // Every type made here relates any kinds, and is symmetric when every edge of it was undirected.
    for (std::size_t t = 0; t < typeNames_.size(); ++t) {
        if (isDeclared(store::kOwnerRelations, static_cast<Row>(t))) continue;
        const bool symmetric = t < typeDirections_.size() && typeDirections_[t] == kUndirected;
        builder_.setTypeFlags(static_cast<Row>(t), symmetric ? store::kTypeSymmetric : std::uint8_t{0});
    }
    // Claims, once the attributes their values are checked against are typed.
    for (const PendingClaims& pending : pendingClaims_) {
        const model::AttributeDeclarations* declared = declarationsOf(store::kOwnerRelations, pending.type);
        if (!declared) declared = &typeAttributes[pending.type];
        load::JsonDocument doc;
        doc.assign(pending.at.file ? *pending.at.file : std::string(), json{{"claims", pending.claims}});
        load::Problems found;
        load::ObjectReader reader(doc, doc.root(), "", found, "a relation");
        const std::vector<model::Claim> claims =
            load::readClaims(reader, declared, ownerText(store::kOwnerRelations, pending.type));
        for (Diagnostic& d : found.take()) {
            // "/claims/0/source": "/0/source" below the claims' own place.
            const std::string below = d.place.pointer.substr(std::min<std::size_t>(7, d.place.pointer.size()));
            problem(Stage::Validate, pending.at.inside("claims", below), std::move(d.message));
        }
        for (const model::Claim& claim : claims) builder_.addClaim(pending.relation, claim);
    }
    std::vector<PendingClaims>().swap(pendingClaims_);
}

Place GraphMapper::placeOf(store::StoreBuilder::Origin origin, const std::string& member) const {
    const std::uint64_t index = origin & ~kOriginBit;
    if (index == 0 || index > places_.size()) return Place{{}, 0, 0, member};
    const RecordPlaces& r = places_[index - 1];
    const auto orRecord = [&](const At& at) { return at.file ? at.place() : r.at.place(); };
    if (r.entity) {
        if (member == "name") return orRecord(r.a);
        if (member == "kind") return orRecord(r.c);
        if (member.starts_with("aliases/") && r.b.file) return r.b.inside("aliases", member.substr(7));
        return r.at.place();
    }
    if (member == "from") return orRecord(r.a);
    if (member == "to") return orRecord(r.b);
    if (member == "type") return orRecord(r.c);
    if (member == "id") return orRecord(r.id);
    if (member.starts_with("claims") && r.claims.file) return r.claims.inside("claims", member.substr(6));
    return r.at.place();
}

}  // namespace relgraph::interchange
