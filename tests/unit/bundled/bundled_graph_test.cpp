// The bundled graph (graphs/): it loads, the names readers type resolve, each article's key claims
// are there with their attribution, and real questions get the right answers through the query layer.

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "relgraph/query/attribution_query.hpp"
#include "relgraph/query/conflict_query.hpp"
#include "relgraph/query/path_query.hpp"
#include "relgraph/query/relation_pattern.hpp"
#include "test_graphs.hpp"

using namespace relgraph;

namespace {
const store::GraphStore& g() { return testing::bundled(); }

std::string idOf(const std::string& name) { return std::string(g().entity(g().resolveEntity(name)).id()); }

std::set<std::string> sourcesOf(const query::AttributionReport& r) {
    std::set<std::string> out;
    for (const auto& a : r.attributions) out.insert(std::string(g().source(a.source.value()).id()));
    return out;
}

std::set<std::string> chains(const query::AttributionReport& r) {
    std::set<std::string> out;
    for (const auto& a : r.attributions) {
        std::string chain;
        for (const auto& step : query::chainNames(g(), a)) chain += (chain.empty() ? "" : " > ") + step;
        out.insert(chain);
    }
    return out;
}

query::AttributionReport ask(const std::vector<std::string>& words) {
    return query::whoReportedRelations(g(), query::resolveReportSubject(g(), words).relations);
}

bool hasParty(const query::AttributionReport& r, const std::string& entityId) {
    return std::any_of(r.parties.begin(), r.parties.end(),
                       [&](const auto& p) { return p.entity && g().entity(*p.entity).id() == entityId; });
}
}  // namespace

TEST_CASE("bundled graph: loads and is not trivially small") {
    CHECK(g().entityCount() >= 50);
    CHECK(g().relationCount() >= 100);
    CHECK(g().sourceCount() == 5);
}

TEST_CASE("bundled graph: every actor resolves by the name a reader would type") {
    const std::vector<std::pair<std::string, std::string>> same = {
        {"Russia", "Moscow"}, {"North Korea", "DPRK"}, {"North Korea", "Pyongyang"}, {"South Korea", "Seoul"},
        {"Ukraine", "Kyiv"}, {"United States", "Washington"}, {"NIS", "National Intelligence Service"},
        {"ISW", "Institute for the Study of War"}, {"Kursk", "Kursk region"}, {"KCNA", "Korean Central News Agency"},
        {"Putin", "Vladimir Putin"}, {"Zelensky", "Volodymyr Zelensky"}, {"WSJ", "The Wall Street Journal"},
    };
    for (const auto& [a, b] : same) {
        CAPTURE(a);
        CHECK(idOf(a) == idOf(b));
    }
    for (const char* name :
         {"Japan", "U.N. Security Council", "Resolution 2375", "Resolution 2397",
          "Comprehensive Strategic Partnership treaty", "Labor Ministry", "Education Ministry",
          "Ministry of National Defense", "Yonhap", "Korea Herald", "ANN", "New York Times", "NHK World", "Reuters",
          "Newsweek", "Kim Jong Un", "Donald Trump", "Wi Sung-lac", "Democratic Party of Korea", "Andrei Orlov",
          "Marat Khusnullin", "Zane Han", "Russia's Far East", "eastern Ukraine"}) {
        CAPTURE(name);
        CHECK(g().findEntity(name).has_value());
    }
    // Distinct actors stay distinct.
    CHECK(idOf("Resolution 2375") != idOf("Resolution 2397"));
    CHECK(idOf("Labor Ministry") != idOf("Education Ministry"));
}

TEST_CASE("bundled graph: who reported that North Korea sent workers to Russia") {
    const auto r = ask({"North Korea", "sent_workers", "Russia"});
    REQUIRE_FALSE(r.attributions.empty());
    CHECK(hasParty(r, "nis"));
    CHECK(r.parties.front().entity.has_value());
    CHECK(g().entity(*r.parties.front().entity).id() == "nis");  // the main originator
    CHECK(sourcesOf(r).size() == 5);                              // every article carries it
    CHECK(chains(r).count("National Intelligence Service > Yonhap News Agency > Newsweek") == 1);
    // The NIS told lawmakers, whose briefing reached the WSJ.
    bool lawmakersThenWsj = false;
    for (const auto& a : r.attributions) {
        std::vector<std::string> via;
        for (const auto v : a.intermediaries) via.push_back(std::string(g().entity(v).id()));
        lawmakersThenWsj |= via.size() == 2 && via[0] == idOf("South Korean lawmakers") && via[1] == "wsj";
    }
    CHECK(lawmakersThenWsj);
    // The repost of the Newsweek article is not independent confirmation.
    const auto nis = std::find_if(r.parties.begin(), r.parties.end(),
                                  [](const auto& p) { return p.entity && g().entity(*p.entity).id() == "nis"; });
    CHECK(nis->independentSources < nis->sources.size());
}

TEST_CASE("bundled graph: who reported that North Korean troops returned to Kursk") {
    const auto kursk = g().resolveEntity("Kursk");
    std::vector<store::Edge> returned;
    for (store::Edge e = 0; e < g().relationCount(); ++e) {
        if (g().to(e) == kursk && g().relation(e).type() == "returned_to") returned.push_back(e);
    }
    REQUIRE(returned.size() == 1);
    const auto r = query::whoReportedRelations(g(), returned);
    CHECK(hasParty(r, idOf("Zelensky")));
    CHECK(r.parties.size() == 1);
    // The withdrawal before it came from unnamed Ukrainian and U.S. officials through the NYT.
    const auto withdrawal = ask({"nk-troops-withdrew-from-kursk"});
    CHECK(hasParty(withdrawal, "unnamed-ukrainian-officials"));
    CHECK(hasParty(withdrawal, "unnamed-us-officials"));
    bool throughNyt = false;
    for (const auto& a : withdrawal.attributions) {
        for (const auto v : a.intermediaries) throughNyt |= g().entity(v).id() == "nyt";
    }
    CHECK(throughNyt);
}

TEST_CASE("bundled graph: who reported the drone cooperation") {
    const auto r = ask({"Russia", "develops_jointly", "North Korea"});
    REQUIRE(r.attributions.size() >= 1);
    CHECK(hasParty(r, "nhk-world"));
}

TEST_CASE("bundled graph: who voted for Resolution 2397") {
    const store::Vertex resolution = g().resolveEntity("Resolution 2397");
    std::set<std::string> voters;
    for (const auto e : g().relationsOfType(g().findType("voted_for").value())) {
        if (g().to(e) == resolution) voters.insert(std::string(g().entity(g().from(e)).id()));
    }
    CHECK(voters == std::set<std::string>{"russia"});
    const auto r = ask({"Russia", "voted_for", "Resolution 2397"});
    REQUIRE(r.relations.size() == 1);
    CHECK(model::toDisplayString(g().relation(r.relations[0]).attributes().find("date").value()) == "2017");
    REQUIRE(r.parties.size() == 1);  // Newsweek; its repost is folded into it
    CHECK(r.parties[0].independentSources == 1);
}

TEST_CASE("bundled graph: Orlov connects to Kim Jong Un without news outlets") {
    const auto path = query::shortestPath(g(), g().resolveEntity("Andrei Orlov"), g().resolveEntity("Kim Jong Un"), {});
    REQUIRE(path.has_value());
    CHECK(path->hops.size() <= 4);
    for (const auto v : path->entities) CHECK(g().entity(v).kind() != "media_outlet");
    for (const auto& hop : path->hops) CHECK_FALSE(g().typeOf(hop.relation).attribution);
}

TEST_CASE("bundled graph: sources disagree on troop numbers") {
    const auto troops = query::resolveReportSubject(g(), {"North Korea", "sent_troops", "Russia"}).relations;
    const auto conflicts = query::findConflicts(g(), troops);
    const auto count = std::find_if(conflicts.begin(), conflicts.end(), [](const auto& c) { return c.attribute == "count"; });
    REQUIRE(count != conflicts.end());
    std::set<std::string> shown;
    for (const auto& v : count->values) shown.insert(model::toDisplayString(v.value));
    CHECK(shown.count("approximately 11,000") == 1);
    CHECK(shown.count("12,000") == 1);
    CHECK(shown.count("10,000\xE2\x80\x93" "12,000") == 1);
}

TEST_CASE("bundled graph: each article's key claims carry their attribution") {
    struct Expect {
        const char* relation;
        const char* source;
        std::vector<std::string> by;
    };
    const std::vector<Expect> expectations = {
        {"dprk-sent-workers-russia", "newsweek-2025-02-nk-workers", {"nis"}},
        {"dprk-sent-workers-russia", "wsj-relay-15000-workers", {"nis"}},
        {"dprk-sent-workers-russia", "workers-flood-into-russia", {"nis"}},
        {"dprk-sent-workers-russia", "repost-newsweek-nk-workers", {"nis"}},
        {"dprk-sent-workers-russia", "korea-herald-ann-2025-02-nk-workers", {"nis"}},
        {"dprk-sent-troops-russia", "korea-herald-ann-2025-02-nk-workers", {"nis"}},
        {"russia-dprk-joint-drones", "newsweek-2025-02-nk-workers", {"nhk-world"}},
    };
    for (const auto& x : expectations) {
        CAPTURE(x.relation);
        CAPTURE(x.source);
        const auto e = g().findRelation(x.relation);
        REQUIRE(e.has_value());
        const store::RowRange claims = g().claimsOf(*e);
        CHECK(std::any_of(claims.begin(), claims.end(), [&](store::ClaimRef c) {
            const store::ClaimView claim = g().claim(c);
            std::vector<std::string> by;
            for (const store::Vertex v : claim.by()) by.emplace_back(g().entity(v).id());
            return g().source(claim.source()).id() == x.source && (x.by.empty() || by == x.by);
        }));
    }
    const auto repost = g().findSource("repost-newsweek-nk-workers");
    REQUIRE(repost.has_value());
    const auto original = g().source(*repost).republishes();
    REQUIRE(original.has_value());
    CHECK(g().source(*original).id() == "newsweek-2025-02-nk-workers");
    // The articles print no URL; none is invented.
    for (store::SourceRef s = 0; s < g().sourceCount(); ++s) CHECK(g().source(s).url().empty());
}
