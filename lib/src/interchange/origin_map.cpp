#include "interchange/origin_map.hpp"

namespace relgraph::interchange {

void OriginMap::add(std::string pointer, Place origin, bool keepPointer) {
    origins_.insert_or_assign(std::move(pointer), Origin{std::move(origin), keepPointer});
}

std::optional<Place> OriginMap::find(const std::string& pointer) const {
    std::string prefix = pointer;
    while (true) {
        const auto it = origins_.find(prefix);
        if (it != origins_.end()) {
            Place place = it->second.place;
            if (it->second.keepPointer) place.pointer += pointer.substr(prefix.size());
            return place;
        }
        if (prefix.empty()) return std::nullopt;
        const std::size_t slash = prefix.rfind('/');
        prefix.resize(slash == std::string::npos ? 0 : slash);
    }
}

}  // namespace relgraph::interchange
