#pragma once
// Who reported what: each claim's attribution chain (originator → intermediaries → publication)
// and the parties behind a set of relations.

#include <optional>
#include <string>
#include <vector>

#include "relgraph/store/graph_store.hpp"

namespace relgraph::query {

struct Attribution {
    store::ClaimRef claim;
    std::vector<store::Vertex> originators;     // the claim's `by`; empty when the source speaks itself
    std::vector<store::Vertex> intermediaries;  // the claim's `via`, originator side first
    std::optional<store::SourceRef> source;     // the claim's source
    std::optional<store::Vertex> publisher;     // the source's publisher, when known
    std::optional<store::SourceRef> original;   // what the source republishes, followed to the end; none if original
    bool passedOn = false;  // the source republishes one that makes this claim too (same relation, same `by`)
};

// The publication a claim comes from: for a claim a republication passes on, the original; else
// its own source (what a republication adds is its own). Sources are independent when these
// differ, and a claim without `by` speaks for this publication's publisher.
std::optional<store::SourceRef> originalSource(const Attribution& a);

// A party claims rest on: an originator entity, or, for claims a source makes in its own voice, the
// publisher of the publication it comes from (originalSource), or that publication itself when its
// publisher is unknown.
struct ReportingParty {
    std::optional<store::Vertex> entity;
    std::optional<store::SourceRef> source;  // set when entity is absent
    std::size_t claims = 0;
    std::vector<store::SourceRef> sources;  // distinct, in id order
    std::size_t independentSources = 0;     // sources left after folding republications into originals
    std::string earliestDate;               // of its claims (claim date, else source date); empty if none dated
};

struct AttributionReport {
    std::vector<store::Edge> relations;     // the relations asked about, id order
    std::vector<Attribution> attributions;  // every claim on them, in relation then claim order
    std::vector<ReportingParty> parties;    // most claims first, then by name (then entities before
                                            // sources, each in id order)
};

Attribution attributionOf(const store::GraphStore& store, store::ClaimRef claim);

// Who reported these relations (every claim on them). (Relations and claims are both row numbers,
// so the two are named apart.)
AttributionReport whoReportedRelations(const store::GraphStore& store, const std::vector<store::Edge>& relations);
// Who reported these claims; the report's relations are the ones they are about.
AttributionReport whoReportedClaims(const store::GraphStore& store, const std::vector<store::ClaimRef>& claims);

// The steps of the chain: ["NIS", "Yonhap", "Newsweek"]. Several originators share the first step
// ("unnamed Ukrainian officials and unnamed U.S. officials"); the source title stands in for an
// unknown publisher.
std::vector<std::string> chainNames(const store::GraphStore& store, const Attribution& a);

}  // namespace relgraph::query
