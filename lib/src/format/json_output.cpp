#include "relgraph/format/json_output.hpp"

#include <cmath>
#include <set>
#include <nlohmann/json.hpp>

#include "relgraph/query/describe.hpp"

namespace relgraph::format {

using Json = nlohmann::ordered_json;

namespace {

std::string dump(const Json& j) { return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }

Json value(const model::AttributeValue& v) {
    struct Visitor {
        Json operator()(const std::string& s) const { return s; }
        Json operator()(std::int64_t i) const { return i; }
        Json operator()(double d) const { return d; }
        Json operator()(bool b) const { return b; }
        Json operator()(const model::Quantity& q) const {
            Json out = Json::object();
            if (q.value) out["value"] = *q.value;
            if (q.min) out["min"] = *q.min;
            if (q.max) out["max"] = *q.max;
            if (!q.qualifier.empty()) out["qualifier"] = q.qualifier;
            return out;
        }
    };
    return std::visit(Visitor{}, v.value);
}

Json attributes(const store::AttributeRange& attributes) {
    Json out = Json::object();
    for (const store::AttributeEntry entry : attributes) out[std::string(entry.name)] = value(entry.value);
    return out;
}

// "" as null.
Json textOrNull(std::string_view text) { return text.empty() ? Json(nullptr) : Json(text); }

Json entityRef(const store::GraphStore& store, store::Vertex v) {
    const store::EntityView e = store.entity(v);
    return Json{{"id", e.id()}, {"name", e.name()}, {"kind", e.kind()}};
}

Json sourceJson(const store::GraphStore& store, store::SourceRef ref) {
    const store::SourceView s = store.source(ref);
    Json out{{"id", s.id()}, {"title", s.title()}, {"label", query::sourceLabel(store, ref)}};
    out["publisher"] = s.publisher() ? entityRef(store, *s.publisher()) : Json(nullptr);
    out["date"] = textOrNull(s.date());
    out["authors"] = s.authors().toStrings();
    out["url"] = textOrNull(s.url());
    out["republishes"] = s.republishes() ? Json(store.source(*s.republishes()).id()) : Json(nullptr);
    return out;
}

Json claimJson(const store::GraphStore& store, const query::Attribution& a) {
    const store::ClaimView c = store.claim(a.claim);
    Json out{{"id", c.id()}, {"relation", store.relation(c.relation()).id()}};
    out["stance"] = c.stance() == model::Stance::Denies ? "denies" : "asserts";
    out["date"] = textOrNull(c.date());
    out["summary"] = c.summary();
    out["by"] = Json::array();
    for (const store::Vertex v : a.originators) out["by"].push_back(entityRef(store, v));
    out["via"] = Json::array();
    for (const store::Vertex v : a.intermediaries) out["via"].push_back(entityRef(store, v));
    out["chain"] = query::chainNames(store, a);
    out["source"] = a.source ? sourceJson(store, *a.source) : Json(nullptr);
    out["republication_of"] = a.original ? Json(store.source(*a.original).id()) : Json(nullptr);
    out["values"] = attributes(c.values());
    return out;
}

Json relationJson(const store::GraphStore& store, store::Edge e) {
    const store::RelationView r = store.relation(e);
    const model::RelationType& type = store.typeOf(e);
    Json out{{"id", r.id()}, {"type", r.type()}, {"label", type.label}};
    out["from"] = entityRef(store, r.from());
    out["to"] = entityRef(store, r.to());
    out["symmetric"] = type.symmetric;
    out["attributes"] = attributes(r.attributes());
    out["claims"] = Json::array();
    for (const store::ClaimRef c : r.claims()) out["claims"].push_back(claimJson(store, query::attributionOf(store, c)));
    return out;
}

Json hopJson(const store::GraphStore& store, const query::Hop& hop) {
    Json out{{"direction", hop.forward ? "forward" : "backward"}};
    out["relation"] = relationJson(store, hop.relation);
    return out;
}

// A hop by reference, for answers that list their relations once.
Json hopRef(const store::GraphStore& store, const query::Hop& hop) {
    return Json{{"relation", store.relation(hop.relation).id()},
                {"type", store.relation(hop.relation).type()},
                {"direction", hop.forward ? "forward" : "backward"}};
}

Json entityRefs(const store::GraphStore& store, const std::vector<store::Vertex>& entities) {
    Json out = Json::array();
    for (const store::Vertex v : entities) out.push_back(entityRef(store, v));
    return out;
}

Json relationRef(const store::GraphStore& store, store::Edge e) {
    return Json{{"id", store.relation(e).id()}, {"sentence", query::relationSentence(store, e)}};
}

// Rounded, so that output does not show the last bits of floating-point sums.
double rounded(double x) { return std::round(x * 1e6) / 1e6; }

std::string pathSetKindName(query::PathSetKind kind) {
    switch (kind) {
        case query::PathSetKind::AllShortest:
            return "all-shortest";
        case query::PathSetKind::KShortest:
            return "k-shortest";
        case query::PathSetKind::AllSimple:
            return "simple";
    }
    return "";
}

std::string pathLimitName(query::PathLimit limit) {
    switch (limit) {
        case query::PathLimit::None:
            break;
        case query::PathLimit::MaxPaths:
            return "max-paths";
        case query::PathLimit::MaxExpansions:
            return "max-expansions";
    }
    return "";
}

}  // namespace

std::string validationJson(const std::vector<std::string>& paths, const ProblemSummary& problems,
                           std::size_t entities, std::size_t relations, std::size_t claims) {
    Json out{{"valid", problems.total == 0}, {"paths", paths}};
    out["counts"] = Json{{"entities", entities}, {"relations", relations}, {"claims", claims}};
    out["problem_count"] = problems.total;
    out["more"] = Json::array();
    for (const ProblemSummary::Omitted& o : problems.omitted) out["more"].push_back({{"kind", o.kind}, {"count", o.count}});
    out["problems"] = Json::array();
    for (const Diagnostic& d : problems.shown) {
        Json p{{"file", d.place.file}};
        p["line"] = d.place.line ? Json(d.place.line) : Json(nullptr);
        p["column"] = d.place.column ? Json(d.place.column) : Json(nullptr);
        p["pointer"] = d.place.pointer;
        p["message"] = d.message;
        out["problems"].push_back(std::move(p));
    }
    return dump(out);
}

std::string entityJson(const store::GraphStore& store, const query::EntityReport& report) {
    const store::EntityView e = store.entity(report.entity);
    Json out{{"id", e.id()}, {"name", e.name()}, {"kind", e.kind()}, {"kind_label", store.kindOf(report.entity).label}};
    out["aliases"] = e.aliases().toStrings();
    out["description"] = textOrNull(e.description());
    out["attributes"] = attributes(e.attributes());
    out["relations"] = Json::array();
    for (const query::RelationGroup& group : report.groups) {
        Json g{
            {"type", group.type}, {"label", store.schema().findType(group.type)->label}, {"relations", Json::array()}};
        for (const query::Hop& hop : group.hops) g["relations"].push_back(hopJson(store, hop));
        out["relations"].push_back(std::move(g));
    }
    out["claims_made"] = Json::array();
    for (const store::ClaimRef ref : report.claimsMade) {
        out["claims_made"].push_back(claimJson(store, query::attributionOf(store, ref)));
    }
    return dump(out);
}

std::string neighborhoodJson(const store::GraphStore& store, const query::Neighborhood& n, int depth) {
    Json out{{"center", entityRef(store, n.center)}, {"depth", depth}, {"neighbors", Json::array()}};
    for (const query::Neighbor& neighbor : n.neighbors) {
        Json item = entityRef(store, neighbor.entity);
        item["depth"] = neighbor.depth;
        item["via"] = Json::array();
        for (const query::Hop& hop : neighbor.via) item["via"].push_back(hopRef(store, hop));
        out["neighbors"].push_back(std::move(item));
    }
    out["relations"] = Json::array();
    for (const store::Edge e : n.relations) out["relations"].push_back(relationJson(store, e));
    return dump(out);
}

std::string pathJson(const store::GraphStore& store, store::Vertex from, store::Vertex to,
                     const std::optional<query::Path>& path) {
    Json out{{"from", entityRef(store, from)}, {"to", entityRef(store, to)}, {"found", path.has_value()}};
    out["length"] = path ? Json(path->hops.size()) : Json(nullptr);
    out["entities"] = Json::array();
    out["hops"] = Json::array();
    if (path) {
        out["entities"] = entityRefs(store, path->entities);
        for (std::size_t i = 0; i < path->hops.size(); ++i) {
            Json hop = hopJson(store, path->hops[i]);
            hop["parallel"] = Json::array();
            for (const query::Hop& parallel : path->parallel[i]) hop["parallel"].push_back(hopJson(store, parallel));
            out["hops"].push_back(std::move(hop));
        }
    }
    return dump(out);
}

std::string pathSetJson(const store::GraphStore& store, store::Vertex from, store::Vertex to,
                        const query::PathSet& paths) {
    Json out{{"from", entityRef(store, from)}, {"to", entityRef(store, to)}, {"kind", pathSetKindName(paths.kind)}};
    out["complete"] = paths.stoppedBy == query::PathLimit::None;
    out["stopped_by"] =
        paths.stoppedBy == query::PathLimit::None ? Json(nullptr) : Json(pathLimitName(paths.stoppedBy));
    out["paths"] = Json::array();
    std::set<store::Edge> relations;  // in id order
    for (const query::Path& path : paths.paths) {
        Json item{
            {"length", path.hops.size()}, {"entities", entityRefs(store, path.entities)}, {"hops", Json::array()}};
        for (std::size_t i = 0; i < path.hops.size(); ++i) {
            Json hop = hopRef(store, path.hops[i]);
            hop["parallel"] = Json::array();
            relations.insert(path.hops[i].relation);
            for (const query::Hop& parallel : path.parallel[i]) {
                hop["parallel"].push_back(hopRef(store, parallel));
                relations.insert(parallel.relation);
            }
            item["hops"].push_back(std::move(hop));
        }
        out["paths"].push_back(std::move(item));
    }
    out["relations"] = Json::array();
    for (const store::Edge e : relations) out["relations"].push_back(relationJson(store, e));
    return dump(out);
}

std::string attributionJson(const store::GraphStore& store, const query::AttributionReport& report,
                            AttributionDetail detail) {
    Json out{{"relations", Json::array()}, {"parties", Json::array()}};
    for (const store::Edge e : report.relations) out["relations"].push_back(relationRef(store, e));
    for (const query::ReportingParty& p : report.parties) {
        Json party = p.entity ? entityRef(store, *p.entity)
                              : Json{{"source", store.source(*p.source).id()}, {"name", store.source(*p.source).title()}};
        party["claims"] = p.claims;
        party["sources"] = Json::array();
        for (const store::SourceRef s : p.sources) party["sources"].push_back(store.source(s).id());
        party["independent_sources"] = p.independentSources;
        party["earliest_date"] = p.earliestDate.empty() ? Json(nullptr) : Json(p.earliestDate);
        out["parties"].push_back(std::move(party));
    }
    if (detail == AttributionDetail::Originators) return dump(out);
    out["claims"] = Json::array();
    for (const query::Attribution& a : report.attributions) out["claims"].push_back(claimJson(store, a));
    return dump(out);
}

std::string reportedByJson(const store::GraphStore& store, const query::ReportedBy& reported) {
    Json out{{"party", entityRef(store, reported.party)}};
    Json counts{{"originator", 0}, {"intermediary", 0}, {"publisher", 0}};
    for (const query::ReportedClaim& c : reported.claims) {
        counts[query::roleName(c.role)] = counts[query::roleName(c.role)].get<int>() + 1;
    }
    out["roles"] = std::move(counts);
    out["relations"] = Json::array();
    for (const store::Edge e : reported.relations) out["relations"].push_back(relationRef(store, e));
    out["claims"] = Json::array();
    for (const query::ReportedClaim& c : reported.claims) {
        Json claim = claimJson(store, c.attribution);
        claim["role"] = query::roleName(c.role);
        out["claims"].push_back(std::move(claim));
    }
    return dump(out);
}

std::string conflictJson(const store::GraphStore& store, const std::vector<query::Conflict>& conflicts) {
    Json out{{"conflicts", Json::array()}};
    for (const query::Conflict& c : conflicts) {
        Json item{{"relation", store.relation(c.relation).id()},
                  {"sentence", query::relationSentence(store, c.relation)},
                  {"attribute", c.attribute},
                  {"kind", c.kind == query::ConflictKind::Change ? "change" : "disagreement"},
                  {"lowest", Json{{"value", value(c.lowest)}, {"display", model::toDisplayString(c.lowest)}}},
                  {"highest", Json{{"value", value(c.highest)}, {"display", model::toDisplayString(c.highest)}}},
                  {"independent_sources", c.independentSources},
                  {"values", Json::array()}};
        for (const query::ConflictingValue& v : c.values) {
            Json entry{{"value", value(v.value)},
                       {"display", model::toDisplayString(v.value)},
                       {"independent_sources", v.independentSources},
                       {"claims", Json::array()}};
            for (const query::Attribution& a : v.claims) entry["claims"].push_back(claimJson(store, a));
            item["values"].push_back(std::move(entry));
        }
        out["conflicts"].push_back(std::move(item));
    }
    return dump(out);
}

std::string subgraphJson(const store::GraphStore& store, const query::Subgraph& subgraph) {
    Json out{{"kind", subgraph.kind == query::SubgraphKind::Connecting ? "connecting" : "induced"},
             {"terminals", entityRefs(store, subgraph.terminals)},
             {"connections", Json::array()}};
    for (const query::Connection& c : subgraph.connections) {
        out["connections"].push_back(Json{{"from", entityRef(store, c.from)},
                                          {"to", entityRef(store, c.to)},
                                          {"length", c.length ? Json(*c.length) : Json(nullptr)}});
    }
    out["entities"] = entityRefs(store, subgraph.entities);
    out["relations"] = Json::array();
    for (const store::Edge e : subgraph.relations) out["relations"].push_back(relationJson(store, e));
    return dump(out);
}

static Json storageJson(const query::StoreFootprint& f) {
    return Json{{"bytes", f.bytes}, {"relation_bytes", f.relationBytes}, {"bytes_per_relation", rounded(f.bytesPerRelation())}};
}

std::string statisticsJson(const store::GraphStore& store, const query::GraphStatistics& s, std::size_t top) {
    Json out;
    out["counts"] = Json{{"entities", s.entities},
                         {"relations", s.relations},
                         {"claims", s.claims},
                         {"sources", s.sources},
                         {"original_sources", s.originalSources}};
    out["storage"] = storageJson(s.footprint);
    out["kinds"] = Json::array();
    for (const query::KindCount& k : s.kinds) {
        out["kinds"].push_back(
            Json{{"kind", k.kind}, {"label", store.schema().findKind(k.kind)->label}, {"entities", k.entities}});
    }
    out["types"] = Json::array();
    for (const query::TypeCount& t : s.types) {
        const model::RelationType& type = *store.schema().findType(t.type);
        out["types"].push_back(Json{{"type", t.type},
                                    {"label", type.label},
                                    {"attribution", type.attribution},
                                    {"walked", t.walked},
                                    {"relations", t.relations},
                                    {"claims", t.claims}});
    }
    out["walked"] = Json{{"entities", s.measures.size()},
                         {"relations", s.walkedRelations},
                         {"components", s.components.size()},
                         {"betweenness_measured", s.betweennessMeasured}};
    out["components"] = Json::array();
    for (const auto& component : s.components) {
        Json ids = Json::array();
        for (const store::Vertex v : component) ids.push_back(store.entity(v).id());
        out["components"].push_back(Json{{"size", component.size()}, {"entities", std::move(ids)}});
    }
    out["entities"] = Json::array();
    for (const query::EntityMeasures& m : s.measures) {
        Json item = entityRef(store, m.entity);
        item["relations"] = m.relations;
        item["out"] = m.out;
        item["in"] = m.in;
        item["neighbors"] = m.neighbors;
        item["component"] = m.component + 1;
        item["pagerank"] = rounded(m.pageRank);
        item["betweenness"] = rounded(m.betweenness);
        out["entities"].push_back(std::move(item));
    }
    out["top"] = Json::object();
    for (const auto& [name, measure] :
         {std::pair{"relations", query::Measure::Relations}, std::pair{"pagerank", query::Measure::PageRank},
          std::pair{"betweenness", query::Measure::Betweenness}}) {
        Json ids = Json::array();
        for (const query::EntityMeasures& m : query::topEntities(s, measure, top))
            ids.push_back(store.entity(m.entity).id());
        out["top"][name] = std::move(ids);
    }
    return dump(out);
}

}  // namespace relgraph::format

namespace relgraph::format {

std::string searchJson(const store::GraphStore& store, const query::SearchResult& result, std::string_view query) {
    Json out{{"query", query}, {"total", result.total}, {"all_words", result.allWords}, {"hits", Json::array()}};
    for (std::size_t i = 0; i < result.hits.size(); ++i) {
        const query::SearchHit& hit = result.hits[i];
        Json h{{"rank", i + 1},
               {"kind", query::searchKindName(hit.kind)},
               {"id", query::searchHitId(store, hit)},
               {"title", query::searchHitTitle(store, hit)},
               {"score", hit.score},
               {"field", hit.field},
               {"snippet", hit.snippet},
               {"highlights", Json::array()}};
        for (const auto& [b, e] : hit.highlights) h["highlights"].push_back({b, e});
        switch (hit.kind) {
            case store::SearchDocKind::Entity: h["entity"] = entityRef(store, hit.row); break;
            case store::SearchDocKind::Relation: h["relation"] = relationJson(store, hit.row); break;
            case store::SearchDocKind::Claim:
                h["claim"] = claimJson(store, query::attributionOf(store, hit.row));
                h["relation"] = relationJson(store, store.claim(hit.row).relation());
                break;
            case store::SearchDocKind::Source: h["source"] = sourceJson(store, hit.row); break;
            case store::SearchDocKind::Type:
            case store::SearchDocKind::Kind: break;
        }
        out["hits"].push_back(std::move(h));
    }
    return dump(out);
}

}  // namespace relgraph::format

namespace relgraph::format {

std::string schemaJson(const store::GraphStore& store, const query::SchemaReport& report) {
    const auto declarations = [](const model::AttributeDeclarations& attributes) {
        Json out = Json::object();
        for (const auto& [name, type] : attributes) out[name] = model::toString(type);
        return out;
    };
    Json out{{"kinds", Json::array()}, {"types", Json::array()}};
    for (std::size_t k = 0; k < store.kindCount(); ++k) {
        const model::EntityKind& kind = store.kind(k);
        out["kinds"].push_back({{"name", kind.name},
                                {"label", kind.label},
                                {"description", textOrNull(kind.description)},
                                {"entities", report.entitiesOfKind[k]},
                                {"attributes", declarations(kind.attributes)}});
    }
    for (std::size_t t = 0; t < store.typeCount(); ++t) {
        const model::RelationType& type = store.type(t);
        out["types"].push_back({{"name", type.name},
                                {"label", type.label},
                                {"description", textOrNull(type.description)},
                                {"relations", report.relationsOfType[t]},
                                {"from", type.anyFrom ? Json::array({"*"}) : Json(type.from)},
                                {"to", type.anyTo ? Json::array({"*"}) : Json(type.to)},
                                {"attributes", declarations(type.attributes)},
                                {"symmetric", type.symmetric},
                                {"attribution", type.attribution}});
    }
    return dump(out);
}

}  // namespace relgraph::format

namespace relgraph::format {

std::string timelineJson(const store::GraphStore& store, const std::vector<query::TimelineEvent>& events) {
    Json out{{"events", Json::array()}};
    for (const query::TimelineEvent& ev : events) {
        Json e{{"date", ev.date}, {"what", ev.what}, {"relation", relationJson(store, ev.relation)}};
        e["claim"] = ev.claim ? claimJson(store, query::attributionOf(store, *ev.claim)) : Json(nullptr);
        out["events"].push_back(std::move(e));
    }
    return dump(out);
}

}  // namespace relgraph::format
