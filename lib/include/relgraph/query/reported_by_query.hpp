#pragma once
// The inverse of who-reported: what an entity reported — the claims it originated, passed on as
// an intermediary, or published.

#include <vector>

#include "relgraph/query/attribution_query.hpp"

namespace relgraph::query {

// An entity's part in a claim; a claim is listed once, under the first role that applies.
enum class ReportRole {
    Originator,    // in the claim's `by`, or the publisher of a claim made in the publication's own voice
    Intermediary,  // in the claim's `via`
    Publisher,     // published the source carrying a claim attributed to others
};

struct ReportedClaim {
    Attribution attribution;
    ReportRole role;
};

struct ReportedBy {
    store::Vertex party;
    std::vector<ReportedClaim> claims;   // relation id, then claim order
    std::vector<store::Edge> relations;  // the relations those claims are about, id order
};

// What `party` reported; with `primaryOnly`, only the claims it originated.
ReportedBy reportedBy(const store::GraphStore& store, store::Vertex party, bool primaryOnly);

}  // namespace relgraph::query
