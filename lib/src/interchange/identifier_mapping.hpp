#pragma once
// Turning foreign ids, labels and property names into relgraph identifiers
// ([a-z0-9][a-z0-9_.-]{0,99}), unique within their collection.

#include <set>
#include <string>
#include <string_view>

#include "relgraph/common/text.hpp"

namespace relgraph::interchange {

using text::toIdentifier;  // common/text.hpp

// Identifiers handed out so far; unique() appends -2, -3 … (or _2 …) to one already taken.
class IdentifierSet {
public:
    explicit IdentifierSet(char separator) : separator_(separator) {}
    bool contains(const std::string& id) const { return taken_.count(id) > 0; }
    void insert(const std::string& id) { taken_.insert(id); }
    std::string unique(const std::string& base);

private:
    char separator_;
    std::set<std::string> taken_;
};

}  // namespace relgraph::interchange
