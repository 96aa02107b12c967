#include "relgraph/query/describe.hpp"

#include <fmt/format.h>

#include <set>

namespace relgraph::query {

std::string sourceLabel(const store::GraphStore& store, const model::Source& source) {
    const std::string name =
        source.publisher.empty() ? source.title : store.entity(store.vertexOf(source.publisher)).name;
    return source.date.empty() ? name : fmt::format("{} ({})", name, source.date);
}

std::string relationSentence(const store::GraphStore& store, store::Edge e) {
    const store::Graph& g = store.graph();
    const model::RelationType& type = store.typeOf(e);
    const std::string& from = store.entity(boost::source(e, g)).name;
    const std::string& to = store.entity(boost::target(e, g)).name;
    if (type.symmetric) return fmt::format("{} \xE2\x80\x94{}\xE2\x80\x94 {}", from, type.label, to);
    return fmt::format("{} \xE2\x80\x94{}\xE2\x86\x92 {}", from, type.label, to);
}

std::string hopLabel(const store::GraphStore& store, const Hop& hop) {
    const model::RelationType& type = store.typeOf(hop.relation);
    if (type.symmetric) return "\xE2\x80\x94 " + type.label + " \xE2\x80\x94";
    return hop.forward ? type.label + " \xE2\x86\x92" : "\xE2\x86\x90 " + type.label;
}

std::string attributesLine(const model::Attributes& attributes) {
    std::string out;
    for (const auto& [name, value] : attributes) {
        if (!out.empty()) out += "; ";
        out += name + ": " + model::toDisplayString(value);
    }
    return out;
}

std::string sourcesLine(const store::GraphStore& store, store::Edge e) {
    std::string out;
    std::set<std::string> seen;
    for (const model::Claim& c : store.relation(e).claims) {
        const model::Source* s = store.findSource(c.source);
        if (s && seen.insert(s->id).second) out += (out.empty() ? "" : ", ") + sourceLabel(store, *s);
    }
    return out;
}

std::string chainLine(const store::GraphStore& store, const Attribution& a) {
    std::string out;
    for (const std::string& step : chainNames(store, a)) out += (out.empty() ? "" : " \xE2\x86\x92 ") + step;
    return out;
}

std::string roleName(ReportRole role) {
    switch (role) {
        case ReportRole::Originator:
            return "originator";
        case ReportRole::Intermediary:
            return "intermediary";
        case ReportRole::Publisher:
            return "publisher";
    }
    return "";
}

}  // namespace relgraph::query
