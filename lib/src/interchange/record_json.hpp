#pragma once
// Records (model/graph_data.hpp) as relgraph JSON values (docs/format.md), members in the documented
// order: shared by the relgraph JSON writer and by the formats that carry relgraph records as JSON
// (claims in GraphML, the schema and sources beside neo4j CSV).

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "relgraph/model/graph_data.hpp"
#include "relgraph/store/graph_store.hpp"

namespace relgraph::interchange {

using OrderedJson = nlohmann::ordered_json;

OrderedJson attributeValueJson(const model::AttributeValue& value);
OrderedJson attributesJson(const model::Attributes& attributes);
OrderedJson schemaJson(const model::Schema& schema);
OrderedJson sourceJson(const model::Source& source);
OrderedJson entityJson(const model::Entity& entity);
OrderedJson claimsJson(const std::vector<model::Claim>& claims);
OrderedJson relationJson(const model::Relation& relation);

// {"relgraph": 1, "schema", "sources"}: what every format carries beside its nodes and edges.
OrderedJson metadataJson(const store::GraphStore& graph);

// An attribute value as one text (formats without typed values): text as is, numbers and booleans
// as JSON writes them, quantities as JSON ("1200.0", "{\"value\":1000.0,\"qualifier\":\"approximately\"}").
std::string attributeText(const model::AttributeValue& value);

}  // namespace relgraph::interchange
