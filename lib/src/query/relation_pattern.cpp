#include "relgraph/query/relation_pattern.hpp"

#include <fmt/format.h>

#include "relgraph/common/error.hpp"
#include "relgraph/query/describe.hpp"

namespace relgraph::query {

RelationPattern parseRelationPattern(const store::GraphStore& store, const std::vector<std::string>& words) {
    if (words.size() == 2) return {store.resolveEntity(words[0]), std::nullopt, store.resolveEntity(words[1])};
    if (words.size() == 3) {
        return {store.resolveEntity(words[0]), store.resolveType(words[1]).name, store.resolveEntity(words[2])};
    }
    throw QueryError("a relation is written FROM TYPE TO or FROM TO, for example: \"North Korea\" sent_workers Russia");
}

std::vector<store::Edge> findRelations(const store::GraphStore& store, const RelationPattern& pattern) {
    const store::Graph& g = store.graph();
    std::vector<store::Edge> out;
    for (const store::Edge e : store.relations()) {
        const model::Relation& r = store.relation(e);
        if (pattern.type && r.type != *pattern.type) continue;
        const store::Vertex s = boost::source(e, g), t = boost::target(e, g);
        const bool forward = s == pattern.from && t == pattern.to;
        const bool backward = store.typeOf(e).symmetric && s == pattern.to && t == pattern.from;
        if (forward || backward) out.push_back(e);
    }
    return out;
}

namespace {
ReportSubject withEveryClaim(const store::GraphStore& store, ReportSubject subject) {
    for (const store::Edge e : subject.relations) {
        for (std::size_t i = 0; i < store.relation(e).claims.size(); ++i) subject.claims.push_back({e, i});
    }
    return subject;
}
}  // namespace

ReportSubject resolveReportSubject(const store::GraphStore& store, const std::vector<std::string>& words) {
    const store::Graph& g = store.graph();
    if (words.size() == 1 && !store.findEntity(words[0])) {
        if (const auto e = store.findRelation(words[0])) {
            return withEveryClaim(store, {{*e}, {}, store.relation(*e).id, relationSentence(store, *e)});
        }
        if (const auto c = store.findClaim(words[0])) {
            return {{c->relation},
                    {*c},
                    store.claim(*c).id,
                    fmt::format("claim {} ({})", store.claim(*c).id, relationSentence(store, c->relation))};
        }
    }
    if (words.size() == 1) {
        const store::Vertex v = store.resolveEntity(words[0]);
        ReportSubject subject{{}, {}, store.entity(v).id, store.entity(v).name};
        for (const store::Edge e : store.relations()) {
            if (boost::source(e, g) == v || boost::target(e, g) == v) subject.relations.push_back(e);
        }
        return withEveryClaim(store, std::move(subject));
    }
    const RelationPattern pattern = parseRelationPattern(store, words);
    const std::string& from = store.entity(pattern.from).id;
    const std::string& to = store.entity(pattern.to).id;
    const std::string label = pattern.type ? store.schema().findType(*pattern.type)->label : "any relation";
    return withEveryClaim(store, {findRelations(store, pattern),
                                  {},
                                  from + "." + pattern.type.value_or("any") + "." + to,
                                  fmt::format("{} \xE2\x80\x94{}\xE2\x86\x92 {}", store.entity(pattern.from).name,
                                              label, store.entity(pattern.to).name)});
}

}  // namespace relgraph::query
