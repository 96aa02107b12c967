#include "interchange/metadata_places.hpp"

#include <cstdio>

namespace relgraph::interchange {

std::string MetadataPlaces::nameFor(const std::string& file) { return file + " (relgraph metadata)"; }

Place MetadataPlaces::map(const Place& place) const {
    const auto it = places_.find(place.file);
    if (it == places_.end()) return place;
    Place out = it->second;
    out.pointer += place.pointer;
    return out;
}

std::string MetadataPlaces::mapMessage(std::string message) const {
    for (const auto& [name, origin] : places_) {
        std::size_t at = 0;
        while ((at = message.find(name, at)) != std::string::npos) {
            Place place{name, 0, 0, {}};
            std::size_t end = at + name.size();
            std::size_t line = 0, column = 0;
            int used = 0;
            if (std::sscanf(message.c_str() + end, ":%zu:%zu%n", &line, &column, &used) == 2) {
                end += static_cast<std::size_t>(used);
                place.line = line;
                place.column = column;
            }
            if (message.compare(end, 2, " (") == 0) {
                const std::size_t close = message.find(')', end);
                if (close != std::string::npos) {
                    place.pointer = message.substr(end + 2, close - end - 2);
                    end = close + 1;
                }
            }
            const std::string replacement = map(place).toString();
            message.replace(at, end - at, replacement);
            at += replacement.size();
        }
    }
    return message;
}

std::vector<Diagnostic> MetadataPlaces::map(std::vector<Diagnostic> diagnostics) const {
    if (places_.empty()) return diagnostics;
    for (Diagnostic& d : diagnostics) {
        d.place = map(d.place);
        d.message = mapMessage(std::move(d.message));
    }
    return diagnostics;
}

}  // namespace relgraph::interchange
