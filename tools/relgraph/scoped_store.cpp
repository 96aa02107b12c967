#include "scoped_store.hpp"

namespace relgraph::cli {

ScopedStore openScopedStore(const CliContext& context, const FilterArgs& filterArgs,
                            const std::vector<std::string>& names, const RegionPicker& region) {
    ScopedStore scoped;
    const auto database = context.openDatabase();
    if (!database || database->hasDetails()) {
        scoped.store = database ? context.storeOf(*database) : context.openStore();
        scoped.filter = resolveFilter(*scoped.store, filterArgs);
        for (const std::string& name : names) scoped.named.push_back(scoped.store->resolveEntity(name));
        return scoped;
    }
    const std::vector<store::CompactId> none;
    scoped.filter = resolveFilter(*context.storeOf(*database, &none), filterArgs);  // the schema alone
    std::vector<store::CompactId> named;
    for (const std::string& name : names) named.push_back(database->resolveEntity(name));
    std::vector<store::CompactId> picked = region(*database, named, scoped.filter);
    picked.insert(picked.end(), named.begin(), named.end());
    std::sort(picked.begin(), picked.end());
    picked.erase(std::unique(picked.begin(), picked.end()), picked.end());
    scoped.store = context.storeOf(*database, &picked);
    for (const store::CompactId v : named) scoped.named.push_back(scoped.store->vertexOf(std::string(database->entityId(v))));
    return scoped;
}

}  // namespace relgraph::cli
