#include <algorithm>
#include <doctest/doctest.h>

#include "relgraph/query/reported_by_query.hpp"
#include "test_graphs.hpp"

using namespace relgraph;

namespace {
// The entity with this id (which must exist).
store::Vertex vertexOf(const store::GraphStore& s, std::string_view id) { return s.findEntityById(id).value(); }

std::vector<std::pair<std::string, query::ReportRole>> claims(const store::GraphStore& s, const query::ReportedBy& r) {
    std::vector<std::pair<std::string, query::ReportRole>> out;
    for (const auto& c : r.claims) out.emplace_back(s.claim(c.attribution.claim).id(), c.role);
    return out;
}
using Role = query::ReportRole;
using Claims = std::vector<std::pair<std::string, query::ReportRole>>;
}  // namespace

TEST_CASE("reported by: originated, passed on and published claims, each once") {
    const store::GraphStore& s = testing::tiny();
    // The agency is named in `by` of c2 and c3.
    auto r = query::reportedBy(s, vertexOf(s, "spy"), false);
    CHECK(claims(s, r) == Claims{{"c2", Role::Originator}, {"c3", Role::Originator}});
    CHECK(r.relations.size() == 1);
    // The wire passed c2 and c3 on, carried the officials' c4 and spoke itself in c5, c9, c10, c11.
    r = query::reportedBy(s, vertexOf(s, "wire"), false);
    CHECK(claims(s, r) == Claims{{"c5", Role::Originator},
                                 {"c2", Role::Intermediary},
                                 {"c3", Role::Intermediary},
                                 {"c4", Role::Publisher},
                                 {"c11", Role::Originator},
                                 {"c9", Role::Originator},
                                 {"c10", Role::Originator}});
    CHECK(r.relations.size() == 5);  // in relation id order
    r = query::reportedBy(s, vertexOf(s, "wire"), true);
    CHECK(claims(s, r).size() == 4);
}

TEST_CASE("reported by: a repost's copy of a claim is the original's, listed from the original only") {
    const store::GraphStore& s = testing::parallel();
    const auto r = query::reportedBy(s, vertexOf(s, "post"), false);
    const Claims listed = claims(s, r);
    // c04a is the Post's own; c04c, the repost's copy of it, is not counted a second time.
    CHECK(std::find(listed.begin(), listed.end(), std::pair<std::string, Role>{"c04a", Role::Originator}) != listed.end());
    for (const auto& [id, role] : listed) CHECK(id != "c04c");
    const query::Attribution copy = query::attributionOf(s, s.findClaim("c04c").value());
    CHECK(copy.passedOn);
    CHECK(query::originalSource(copy) == s.findSource("s1"));
    CHECK(query::reportedBy(s, vertexOf(s, "z"), false).claims.empty());
}

TEST_CASE("reported by: what only a republication says is its own, not the original publisher's (bundled graph)") {
    const store::GraphStore& s = testing::bundled();
    const store::ClaimRef own = s.findClaim("c003-2397-return-by-2019").value();
    const query::Attribution a = query::attributionOf(s, own);
    CHECK(a.original == s.findSource("newsweek-2025-02-nk-workers"));  // the repost republishes Newsweek's article
    CHECK_FALSE(a.passedOn);                                             // but Newsweek's has no such claim
    CHECK(query::originalSource(a) == s.findSource("repost-newsweek-nk-workers"));
    // who-reported names the repost itself, not Newsweek.
    const auto report = query::whoReportedClaims(s, {own});
    REQUIRE(report.parties.size() == 1);
    CHECK_FALSE(report.parties[0].entity.has_value());
    CHECK(report.parties[0].source == s.findSource("repost-newsweek-nk-workers"));
    // Newsweek's reported-by holds only claims of sources it published.
    const auto newsweek = query::reportedBy(s, vertexOf(s, "newsweek"), false);
    for (const auto& c : newsweek.claims) {
        const auto publisher = s.source(s.claim(c.attribution.claim).source()).publisher();
        const bool namesNewsweek = std::find(c.attribution.originators.begin(), c.attribution.originators.end(),
                                             vertexOf(s, "newsweek")) != c.attribution.originators.end() ||
                                   std::find(c.attribution.intermediaries.begin(), c.attribution.intermediaries.end(),
                                             vertexOf(s, "newsweek")) != c.attribution.intermediaries.end();
        CHECK((publisher == vertexOf(s, "newsweek") || namesNewsweek));
    }
    // A claim the repost passes on from Newsweek still speaks for Newsweek in who-reported.
    const store::ClaimRef copy = s.findClaim("c003-entries-13221").value();
    CHECK(query::attributionOf(s, copy).passedOn);
    const auto copied = query::whoReportedClaims(s, {copy});
    REQUIRE(copied.parties.size() == 1);
    CHECK(copied.parties[0].entity == vertexOf(s, "newsweek"));
}
