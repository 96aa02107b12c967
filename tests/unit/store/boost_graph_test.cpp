// The store is a Boost.Graph: the concepts check, and Boost's own algorithms run on it as it lies in
// its columns — built in memory and mapped from a snapshot alike — with the answers they give on an
// adjacency_list holding the same graph.

#include <doctest/doctest.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <boost/graph/page_rank.hpp>
#include <boost/graph/strong_components.hpp>
#include <filesystem>
#include <random>

#include "relgraph/store/boost_graph.hpp"
#include "relgraph/store/snapshot.hpp"
#include "relgraph/store/store_builder.hpp"
#include "test_graphs.hpp"

using namespace relgraph;
using store::GraphStore;
using store::Row;

BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<GraphStore>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<GraphStore>));
BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<GraphStore>));
BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<GraphStore>));
BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<GraphStore>));
BOOST_CONCEPT_ASSERT((boost::ReadablePropertyGraphConcept<GraphStore, store::Vertex, boost::vertex_index_t>));

namespace {

using Reference = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

// A random multigraph (loops and parallel relations included), as a store and as an adjacency_list.
std::pair<GraphStore, Reference> randomGraph(std::mt19937& random, std::size_t n, std::size_t m) {
    store::StoreBuilder b;
    for (std::size_t i = 0; i < n; ++i) b.addEntity(std::to_string(i), std::to_string(i), std::to_string(i), 0);
    std::vector<std::pair<Row, Row>> edges;
    for (std::size_t i = 0; i < m; ++i) edges.emplace_back(random() % n, random() % n);
    for (const auto& [a, c] : edges) b.addRelation(a, c, 0);
    GraphStore g = b.freeze();
    // The store numbers relations by `from`: the reference lists them in the same order.
    Reference reference(n);
    for (store::Edge e = 0; e < g.relationCount(); ++e) boost::add_edge(g.from(e), g.to(e), reference);
    return {std::move(g), std::move(reference)};
}

}  // namespace

TEST_CASE("boost graph: vertices, edges and both directions are the store's") {
    const GraphStore& g = testing::tiny();
    CHECK(num_vertices(g) == g.entityCount());
    CHECK(num_edges(g) == g.relationCount());
    std::size_t seen = 0;
    for (const store::StoreEdge e : boost::make_iterator_range(edges(g))) {
        CHECK(e.relation == seen++);
        CHECK(source(e, g) == g.from(e.relation));
        CHECK(target(e, g) == g.to(e.relation));
    }
    CHECK(seen == g.relationCount());
    std::size_t outs = 0, ins = 0;
    for (const store::Vertex v : boost::make_iterator_range(vertices(g))) {
        for (const store::StoreEdge e : boost::make_iterator_range(out_edges(v, g))) {
            CHECK(source(e, g) == v);
            ++outs;
        }
        for (const store::StoreEdge e : boost::make_iterator_range(in_edges(v, g))) {
            CHECK(target(e, g) == v);
            CHECK(source(e, g) == g.from(e.relation));
            ++ins;
        }
        CHECK(degree(v, g) == out_degree(v, g) + in_degree(v, g));
    }
    CHECK(outs == g.relationCount());
    CHECK(ins == g.relationCount());
}

TEST_CASE("boost graph: BFS, strong components and PageRank give the adjacency_list's answers") {
    std::mt19937 random(11);
    const std::filesystem::path file = std::filesystem::temp_directory_path() / "relgraph-boost-graph-test.rgdb";
    for (int round = 0; round < testing::rounds(12); ++round) {
        const std::size_t n = 1 + random() % 200, m = random() % 800;
        CAPTURE(n);
        CAPTURE(m);
        auto [built, reference] = randomGraph(random, n, m);
        store::writeSnapshot(built, file);
        const GraphStore mapped = store::openSnapshot(file);
        for (const GraphStore* g : std::initializer_list<const GraphStore*>{&built, &mapped}) {
            // Breadth-first distances from entity 0.
            std::vector<std::size_t> distance(n, 0), expected(n, 0);
            boost::breadth_first_search(*g, store::Vertex{0},
                                        boost::visitor(boost::make_bfs_visitor(boost::record_distances(
                                            boost::make_iterator_property_map(distance.begin(), get(boost::vertex_index, *g)),
                                            boost::on_tree_edge()))));
            boost::breadth_first_search(reference, 0,
                                        boost::visitor(boost::make_bfs_visitor(boost::record_distances(
                                            expected.data(), boost::on_tree_edge()))));
            CHECK(distance == expected);

            std::vector<int> component(n), expectedComponent(n);
            const int count = boost::strong_components(
                *g, boost::make_iterator_property_map(component.begin(), get(boost::vertex_index, *g)));
            const int expectedCount = boost::strong_components(reference, expectedComponent.data());
            CHECK(count == expectedCount);
            CHECK(component == expectedComponent);

            std::vector<double> rank(n), expectedRank(n);
            boost::graph::page_rank(*g, boost::make_iterator_property_map(rank.begin(), get(boost::vertex_index, *g)));
            boost::graph::page_rank(reference, expectedRank.data());
            for (std::size_t v = 0; v < n; ++v) CHECK(rank[v] == doctest::Approx(expectedRank[v]).epsilon(1e-12));
        }
    }
    std::filesystem::remove(file);
}
