#include "interchange/dot_writer.hpp"

#include <memory>

#include "interchange/cgraph_session.hpp"
#include "interchange/dot_escape.hpp"
#include "interchange/property_layout.hpp"
#include "interchange/record_json.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/store/store_records.hpp"

namespace relgraph::interchange {

namespace {

struct GraphCloser {
    void operator()(Agraph_t* g) const { agclose(g); }
};

// Sets an attribute declared with an empty default, so objects without it write nothing.
void set(void* object, const std::string& name, const std::string& value) {
    agsafeset(object, cgraphText(name), cgraphText(escapeDotValue(value)), const_cast<char*>(""));
}

}  // namespace

std::string writeDot(const store::GraphStore& graph) {
    CgraphSession session;
    std::unique_ptr<Agraph_t, GraphCloser> g(session.open("relgraph", Agdirected));
    set(g.get(), "relgraph", metadataJson(graph).dump());
    for (store::Vertex v = 0; v < graph.entityCount(); ++v) {
        const model::Entity entity = store::entityRecord(graph, v);
        Agnode_t* n = agnode(g.get(), cgraphText(entity.id), 1);
        set(n, "label", entity.name);
        set(n, "kind", entity.kind);
        set(n, "name", entity.name);
        if (!entity.aliases.empty()) set(n, "aliases", OrderedJson(entity.aliases).dump());
        if (!entity.description.empty()) set(n, "description", entity.description);
        for (const auto& [name, value] : entity.attributes) set(n, nodePropertyName(name), attributeText(value));
    }
    for (store::Edge row = 0; row < graph.relationCount(); ++row) {
        const model::Relation r = store::relationRecord(graph, row);
        Agnode_t* from = agnode(g.get(), cgraphText(r.from), 0);
        Agnode_t* to = agnode(g.get(), cgraphText(r.to), 0);
        RELGRAPH_ASSERT(from != nullptr && to != nullptr);
        Agedge_t* e = agedge(g.get(), from, to, cgraphText(r.id), 1);
        const model::RelationType& type = graph.typeOf(row);
        set(e, "label", type.label);
        set(e, "type", r.type);
        if (type.symmetric) set(e, "dir", "none");
        for (const auto& [name, value] : r.attributes) set(e, edgePropertyName(name), attributeText(value));
        set(e, "claims", claimsJson(r.claims).dump());
    }
    return session.write(g.get());
}

}  // namespace relgraph::interchange
