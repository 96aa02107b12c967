#include "relgraph/query/describe.hpp"

#include <algorithm>

#include <fmt/format.h>

#include <set>

namespace relgraph::query {

std::string sourceLabel(const store::GraphStore& store, store::SourceRef source) {
    const store::SourceView s = store.source(source);
    const auto publisher = s.publisher();
    const std::string_view name = publisher ? store.entity(*publisher).name() : s.title();
    return s.date().empty() ? std::string(name) : fmt::format("{} ({})", name, s.date());
}

std::string relationSentence(const store::GraphStore& store, store::Edge e) {
    const model::RelationType& type = store.typeOf(e);
    const std::string_view from = store.entity(store.from(e)).name();
    const std::string_view to = store.entity(store.to(e)).name();
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
    std::set<store::SourceRef> seen;
    for (const store::ClaimRef c : store.claimsOf(e)) {
        const store::SourceRef s = store.claim(c).source();
        if (seen.insert(s).second) out += (out.empty() ? "" : ", ") + sourceLabel(store, s);
    }
    return out;
}

std::string chainsLine(const store::GraphStore& store, store::Edge e) {
    std::vector<std::string> chains;
    for (const store::ClaimRef c : store.claimsOf(e)) {
        std::string chain = chainLine(store, attributionOf(store, c));
        if (std::find(chains.begin(), chains.end(), chain) == chains.end()) chains.push_back(std::move(chain));
    }
    std::string out;
    for (const std::string& chain : chains) out += (out.empty() ? "" : "; ") + chain;
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
