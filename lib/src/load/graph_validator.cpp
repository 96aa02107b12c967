#include "load/graph_validator.hpp"

#include <fmt/format.h>
#include <unordered_map>

#include "relgraph/common/text.hpp"

namespace relgraph::load {

namespace {

class Validator {
public:
    Validator(const model::GraphData& data, const Locate& locate, Problems& problems)
        : data_(data), locate_(locate), problems_(problems) {}

    void run() {
        checkSchema();
        const auto entities = uniqueIds(data_.entities, "entity");
        const auto sources = uniqueIds(data_.sources, "source");
        uniqueIds(data_.relations, "relation");
        checkClaimIds();
        checkNames();
        for (const model::Source& s : data_.sources) checkSource(s, entities, sources);
        checkRepublicationCycles(sources);
        for (const model::Relation& r : data_.relations) checkRelation(r, entities, sources);
    }

private:
    template <class Record>
    using Index = std::unordered_map<std::string, const Record*>;

    void report(const Place& origin, const std::string& member, std::string message) {
        const std::string pointer = member.empty() ? origin.pointer : origin.pointer + "/" + member;
        problems_.add(Diagnostic{locate_(origin.file, pointer), std::move(message)});
    }

    Place where(const Place& origin) const { return locate_(origin.file, origin.pointer); }

    template <class Record>
    Index<Record> uniqueIds(const std::vector<Record>& records, std::string_view what) {
        Index<Record> index;
        for (const Record& r : records) {
            const auto [it, inserted] = index.emplace(r.id, &r);
            if (!inserted) {
                report(r.origin, "id", fmt::format("duplicate {} id \"{}\" (first at {})", what, r.id,
                                                   where(it->second->origin).toString()));
            }
        }
        return index;
    }

    template <class Record>
    std::vector<std::string> idsOf(const Index<Record>& index) const {
        std::vector<std::string> ids;
        for (const auto& [id, r] : index) ids.push_back(id);
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    template <class Record>
    bool checkRef(const Place& origin, const std::string& member, const std::string& id,
                  const Index<Record>& index, std::string_view what) {
        if (id.empty() || index.count(id)) return true;
        std::string message = fmt::format("unknown {} \"{}\"", what, id);
        const auto close = text::closestMatches(id, idsOf(index));
        if (!close.empty()) message += " — did you mean " + text::quotedAlternatives(close) + "?";
        report(origin, member, std::move(message));
        return false;
    }

    void checkSchema() {
        std::vector<std::string> kinds;
        for (const auto& [name, k] : data_.schema.kinds) kinds.push_back(name);
        for (const auto& [name, type] : data_.schema.types) {
            for (const char* end : {"from", "to"}) {
                const auto& list = std::string(end) == "from" ? type.from : type.to;
                for (std::size_t i = 0; i < list.size(); ++i) {
                    if (data_.schema.kinds.count(list[i])) continue;
                    std::string message = fmt::format("relation type \"{}\" names unknown kind \"{}\"", name, list[i]);
                    const auto close = text::closestMatches(list[i], kinds);
                    if (!close.empty()) message += " — did you mean " + text::quotedAlternatives(close) + "?";
                    Place origin = type.origin;
                    origin.pointer += std::string("/") + end;
                    report(origin, std::to_string(i), std::move(message));
                }
            }
        }
    }

    void checkClaimIds() {
        std::unordered_map<std::string, const model::Claim*> seen;
        for (const model::Relation& r : data_.relations) {
            for (const model::Claim& c : r.claims) {
                if (c.id.empty()) continue;
                const auto [it, inserted] = seen.emplace(c.id, &c);
                if (!inserted) {
                    report(c.origin, "id", fmt::format("duplicate claim id \"{}\" (first at {})", c.id,
                                                       where(it->second->origin).toString()));
                }
            }
        }
    }

    // Ids, names and aliases all resolve entity arguments, so each may mean one entity only.
    void checkNames() {
        struct Owner {
            const model::Entity* entity;
            std::string member;
        };
        std::unordered_map<std::string, Owner> owners;
        auto claim = [&](const model::Entity& e, const std::string& value, const std::string& member) {
            const std::string key = text::normalizeName(value);
            if (key.empty()) return;
            const auto [it, inserted] = owners.emplace(key, Owner{&e, member});
            // Two records with one id are a duplicate id, reported on its own.
            if (inserted || it->second.entity == &e || it->second.entity->id == e.id) return;
            Place first = it->second.entity->origin;
            first.pointer += "/" + it->second.member;
            report(e.origin, member,
                   fmt::format("\"{}\" already names entity \"{}\" (at {}): names, aliases and ids must be unique",
                               text::terminalSafe(value), it->second.entity->id, where(first).toString()));
        };
        for (const model::Entity& e : data_.entities) claim(e, e.id, "id");
        for (const model::Entity& e : data_.entities) {
            claim(e, e.name, "name");
            for (std::size_t i = 0; i < e.aliases.size(); ++i) claim(e, e.aliases[i], "aliases/" + std::to_string(i));
        }
    }

    void checkSource(const model::Source& s, const Index<model::Entity>& entities,
                     const Index<model::Source>& sources) {
        checkRef(s.origin, "publisher", s.publisher, entities, "entity");
        checkRef(s.origin, "republishes", s.republishes, sources, "source");
        for (std::size_t i = 0; i < s.reliesOn.size(); ++i) {
            checkRef(s.origin, "relies_on/" + std::to_string(i), s.reliesOn[i], sources, "source");
        }
    }

    // A republishes B republishes … A: reported at each source on the cycle.
    void checkRepublicationCycles(const Index<model::Source>& sources) {
        for (const model::Source& s : data_.sources) {
            std::string path = s.id;
            const model::Source* at = &s;
            for (std::size_t step = 0; step < data_.sources.size(); ++step) {
                const auto next = sources.find(at->republishes);
                if (next == sources.end()) break;
                at = next->second;
                path += " → " + at->id;
                if (at == &s) {
                    report(s.origin, "republishes", fmt::format("republication cycle: {}", path));
                    break;
                }
            }
        }
    }

    void checkRelation(const model::Relation& r, const Index<model::Entity>& entities,
                       const Index<model::Source>& sources) {
        const bool fromKnown = checkRef(r.origin, "from", r.from, entities, "entity");
        const bool toKnown = checkRef(r.origin, "to", r.to, entities, "entity");
        const model::RelationType* type = data_.schema.findType(r.type);
        if (type && fromKnown && toKnown && !r.from.empty() && !r.to.empty()) {
            const model::Entity& from = *entities.at(r.from);
            const model::Entity& to = *entities.at(r.to);
            // An entity whose kind is unknown was reported already; its relations are not judged by it.
            const bool kindsKnown = data_.schema.findKind(from.kind) && data_.schema.findKind(to.kind);
            const bool forward = type->allowsFrom(from.kind) && type->allowsTo(to.kind);
            const bool backward = type->symmetric && type->allowsFrom(to.kind) && type->allowsTo(from.kind);
            if (kindsKnown && !forward && !backward) {
                const std::string member = type->allowsFrom(from.kind) ? "to" : "from";
                const model::Entity& bad = member == "to" ? to : from;
                const auto& allowed = member == "to" ? type->to : type->from;
                std::vector<std::string> quoted(allowed.begin(), allowed.end());
                report(r.origin, member,
                       fmt::format("relation type \"{}\" cannot {} \"{}\", an entity of kind \"{}\" "
                                   "(allowed kinds: {})",
                                   r.type, member == "to" ? "end at" : "start from", bad.id, bad.kind,
                                   text::quotedAlternatives(quoted)));
            }
        }
        checkClaims(r, entities, sources);
    }

    void checkClaims(const model::Relation& r, const Index<model::Entity>& entities,
                     const Index<model::Source>& sources) {
        for (const model::Claim& c : r.claims) {
            checkRef(c.origin, "source", c.source, sources, "source");
            for (std::size_t i = 0; i < c.by.size(); ++i) {
                checkRef(c.origin, "by/" + std::to_string(i), c.by[i], entities, "entity");
            }
            for (std::size_t i = 0; i < c.via.size(); ++i) {
                checkRef(c.origin, "via/" + std::to_string(i), c.via[i], entities, "entity");
            }
        }
    }

    const model::GraphData& data_;
    const Locate& locate_;
    Problems& problems_;
};

}  // namespace

void validateGraph(const model::GraphData& data, const Locate& locate, Problems& problems) {
    Validator(data, locate, problems).run();
}

}  // namespace relgraph::load
