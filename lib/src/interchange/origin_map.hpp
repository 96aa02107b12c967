#pragma once
// Where each part of a generated relgraph JSON document came from in the foreign files, so that
// problems the loader finds in it are reported where the user can fix them.

#include <map>
#include <optional>
#include <string>

#include "relgraph/common/place.hpp"

namespace relgraph::interchange {

class OriginMap {
public:
    // The value at `pointer` (and everything under it) came from `origin`. With `keepPointer` the
    // rest of a pointer below it is appended to the origin's pointer (for values that were JSON in
    // the file too, such as claims).
    void add(std::string pointer, Place origin, bool keepPointer = false);

    // The origin of the closest enclosing pointer of `place.pointer`; nullopt when none is known.
    std::optional<Place> find(const std::string& pointer) const;

private:
    struct Origin {
        Place place;
        bool keepPointer;
    };
    std::map<std::string, Origin> origins_;
};

}  // namespace relgraph::interchange
