#pragma once
// The graph as loaded: plain records, before it is frozen into the store.

#include <string>
#include <vector>

#include "relgraph/common/place.hpp"
#include "relgraph/model/attribute_value.hpp"
#include "relgraph/model/schema.hpp"

namespace relgraph::model {

struct Source {
    std::string id;
    std::string title;
    std::string publisher;  // entity id; empty when unknown
    std::string date;       // ISO date; empty when unknown
    std::vector<std::string> authors;
    std::string url;
    std::string republishes;  // source id; empty when original
    std::vector<std::string> reliesOn;
    std::string note;
    Place origin;
};

struct Entity {
    std::string id;
    std::string name;
    std::string kind;
    std::vector<std::string> aliases;
    std::string description;
    Attributes attributes;
    Place origin;
};

enum class Stance { Asserts, Denies };

struct Claim {
    std::string id;
    std::string source;           // source id
    std::vector<std::string> by;  // entity ids the claim is attributed to
    std::vector<std::string> via; // entity ids it came through, originator first
    std::string date;
    Stance stance = Stance::Asserts;
    std::string summary;
    Attributes values;
    Place origin;
};

struct Relation {
    std::string id;
    std::string type;
    std::string from;  // entity id
    std::string to;    // entity id
    Attributes attributes;
    std::vector<Claim> claims;
    Place origin;
};

struct GraphData {
    Schema schema;
    std::vector<Source> sources;
    std::vector<Entity> entities;
    std::vector<Relation> relations;
};

}  // namespace relgraph::model
