#include "interchange/relation_ids.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>

#include "relgraph/common/text.hpp"

namespace relgraph::interchange {

using store::Row;

// Two names can only be the same when an entity id or a type holds a '-' (so that the parts
// no longer tell where they end) or when "<from>-<type>-<to>" is cut short: only such relations'
// ids are made, each checked against the others' (by hash, then by text) and against the relation
// of plain parts it reads as.
bool generatedIdsAreUnique(const store::GraphStore& g) {
    if (!g.columns().relationId.empty() || g.relationCount() == 0) return true;
    const auto dashed = [](std::string_view id) { return id.find('-') != std::string_view::npos; };
    std::vector<std::uint8_t> entityLength(g.entityCount()), entityDashed(g.entityCount());
    for (Row v = 0; v < g.entityCount(); ++v) {
        const std::string_view id = g.entity(v).id();
        entityLength[v] = static_cast<std::uint8_t>(std::min<std::size_t>(id.size(), 255));
        entityDashed[v] = dashed(id);
    }
    std::vector<std::size_t> typeLength(g.typeCount());
    std::vector<std::uint8_t> typeDashed(g.typeCount());
    for (std::size_t t = 0; t < g.typeCount(); ++t) {
        typeLength[t] = g.type(t).name.size();
        typeDashed[t] = dashed(g.type(t).name);
    }
    const std::size_t longestId = *std::max_element(entityLength.begin(), entityLength.end());
    const std::size_t longestType = *std::max_element(typeLength.begin(), typeLength.end());
    if (std::none_of(entityDashed.begin(), entityDashed.end(), [](std::uint8_t d) { return d != 0; }) &&
        std::none_of(typeDashed.begin(), typeDashed.end(), [](std::uint8_t d) { return d != 0; }) &&
        2 * longestId + longestType + 2 <= 90) {
        return true;  // every relation's parts are plain
    }
    const auto special = [&](Row r) {
        const Row a = g.from(r), b = g.to(r);
        const std::size_t t = g.typeIndexOf(r);
        return entityDashed[a] || entityDashed[b] || typeDashed[t] ||
               entityLength[a] + entityLength[b] + typeLength[t] + 2 > 90;
    };
    const auto idOf = [&](Row r, std::uint32_t repeat) {
        const std::string base = text::toIdentifier(
            fmt::format("{}-{}-{}", g.entity(g.from(r)).id(), g.typeOf(r).name, g.entity(g.to(r)).id()), '-',
            "relation");
        return repeat == 1 ? base : fmt::format("{}-{}", base, repeat);
    };
    // A relation of plain parts whose id is `id`.
    const auto plainRelationHas = [&](const std::string& id) {
        std::vector<std::string_view> parts;
        for (std::size_t start = 0;;) {
            const std::size_t end = id.find('-', start);
            parts.push_back(std::string_view(id).substr(start, end == std::string::npos ? std::string::npos : end - start));
            if (end == std::string::npos) break;
            start = end + 1;
        }
        std::uint64_t repeat = 1;
        if (parts.size() == 4) {
            const std::string_view k = parts[3];
            if (k.empty() || k.size() > 9 || k.front() == '0' ||
                !std::all_of(k.begin(), k.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                return false;
            }
            repeat = std::stoull(std::string(k));
            if (repeat < 2) return false;
        } else if (parts.size() != 3) {
            return false;
        }
        if (parts[0].size() + parts[1].size() + parts[2].size() + 2 > 90) return false;
        const auto from = g.findEntityById(parts[0]);
        const auto to = g.findEntityById(parts[2]);
        const auto type = g.findType(parts[1]);
        if (!from || !to || !type) return false;
        std::uint64_t count = 0;
        for (const Row r : g.outRelations(*from)) {
            if (g.to(r) == *to && g.typeIndexOf(r) == *type) ++count;
        }
        return count >= repeat;
    };

    struct Made {
        std::size_t hash;
        Row relation;
        std::uint32_t repeat;
        bool operator<(const Made& other) const { return hash < other.hash; }
    };
    std::vector<Made> made;
    std::unordered_map<std::uint64_t, std::uint32_t> repeats;  // (to, type) of one entity's relations
    for (Row v = 0; v < g.entityCount(); ++v) {
        repeats.clear();
        for (const Row r : g.outRelations(v)) {
            if (!special(r)) continue;
            const std::uint32_t repeat = ++repeats[(std::uint64_t{g.to(r)} << 16) | g.typeIndexOf(r)];
            const std::string id = idOf(r, repeat);
            if (plainRelationHas(id)) return false;
            made.push_back({std::hash<std::string>{}(id), r, repeat});
        }
    }
    std::sort(made.begin(), made.end());
    for (std::size_t i = 1; i < made.size(); ++i) {
        if (made[i].hash != made[i - 1].hash) continue;
        for (std::size_t j = i; j > 0 && made[j - 1].hash == made[i].hash; --j) {
            if (idOf(made[j - 1].relation, made[j - 1].repeat) == idOf(made[i].relation, made[i].repeat)) return false;
        }
    }
    return true;
}

}  // namespace relgraph::interchange
