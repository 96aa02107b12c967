#include "relgraph/query/schema_report.hpp"

namespace relgraph::query {

SchemaReport schemaReport(const store::GraphStore& store) {
    SchemaReport report;
    report.entitiesOfKind.assign(store.kindCount(), 0);
    for (store::Vertex v = 0; v < store.entityCount(); ++v) ++report.entitiesOfKind[store.kindIndexOf(v)];
    for (std::size_t t = 0; t < store.typeCount(); ++t) report.relationsOfType.push_back(store.relationsOfType(t).size());
    return report;
}

}  // namespace relgraph::query
