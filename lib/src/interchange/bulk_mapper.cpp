#include "interchange/bulk_mapper.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "interchange/block_reader.hpp"
#include "relgraph/model/scalar_text.hpp"
#include "load/json_document.hpp"
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

// What graph_mapper's checkText (through the loader) says of a name or text, if anything.
std::optional<std::string> textProblem(std::string_view value, bool allowNewlines) {
    if (isBlank(value)) return std::string("must not be empty");
    if (text::hasControlCharacters(value, allowNewlines)) {
        return std::string(allowNewlines ? "contains a control character"
                                         : "contains a control character (newline, tab, …)");
    }
    return std::nullopt;
}

constexpr std::uint8_t kDirected = 1, kUndirected = 2;

}  // namespace

Place At::place() const {
    Place out{file ? *file : std::string(), line, column, {}};
    if (list) {
        out.pointer = load::JsonDocument::child(fmt::format("/{}", list), index);
        if (member) out.pointer = load::JsonDocument::child(out.pointer, *member);
    }
    return out;
}

std::string canonicalText(std::string_view text, ValueKind kind) {
    switch (kind) {
        case ValueKind::Integer:
            if (const auto v = model::parseInteger(text)) return fmt::format("{}", *v);
            break;
        case ValueKind::Number:
            if (const auto v = model::parseNumber(text)) return nlohmann::json(*v).dump();
            break;
        case ValueKind::Boolean:
            if (const auto v = model::parseBoolean(text)) return *v ? "true" : "false";
            break;
        case ValueKind::String: break;
    }
    return std::string(text);
}

std::string_view entityKey(std::string_view space, std::string_view id, std::string& buffer) {
    if (space.empty()) return id;
    buffer.assign(space);
    buffer += '\x1f';
    buffer += id;
    return buffer;
}

BulkMapper::BulkMapper(store::StoreBuilder& builder, bool explicitRelationIds)
    : builder_(builder), explicitRelationIds_(explicitRelationIds) {}

void BulkMapper::problem(Stage stage, Place place, std::string message) {
    std::vector<Diagnostic>& list = problems_[static_cast<int>(stage)];
    if (list.size() < kMaxProblems) list.push_back({std::move(place), std::move(message)});
}

bool BulkMapper::full() const {
    for (const auto& list : problems_) {
        if (!list.empty()) return list.size() >= kMaxProblems;
    }
    return false;
}

bool BulkMapper::failed() const {
    return std::any_of(std::begin(problems_), std::end(problems_), [](const auto& list) { return !list.empty(); });
}

std::vector<Diagnostic> BulkMapper::takeProblems() {
    for (auto& list : problems_) {
        if (list.empty()) continue;
        std::vector<Diagnostic> out = std::move(list);
        std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
            if (a.place.file != b.place.file) return a.place.file < b.place.file;
            if (a.place.line != b.place.line) return a.place.line < b.place.line;
            return a.place.column < b.place.column;
        });
        return out;
    }
    return {};
}

void BulkMapper::note(const Place& place, std::string message) {
    if (noted_.insert({place.file, message}).second) notes_.push_back({place, std::move(message)});
}

std::vector<Diagnostic> BulkMapper::takeNotes() {
    std::vector<Diagnostic> out = std::move(notes_);
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.place.file != b.place.file) return a.place.file < b.place.file;
        if (a.place.line != b.place.line) return a.place.line < b.place.line;
        return a.place.column < b.place.column;
    });
    return out;
}

const std::string* BulkMapper::keepFileName(const std::string& file) { return &*fileNames_.insert(file).first; }
const std::string* BulkMapper::keepMemberName(const std::string& member) {
    return &*memberNames_.insert(member).first;
}

Row BulkMapper::named(bool isKind, std::string_view text, const At& at) {
    auto& byText = isKind ? kindByText_ : typeByText_;
    if (const auto it = byText.find(std::string(text)); it != byText.end()) return it->second;
    const std::string name = text::toIdentifier(text, '_', isKind ? "node" : "related_to");
    const std::size_t before = isKind ? builder_.kindCount() : builder_.typeCount();
    const Row id = isKind ? builder_.kind(name) : builder_.type(name);
    if (id >= before) {  // made now
        const std::string label = !text.empty() ? std::string(text) : isKind ? "Node" : "related to";
        if (isKind) builder_.setKindLabel(id, label);
        else builder_.setTypeLabel(id, label);
        if (const auto bad = textProblem(label, false)) problem(Stage::Validate, at.place(), *bad);
        auto& owners = isKind ? kindOwners_ : typeOwners_;
        if (owners.size() <= id) owners.resize(id + 1);
        if (!isKind) {
            if (typeNames_.size() <= id) typeNames_.resize(id + 1);
            typeNames_[id] = name;
        }
    }
    byText.emplace(std::string(text), id);
    return id;
}

Row BulkMapper::kind(std::string_view text, const At& at) { return named(true, text, at); }
Row BulkMapper::type(std::string_view text, const At& at) { return named(false, text, at); }

bool BulkMapper::entityIdTaken(std::string_view id) const {
    return (!pendingIds_.empty() && pendingIds_.count(std::string(id)) > 0) || builder_.hasEntityId(id);
}

std::string BulkMapper::uniqueEntityId(std::string_view originalId) {
    const std::string base =
        isPlainIdentifier(originalId) ? std::string(originalId) : text::toIdentifier(originalId, '-', "node");
    std::string candidate = base;
    for (int n = 2; entityIdTaken(candidate); ++n) candidate = fmt::format("{}-{}", base, n);
    return candidate;
}

void BulkMapper::checkName(std::string_view name, const At& at, bool allowNewlines) {
    if (const auto bad = textProblem(name, allowNewlines)) problem(Stage::Validate, at.place(), *bad);
}

std::string BulkMapper::uniqueName(Row entity, const std::string& id, const std::string& name,
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

Row BulkMapper::addImplicitEntity(std::string_view key, std::string_view originalId, Row kind,
                                        const At& at) {
    // The common case: the id as written is an identifier no other entity has, and it is the name.
    // While every entity's id is its key, a key that names no entity is no entity's id either.
    if (isPlainIdentifier(originalId) && ((idsAreKeys_ && key == originalId) || !entityIdTaken(originalId))) {
        const Row entity = builder_.addEntity(key, originalId, originalId, kind);
        madeEntity(originalId);
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
    madeEntity(id);
    if (aliasKeys_.count(id)) laterIds_.emplace(id, IdOwner{entity, at.place()});
    if (id != original) keepOriginalId(entity, kind, original, at);
    return entity;
}

Row BulkMapper::attribute(std::uint8_t owner, Row ownerKindOrType, std::string_view property,
                                const At& at) {
    auto& owners = owner == store::kOwnerEntities ? kindOwners_ : typeOwners_;
    if (owners.size() <= ownerKindOrType) owners.resize(ownerKindOrType + 1);
    OwnerNames& names = owners[ownerKindOrType];
    std::string name;
    if (const auto it = names.attributes.find(std::string(property)); it != names.attributes.end()) {
        name = it->second;
    } else {
        const std::string_view base = property.starts_with('@') ? property.substr(1) : property;
        const std::string identifier = text::toIdentifier(base, '_', "attribute");
        name = identifier;
        for (int n = 2; names.taken.count(name); ++n) name = fmt::format("{}_{}", identifier, n);
        names.taken.insert(name);
        if (name != base) {
            note(at.place(), fmt::format("property \"{}\" is kept as attribute \"{}\"", text::terminalSafe(property),
                                         name));
        }
        names.attributes.emplace(std::string(property), name);
    }
    auto& byName = columnByName_[owner == store::kOwnerEntities ? 0 : 1];
    if (const auto it = byName.find(name); it != byName.end()) return it->second;
    const Row column = builder_.property(name, owner, model::AttributeType::String);
    if (columns_.size() <= column) columns_.resize(column + 1);
    byName.emplace(name, column);
    return column;
}

void BulkMapper::setValue(Row column, Row record, std::string_view text, const At& at) {
    bool blank = true, control = false;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') blank = false;
        if (u < 0x20 || u == 0x7F) control = true;
    }
    if (blank) problem(Stage::Validate, at.place(), "must not be empty");
    else if (control) problem(Stage::Validate, at.place(), "contains a control character (newline, tab, …)");
    builder_.setProperty(column, record, text);
}

bool BulkMapper::needsCanonicalValues() const {
    return std::any_of(columns_.begin(), columns_.end(), [](const ColumnKinds& k) {
        return k.typedAsWritten && !k.integers && !k.numbers && !k.booleans;
    });
}

void BulkMapper::addTo(ColumnKinds& k, ValueKind kind) {
    k.any = true;
    k.integers = k.integers && kind == ValueKind::Integer;
    k.numbers = k.numbers && (kind == ValueKind::Integer || kind == ValueKind::Number);
    k.booleans = k.booleans && kind == ValueKind::Boolean;
}

void BulkMapper::addKind(Row column, ValueKind kind, bool asWritten) {
    ColumnKinds& k = columns_[column];
    k.typedAsWritten = k.typedAsWritten || (asWritten && kind != ValueKind::String);
    addTo(k, kind);
}

void BulkMapper::addKind(Row column, Row ownerKindOrType, ValueKind kind) {
    addKind(column, kind);
    addTo(ownerKinds_[{column, ownerKindOrType}], kind);
}

model::AttributeType BulkMapper::typeOf(const ColumnKinds& k) {
    return !k.any        ? model::AttributeType::String
           : k.integers  ? model::AttributeType::Integer
           : k.numbers   ? model::AttributeType::Number
           : k.booleans  ? model::AttributeType::Boolean
                         : model::AttributeType::String;
}

bool BulkMapper::typesDifferByOwner() const {
    for (auto it = ownerKinds_.begin(); it != ownerKinds_.end(); ++it) {
        const auto next = std::next(it);
        if (next != ownerKinds_.end() && next->first.first == it->first.first &&
            typeOf(next->second) != typeOf(it->second)) {
            return true;
        }
    }
    return false;
}

void BulkMapper::keepOriginalId(Row entity, Row kind, std::string_view originalId, const At& at) {
    if (kindOwners_.size() <= kind) kindOwners_.resize(kind + 1);
    kindOwners_[kind].taken.insert("original_id");
    auto& byName = columnByName_[0];
    Row column;
    if (const auto it = byName.find("original_id"); it != byName.end()) {
        column = it->second;
    } else {
        column = builder_.property("original_id", store::kOwnerEntities, model::AttributeType::String);
        if (columns_.size() <= column) columns_.resize(column + 1);
        byName.emplace("original_id", column);
    }
    setValue(column, entity, originalId, at);
    addKind(column, kind, ValueKind::String);
}

namespace {

// graph_mapper's aliasesOf: a JSON array (or text holding one), else the one value.
std::vector<std::string> aliasesOf(const BulkMapper::NodeProperty& p) {
    nlohmann::json list;
    if (p.array || p.kind == ValueKind::String) {
        list = nlohmann::json::parse(p.text, nullptr, false);
        if (!list.is_array()) list = nlohmann::json::array({p.text});
    } else {
        list = nlohmann::json::array({p.text});  // a number or boolean, as its text
    }
    std::vector<std::string> out;
    for (const nlohmann::json& alias : list) {
        if (alias.is_null() || (alias.is_string() && isBlank(alias.get_ref<const std::string&>()))) continue;
        out.push_back(alias.is_string() ? alias.get<std::string>() : alias.dump());
    }
    return out;
}

}  // namespace

void BulkMapper::addNode(const NodeRow& row) {
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
        setValue(column, record, p.text, p.at);
        addKind(column, kindId, p.array ? ValueKind::String : p.kind);
    }
    if (node.id != node.originalId && !ownOriginalId) keepOriginalId(record, kindId, node.originalId, row.at);
    pendingKeys_.emplace(key, pending_.size());
    pendingIds_.emplace(node.id, pending_.size());
    pending_.push_back(std::move(node));
}

// An alias's place: graph_mapper places what the loader finds in an alias by a pointer below the
// aliases' own ("/nodes/3/aliases/1"), or below their name where the file has no pointers ("aliases/1").
Place BulkMapper::aliasPlace(const At& aliases, std::size_t index) {
    Place place = aliases.place();
    place.pointer =
        place.pointer.empty() ? fmt::format("aliases/{}", index) : fmt::format("{}/{}", place.pointer, index);
    return place;
}

Place BulkMapper::memberPlace(const NameOwner& owner) const {
    const PendingNode& node = pending_[owner.entity];
    if (owner.member == -2) return node.at.place();
    if (owner.member == -1) return node.nameAt.place();
    return aliasPlace(node.aliasesAt, static_cast<std::size_t>(owner.member));
}

void BulkMapper::finishNodes() {
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
            Place place = aliasPlace(node.aliasesAt, a);
            const std::string key = text::normalizeName(alias);
            std::optional<NameOwner> owner;
            if (key == node.id) owner = NameOwner{entity, -2};
            else if (const auto it = pendingIds_.find(key); it != pendingIds_.end())
                owner = NameOwner{static_cast<Row>(it->second), -2};
            else if (const auto found = nameOwners_.find(key); found != nameOwners_.end()) owner = found->second;
            if (const auto bad = textProblem(alias, false)) {
                problem(Stage::Validate, place, *bad);
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
        madeEntity(node.id);
    }
    std::vector<PendingNode>().swap(pending_);
    pendingKeys_.clear();
    pendingIds_.clear();
}

void BulkMapper::madeEntity(std::string_view id) {
    if (explicitRelationIds_) entityIds_.emplace_back(id);
}

void BulkMapper::useRelationIds() {
    RELGRAPH_ASSERT(builder_.entityCount() == 0);
    explicitRelationIds_ = true;
}

Row BulkMapper::addRelation(Row from, Row to, Row type,
                                  std::optional<std::string_view> idText, const At& idAt, bool directed) {
    const Row relation = builder_.addRelation(from, to, type);
    if (typeDirections_.size() <= type) typeDirections_.resize(type + 1, 0);
    typeDirections_[type] |= directed ? kDirected : kUndirected;
    if (!explicitRelationIds_) return relation;
    if (idText && !idText->empty()) {
        const std::string given(*idText);
        const std::string id = text::toIdentifier(given, '-', "relation");
        if (relationIds_.insert(id).second) {
            if (id != given) {
                note(idAt.place(), fmt::format("edge id \"{}\" is relation id \"{}\"", text::terminalSafe(given), id));
            }
            builder_.setRelationId(relation, id);
            return relation;
        }
        note(idAt.place(), fmt::format("edge id \"{}\" is taken by another edge: this relation gets a new id",
                                       text::terminalSafe(given)));
    }
    const std::string base =
        text::toIdentifier(entityIds_[from] + "-" + typeNames_[type] + "-" + entityIds_[to], '-', "relation");
    std::string id = base;
    for (int n = 2; relationIds_.count(id); ++n) id = fmt::format("{}-{}", base, n);
    relationIds_.insert(id);
    builder_.setRelationId(relation, id);
    return relation;
}

void BulkMapper::checkAliases() {
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

void BulkMapper::finish() {
    finishNodes();
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        builder_.setPropertyType(static_cast<Row>(c), typeOf(columns_[c]));
    }
    // Every type relates any kinds (graph_mapper declares "from": ["*"]), and, graph_mapper's rule,
    // is symmetric when every edge of it was undirected.
    for (std::size_t t = 0; t < builder_.typeCount(); ++t) {
        const bool symmetric = t < typeDirections_.size() && typeDirections_[t] == kUndirected;
        builder_.setTypeFlags(static_cast<Row>(t), symmetric ? store::kTypeSymmetric : std::uint8_t{0});
    }
}

}  // namespace relgraph::interchange
