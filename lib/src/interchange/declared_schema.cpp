#include "interchange/declared_schema.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

namespace relgraph::interchange {

namespace {

void addOwners(const nlohmann::json& owners, std::map<std::string, model::AttributeDeclarations>& into) {
    if (!owners.is_object()) return;
    for (const auto& [name, owner] : owners.items()) {
        model::AttributeDeclarations& declarations = into[name];
        if (!owner.is_object() || !owner.contains("attributes") || !owner["attributes"].is_object()) continue;
        for (const auto& [attribute, type] : owner["attributes"].items()) {
            if (!type.is_string()) continue;
            if (const auto parsed = model::parseAttributeType(type.get<std::string>())) {
                declarations.emplace(attribute, *parsed);
            }
        }
    }
}

// Parses `input` keeping only the schema and the sources' ids: entities, relations and the rest of
// each source are dropped as they are parsed, so a large file is never held as a whole document.
template <class Input>
nlohmann::json declarations(Input&& input) {
    std::string member;
    const auto keep = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        if (event != nlohmann::json::parse_event_t::key) return true;
        if (depth == 1) {
            member = parsed.get<std::string>();
            return member == "schema" || member == "sources";
        }
        return depth != 3 || member != "sources" || parsed == "id";
    };
    return nlohmann::json::parse(std::forward<Input>(input), keep, false);
}

}  // namespace

void DeclaredSchema::addDocument(std::string_view text) { add(declarations(text)); }

void DeclaredSchema::addFile(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (in) add(declarations(in));
}

void DeclaredSchema::add(const nlohmann::json& doc) {
    if (!doc.is_object()) return;
    if (const auto schema = doc.find("schema"); schema != doc.end() && schema->is_object()) {
        if (const auto it = schema->find("kinds"); it != schema->end()) addOwners(*it, kinds);
        if (const auto it = schema->find("types"); it != schema->end()) addOwners(*it, types);
    }
    if (const auto list = doc.find("sources"); list != doc.end() && list->is_array()) {
        for (const auto& source : *list) {
            if (source.is_object() && source.contains("id") && source["id"].is_string()) {
                sources.insert(source["id"].get<std::string>());
            }
        }
    }
}

}  // namespace relgraph::interchange
