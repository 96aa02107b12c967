#include <doctest/doctest.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/page_rank.hpp>
#include <numeric>
#include <random>
#include <set>

#include "relgraph/query/graph_statistics.hpp"
#include "relgraph/store/store_builder.hpp"
#include "test_graphs.hpp"

using namespace relgraph;

namespace {
const query::EntityMeasures& measuresOf(const store::GraphStore& s, const query::GraphStatistics& stats,
                                        const char* id) {
    for (const auto& m : stats.measures) {
        if (s.entity(m.entity).id() == id) return m;
    }
    FAIL("no measures for " << id);
    return stats.measures.front();
}

std::vector<std::string> ids(const store::GraphStore& s, const std::vector<query::EntityMeasures>& ms) {
    std::vector<std::string> out;
    for (const auto& m : ms) out.push_back(std::string(s.entity(m.entity).id()));
    return out;
}
}  // namespace

TEST_CASE("stats: counts by kind and type cover the whole graph") {
    const store::GraphStore& s = testing::parallel();
    const auto stats = query::graphStatistics(s, {});
    CHECK(stats.entities == 8);
    CHECK(stats.relations == 10);
    CHECK(stats.claims == 14);
    CHECK(stats.sources == 4);
    CHECK(stats.originalSources == 3);
    REQUIRE(stats.kinds.size() == 3);
    CHECK(stats.kinds[0].kind == "country");
    CHECK(stats.kinds[0].entities == 5);
    REQUIRE(stats.types.size() == 6);
    CHECK(stats.types[3].type == "reported");
    CHECK(stats.types[3].relations == 2);
    CHECK_FALSE(stats.types[3].walked);  // attribution relations are not walked by default
    CHECK(stats.types[5].type == "trades_with");
    CHECK(stats.types[5].claims == 6);
    CHECK(stats.types[5].walked);
}

TEST_CASE("stats: degrees count every relation, symmetric ones both ways") {
    const store::GraphStore& s = testing::parallel();
    const auto stats = query::graphStatistics(s, {});
    CHECK(stats.walkedRelations == 8);
    const auto& a = measuresOf(s, stats, "a");
    CHECK(a.relations == 4);
    CHECK(a.out == 3);
    CHECK(a.in == 1);
    CHECK(a.neighbors == 2);  // Brigadoon three times, Cora Chen once
    const auto& d = measuresOf(s, stats, "d");
    CHECK(d.relations == 3);
    CHECK(d.out == 1);  // the alliance
    CHECK(d.in == 3);
    CHECK(measuresOf(s, stats, "post").relations == 0);
    CHECK(ids(s, query::topEntities(stats, query::Measure::Relations, 3)) == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("stats: connected components, largest first") {
    const store::GraphStore& s = testing::parallel();
    auto stats = query::graphStatistics(s, {});
    REQUIRE(stats.components.size() == 4);
    CHECK(stats.components[0].size() == 5);
    CHECK(s.entity(stats.components[1][0]).id() == "post");
    CHECK(measuresOf(s, stats, "e").component == 0);
    CHECK(measuresOf(s, stats, "z").component == 3);
    // With reporting relations, the Post joins the others.
    query::TraversalFilter filter;
    filter.includeAttribution = true;
    stats = query::graphStatistics(s, filter);
    CHECK(stats.components.size() == 3);
    CHECK(stats.components[0].size() == 6);
}

TEST_CASE("stats: betweenness counts the pairs whose shortest connections pass through") {
    const store::GraphStore& s = testing::parallel();
    const auto stats = query::graphStatistics(s, {});
    // Avalon–Erewhon only through Cora Chen; Avalon–Dunland half through her, half through Brigadoon.
    CHECK(measuresOf(s, stats, "c").betweenness == doctest::Approx(1.5));
    CHECK(measuresOf(s, stats, "d").betweenness == doctest::Approx(1.5));
    CHECK(measuresOf(s, stats, "a").betweenness == doctest::Approx(0.5));
    CHECK(measuresOf(s, stats, "b").betweenness == doctest::Approx(0.5));
    CHECK(measuresOf(s, stats, "e").betweenness == doctest::Approx(0.0));
    CHECK(ids(s, query::topEntities(stats, query::Measure::Betweenness, 10)) ==
          std::vector<std::string>{"c", "d", "a", "b"});
}

TEST_CASE("stats: PageRank shares add up to one and favour what relations point at") {
    const store::GraphStore& s = testing::parallel();
    const auto stats = query::graphStatistics(s, {});
    double total = 0;
    for (const auto& m : stats.measures) total += m.pageRank;
    CHECK(total == doctest::Approx(1.0));
    CHECK(measuresOf(s, stats, "post").pageRank == doctest::Approx(measuresOf(s, stats, "z").pageRank));
    const auto top = ids(s, query::topEntities(stats, query::Measure::PageRank, 2));
    CHECK(top == std::vector<std::string>{"d", "e"});  // Dunland and Erewhon receive, and hold each other up
    // Entities without walked relations are not ranked.
    CHECK(query::topEntities(stats, query::Measure::PageRank, 100).size() == 5);
}

TEST_CASE("stats: kind filters leave entities out of the measures") {
    const store::GraphStore& s = testing::parallel();
    query::TraversalFilter filter;
    filter.avoidKinds = {"person", "media"};
    const auto stats = query::graphStatistics(s, filter);
    CHECK(stats.measures.size() == 5);
    CHECK(stats.walkedRelations == 5);
    CHECK(stats.entities == 8);  // counts are of the whole graph
}

TEST_CASE("stats: on a large graph PageRank is Boost's, split across threads, and betweenness is left out") {
    // 60,000 entities and 150,000 distinct relations in random order: more arcs than one thread takes.
    std::mt19937 random(5);
    const std::size_t n = 60000, m = 150000;
    store::StoreBuilder b;
    for (std::size_t i = 0; i < n; ++i) b.addEntity(std::to_string(i), std::to_string(i), std::to_string(i), 0);
    std::set<std::pair<store::Row, store::Row>> arcs;
    while (arcs.size() < m) {
        const auto from = static_cast<store::Row>(random() % n), to = static_cast<store::Row>(random() % n);
        if (from != to && arcs.emplace(from, to).second) b.addRelation(from, to, b.type("links"));
    }
    const store::GraphStore s = b.freeze();
    const auto stats = query::graphStatistics(s, {});
    CHECK_FALSE(stats.betweennessMeasured);
    CHECK(query::topEntities(stats, query::Measure::Betweenness, 5).empty());
    // The same graph as an adjacency_list, its arcs in the store's relation order.
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS> reference(n);
    for (store::Edge e = 0; e < s.relationCount(); ++e) boost::add_edge(s.from(e), s.to(e), reference);
    std::vector<double> rank(n);
    boost::graph::page_rank(reference, rank.data(), boost::graph::n_iterations(100), 0.85);
    const double total = std::accumulate(rank.begin(), rank.end(), 0.0);
    for (std::size_t v = 0; v < n; v += 97) CHECK(stats.measures[v].pageRank == doctest::Approx(rank[v] / total).epsilon(1e-12));
    CHECK(stats.components.size() >= 1);
    std::size_t covered = 0;
    for (const auto& component : stats.components) covered += component.size();
    CHECK(covered == n);
}

TEST_CASE("stats: betweenness is measured while entities times links stay small") {
    const auto stats = query::graphStatistics(testing::bundled(), {});
    CHECK(stats.betweennessMeasured);
    CHECK_FALSE(query::topEntities(stats, query::Measure::Betweenness, 3).empty());
}
