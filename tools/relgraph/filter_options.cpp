#include "filter_options.hpp"

#include "cli_context.hpp"

namespace relgraph::cli {

void addFilterOptions(CLI::App& command, FilterArgs& args) {
    command.add_option("--type", args.types, "Only relations of these types (names or labels)")->type_name("TYPE");
    command.add_option("--avoid-type", args.avoidTypes, "Never relations of these types")->type_name("TYPE");
    command.add_option("--kind", args.kinds, "Only reach entities of these kinds (names or labels)")->type_name("KIND");
    command.add_option("--avoid-kind", args.avoidKinds, "Never reach entities of these kinds, e.g. media_outlet")
        ->type_name("KIND");
    command.add_flag("--include-attribution", args.includeAttribution,
                     "Also walk relations that record who reported what (reported, told)");
}

query::TraversalFilter resolveFilter(const store::GraphStore& store, const FilterArgs& args) {
    query::TraversalFilter filter;
    filter.types = resolveTypes(store, args.types);
    filter.avoidTypes = resolveTypes(store, args.avoidTypes);
    for (const std::string& k : args.kinds) filter.kinds.insert(store.resolveKind(k).name);
    for (const std::string& k : args.avoidKinds) filter.avoidKinds.insert(store.resolveKind(k).name);
    filter.includeAttribution = args.includeAttribution;
    filter.validate();
    return filter;
}

}  // namespace relgraph::cli
