#include "interchange/identifier_mapping.hpp"

#include <fmt/format.h>

namespace relgraph::interchange {

std::string IdentifierSet::unique(const std::string& base) {
    std::string candidate = base;
    for (int n = 2; taken_.count(candidate); ++n) candidate = fmt::format("{}{}{}", base, separator_, n);
    taken_.insert(candidate);
    return candidate;
}

}  // namespace relgraph::interchange
