#include "interchange/graph_mapper.hpp"

#include <fmt/format.h>
#include <map>
#include <set>
#include <unordered_map>

#include "interchange/identifier_mapping.hpp"
#include "interchange/property_values.hpp"
#include "load/json_document.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::interchange {

using nlohmann::json;
using load::JsonDocument;

namespace {

constexpr char kDefaultKind[] = "node";
constexpr char kDefaultType[] = "related_to";

// A kind or relation type made for the imported graph, with the attributes its records use.
struct Owner {
    std::string label;
    Place place;
    bool symmetric = true;  // relation types: every edge of the type was undirected
    std::map<std::string, std::string> attributeNames;  // property name -> attribute name
    IdentifierSet attributes{'_'};
    std::map<std::string, std::vector<std::string>> values;  // attribute -> pointers of its values
    std::map<std::string, Place> attributePlaces;            // attribute -> first place
};

struct NodeRecord {
    std::string entityId;
    Place place;
};

struct NameRecord {
    std::size_t entity;
    std::string originalId;
    Place place;
};

struct PendingClaim {
    std::size_t relation;
    std::string file;
    std::string where;
    Place place;
};

// No value: null, or text with nothing but white space.
bool isAbsent(const json& v) {
    return v.is_null() || (v.is_string() && text::normalizeName(v.get_ref<const std::string&>()).empty());
}

// The properties of one node or edge, each taken at most once; what is left becomes attributes.
class PropertyBag {
public:
    explicit PropertyBag(const std::vector<Property>& properties) {
        for (const Property& p : properties) {
            if (!isAbsent(p.value)) list_.push_back(&p);
        }
    }

    const Property* take(std::string_view name) {
        for (auto it = list_.begin(); it != list_.end(); ++it) {
            if ((*it)->name != name) continue;
            const Property* p = *it;
            list_.erase(it);
            return p;
        }
        return nullptr;
    }

    // The first of `names` present, taken.
    const Property* takeFirst(std::initializer_list<std::string_view> names) {
        for (const std::string_view name : names) {
            if (const Property* p = take(name)) return p;
        }
        return nullptr;
    }

    const std::vector<const Property*>& rest() const { return list_; }

private:
    std::vector<const Property*> list_;
};

std::string nodeKey(const std::string& space, const std::string& id) { return space + '\x1f' + id; }

std::string inSpace(const std::string& space) {
    return space.empty() ? "" : fmt::format(" in ID space \"{}\"", text::terminalSafe(space));
}

std::string fileName(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

class GraphMapper {
public:
    GraphMapper(const DeclaredSchema& declared, ReadReport& report) : declared_(declared), report_(report) {
        for (const std::string& id : declared.sources) sourceIds_.insert(id);
        doc_ = {{"relgraph", 1},
                {"schema", {{"kinds", json::object()}, {"types", json::object()}}},
                {"sources", json::array()},
                {"entities", json::array()},
                {"relations", json::array()}};
    }

    MappedDocument map(const std::vector<ImportedGraph>& graphs) {
        for (const ImportedGraph& graph : graphs) {
            for (const ImportedNode& node : graph.nodes) addNode(node);
        }
        for (const ImportedGraph& graph : graphs) {
            for (const ImportedEdge& edge : graph.edges) addEdge(graph, edge);
        }
        addGeneratedClaims();
        declare(kinds_, "kinds");
        declare(types_, "types");
        makeNamesUnique();
        return {doc_.dump(-1, ' ', false, json::error_handler_t::replace), std::move(origins_)};
    }

private:
    void error(const Place& place, std::string message) { report_.errors.push_back({place, std::move(message)}); }
    // Once per file and message: the first place stands for the rest.
    void note(const Place& place, std::string message) {
        if (noted_.insert({place.file, message}).second) report_.notes.push_back({place, std::move(message)});
    }

    // A declared kind or type by its name, else one generated for `text` (nullptr for declared ones).
    std::pair<std::string, Owner*> owner(const std::string& text, const Place& place, bool kind) {
        const auto& declared = kind ? declared_.kinds : declared_.types;
        if (declared.count(text)) return {text, nullptr};
        const char* fallback = kind ? kDefaultKind : kDefaultType;
        const std::string name = toIdentifier(text, '_', fallback);
        if (declared.count(name)) return {name, nullptr};
        auto& generated = kind ? kinds_ : types_;
        auto [it, inserted] = generated.try_emplace(name);
        if (inserted) {
            it->second.label = !text.empty() ? text : kind ? "Node" : "related to";
            it->second.place = place;
        }
        return {name, &it->second};
    }

    const model::AttributeDeclarations* declarations(const std::string& name, bool kind) const {
        const auto& declared = kind ? declared_.kinds : declared_.types;
        const auto it = declared.find(name);
        return it == declared.end() ? nullptr : &it->second;
    }

    std::string attributeName(Owner& owner, const std::string& property, const Place& place) {
        if (const auto it = owner.attributeNames.find(property); it != owner.attributeNames.end()) return it->second;
        const std::string base = property.starts_with('@') ? property.substr(1) : property;
        const std::string name = owner.attributes.unique(toIdentifier(base, '_', "attribute"));
        if (name != base) {
            note(place, fmt::format("property \"{}\" is kept as attribute \"{}\"", text::terminalSafe(property), name));
        }
        owner.attributeNames.emplace(property, name);
        return name;
    }

    // A property that held JSON: problems inside it are placed by a pointer into it, after the
    // property's name where the file's own places have no JSON pointer ("claims/0/source").
    void addJsonOrigin(const std::string& pointer, const Property& p) {
        Place place = p.place;
        if (!place.pointer.starts_with('/')) place.pointer += (place.pointer.empty() ? "" : " ") + p.name;
        origins_.add(pointer, std::move(place), true);
    }

    void setAttribute(json& record, const std::string& pointer, const std::string& name, json value,
                      const Place& place, Owner* owner, const model::AttributeDeclarations* declared) {
        const std::string p = JsonDocument::child(pointer + "/attributes", name);
        if (owner) {
            owner->values[name].push_back(p);
            owner->attributePlaces.try_emplace(name, place);
        } else if (declared) {
            if (const auto it = declared->find(name); it != declared->end()) value = decodeAs(value, it->second);
        }
        record["attributes"][name] = std::move(value);
        origins_.add(p, place);
    }

    // The properties left in `bag` as the record's attributes ("@name" is the attribute "name").
    void addAttributes(json& record, const std::string& pointer, PropertyBag& bag, Owner* owner,
                       const model::AttributeDeclarations* declared) {
        for (const Property* p : bag.rest()) {
            const std::string name = owner ? attributeName(*owner, p->name, p->place)
                                           : p->name.starts_with('@') ? p->name.substr(1)
                                                                      : p->name;
            setAttribute(record, pointer, name, p->value, p->place, owner, declared);
        }
    }

    static json aliasesOf(const json& value) {
        json list = value;
        if (value.is_string()) {
            list = json::parse(value.get_ref<const std::string&>(), nullptr, false);
            if (!list.is_array()) list = json::array({value});
        } else if (!value.is_array()) {
            list = json::array({value});
        }
        json out = json::array();
        for (const json& alias : list) {
            if (!isAbsent(alias)) out.push_back(textOf(alias));
        }
        return out;
    }

    void addNode(const ImportedNode& node) {
        const std::string key = nodeKey(node.idSpace, node.id);
        if (const auto it = nodes_.find(key); it != nodes_.end()) {
            error(node.place, fmt::format("node \"{}\"{} is defined twice (first at {})", text::terminalSafe(node.id),
                                          inSpace(node.idSpace), it->second.place.toString()));
            return;
        }
        PropertyBag bag(node.properties);
        std::string kind;
        Place kindPlace = node.place;
        std::vector<std::string> labels = node.labels;
        if (!labels.empty()) {
            kindPlace = node.labelPlace;
        } else if (const Property* p = bag.take("kind")) {
            labels.push_back(textOf(p->value));
            kindPlace = p->place;
        } else if (const Property* apoc = bag.take("labels")) {  // ":Person:Actor", as APOC writes GraphML
            kindPlace = apoc->place;
            const std::string all = textOf(apoc->value);
            for (std::size_t start = 0; start <= all.size();) {
                const std::size_t end = std::min(all.find(':', start), all.size());
                if (end > start) labels.push_back(all.substr(start, end - start));
                start = end + 1;
            }
        }
        if (!labels.empty()) kind = labels.front();
        if (labels.size() > 1) {
            note(kindPlace, fmt::format("only the first label, \"{}\", is kept (as the kind)", text::terminalSafe(kind)));
        }
        addEntity(key, node.id, kind, kindPlace, bag, node.place);
    }

    const NodeRecord& addEntity(const std::string& key, const std::string& originalId, const std::string& kindText,
                                const Place& kindPlace, PropertyBag& bag, const Place& place) {
        const auto [kind, owner] = this->owner(kindText, kindPlace, true);
        const model::AttributeDeclarations* declared = declarations(kind, true);
        const std::string id = entityIds_.unique(toIdentifier(originalId, '-', "node"));
        const std::size_t index = doc_["entities"].size();
        const std::string pointer = JsonDocument::child("/entities", index);
        origins_.add(pointer, place);
        origins_.add(pointer + "/kind", kindPlace);

        json entity = {{"id", id}, {"kind", kind}, {"name", originalId}};
        Place namePlace = place;
        if (const Property* p = bag.takeFirst({"name", "label", "title"})) {
            entity["name"] = textOf(p->value);
            namePlace = p->place;
        }
        origins_.add(pointer + "/name", namePlace);
        if (const Property* p = bag.take("aliases")) {
            entity["aliases"] = aliasesOf(p->value);
            addJsonOrigin(pointer + "/aliases", *p);
        }
        if (const Property* p = bag.take("description")) {
            entity["description"] = textOf(p->value);
            origins_.add(pointer + "/description", p->place);
        }
        addAttributes(entity, pointer, bag, owner, declared);
        if (id != originalId) keepOriginalId(entity, pointer, kind, originalId, place, owner, declared);
        doc_["entities"].push_back(std::move(entity));
        names_.push_back({index, originalId, namePlace});
        return nodes_.emplace(key, NodeRecord{id, place}).first->second;
    }

    void keepOriginalId(json& entity, const std::string& pointer, const std::string& kind, const std::string& originalId,
                        const Place& place, Owner* owner, const model::AttributeDeclarations* declared) {
        if (entity.contains("attributes") && entity["attributes"].contains("original_id")) return;
        if (owner) {
            owner->attributes.insert("original_id");
            setAttribute(entity, pointer, "original_id", originalId, place, owner, nullptr);
        } else if (declared && declared->count("original_id")) {
            setAttribute(entity, pointer, "original_id", originalId, place, nullptr, declared);
        } else if (notedKinds_.insert(kind).second) {
            note(place, fmt::format("ids of kind \"{}\" are made identifiers (\"{}\" is \"{}\") and the original ids "
                                    "are not kept: declare the attribute \"original_id\" for the kind to keep them",
                                    kind, text::terminalSafe(originalId), entity["id"].get<std::string>()));
        }
    }

    // The node an edge end names; edge lists make their nodes on first mention.
    const NodeRecord* endpoint(const ImportedGraph& graph, const std::string& space, const std::string& id,
                               const Place& place, const std::string& kind) {
        const std::string key = nodeKey(space, id);
        if (const auto it = nodes_.find(key); it != nodes_.end()) return &it->second;
        if (graph.implicitNodes) {
            static const std::vector<Property> none;
            PropertyBag bag(none);
            return &addEntity(key, id, kind, place, bag, place);
        }
        error(place, fmt::format("no node has the id \"{}\"{}", text::terminalSafe(id), inSpace(space)));
        return nullptr;
    }

    std::string relationId(const ImportedEdge& edge, PropertyBag& bag, const std::string& generated) {
        std::string given = edge.id;
        Place place = edge.idPlace;
        if (given.empty()) {
            if (const Property* p = bag.take("id")) {
                given = textOf(p->value);
                place = p->place;
            }
        }
        if (!given.empty()) {
            const std::string id = toIdentifier(given, '-', "relation");
            if (!relationIds_.contains(id)) {
                relationIds_.insert(id);
                if (id != given) {
                    note(place, fmt::format("edge id \"{}\" is relation id \"{}\"", text::terminalSafe(given), id));
                }
                return id;
            }
            note(place, fmt::format("edge id \"{}\" is taken by another edge: this relation gets a new id",
                                    text::terminalSafe(given)));
        }
        return relationIds_.unique(toIdentifier(generated, '-', "relation"));
    }

    void addEdge(const ImportedGraph& graph, const ImportedEdge& edge) {
        const NodeRecord* from = endpoint(graph, edge.fromSpace, edge.from, edge.fromPlace, graph.fromKind);
        const NodeRecord* to = endpoint(graph, edge.toSpace, edge.to, edge.toPlace, graph.toKind);
        if (!from || !to) return;
        PropertyBag bag(edge.properties);
        std::string typeText = edge.type;
        Place typePlace = edge.type.empty() ? edge.place : edge.typePlace;
        if (typeText.empty()) {
            if (const Property* p = bag.takeFirst({"type", "label"})) {
                typeText = textOf(p->value);
                typePlace = p->place;
            } else {
                typeText = graph.defaultEdgeType;
            }
        }
        const auto [type, owner] = this->owner(typeText, typePlace, false);
        if (owner) owner->symmetric = owner->symmetric && !edge.directed;
        const std::string id = relationId(edge, bag, from->entityId + "-" + type + "-" + to->entityId);

        const std::size_t index = doc_["relations"].size();
        const std::string pointer = JsonDocument::child("/relations", index);
        json relation = {{"id", id}, {"type", type}, {"from", from->entityId}, {"to", to->entityId}};
        origins_.add(pointer, edge.place);
        origins_.add(pointer + "/id", edge.idPlace.file.empty() ? edge.place : edge.idPlace);
        origins_.add(pointer + "/type", typePlace);
        origins_.add(pointer + "/from", edge.fromPlace);
        origins_.add(pointer + "/to", edge.toPlace);
        if (const Property* p = bag.take("claims")) {
            json claims = p->value.is_string() ? json::parse(p->value.get_ref<const std::string&>(), nullptr, false)
                                               : p->value;
            if (!claims.is_array()) {
                error(p->place, "\"claims\" must hold a JSON array of claims (docs/format.md)");
                return;
            }
            for (const json& claim : claims) {
                if (claim.is_object() && claim.contains("id") && claim["id"].is_string()) claimIds_.insert(claim["id"]);
            }
            relation["claims"] = std::move(claims);
            addJsonOrigin(pointer + "/claims", *p);
        } else {
            pendingClaims_.push_back({index, graph.file, edge.where, edge.place});
        }
        addAttributes(relation, pointer, bag, owner, declarations(type, false));
        doc_["relations"].push_back(std::move(relation));
    }

    // The source standing for `file`, made on first use.
    std::string sourceFor(const std::string& file) {
        if (const auto it = fileSources_.find(file); it != fileSources_.end()) return it->second;
        const std::string id = sourceIds_.unique("imported-" + toIdentifier(fileName(file), '-', "file"));
        const std::string shown = text::terminalSafe(file);
        origins_.add(JsonDocument::child("/sources", doc_["sources"].size()), Place{file, 0, 0, {}});
        doc_["sources"].push_back({{"id", id},
                                   {"title", "Imported from " + shown},
                                   {"note", fmt::format("Made by relgraph when it imported {}: each relation read from "
                                                        "that file without claims rests on one claim of this source.",
                                                        shown)}});
        fileSources_.emplace(file, id);
        return id;
    }

    void addGeneratedClaims() {
        std::size_t counter = 0;
        for (const PendingClaim& pending : pendingClaims_) {
            std::string id;
            do {
                id = fmt::format("imported-{}", ++counter);
            } while (claimIds_.contains(id));
            const std::string source = sourceFor(pending.file);
            const std::string pointer = JsonDocument::child("/relations", pending.relation) + "/claims";
            doc_["relations"][pending.relation]["claims"] = json::array(
                {{{"id", id},
                  {"source", source},
                  {"summary", fmt::format("Imported from {} ({}).", text::terminalSafe(pending.file),
                                          text::terminalSafe(pending.where))}}});
            origins_.add(pointer, pending.place);
        }
    }

    // Declares generated kinds or types, typing each attribute by all its values.
    void declare(std::map<std::string, Owner>& owners, const char* member) {
        const bool kinds = std::string_view(member) == "kinds";
        for (auto& [name, owner] : owners) {
            json declaration = {{"label", owner.label}};
            if (!kinds) {
                declaration["from"] = declaration["to"] = json::array({"*"});
                if (owner.symmetric) declaration["symmetric"] = true;
            }
            const std::string pointer = JsonDocument::child(std::string("/schema/") + member, name);
            origins_.add(pointer, owner.place);
            for (const auto& [attribute, pointers] : owner.values) {
                std::vector<const json*> values;
                for (const std::string& p : pointers) values.push_back(&doc_.at(json::json_pointer(p)));
                const model::AttributeType type = inferType(values);
                for (const std::string& p : pointers) {
                    json& v = doc_.at(json::json_pointer(p));
                    v = convertTo(v, type);
                }
                declaration["attributes"][attribute] = model::toString(type);
                origins_.add(JsonDocument::child(pointer + "/attributes", attribute), owner.attributePlaces[attribute]);
            }
            doc_["schema"][member][name] = std::move(declaration);
        }
    }

    // Names, aliases and ids resolve entity arguments, so each must mean one entity: a name another
    // entity already has gets the node's id appended.
    void makeNamesUnique() {
        std::unordered_map<std::string, std::size_t> owners;
        json& entities = doc_["entities"];
        for (std::size_t i = 0; i < entities.size(); ++i) owners.emplace(text::normalizeName(entities[i]["id"].get<std::string>()), i);
        for (const NameRecord& record : names_) {
            json& entity = entities[record.entity];
            const std::string name = entity["name"];
            std::string unique = name;
            for (int n = 1;; ++n) {
                const auto it = owners.find(text::normalizeName(unique));
                if (it == owners.end() || it->second == record.entity) break;
                unique = n == 1 ? fmt::format("{} ({})", name, record.originalId)
                                : fmt::format("{} ({} {})", name, record.originalId, n);
            }
            if (unique != name) {
                note(record.place, fmt::format("\"{}\" names another entity too: this one is named \"{}\"",
                                               text::terminalSafe(name), text::terminalSafe(unique)));
                entity["name"] = unique;
            }
            owners.emplace(text::normalizeName(unique), record.entity);
            for (const json& alias : entity.value("aliases", json::array())) {
                owners.emplace(text::normalizeName(alias.get<std::string>()), record.entity);
            }
        }
    }

    const DeclaredSchema& declared_;
    ReadReport& report_;
    json doc_;
    OriginMap origins_;
    std::map<std::string, Owner> kinds_, types_;
    std::map<std::string, NodeRecord> nodes_;
    std::vector<NameRecord> names_;
    std::vector<PendingClaim> pendingClaims_;
    std::map<std::string, std::string> fileSources_;
    std::set<std::string> notedKinds_;
    std::set<std::pair<std::string, std::string>> noted_;
    IdentifierSet entityIds_{'-'}, relationIds_{'-'}, sourceIds_{'-'}, claimIds_{'-'};
};

}  // namespace

MappedDocument mapGraphs(const std::vector<ImportedGraph>& graphs, const DeclaredSchema& declared,
                         ReadReport& report) {
    return GraphMapper(declared, report).map(graphs);
}

}  // namespace relgraph::interchange
