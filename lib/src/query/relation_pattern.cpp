#include "relgraph/query/relation_pattern.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

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

// The relations leaving `from` for `to`, and the symmetric ones leaving `to` for `from`.
std::vector<store::Edge> findRelations(const store::GraphStore& store, const RelationPattern& pattern) {
    const auto typeMatches = [&](store::Edge e) { return !pattern.type || store.typeOf(e).name == *pattern.type; };
    std::vector<store::Edge> out;
    for (const store::Edge e : store.outRelations(pattern.from)) {
        if (store.to(e) == pattern.to && typeMatches(e)) out.push_back(e);
    }
    for (const store::Edge e : store.outRelations(pattern.to)) {
        if (store.to(e) == pattern.from && store.typeOf(e).symmetric && typeMatches(e)) out.push_back(e);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());  // a loop, when from and to are one entity
    return out;
}

namespace {
ReportSubject withEveryClaim(const store::GraphStore& store, ReportSubject subject) {
    for (const store::Edge e : subject.relations) {
        for (const store::ClaimRef c : store.claimsOf(e)) subject.claims.push_back(c);
    }
    return subject;
}
}  // namespace

ReportSubject resolveReportSubject(const store::GraphStore& store, const std::vector<std::string>& words) {
    if (words.size() == 1 && !store.findEntity(words[0])) {
        if (const auto e = store.findRelation(words[0])) {
            return withEveryClaim(store, {{*e}, {}, store.relationId(*e), relationSentence(store, *e)});
        }
        if (const auto c = store.findClaim(words[0])) {
            const store::Edge e = store.relationOfClaim(*c);
            const std::string id = store.claim(*c).id();
            return {{e}, {*c}, id, fmt::format("claim {} ({})", id, relationSentence(store, e))};
        }
    }
    if (words.size() == 1) {
        const store::Vertex v = store.resolveEntity(words[0]);
        ReportSubject subject{{}, {}, std::string(store.entity(v).id()), std::string(store.entity(v).name())};
        const store::RowRange out = store.outRelations(v), in = store.inRelations(v);
        std::set_union(out.begin(), out.end(), in.begin(), in.end(), std::back_inserter(subject.relations));
        return withEveryClaim(store, std::move(subject));
    }
    const RelationPattern pattern = parseRelationPattern(store, words);
    const std::string from(store.entity(pattern.from).id());
    const std::string to(store.entity(pattern.to).id());
    const std::string label = pattern.type ? store.schema().findType(*pattern.type)->label : "any relation";
    return withEveryClaim(store, {findRelations(store, pattern),
                                  {},
                                  from + "." + pattern.type.value_or("any") + "." + to,
                                  fmt::format("{} \xE2\x80\x94{}\xE2\x86\x92 {}", store.entity(pattern.from).name(),
                                              label, store.entity(pattern.to).name())});
}

}  // namespace relgraph::query
