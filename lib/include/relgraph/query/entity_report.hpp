#pragma once
// Everything about one entity: its relations grouped by type, and the claims it made.

#include <string>
#include <vector>

#include "relgraph/query/date_range.hpp"
#include "relgraph/query/traversal.hpp"

namespace relgraph::query {

struct RelationGroup {
    std::string type;        // relation type name
    std::vector<Hop> hops;   // forward: the entity is the relation's `from`
};

struct EntityReport {
    store::Vertex entity;
    std::vector<RelationGroup> groups;          // by type name; relations in id order
    std::vector<store::ClaimRef> claimsMade;    // claims attributed to it or passed on by it
};

// With a bounded `dates`, only the relations with a claim dated in it (the claim's date, else its
// source's), and only such claims made.
EntityReport entityReport(const store::GraphStore& store, store::Vertex entity, const DateRange& dates = {});

}  // namespace relgraph::query
