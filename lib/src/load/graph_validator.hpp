#pragma once
// Checks that need the whole graph: unique ids, references between records, endpoint kinds,
// unique names, republication cycles.

#include <functional>
#include <string>

#include "load/object_reader.hpp"
#include "relgraph/model/graph_data.hpp"

namespace relgraph::load {

// Where the value at a JSON pointer stands in a file (the records keep their pointers only).
using Locate = std::function<Place(const std::string& file, const std::string& pointer)>;

void validateGraph(const model::GraphData& data, const Locate& locate, Problems& problems);

}  // namespace relgraph::load
