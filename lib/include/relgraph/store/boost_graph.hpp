#pragma once
// The graph store as a Boost.Graph: GraphStore models VertexListGraph, IncidenceGraph,
// BidirectionalGraph, EdgeListGraph and AdjacencyGraph, with vertex_index and edge_index property
// maps, so Boost's own algorithms (breadth_first_search, page_rank, connected_components,
// brandes_betweenness_centrality …) run on the stored graph itself, as it lies in its columns or in
// a mapped snapshot. Vertices are entity rows, edges relation rows: a directed multigraph, each
// relation from its `from` to its `to` (symmetric types are the queries' business).

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>
#include <utility>

#include "relgraph/store/graph_store.hpp"

namespace relgraph::store {

// An edge as Boost.Graph sees it: the relation and its two ends, so source() and target() cost
// nothing.
struct StoreEdge {
    Edge relation = kNoRow;
    Vertex from = kNoRow;
    Vertex to = kNoRow;
    friend bool operator==(const StoreEdge& a, const StoreEdge& b) { return a.relation == b.relation; }
    friend bool operator<(const StoreEdge& a, const StoreEdge& b) { return a.relation < b.relation; }
};

// The relations of a RowRange as edges leaving (Out) or arriving at (In) one entity.
template <bool Out>
class IncidentEdgeIterator
    : public boost::iterator_facade<IncidentEdgeIterator<Out>, StoreEdge, boost::forward_traversal_tag, StoreEdge> {
public:
    IncidentEdgeIterator() = default;
    IncidentEdgeIterator(const GraphStore* store, Vertex v, RowRange::iterator at) : store_(store), v_(v), at_(at) {}

private:
    friend class boost::iterator_core_access;
    StoreEdge dereference() const {
        const Edge e = *at_;
        return Out ? StoreEdge{e, v_, store_->to(e)} : StoreEdge{e, store_->from(e), v_};
    }
    void increment() { ++at_; }
    bool equal(const IncidentEdgeIterator& other) const { return at_ == other.at_; }

    const GraphStore* store_ = nullptr;
    Vertex v_ = 0;
    RowRange::iterator at_;
};

// Every relation in row order, its `from` followed along the out offsets.
class StoreEdgeIterator
    : public boost::iterator_facade<StoreEdgeIterator, StoreEdge, boost::forward_traversal_tag, StoreEdge> {
public:
    StoreEdgeIterator() = default;
    StoreEdgeIterator(const GraphStore* store, Edge e) : store_(store), e_(e) { settle(); }

private:
    friend class boost::iterator_core_access;
    StoreEdge dereference() const { return {e_, from_, store_->to(e_)}; }
    void increment() {
        ++e_;
        settle();
    }
    bool equal(const StoreEdgeIterator& other) const { return e_ == other.e_; }
    void settle();

    const GraphStore* store_ = nullptr;
    Edge e_ = 0;
    Vertex from_ = 0;
};

// The far ends of the relations leaving an entity.
class StoreAdjacencyIterator
    : public boost::iterator_facade<StoreAdjacencyIterator, Vertex, boost::forward_traversal_tag, Vertex> {
public:
    StoreAdjacencyIterator() = default;
    StoreAdjacencyIterator(const GraphStore* store, RowRange::iterator at) : store_(store), at_(at) {}

private:
    friend class boost::iterator_core_access;
    Vertex dereference() const { return store_->to(*at_); }
    void increment() { ++at_; }
    bool equal(const StoreAdjacencyIterator& other) const { return at_ == other.at_; }

    const GraphStore* store_ = nullptr;
    RowRange::iterator at_;
};

struct StoreTraversalCategory : public virtual boost::vertex_list_graph_tag,
                                public virtual boost::bidirectional_graph_tag,
                                public virtual boost::adjacency_graph_tag,
                                public virtual boost::edge_list_graph_tag {};

}  // namespace relgraph::store

namespace boost {

template <>
struct graph_traits<relgraph::store::GraphStore> {
    using vertex_descriptor = relgraph::store::Vertex;
    using edge_descriptor = relgraph::store::StoreEdge;
    using directed_category = bidirectional_tag;
    using edge_parallel_category = allow_parallel_edge_tag;
    using traversal_category = relgraph::store::StoreTraversalCategory;
    using vertex_iterator = counting_iterator<relgraph::store::Vertex>;
    using out_edge_iterator = relgraph::store::IncidentEdgeIterator<true>;
    using in_edge_iterator = relgraph::store::IncidentEdgeIterator<false>;
    using edge_iterator = relgraph::store::StoreEdgeIterator;
    using adjacency_iterator = relgraph::store::StoreAdjacencyIterator;
    using vertices_size_type = std::size_t;
    using edges_size_type = std::size_t;
    using degree_size_type = std::size_t;
    static vertex_descriptor null_vertex() { return relgraph::store::kNoRow; }
};

}  // namespace boost

namespace relgraph::store {

using StoreTraits = boost::graph_traits<GraphStore>;

inline std::pair<StoreTraits::vertex_iterator, StoreTraits::vertex_iterator> vertices(const GraphStore& g) {
    return {StoreTraits::vertex_iterator(0), StoreTraits::vertex_iterator(static_cast<Vertex>(g.entityCount()))};
}
inline std::size_t num_vertices(const GraphStore& g) { return g.entityCount(); }

inline Vertex source(const StoreEdge& e, const GraphStore&) { return e.from; }
inline Vertex target(const StoreEdge& e, const GraphStore&) { return e.to; }

inline std::pair<StoreTraits::out_edge_iterator, StoreTraits::out_edge_iterator> out_edges(Vertex v,
                                                                                           const GraphStore& g) {
    const RowRange run = g.outRelations(v);
    return {{&g, v, run.begin()}, {&g, v, run.end()}};
}
inline std::size_t out_degree(Vertex v, const GraphStore& g) { return g.outRelations(v).size(); }

inline std::pair<StoreTraits::in_edge_iterator, StoreTraits::in_edge_iterator> in_edges(Vertex v,
                                                                                        const GraphStore& g) {
    const RowRange run = g.inRelations(v);
    return {{&g, v, run.begin()}, {&g, v, run.end()}};
}
inline std::size_t in_degree(Vertex v, const GraphStore& g) { return g.inRelations(v).size(); }
inline std::size_t degree(Vertex v, const GraphStore& g) { return out_degree(v, g) + in_degree(v, g); }

inline std::pair<StoreTraits::adjacency_iterator, StoreTraits::adjacency_iterator> adjacent_vertices(
    Vertex v, const GraphStore& g) {
    const RowRange run = g.outRelations(v);
    return {{&g, run.begin()}, {&g, run.end()}};
}

inline std::pair<StoreEdgeIterator, StoreEdgeIterator> edges(const GraphStore& g) {
    return {StoreEdgeIterator(&g, 0), StoreEdgeIterator(&g, static_cast<Edge>(g.relationCount()))};
}
inline std::size_t num_edges(const GraphStore& g) { return g.relationCount(); }

inline void StoreEdgeIterator::settle() {
    if (e_ >= store_->relationCount()) return;
    if (!store_->columns().relationFrom.empty()) {
        from_ = store_->columns().relationFrom[e_];
        return;
    }
    const auto& offsets = store_->columns().outOffsets;
    while (offsets[from_ + 1] <= e_) ++from_;
}

// Vertex and edge indexes: the rows themselves.
struct StoreEdgeIndexMap {
    using key_type = StoreEdge;
    using value_type = Edge;
    using reference = Edge;
    using category = boost::readable_property_map_tag;
};
inline Edge get(StoreEdgeIndexMap, const StoreEdge& e) { return e.relation; }

inline boost::typed_identity_property_map<Vertex> get(boost::vertex_index_t, const GraphStore&) { return {}; }
inline Vertex get(boost::vertex_index_t, const GraphStore&, Vertex v) { return v; }
inline StoreEdgeIndexMap get(boost::edge_index_t, const GraphStore&) { return {}; }

}  // namespace relgraph::store

namespace boost {

template <>
struct property_map<relgraph::store::GraphStore, vertex_index_t> {
    using type = typed_identity_property_map<relgraph::store::Vertex>;
    using const_type = type;
};
template <>
struct property_map<relgraph::store::GraphStore, edge_index_t> {
    using type = relgraph::store::StoreEdgeIndexMap;
    using const_type = type;
};

}  // namespace boost
