#pragma once
// Reads a relation's "claims" (docs/format.md) with every check and message the loader has: for
// relgraph JSON records and for the claims a foreign file carries on its edges alike.

#include <string>
#include <vector>

#include "load/object_reader.hpp"
#include "relgraph/model/graph_data.hpp"

namespace relgraph::load {

// The claims of the relation `relation` reads: its required "claims" array, at least one claim, each an
// object. Values are checked against `declared` (null: the relation's type is unknown, reported
// elsewhere); `owner` names the type in messages ("relation type \"sent\"").
std::vector<model::Claim> readClaims(ObjectReader& relation, const model::AttributeDeclarations* declared,
                                     const std::string& owner);

}  // namespace relgraph::load
