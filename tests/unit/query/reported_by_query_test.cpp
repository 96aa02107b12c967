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

TEST_CASE("reported by: a repost's own words are the original publisher's") {
    const store::GraphStore& s = testing::parallel();
    const auto r = query::reportedBy(s, vertexOf(s, "post"), false);
    bool repost = false;
    for (const auto& c : r.claims) {
        if (s.claim(c.attribution.claim).id() == "c04c") {
            repost = true;
            CHECK(c.role == Role::Originator);
            CHECK(c.attribution.original.has_value());
        }
    }
    CHECK(repost);
    CHECK(query::reportedBy(s, vertexOf(s, "z"), false).claims.empty());
}
