#include "interchange/relgraph_json_writer.hpp"

#include "interchange/record_json.hpp"
#include "relgraph/store/store_records.hpp"

namespace relgraph::interchange {

std::string writeRelgraphJson(const store::GraphStore& graph) {
    OrderedJson doc = metadataJson(graph);
    OrderedJson entities = OrderedJson::array();
    for (store::Vertex v = 0; v < graph.entityCount(); ++v) entities.push_back(entityJson(store::entityRecord(graph, v)));
    OrderedJson relations = OrderedJson::array();
    for (store::Edge r = 0; r < graph.relationCount(); ++r) relations.push_back(relationJson(store::relationRecord(graph, r)));
    doc["entities"] = std::move(entities);
    doc["relations"] = std::move(relations);
    return doc.dump(2) + "\n";
}

}  // namespace relgraph::interchange
