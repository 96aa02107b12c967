#include "relgraph/interchange/compact_records.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "interchange/scalar_text.hpp"
#include "relgraph/common/text.hpp"
#include "relgraph/load/graph_loader.hpp"

namespace relgraph::interchange {

namespace {

using store::CompactGraph;
using store::CompactId;

model::AttributeValue valueOf(std::string_view text, model::AttributeType type) {
    switch (type) {
        case model::AttributeType::Integer:
            if (const auto v = parseInteger(text)) return {type, *v};
            break;
        case model::AttributeType::Number:
            if (const auto v = parseNumber(text)) return {type, *v};
            break;
        case model::AttributeType::Boolean:
            if (const auto v = parseBoolean(text)) return {type, *v};
            break;
        default: break;
    }
    return {model::AttributeType::String, std::string(text)};
}

std::string fileName(std::string_view file) {
    const std::size_t slash = file.find_last_of('/');
    return std::string(slash == std::string_view::npos ? file : file.substr(slash + 1));
}

// The records the importer makes for bulk-loaded files.
class RecordMaker {
public:
    explicit RecordMaker(const CompactGraph& graph) : graph_(graph), c_(graph.columns()) {}

    model::GraphData make(const std::vector<CompactId>& entities) {
        for (CompactId k = 0; k < graph_.kindCount(); ++k) declareKind(k);
        for (CompactId t = 0; t < graph_.typeCount(); ++t) declareType(t);
        std::vector<bool> inRegion(graph_.entityCount(), false);
        for (const CompactId v : entities) inRegion[v] = true;
        for (const CompactId v : entities) addEntity(v);
        // The relations between region entities, in input order.
        std::vector<CompactId> relations;
        for (const CompactId v : entities) {
            for (const CompactId r : graph_.outRelations(v)) {
                if (inRegion[graph_.to(r)]) relations.push_back(r);
            }
        }
        std::sort(relations.begin(), relations.end());
        for (const CompactId r : relations) addRelation(r);
        return std::move(data_);
    }

private:
    void declareKind(CompactId k) {
        const std::string name(graph_.kindName(k));
        if (data_.schema.kinds.count(name)) return;
        model::EntityKind kind;
        kind.name = name;
        kind.label = graph_.string(c_.kindLabel[k]);
        data_.schema.kinds.emplace(name, std::move(kind));
    }

    model::RelationType& declareType(CompactId t) {
        const std::string name(graph_.typeName(t));
        auto [it, inserted] = data_.schema.types.try_emplace(name);
        if (inserted) {
            it->second.name = name;
            it->second.label = graph_.string(c_.typeLabel[t]);
            it->second.anyFrom = it->second.anyTo = true;
            it->second.symmetric = graph_.typeSymmetric(t);
            it->second.attribution = graph_.typeAttribution(t);
        }
        return it->second;
    }

    // Property values of one record, declared on its kind or type.
    void addAttributes(std::uint8_t owner, CompactId record, model::Attributes& attributes,
                       model::AttributeDeclarations& declarations) {
        for (std::size_t p = 0; p < c_.propertyName.size(); ++p) {
            if (c_.propertyOwner[p] != owner) continue;
            const CompactId value = c_.propertyValues[c_.propertyStart[p] + record];
            if (value == store::kNoString) continue;
            const std::string name(graph_.string(c_.propertyName[p]));
            const auto type = static_cast<model::AttributeType>(c_.propertyType[p]);
            attributes.emplace(name, valueOf(graph_.string(value), type));
            declarations.emplace(name, type);
        }
    }

    void addEntity(CompactId v) {
        const CompactId k = graph_.entityKind(v);
        declareKind(k);
        model::Entity entity;
        entity.id = graph_.entityId(v);
        entity.name = graph_.entityName(v);
        entity.kind = graph_.kindName(k);
        addAttributes(store::kOwnerEntities, v, entity.attributes, data_.schema.kinds.at(entity.kind).attributes);
        data_.entities.push_back(std::move(entity));
    }

    const std::string& sourceFor(std::size_t file) {
        if (const auto it = sourceIds_.find(file); it != sourceIds_.end()) return it->second;
        const std::string path(graph_.string(c_.sourceFile[file]));
        std::string id = "imported-" + text::toIdentifier(fileName(path), '-', "file");
        for (int n = 2; std::any_of(data_.sources.begin(), data_.sources.end(),
                                    [&](const model::Source& s) { return s.id == id; });
             ++n) {
            id = fmt::format("imported-{}-{}", text::toIdentifier(fileName(path), '-', "file"), n);
        }
        model::Source source;
        source.id = id;
        const std::string shown = text::terminalSafe(path);
        source.title = "Imported from " + shown;
        source.note = fmt::format("Made by relgraph when it imported {}: each relation read from that file without "
                                  "claims rests on one claim of this source.",
                                  shown);
        data_.sources.push_back(std::move(source));
        return sourceIds_.emplace(file, id).first->second;
    }

    void addRelation(CompactId r) {
        const std::size_t file = graph_.sourceOf(r);
        model::RelationType& type = declareType(graph_.relationType(r));
        model::Relation relation;
        relation.id = graph_.relationId(r);
        relation.type = type.name;
        relation.from = graph_.entityId(graph_.from(r));
        relation.to = graph_.entityId(graph_.to(r));
        addAttributes(store::kOwnerRelations, r, relation.attributes, type.attributes);
        model::Claim claim;
        claim.id = fmt::format("imported-{}", r + 1);
        claim.source = sourceFor(file);
        claim.summary = fmt::format("Imported from {}.", text::terminalSafe(graph_.string(c_.sourceFile[file])));
        relation.claims.push_back(std::move(claim));
        data_.relations.push_back(std::move(relation));
    }

    const CompactGraph& graph_;
    const store::CompactColumns& c_;
    model::GraphData data_;
    std::map<std::size_t, std::string> sourceIds_;
};

}  // namespace

model::GraphData compactRecords(const CompactGraph& graph, const std::string& name,
                                const std::vector<CompactId>* region) {
    if (graph.hasDetails()) {
        load::GraphLoader loader;
        loader.addText(name, std::string(graph.details()));
        return loader.load();
    }
    if (region) return RecordMaker(graph).make(*region);
    std::vector<CompactId> all(graph.entityCount());
    for (CompactId v = 0; v < all.size(); ++v) all[v] = v;
    return RecordMaker(graph).make(all);
}

}  // namespace relgraph::interchange
