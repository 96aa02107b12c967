#pragma once
// The entity kinds and relation types a graph declares.

#include <map>
#include <string>
#include <vector>

#include "relgraph/common/place.hpp"
#include "relgraph/model/attribute_value.hpp"

namespace relgraph::model {

using AttributeDeclarations = std::map<std::string, AttributeType>;

struct EntityKind {
    std::string name;
    std::string label;
    std::string description;
    AttributeDeclarations attributes;
    Place origin;
};

struct RelationType {
    std::string name;
    std::string label;
    std::string description;
    std::vector<std::string> from;  // kind names; empty with anyFrom
    std::vector<std::string> to;
    bool anyFrom = false;           // declared as ["*"]
    bool anyTo = false;
    bool symmetric = false;
    bool attribution = false;
    AttributeDeclarations attributes;
    Place origin;

    bool allowsFrom(const std::string& kind) const;
    bool allowsTo(const std::string& kind) const;
};

struct Schema {
    std::map<std::string, EntityKind> kinds;    // by name
    std::map<std::string, RelationType> types;  // by name

    const EntityKind* findKind(const std::string& name) const;
    const RelationType* findType(const std::string& name) const;
};

}  // namespace relgraph::model
