#pragma once
// A record's bytes parsed into a value in one tight pass, for loading large files: what it accepts
// it reads exactly as nlohmann/json's parser does (the same values, numbers of the same types);
// anything else — a syntax error, a repeated key, nesting deeper than kMaxJsonDepth, a number it
// does not read the same way for certain — it leaves to that parser, which tells what is wrong
// and where.

#include <nlohmann/json.hpp>
#include <string_view>

#include "load/json_stream.hpp"

namespace relgraph::load {

// Parses `bytes`, which hold one JSON value and nothing else but whitespace, into `out`; false when
// it leaves them to nlohmann's parser (`out` is then unspecified). Objects and arrays nest at most
// `maxDepth` deep (the value itself is at depth 1).
bool parseRecordFast(std::string_view bytes, nlohmann::json& out, std::size_t maxDepth = kMaxJsonDepth);

}  // namespace relgraph::load
