#pragma once
// The relgraph metadata a foreign file carries (a relgraph JSON document with the schema and
// sources: GraphML's and DOT's "relgraph" graph attribute, node-link's "graph"."relgraph") is loaded
// as a document of its own name; problems the loader finds in it are put back where the metadata
// stands in the file, with the pointer inside it.

#include <map>
#include <string>
#include <vector>

#include "relgraph/common/place.hpp"

namespace relgraph::interchange {

class MetadataPlaces {
public:
    // The name the loader is given the metadata of `file` under.
    static std::string nameFor(const std::string& file);
    void add(std::string name, Place place) { places_.emplace(std::move(name), std::move(place)); }

    // Places in the metadata documents put back into the files, other places as they are; messages
    // naming such places ("first at X (relgraph metadata):1:80 (/sources/0)") too.
    std::vector<Diagnostic> map(std::vector<Diagnostic> diagnostics) const;

private:
    Place map(const Place& place) const;
    std::string mapMessage(std::string message) const;

    std::map<std::string, Place> places_;
};

}  // namespace relgraph::interchange
