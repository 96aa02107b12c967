#include "relgraph/query/relation_pattern.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "relgraph/common/error.hpp"
#include "relgraph/query/describe.hpp"

namespace relgraph::query {

RelationPattern parseRelationPattern(const store::GraphStore& store, const std::vector<std::string>& words) {
    const auto end = [&](const std::string& w) -> std::optional<store::Vertex> {
        if (w == "*") return std::nullopt;
        return store.resolveEntity(w);
    };
    if (words.size() == 2) return {end(words[0]), std::nullopt, end(words[1])};
    if (words.size() == 3) return {end(words[0]), store.resolveType(words[1]).name, end(words[2])};
    throw QueryError("a relation is written FROM TYPE TO or FROM TO, for example: \"North Korea\" sent_workers Russia "
                     "(* for any entity)");
}

std::vector<store::Edge> findRelations(const store::GraphStore& store, const RelationPattern& pattern) {
    const auto typeMatches = [&](store::Edge e) { return !pattern.type || store.typeOf(e).name == *pattern.type; };
    const auto endsMatch = [&](store::Edge e, const std::optional<store::Vertex>& a, const std::optional<store::Vertex>& b) {
        return (!a || store.from(e) == *a) && (!b || store.to(e) == *b);
    };
    std::vector<store::Edge> candidates;
    if (pattern.from || pattern.to) {
        for (const auto& v : {pattern.from, pattern.to}) {
            if (!v) continue;
            for (const store::Edge e : store.outRelations(*v)) candidates.push_back(e);
            for (const store::Edge e : store.inRelations(*v)) candidates.push_back(e);
        }
    } else if (pattern.type) {
        for (const store::Edge e : store.relationsOfType(*store.findType(*pattern.type))) candidates.push_back(e);
    } else {
        throw QueryError("* * matches every relation: name at least one entity or a type");
    }
    std::vector<store::Edge> out;
    for (const store::Edge e : candidates) {
        if (typeMatches(e) && (endsMatch(e, pattern.from, pattern.to) || endsMatch(e, pattern.to, pattern.from))) {
            out.push_back(e);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::string> relatedPatternHints(const store::GraphStore& store, const RelationPattern& pattern) {
    const auto partOf = store.findType("part_of");
    if (!partOf) return {};
    std::vector<std::string> hints;
    // Entities that are part of v, and those v is part of, with how they are related.
    const auto related = [&](store::Vertex v) {
        std::vector<std::pair<store::Vertex, std::string>> out;
        const std::string_view name = store.entity(v).name();
        for (const store::Edge e : store.inRelations(v)) {
            if (store.typeIndexOf(e) == *partOf) out.push_back({store.from(e), fmt::format("part of {}", name)});
        }
        for (const store::Edge e : store.outRelations(v)) {
            if (store.typeIndexOf(e) == *partOf) out.push_back({store.to(e), fmt::format("{} is part of it", name)});
        }
        return out;
    };
    const auto word = [&](const std::optional<store::Vertex>& v) {
        return v ? fmt::format("\"{}\"", store.entity(*v).name()) : std::string("'*'");
    };
    const std::string type = pattern.type ? " " + *pattern.type : "";
    for (const bool fromEnd : {true, false}) {
        const std::optional<store::Vertex>& end = fromEnd ? pattern.from : pattern.to;
        if (!end) continue;
        for (const auto& [other, how] : related(*end)) {
            RelationPattern p = pattern;
            (fromEnd ? p.from : p.to) = other;
            const std::size_t n = findRelations(store, p).size();
            if (n == 0) continue;
            hints.push_back(fmt::format("{} ({}) has {}: relgraph who-reported {}{} {}", store.entity(other).name(), how,
                                        n == 1 ? std::string("one") : std::to_string(n), word(p.from), type, word(p.to)));
        }
    }
    return hints;
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
            return withEveryClaim(store, {{*e}, {}, store.relationId(*e), relationSentence(store, *e), {}});
        }
        if (const auto c = store.findClaim(words[0])) {
            const store::Edge e = store.relationOfClaim(*c);
            const std::string id = store.claim(*c).id();
            return {{e}, {*c}, id, fmt::format("claim {} ({})", id, relationSentence(store, e)), {}};
        }
    }
    if (words.size() == 1) {
        const store::Vertex v = store.resolveEntity(words[0]);
        ReportSubject subject{{}, {}, std::string(store.entity(v).id()), std::string(store.entity(v).name()), {}};
        const store::RowRange out = store.outRelations(v), in = store.inRelations(v);
        std::set_union(out.begin(), out.end(), in.begin(), in.end(), std::back_inserter(subject.relations));
        return withEveryClaim(store, std::move(subject));
    }
    const RelationPattern pattern = parseRelationPattern(store, words);
    const auto id = [&](const std::optional<store::Vertex>& v) { return v ? std::string(store.entity(*v).id()) : "any"; };
    const auto name = [&](const std::optional<store::Vertex>& v) { return v ? std::string(store.entity(*v).name()) : "*"; };
    const std::string label = pattern.type ? store.schema().findType(*pattern.type)->label : "any relation";
    ReportSubject subject = withEveryClaim(
        store, {findRelations(store, pattern), {}, id(pattern.from) + "." + pattern.type.value_or("any") + "." + id(pattern.to),
                fmt::format("{} \xE2\x80\x94{}\xE2\x86\x92 {}", name(pattern.from), label, name(pattern.to)), {}});
    if (subject.relations.empty()) subject.hints = relatedPatternHints(store, pattern);
    return subject;
}

}  // namespace relgraph::query
