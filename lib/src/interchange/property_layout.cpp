#include "interchange/property_layout.hpp"

#include <array>
#include <string_view>


namespace relgraph::interchange {

namespace {

// Names the readers give a meaning of their own (graph_mapper.cpp, node_link_stream.cpp).
constexpr std::array<std::string_view, 8> kNodeNames{"id", "kind", "labels", "name", "label", "title", "aliases",
                                                     "description"};
constexpr std::array<std::string_view, 7> kEdgeNames{"id", "key", "source", "target", "type", "label", "claims"};

template <std::size_t N>
std::string propertyName(const std::string& attribute, const std::array<std::string_view, N>& taken) {
    for (const std::string_view name : taken) {
        if (name == attribute) return "@" + attribute;
    }
    return attribute;
}

ColumnType columnType(model::AttributeType type) {
    switch (type) {
        case model::AttributeType::Integer: return ColumnType::Integer;
        case model::AttributeType::Number: return ColumnType::Number;
        case model::AttributeType::Boolean: return ColumnType::Boolean;
        default: return ColumnType::String;
    }
}

template <class Owners>
std::map<std::string, ColumnType> columns(const Owners& owners) {
    std::map<std::string, ColumnType> out;
    for (const auto& [ownerName, owner] : owners) {
        for (const auto& [name, type] : owner.attributes) {
            const auto [it, inserted] = out.emplace(name, columnType(type));
            if (!inserted && it->second != columnType(type)) it->second = ColumnType::String;
        }
    }
    return out;
}

}  // namespace

std::string nodePropertyName(const std::string& attribute) { return propertyName(attribute, kNodeNames); }
std::string edgePropertyName(const std::string& attribute) { return propertyName(attribute, kEdgeNames); }

std::map<std::string, ColumnType> kindAttributeColumns(const model::Schema& schema) { return columns(schema.kinds); }
std::map<std::string, ColumnType> typeAttributeColumns(const model::Schema& schema) { return columns(schema.types); }

}  // namespace relgraph::interchange
