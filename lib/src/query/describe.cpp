#include "relgraph/query/describe.hpp"

#include <fmt/format.h>

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

}  // namespace relgraph::query
