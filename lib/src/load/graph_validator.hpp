#pragma once
// Checks that need the whole graph: unique ids, references between records, endpoint kinds,
// unique names, republication cycles.

#include <map>
#include <string>

#include "load/json_document.hpp"
#include "load/object_reader.hpp"
#include "relgraph/model/graph_data.hpp"

namespace relgraph::load {

using DocumentSet = std::map<std::string, JsonDocument>;  // by file name

void validateGraph(const model::GraphData& data, const DocumentSet& documents, Problems& problems);

}  // namespace relgraph::load
