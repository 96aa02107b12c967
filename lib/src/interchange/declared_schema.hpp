#pragma once
// What the relgraph JSON documents among the inputs (files, or the metadata an exported file
// carries) declare: kinds, relation types with their attribute types, and source ids. Read
// leniently: the loader reports any problem in those documents itself.

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>

#include "relgraph/model/schema.hpp"

namespace relgraph::interchange {

struct DeclaredSchema {
    std::map<std::string, model::AttributeDeclarations> kinds;
    std::map<std::string, model::AttributeDeclarations> types;
    std::set<std::string> sources;

    void addDocument(std::string_view text);
    // A relgraph JSON file, read as a stream; nothing when it cannot be read.
    void addFile(const std::string& file);

private:
    void add(const nlohmann::json& document);
};

}  // namespace relgraph::interchange
