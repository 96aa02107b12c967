#pragma once
// What neo4j-admin CSV header lines and file names tell (docs/interchange.md, "neo4j-admin CSV"):
// the field separator, headerless continuation files, relationship types named by the file.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interchange/input_collector.hpp"
#include "relgraph/common/place.hpp"

namespace relgraph::interchange {

// The field separator of a neo4j-admin header line: ',' when a comma-separated field names a neo4j
// column (`:ID`, `id:ID(Comment)`, `:LABEL`, `:START_ID(Post)`, `:END_ID`, `:TYPE`), else '|' when
// a '|'-separated one does (LDBC); 0 when neither (not a neo4j header).
char neo4jHeaderDelimiter(std::string_view firstLine);

// "dir/Comment_hasCreator_Person.csv" for "dir/Comment_hasCreator_Person_1.csv": the name without
// its last `_<digits>`; nullopt when it has none.
std::optional<std::string> continuationBase(std::string_view file);

// The relationship type named by a file "<StartSpace>_<type>_<EndSpace>[_N].csv" whose ID spaces
// are those of its :START_ID and :END_ID columns ("hasCreator"); empty when the name does not say.
std::string neo4jTypeFromFileName(std::string_view file, std::string_view startSpace, std::string_view endSpace);

// Sets `headerFrom` of every headerless continuation among `inputs` (`firstLines[i]` is the first
// line of inputs[i]): a neo4j CSV .csv file whose first line is not a neo4j header, whose name is
// another input's plus `_<digits>`, and that lies in a folder with neo4j CSV files. When its base
// file is not among the inputs or has no neo4j header, an error at FILE:1:1 is appended to `errors`.
void findNeo4jContinuations(std::vector<InputPath>& inputs, const std::vector<std::string>& firstLines,
                            std::vector<Diagnostic>& errors);

}  // namespace relgraph::interchange
