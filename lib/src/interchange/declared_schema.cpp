#include "interchange/declared_schema.hpp"

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

}  // namespace

void DeclaredSchema::addDocument(std::string_view text) {
    const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
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
