#pragma once
// Checks that need the whole graph, run on the records a StoreBuilder holds before it freezes them:
// unique ids, references between records, endpoint kinds, unique names, republication cycles.

#include <functional>
#include <string>

#include "load/object_reader.hpp"
#include "relgraph/model/schema.hpp"
#include "relgraph/store/store_builder.hpp"

namespace relgraph::load {

// Where a record's member stands in its file: the record's origin (as the loader gave it to the
// builder) and the member's JSON pointer below the record ("" for the record itself, "claims/0/by/1").
using Locate = std::function<Place(store::StoreBuilder::Origin origin, const std::string& member)>;

void validateGraph(const model::Schema& schema, const store::StoreBuilder::Draft& draft, const Locate& locate,
                   Problems& problems);

}  // namespace relgraph::load
