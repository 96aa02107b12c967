#include "interchange/relgraph_json_writer.hpp"

#include "interchange/record_json.hpp"

namespace relgraph::interchange {

std::string writeRelgraphJson(const model::GraphData& graph) {
    OrderedJson doc = metadataJson(graph);
    OrderedJson entities = OrderedJson::array();
    for (const model::Entity* e : entitiesById(graph)) entities.push_back(entityJson(*e));
    OrderedJson relations = OrderedJson::array();
    for (const model::Relation* r : relationsById(graph)) relations.push_back(relationJson(*r));
    doc["entities"] = std::move(entities);
    doc["relations"] = std::move(relations);
    return doc.dump(2) + "\n";
}

}  // namespace relgraph::interchange
