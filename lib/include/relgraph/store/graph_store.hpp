#pragma once
// The graph database: a Boost.Graph multigraph whose vertices are entities and whose edges are
// relations (bundled properties), with indexes by id, by normalized name or alias, and by type.
// Entities and relations are inserted in id order, so the graph — and every query answer and
// layout built from it — does not depend on the order of the input files.

#include <boost/graph/adjacency_list.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "relgraph/model/graph_data.hpp"

namespace relgraph::store {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, model::Entity, model::Relation>;
using Vertex = Graph::vertex_descriptor;
using Edge = Graph::edge_descriptor;

struct ClaimRef {
    Edge relation;
    std::size_t index;  // into relation's claims
};

class GraphStore {
public:
    // `data` must have passed the loader's validation.
    explicit GraphStore(model::GraphData data);
    GraphStore(const GraphStore&) = delete;
    GraphStore& operator=(const GraphStore&) = delete;

    const Graph& graph() const { return graph_; }
    const model::Schema& schema() const { return schema_; }

    const model::Entity& entity(Vertex v) const { return graph_[v]; }
    const model::Relation& relation(Edge e) const { return graph_[e]; }
    const model::Claim& claim(const ClaimRef& c) const { return graph_[c.relation].claims[c.index]; }
    const model::EntityKind& kindOf(Vertex v) const;
    const model::RelationType& typeOf(Edge e) const;

    // Every relation, in id order.
    const std::vector<Edge>& relations() const { return relations_; }
    const std::vector<Edge>& relationsOfType(const std::string& type) const;
    const std::vector<model::Source>& sources() const { return sources_; }  // in id order

    std::optional<Vertex> findEntity(std::string_view idNameOrAlias) const;
    std::optional<Edge> findRelation(std::string_view id) const;
    std::optional<ClaimRef> findClaim(std::string_view id) const;
    const model::Source* findSource(std::string_view id) const;
    Vertex vertexOf(const std::string& entityId) const;  // the id must exist

    // Like findEntity, but an unknown name throws QueryError listing the closest names.
    Vertex resolveEntity(std::string_view idNameOrAlias) const;
    // A relation type by name or label ("sent_workers", "sent workers"); QueryError when unknown.
    const model::RelationType& resolveType(std::string_view nameOrLabel) const;
    // An entity kind by name or label ("media_outlet", "Media outlet"); QueryError when unknown.
    const model::EntityKind& resolveKind(std::string_view nameOrLabel) const;

    std::size_t claimCount() const { return claims_.size(); }

private:
    Graph graph_;
    model::Schema schema_;
    std::vector<model::Source> sources_;
    std::vector<Edge> relations_;
    std::unordered_map<std::string, Vertex> byId_;
    std::unordered_map<std::string, Vertex> byName_;  // normalized ids, names and aliases
    std::unordered_map<std::string, std::vector<Edge>> byType_;
    std::unordered_map<std::string, Edge> relationById_;
    std::unordered_map<std::string, ClaimRef> claims_;
    std::unordered_map<std::string, std::size_t> sourceById_;
    std::vector<std::string> nameList_;  // display names and aliases, for suggestions
};

}  // namespace relgraph::store
