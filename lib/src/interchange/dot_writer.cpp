#include "interchange/dot_writer.hpp"

#include <memory>

#include "interchange/cgraph_session.hpp"
#include "interchange/dot_escape.hpp"
#include "interchange/property_layout.hpp"
#include "interchange/record_json.hpp"
#include "relgraph/common/error.hpp"

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

std::string writeDot(const model::GraphData& graph) {
    CgraphSession session;
    std::unique_ptr<Agraph_t, GraphCloser> g(session.open("relgraph", Agdirected));
    set(g.get(), "relgraph", metadataJson(graph).dump());
    for (const model::Entity* e : entitiesById(graph)) {
        Agnode_t* n = agnode(g.get(), cgraphText(e->id), 1);
        set(n, "label", e->name);
        set(n, "kind", e->kind);
        set(n, "name", e->name);
        if (!e->aliases.empty()) set(n, "aliases", OrderedJson(e->aliases).dump());
        if (!e->description.empty()) set(n, "description", e->description);
        for (const auto& [name, value] : e->attributes) set(n, nodePropertyName(name), attributeText(value));
    }
    for (const model::Relation* r : relationsById(graph)) {
        Agnode_t* from = agnode(g.get(), cgraphText(r->from), 0);
        Agnode_t* to = agnode(g.get(), cgraphText(r->to), 0);
        RELGRAPH_ASSERT(from != nullptr && to != nullptr);
        Agedge_t* e = agedge(g.get(), from, to, cgraphText(r->id), 1);
        const model::RelationType* type = graph.schema.findType(r->type);
        set(e, "label", type ? type->label : r->type);
        set(e, "type", r->type);
        if (type && type->symmetric) set(e, "dir", "none");
        for (const auto& [name, value] : r->attributes) set(e, edgePropertyName(name), attributeText(value));
        set(e, "claims", claimsJson(r->claims).dump());
    }
    return session.write(g.get());
}

}  // namespace relgraph::interchange
