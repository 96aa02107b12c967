#include "load/graph_validator.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <numeric>
#include <unordered_map>

#include "relgraph/common/text.hpp"

namespace relgraph::load {

namespace {

using store::kNoRow;
using store::Row;
using Draft = store::StoreBuilder::Draft;

class Validator {
public:
    Validator(const model::Schema& schema, const Draft& draft, const Locate& locate, Problems& problems)
        : schema_(schema), draft_(draft), locate_(locate), problems_(problems) {}

    void run() {
        // Records in the order they were read: by origin (file, then place in the file).
        entities_ = recordsOf(draft_.entityCount(), [&](Row v) { return draft_.entityDeclared(v); },
                              [&](Row v) { return draft_.entityOrigin(v); });
        sources_ = recordsOf(draft_.sourceCount(), [&](Row s) { return draft_.sourceDeclared(s); },
                             [&](Row s) { return draft_.sourceOrigin(s); });
        duplicates("entity", entities_, [&](Row v) { return draft_.entityId(v); },
                   [&](Row v) { return draft_.duplicateEntityOf(v); }, [&](Row v) { return draft_.entityOrigin(v); });
        duplicates("source", sources_, [&](Row s) { return draft_.sourceId(s); },
                   [&](Row s) { return draft_.duplicateSourceOf(s); }, [&](Row s) { return draft_.sourceOrigin(s); });
        std::vector<Row> relations(draft_.relationCount());
        std::iota(relations.begin(), relations.end(), Row{0});
        duplicates("relation", relations, [&](Row r) { return draft_.relationId(r); },
                   [&](Row r) { return draft_.duplicateRelationOf(r); },
                   [&](Row r) { return draft_.relationOrigin(r); });
        checkClaimIds();
        checkNames();
        for (const Row s : sources_) checkSource(s);
        checkRepublicationCycles();
        for (Row r = 0; r < draft_.relationCount(); ++r) checkRelation(r);
    }

private:
    using Origin = store::StoreBuilder::Origin;

    void report(Origin origin, const std::string& member, std::string message) {
        problems_.add(Diagnostic{locate_(origin, member), std::move(message)});
    }

    Place where(Origin origin, const std::string& member = {}) const { return locate_(origin, member); }

    // The declared records that have an origin (what the mapper of foreign files makes without one is
    // unique by construction), in the order they were read.
    template <class Declared, class OriginOf>
    std::vector<Row> recordsOf(std::size_t count, Declared&& declared, OriginOf&& originOf) const {
        std::vector<Row> rows;
        for (Row r = 0; r < count; ++r) {
            if (declared(r) && originOf(r) != 0) rows.push_back(r);
        }
        std::stable_sort(rows.begin(), rows.end(), [&](Row a, Row b) { return originOf(a) < originOf(b); });
        return rows;
    }

    template <class IdOf, class DuplicateOf, class OriginOf>
    void duplicates(std::string_view what, const std::vector<Row>& rows, IdOf&& idOf, DuplicateOf&& duplicateOf,
                    OriginOf&& originOf) {
        for (const Row r : rows) {
            const Row first = duplicateOf(r);
            if (first == kNoRow) continue;
            report(originOf(r), "id",
                   fmt::format("duplicate {} id \"{}\" (first at {})", what, idOf(r), where(originOf(first)).toString()));
        }
    }

    // Every declared id of entities (or sources), sorted, for suggestions.
    const std::vector<std::string>& idsOf(bool entities) {
        std::vector<std::string>& ids = entities ? entityIds_ : sourceIds_;
        if (ids.empty()) {
            const std::size_t count = entities ? draft_.entityCount() : draft_.sourceCount();
            for (Row r = 0; r < count; ++r) {
                if (entities ? draft_.entityDeclared(r) : draft_.sourceDeclared(r)) {
                    ids.emplace_back(entities ? draft_.entityId(r) : draft_.sourceId(r));
                }
            }
            std::sort(ids.begin(), ids.end());
            ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        }
        return ids;
    }

    // A reference to `target` (an entity or source row): fine when it was declared.
    bool checkRef(Origin origin, const std::string& member, Row target, bool entity) {
        if (target == kNoRow) return true;
        if (entity ? draft_.entityDeclared(target) : draft_.sourceDeclared(target)) return true;
        const std::string id(entity ? draft_.entityId(target) : draft_.sourceId(target));
        std::string message = fmt::format("unknown {} \"{}\"", entity ? "entity" : "source", id);
        const auto close = text::closestMatches(id, idsOf(entity));
        if (!close.empty()) message += " — did you mean " + text::quotedAlternatives(close) + "?";
        report(origin, member, std::move(message));
        return false;
    }

    void checkClaimIds() {
        struct Use {
            Row id;  // the id's string
            Row relation;
            std::uint32_t index;  // among the relation's claims
            auto operator<=>(const Use&) const = default;
        };
        std::vector<Use> uses;
        uses.reserve(draft_.claimCount());
        for (Row r = 0; r < draft_.relationCount(); ++r) {
            const auto claims = draft_.claims(r);
            for (std::size_t i = 0; i < claims.size(); ++i) {
                if (!draft_.claimId(claims[i]).empty()) {
                    uses.push_back({draft_.claimIdString(claims[i]), r, static_cast<std::uint32_t>(i)});
                }
            }
        }
        // By id, each id's uses in the order they were read: the first is the one the others repeat.
        std::sort(uses.begin(), uses.end());
        for (std::size_t k = 1, first = 0; k < uses.size(); ++k) {
            if (uses[k].id != uses[first].id) {
                first = k;
                continue;
            }
            const Use& use = uses[k];
            report(draft_.relationOrigin(use.relation), fmt::format("claims/{}/id", use.index),
                   fmt::format("duplicate claim id \"{}\" (first at {})",
                               draft_.claimId(draft_.claims(use.relation)[use.index]),
                               where(draft_.relationOrigin(uses[first].relation),
                                     fmt::format("claims/{}", uses[first].index))
                                   .toString()));
        }
    }

    // Ids, names and aliases all resolve entity arguments, so each may mean one entity only.
    void checkNames() {
        struct Owner {
            Row entity;
            std::uint32_t member;  // kIdMember, kNameMember, or an alias's index
        };
        constexpr std::uint32_t kIdMember = ~std::uint32_t{0}, kNameMember = kIdMember - 1;
        const auto memberName = [&](std::uint32_t member) {
            return member == kIdMember ? std::string("id")
                   : member == kNameMember ? std::string("name")
                                           : "aliases/" + std::to_string(member);
        };
        std::unordered_map<std::string, Owner> owners;
        owners.reserve(entities_.size() * 2);
        const auto claim = [&](Row v, std::string_view value, std::uint32_t member) {
            std::string key = text::normalizeName(value);
            if (key.empty()) return;
            const auto [it, inserted] = owners.try_emplace(std::move(key), Owner{v, member});
            // Two records with one id are a duplicate id, reported on its own.
            if (inserted || it->second.entity == v || draft_.entityId(it->second.entity) == draft_.entityId(v)) return;
            report(draft_.entityOrigin(v), memberName(member),
                   fmt::format("\"{}\" already names entity \"{}\" (at {}): names, aliases and ids must be unique",
                               text::terminalSafe(value), draft_.entityId(it->second.entity),
                               where(draft_.entityOrigin(it->second.entity), memberName(it->second.member)).toString()));
        };
        for (const Row v : entities_) claim(v, draft_.entityId(v), kIdMember);
        for (const Row v : entities_) {
            claim(v, draft_.entityName(v), kNameMember);
            const auto aliases = draft_.aliases(v);
            for (std::size_t i = 0; i < aliases.size(); ++i) claim(v, aliases[i], static_cast<std::uint32_t>(i));
        }
    }

    void checkSource(Row s) {
        const Origin origin = draft_.sourceOrigin(s);
        checkRef(origin, "publisher", draft_.sourcePublisher(s), true);
        checkRef(origin, "republishes", draft_.sourceRepublishes(s), false);
        const auto relies = draft_.sourceRelies(s);
        for (std::size_t i = 0; i < relies.size(); ++i) checkRef(origin, "relies_on/" + std::to_string(i), relies[i], false);
    }

    // A republishes B republishes … A: reported at each source on the cycle.
    void checkRepublicationCycles() {
        for (const Row s : sources_) {
            std::string path(draft_.sourceId(s));
            Row at = s;
            for (std::size_t step = 0; step < sources_.size(); ++step) {
                const Row next = draft_.sourceRepublishes(at);
                if (next == kNoRow || !draft_.sourceDeclared(next)) break;
                at = next;
                path += " → " + std::string(draft_.sourceId(at));
                if (at == s) {
                    report(draft_.sourceOrigin(s), "republishes", fmt::format("republication cycle: {}", path));
                    break;
                }
            }
        }
    }

    const model::EntityKind* kindOf(Row v) const {
        const Row k = draft_.entityKind(v);
        return k == kNoRow ? nullptr : schema_.findKind(std::string(draft_.kindName(k)));
    }

    void checkRelation(Row r) {
        const Origin origin = draft_.relationOrigin(r);
        const Row from = draft_.relationFrom(r), to = draft_.relationTo(r);
        const bool fromKnown = checkRef(origin, "from", from, true);
        const bool toKnown = checkRef(origin, "to", to, true);
        const Row typeRow = draft_.relationType(r);
        const model::RelationType* type =
            typeRow == kNoRow ? nullptr : schema_.findType(std::string(draft_.typeName(typeRow)));
        if (type && fromKnown && toKnown && from != kNoRow && to != kNoRow) {
            // An entity whose kind is unknown was reported already; its relations are not judged by it.
            const model::EntityKind* fromKind = kindOf(from);
            const model::EntityKind* toKind = kindOf(to);
            if (fromKind && toKind) {
                const bool forward = type->allowsFrom(fromKind->name) && type->allowsTo(toKind->name);
                const bool backward = type->symmetric && type->allowsFrom(toKind->name) && type->allowsTo(fromKind->name);
                if (!forward && !backward) {
                    const bool badTo = type->allowsFrom(fromKind->name);
                    const Row bad = badTo ? to : from;
                    const auto& allowed = badTo ? type->to : type->from;
                    std::vector<std::string> quoted(allowed.begin(), allowed.end());
                    report(origin, badTo ? "to" : "from",
                           fmt::format("relation type \"{}\" cannot {} \"{}\", an entity of kind \"{}\" "
                                       "(allowed kinds: {})",
                                       type->name, badTo ? "end at" : "start from", draft_.entityId(bad),
                                       (badTo ? toKind : fromKind)->name, text::quotedAlternatives(quoted)));
                }
            }
        }
        const auto claims = draft_.claims(r);
        for (std::size_t i = 0; i < claims.size(); ++i) {
            const Row c = claims[i];
            const std::string member = fmt::format("claims/{}/", i);
            checkRef(origin, member + "source", draft_.claimSource(c), false);
            const auto by = draft_.claimBy(c);
            for (std::size_t j = 0; j < by.size(); ++j) checkRef(origin, member + "by/" + std::to_string(j), by[j], true);
            const auto via = draft_.claimVia(c);
            for (std::size_t j = 0; j < via.size(); ++j) checkRef(origin, member + "via/" + std::to_string(j), via[j], true);
        }
    }

    const model::Schema& schema_;
    const Draft& draft_;
    const Locate& locate_;
    Problems& problems_;
    std::vector<Row> entities_, sources_;
    std::vector<std::string> entityIds_, sourceIds_;
};

}  // namespace

void validateGraph(const model::Schema& schema, const Draft& draft, const Locate& locate, Problems& problems) {
    Validator(schema, draft, locate, problems).run();
}

}  // namespace relgraph::load
