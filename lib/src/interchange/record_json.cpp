#include "interchange/record_json.hpp"

#include "relgraph/store/store_records.hpp"

namespace relgraph::interchange {

namespace {

OrderedJson declarationsJson(const model::AttributeDeclarations& declarations) {
    OrderedJson out = OrderedJson::object();
    for (const auto& [name, type] : declarations) out[name] = model::toString(type);
    return out;
}

OrderedJson stringsJson(const std::vector<std::string>& list) {
    OrderedJson out = OrderedJson::array();
    for (const std::string& s : list) out.push_back(s);
    return out;
}

OrderedJson claimJson(const model::Claim& c) {
    OrderedJson out = {{"id", c.id}, {"source", c.source}};
    if (!c.by.empty()) out["by"] = stringsJson(c.by);
    if (!c.via.empty()) out["via"] = stringsJson(c.via);
    if (!c.date.empty()) out["date"] = c.date;
    if (c.stance == model::Stance::Denies) out["stance"] = "denies";
    out["summary"] = c.summary;
    if (!c.values.empty()) out["values"] = attributesJson(c.values);
    return out;
}

}  // namespace

OrderedJson attributeValueJson(const model::AttributeValue& value) {
    return std::visit(
        [](const auto& v) -> OrderedJson {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, model::Quantity>) {
                if (v.value && v.qualifier.empty()) return *v.value;
                OrderedJson q = OrderedJson::object();
                if (v.value) q["value"] = *v.value;
                if (v.min) q["min"] = *v.min;
                if (v.max) q["max"] = *v.max;
                if (!v.qualifier.empty()) q["qualifier"] = v.qualifier;
                return q;
            } else {
                return v;
            }
        },
        value.value);
}

OrderedJson attributesJson(const model::Attributes& attributes) {
    OrderedJson out = OrderedJson::object();
    for (const auto& [name, value] : attributes) out[name] = attributeValueJson(value);
    return out;
}

OrderedJson schemaJson(const model::Schema& schema) {
    OrderedJson kinds = OrderedJson::object();
    for (const auto& [name, kind] : schema.kinds) {
        OrderedJson k = {{"label", kind.label}};
        if (!kind.description.empty()) k["description"] = kind.description;
        if (!kind.attributes.empty()) k["attributes"] = declarationsJson(kind.attributes);
        kinds[name] = std::move(k);
    }
    OrderedJson types = OrderedJson::object();
    for (const auto& [name, type] : schema.types) {
        OrderedJson t = {{"label", type.label}};
        if (!type.description.empty()) t["description"] = type.description;
        OrderedJson from = stringsJson(type.from), to = stringsJson(type.to);
        if (type.anyFrom) from.push_back("*");
        if (type.anyTo) to.push_back("*");
        t["from"] = std::move(from);
        t["to"] = std::move(to);
        if (!type.attributes.empty()) t["attributes"] = declarationsJson(type.attributes);
        if (type.symmetric) t["symmetric"] = true;
        if (type.attribution) t["attribution"] = true;
        types[name] = std::move(t);
    }
    return {{"kinds", std::move(kinds)}, {"types", std::move(types)}};
}

OrderedJson sourceJson(const model::Source& s) {
    OrderedJson out = {{"id", s.id}, {"title", s.title}};
    if (!s.publisher.empty()) out["publisher"] = s.publisher;
    if (!s.date.empty()) out["date"] = s.date;
    if (!s.authors.empty()) out["authors"] = stringsJson(s.authors);
    if (!s.url.empty()) out["url"] = s.url;
    if (!s.republishes.empty()) out["republishes"] = s.republishes;
    if (!s.reliesOn.empty()) out["relies_on"] = stringsJson(s.reliesOn);
    if (!s.note.empty()) out["note"] = s.note;
    return out;
}

OrderedJson entityJson(const model::Entity& e) {
    OrderedJson out = {{"id", e.id}, {"name", e.name}, {"kind", e.kind}};
    if (!e.aliases.empty()) out["aliases"] = stringsJson(e.aliases);
    if (!e.description.empty()) out["description"] = e.description;
    if (!e.attributes.empty()) out["attributes"] = attributesJson(e.attributes);
    return out;
}

OrderedJson claimsJson(const std::vector<model::Claim>& claims) {
    OrderedJson out = OrderedJson::array();
    for (const model::Claim& c : claims) out.push_back(claimJson(c));
    return out;
}

OrderedJson relationJson(const model::Relation& r) {
    OrderedJson out = {{"id", r.id}, {"type", r.type}, {"from", r.from}, {"to", r.to}};
    if (!r.attributes.empty()) out["attributes"] = attributesJson(r.attributes);
    out["claims"] = claimsJson(r.claims);
    return out;
}

OrderedJson metadataJson(const store::GraphStore& graph) {
    OrderedJson sources = OrderedJson::array();
    for (store::SourceRef s = 0; s < graph.sourceCount(); ++s) sources.push_back(sourceJson(store::sourceRecord(graph, s)));
    return {{"relgraph", 1}, {"schema", schemaJson(graph.schema())}, {"sources", std::move(sources)}};
}

std::string attributeText(const model::AttributeValue& value) {
    if (const auto* s = std::get_if<std::string>(&value.value)) return *s;
    return attributeValueJson(value).dump();
}

}  // namespace relgraph::interchange
