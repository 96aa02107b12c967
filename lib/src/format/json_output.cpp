#include "relgraph/format/json_output.hpp"

#include <nlohmann/json.hpp>

#include "relgraph/query/describe.hpp"

namespace relgraph::format {

using Json = nlohmann::ordered_json;

namespace {

std::string dump(const Json& j) {
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

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

Json attributes(const model::Attributes& attributes) {
    Json out = Json::object();
    for (const auto& [name, v] : attributes) out[name] = value(v);
    return out;
}

Json entityRef(const store::GraphStore& store, store::Vertex v) {
    const model::Entity& e = store.entity(v);
    return Json{{"id", e.id}, {"name", e.name}, {"kind", e.kind}};
}

Json sourceJson(const store::GraphStore& store, const model::Source& s) {
    Json out{{"id", s.id}, {"title", s.title}, {"label", query::sourceLabel(store, s)}};
    out["publisher"] = s.publisher.empty() ? Json(nullptr) : entityRef(store, store.vertexOf(s.publisher));
    out["date"] = s.date.empty() ? Json(nullptr) : Json(s.date);
    out["authors"] = s.authors;
    out["url"] = s.url.empty() ? Json(nullptr) : Json(s.url);
    out["republishes"] = s.republishes.empty() ? Json(nullptr) : Json(s.republishes);
    return out;
}

Json claimJson(const store::GraphStore& store, const query::Attribution& a) {
    const model::Claim& c = store.claim(a.claim);
    Json out{{"id", c.id}, {"relation", store.relation(a.claim.relation).id}};
    out["stance"] = c.stance == model::Stance::Denies ? "denies" : "asserts";
    out["date"] = c.date.empty() ? Json(nullptr) : Json(c.date);
    out["summary"] = c.summary;
    out["by"] = Json::array();
    for (const store::Vertex v : a.originators) out["by"].push_back(entityRef(store, v));
    out["via"] = Json::array();
    for (const store::Vertex v : a.intermediaries) out["via"].push_back(entityRef(store, v));
    out["chain"] = query::chainNames(store, a);
    out["source"] = a.source ? sourceJson(store, *a.source) : Json(nullptr);
    out["republication_of"] = a.original ? Json(a.original->id) : Json(nullptr);
    out["values"] = attributes(c.values);
    return out;
}

Json relationJson(const store::GraphStore& store, store::Edge e) {
    const model::Relation& r = store.relation(e);
    const model::RelationType& type = store.typeOf(e);
    const store::Graph& g = store.graph();
    Json out{{"id", r.id}, {"type", r.type}, {"label", type.label}};
    out["from"] = entityRef(store, boost::source(e, g));
    out["to"] = entityRef(store, boost::target(e, g));
    out["symmetric"] = type.symmetric;
    out["attributes"] = attributes(r.attributes);
    out["claims"] = Json::array();
    for (std::size_t i = 0; i < r.claims.size(); ++i) {
        out["claims"].push_back(claimJson(store, query::attributionOf(store, {e, i})));
    }
    return out;
}

Json hopJson(const store::GraphStore& store, const query::Hop& hop) {
    Json out{{"direction", hop.forward ? "forward" : "backward"}};
    out["relation"] = relationJson(store, hop.relation);
    return out;
}

}  // namespace

std::string validationJson(const std::vector<std::string>& paths, const std::vector<Diagnostic>& problems,
                           std::size_t entities, std::size_t relations, std::size_t claims) {
    Json out{{"valid", problems.empty()}, {"paths", paths}};
    out["counts"] = Json{{"entities", entities}, {"relations", relations}, {"claims", claims}};
    out["problems"] = Json::array();
    for (const Diagnostic& d : problems) {
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
    const model::Entity& e = store.entity(report.entity);
    Json out{{"id", e.id}, {"name", e.name}, {"kind", e.kind}, {"kind_label", store.kindOf(report.entity).label}};
    out["aliases"] = e.aliases;
    out["description"] = e.description.empty() ? Json(nullptr) : Json(e.description);
    out["attributes"] = attributes(e.attributes);
    out["relations"] = Json::array();
    for (const query::RelationGroup& group : report.groups) {
        Json g{{"type", group.type}, {"label", store.schema().findType(group.type)->label}, {"relations", Json::array()}};
        for (const query::Hop& hop : group.hops) g["relations"].push_back(hopJson(store, hop));
        out["relations"].push_back(std::move(g));
    }
    out["claims_made"] = Json::array();
    for (const store::ClaimRef& ref : report.claimsMade) {
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
        for (const query::Hop& hop : neighbor.via) {
            item["via"].push_back(Json{{"relation", store.relation(hop.relation).id},
                                       {"type", store.relation(hop.relation).type},
                                       {"direction", hop.forward ? "forward" : "backward"}});
        }
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
        for (const store::Vertex v : path->entities) out["entities"].push_back(entityRef(store, v));
        for (const query::Hop& hop : path->hops) out["hops"].push_back(hopJson(store, hop));
    }
    return dump(out);
}

std::string attributionJson(const store::GraphStore& store, const query::AttributionReport& report) {
    Json out{{"relations", Json::array()}, {"parties", Json::array()}, {"claims", Json::array()}};
    for (const store::Edge e : report.relations) {
        Json r{{"id", store.relation(e).id}, {"sentence", query::relationSentence(store, e)}};
        out["relations"].push_back(std::move(r));
    }
    for (const query::ReportingParty& p : report.parties) {
        Json party = p.entity ? entityRef(store, *p.entity) : Json{{"source", p.source->id}, {"name", p.source->title}};
        party["claims"] = p.claims;
        party["sources"] = Json::array();
        for (const model::Source* s : p.sources) party["sources"].push_back(s->id);
        party["independent_sources"] = p.independentSources;
        out["parties"].push_back(std::move(party));
    }
    for (const query::Attribution& a : report.attributions) out["claims"].push_back(claimJson(store, a));
    return dump(out);
}

std::string conflictJson(const store::GraphStore& store, const std::vector<query::Conflict>& conflicts) {
    Json out{{"conflicts", Json::array()}};
    for (const query::Conflict& c : conflicts) {
        Json item{{"relation", store.relation(c.relation).id},
                  {"sentence", query::relationSentence(store, c.relation)},
                  {"attribute", c.attribute},
                  {"values", Json::array()}};
        for (const query::ConflictingValue& v : c.values) {
            Json entry{{"value", value(v.value)}, {"display", model::toDisplayString(v.value)}, {"claims", Json::array()}};
            for (const query::Attribution& a : v.claims) entry["claims"].push_back(claimJson(store, a));
            item["values"].push_back(std::move(entry));
        }
        out["conflicts"].push_back(std::move(item));
    }
    return dump(out);
}

}  // namespace relgraph::format
