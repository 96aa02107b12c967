#pragma once
// How much of a who-reported answer to print, in every output format.

namespace relgraph::format {

enum class AttributionDetail {
    Full,         // the reporting parties, then every claim with its chain
    Originators,  // the reporting parties only (who-reported --primary)
};

}  // namespace relgraph::format
