#include "relgraph/store/store_records.hpp"

namespace relgraph::store {

namespace {
std::vector<std::string> idsOf(const GraphStore& store, RowRange entities) {
    std::vector<std::string> ids;
    for (const Vertex v : entities) ids.emplace_back(store.entity(v).id());
    return ids;
}
}  // namespace

model::Entity entityRecord(const GraphStore& store, Vertex v) {
    const EntityView e = store.entity(v);
    model::Entity out;
    out.id = e.id();
    out.name = e.name();
    out.kind = e.kind();
    out.aliases = e.aliases().toStrings();
    out.description = e.description();
    out.attributes = e.attributes().toMap();
    return out;
}

model::Claim claimRecord(const GraphStore& store, ClaimRef c) {
    const ClaimView claim = store.claim(c);
    model::Claim out;
    out.id = claim.id();
    out.source = store.source(claim.source()).id();
    out.by = idsOf(store, claim.by());
    out.via = idsOf(store, claim.via());
    out.date = claim.date();
    out.stance = claim.stance();
    out.summary = claim.summary();
    out.values = claim.values().toMap();
    return out;
}

model::Relation relationRecord(const GraphStore& store, Edge e) {
    const RelationView r = store.relation(e);
    model::Relation out;
    out.id = r.id();
    out.type = r.type();
    out.from = store.entity(r.from()).id();
    out.to = store.entity(r.to()).id();
    out.attributes = r.attributes().toMap();
    for (const ClaimRef c : r.claims()) out.claims.push_back(claimRecord(store, c));
    return out;
}

model::Source sourceRecord(const GraphStore& store, SourceRef s) {
    const SourceView source = store.source(s);
    model::Source out;
    out.id = source.id();
    out.title = source.title();
    if (const auto publisher = source.publisher()) out.publisher = store.entity(*publisher).id();
    out.date = source.date();
    out.authors = source.authors().toStrings();
    out.url = source.url();
    if (const auto original = source.republishes()) out.republishes = store.source(*original).id();
    for (const SourceRef other : source.reliesOn()) out.reliesOn.emplace_back(store.source(other).id());
    out.note = source.note();
    return out;
}

}  // namespace relgraph::store
