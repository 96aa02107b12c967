#pragma once
// What Graphviz 2.42 cannot say in its SVG: role="img" and a <title> and <desc> on the root.

#include <string>
#include <string_view>

namespace relgraph::render {

// `svg` with role="img" aria-labelledby="ID-title ID-desc" on its <svg> element and
// <title id="ID-title"> / <desc id="ID-desc"> as its first children (text XML-escaped).
std::string addAccessibility(std::string_view svg, const std::string& id, std::string_view title,
                             std::string_view description);

// Text for XML character data and attribute values: & < > " ' escaped, control characters other
// than tab and newline (not allowed in XML 1.0) replaced by spaces.
std::string xmlEscape(std::string_view text);

}  // namespace relgraph::render
