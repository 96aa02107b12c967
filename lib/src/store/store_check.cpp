// GraphStore::firstProblem: whether a store's columns are consistent (store/graph_store.hpp). The
// builder makes consistent stores; a snapshot file could hold anything its checksum agrees with.

#include <algorithm>
#include <fmt/format.h>

#include "relgraph/model/attribute_value.hpp"
#include "relgraph/store/graph_store.hpp"

namespace relgraph::store {

namespace {

// The first rule a column breaks, as text ("relationTo[3] is 9, out of range (limit 4)"): the
// snapshot reader turns the column's name at its start into a place in the file.
class Checker {
public:
    std::optional<std::string> problem;

    bool fail(std::string message) {
        if (!problem) problem = std::move(message);
        return false;
    }

    template <class T>
    bool size(const char* name, std::span<const T> column, std::size_t expected, bool mayBeEmpty = false) {
        if (problem) return false;
        if (column.size() == expected || (mayBeEmpty && column.empty())) return true;
        return fail(fmt::format("{} has {} values, expected {}", name, column.size(), expected));
    }

    // Every value below `limit` (kNoRow allowed when `allowNone`).
    template <class T>
    bool below(const char* name, std::span<const T> column, std::uint64_t limit, bool allowNone = false) {
        if (problem) return false;
        // A branch-free pass first (it vectorizes); the slow one only to name the bad value.
        T largest = 0;
        for (const T value : column) largest = std::max(largest, allowNone && value == static_cast<T>(kNoRow) ? T{0} : value);
        if (largest < limit) return true;
        for (std::size_t i = 0; i < column.size(); ++i) {
            if (column[i] < limit || (allowNone && column[i] == static_cast<T>(kNoRow))) continue;
            return fail(fmt::format("{}[{}] is {}, out of range (limit {})", name, i, column[i], limit));
        }
        return true;
    }

    // Offsets of `count` lists: count + 1 values rising from `first` to `last` (any end up to
    // `last` when `exactEnd` is false). An absent column passes when `mayBeEmpty`.
    template <class T>
    bool offsets(const char* name, std::span<const T> column, std::size_t count, std::uint64_t last,
                 bool mayBeEmpty = false, bool exactEnd = true) {
        if (problem) return false;
        if (mayBeEmpty && column.empty()) return true;
        if (!size(name, column, count + 1)) return false;
        if (exactEnd && column.front() != 0) return fail(fmt::format("{} does not start at 0", name));
        for (std::size_t i = 1; i < column.size(); ++i) {
            if (column[i] < column[i - 1]) return fail(fmt::format("{}[{}] goes backwards", name, i));
        }
        if (exactEnd ? column.back() != last : column.back() > last) {
            return fail(fmt::format("{} ends at {}, expected {}{}", name, static_cast<std::uint64_t>(column.back()),
                                    exactEnd ? "" : "at most ", last));
        }
        return true;
    }
};

// Run v of `list` (or of the numbers themselves when `list` is empty) holds rising relation numbers
// whose end (`endOf`) is v.
template <class EndOf>
bool checkRuns(Checker& check, const char* name, std::span<const Row> offsets, std::span<const Row> list,
               std::size_t relations, EndOf&& endOf) {
    for (std::size_t v = 0; v + 1 < offsets.size(); ++v) {
        for (Row i = offsets[v]; i < offsets[v + 1]; ++i) {
            const Row r = list.empty() ? i : list[i];
            if (r >= relations) return check.fail(fmt::format("{}[{}] is {}, out of range", name, i, r));
            if (endOf(r) != v) return check.fail(fmt::format("{}[{}] lists relation {} under entity {}", name, i, r, v));
            if (i > offsets[v] && r <= (list.empty() ? i - 1 : list[i - 1])) {
                return check.fail(fmt::format("{}[{}] is out of order", name, i));
            }
        }
    }
    return true;
}

}  // namespace

std::optional<std::string> GraphStore::problemIn(const StoreColumns& columns, Check check, bool searchColumns) {
    if (searchColumns) {
        if (auto problem = searchProblemIn(columns)) return problem;
    }
    return GraphStore(Unchecked{}, columns).columnsProblem(check);
}

std::optional<std::string> GraphStore::searchProblemIn(const StoreColumns& c) {
    // The counts the document rows are checked against; the rest of the columns are checked apart.
    const std::size_t E = c.entityId.size(), R = c.relationTo.size(), C = c.claimId.size(), S = c.sourceId.size();
    const std::size_t T = c.typeName.size(), K = c.kindName.size();
    Checker check;
    {
        const std::size_t docs = c.searchDocKind.size(), terms = c.searchTermOffsets.empty() ? 0 : c.searchTermOffsets.size() - 1;
        const std::size_t limits[] = {E, R, C, S, T, K};
        check.below("searchDocKind", c.searchDocKind, std::size(limits)) &&
            check.size("searchDocRow", c.searchDocRow, docs) && check.size("searchDocLength", c.searchDocLength, docs) &&
            check.offsets("searchTermOffsets", c.searchTermOffsets, terms, c.searchTermBytes.size(), true) &&
            check.offsets("searchTermStart", c.searchTermStart, terms, c.searchPostingDoc.size(), terms == 0) &&
            check.below("searchPostingDoc", c.searchPostingDoc, docs) &&
            check.size("searchPostingWeight", c.searchPostingWeight, c.searchPostingDoc.size());
        for (std::size_t d = 0; d < docs && !check.problem; ++d) {
            if (c.searchDocRow[d] >= limits[c.searchDocKind[d]]) {
                check.fail(fmt::format("searchDocRow[{}] is {}, out of range", d, c.searchDocRow[d]));
            }
        }
        // Binary search and posting-list intersection rely on both orders.
        for (std::size_t t = 1; t < terms && !check.problem; ++t) {
            const auto term = [&](std::size_t i) {
                return std::string_view(c.searchTermBytes.data() + c.searchTermOffsets[i],
                                        c.searchTermOffsets[i + 1] - c.searchTermOffsets[i]);
            };
            if (!(term(t - 1) < term(t))) check.fail(fmt::format("searchTermOffsets[{}] is out of order", t));
        }
        for (std::size_t t = 0; t < terms && !check.problem; ++t) {
            for (Row i = c.searchTermStart[t] + 1; i < c.searchTermStart[t + 1]; ++i) {
                if (c.searchPostingDoc[i] <= c.searchPostingDoc[i - 1]) {
                    check.fail(fmt::format("searchPostingDoc[{}] is out of order", i));
                    break;
                }
            }
        }
    }
    return check.problem;
}


std::optional<std::string> GraphStore::firstProblem(Check depth) const {
    if (auto problem = searchProblemIn(columns_)) return problem;
    return columnsProblem(depth);
}

std::optional<std::string> GraphStore::columnsProblem(Check depth) const {
    const StoreColumns& c = columns_;
    Checker check;
    if (c.stringOffsets.empty()) return "stringOffsets is empty";
    if (!check.offsets("stringOffsets", c.stringOffsets, c.stringOffsets.size() - 1, c.stringBytes.size())) {
        return check.problem;
    }
    const std::size_t strings = c.stringOffsets.size() - 1, E = c.entityId.size(), R = c.relationTo.size();
    const std::size_t K = c.kindName.size(), T = c.typeName.size(), S = c.sourceId.size(), C = c.claimId.size();
    const std::size_t A = c.attributes.size(), files = c.inputFile.size();
    if (E > kMaxRows || R > kMaxRows || strings > kMaxRows || S > kMaxRows || C > kMaxRows || A > kMaxRows) {
        return "more than 4294967294 records";
    }
    if (E > 0 && K == 0) return "entities but no kinds";
    if (R > 0 && T == 0) return "relations but no types";
    if (R > 0 && files == 0) return "relations but no input files";
    constexpr auto kTypes = static_cast<std::uint64_t>(model::AttributeType::Quantity) + 1;

    // The schema.
    for (const auto& [name, column] : {std::pair{"kindName", c.kindName}, {"kindLabel", c.kindLabel},
                                       {"typeName", c.typeName}, {"typeLabel", c.typeLabel},
                                       {"kindAttributeName", c.kindAttributeName},
                                       {"typeAttributeName", c.typeAttributeName}}) {
        check.below(name, column, strings);
    }
    check.size("kindLabel", c.kindLabel, K) && check.size("kindDescription", c.kindDescription, K) &&
        check.below("kindDescription", c.kindDescription, strings, true) &&
        check.offsets("kindAttributeStart", c.kindAttributeStart, K, c.kindAttributeName.size()) &&
        check.size("kindAttributeType", c.kindAttributeType, c.kindAttributeName.size()) &&
        check.below("kindAttributeType", c.kindAttributeType, kTypes) && check.size("typeLabel", c.typeLabel, T) &&
        check.size("typeDescription", c.typeDescription, T) &&
        check.below("typeDescription", c.typeDescription, strings, true) && check.size("typeFlags", c.typeFlags, T) &&
        check.offsets("typeFromStart", c.typeFromStart, T, c.typeFrom.size()) &&
        check.below("typeFrom", c.typeFrom, K) && check.offsets("typeToStart", c.typeToStart, T, c.typeTo.size()) &&
        check.below("typeTo", c.typeTo, K) &&
        check.offsets("typeAttributeStart", c.typeAttributeStart, T, c.typeAttributeName.size()) &&
        check.size("typeAttributeType", c.typeAttributeType, c.typeAttributeName.size()) &&
        check.below("typeAttributeType", c.typeAttributeType, kTypes);

    // Attributes.
    for (std::size_t i = 0; i < A && !check.problem; ++i) {
        const StoredAttribute& a = c.attributes[i];
        if (a.name >= strings) check.fail(fmt::format("attributes[{}] names string {}, out of range", i, a.name));
        else if (a.type >= kTypes) check.fail(fmt::format("attributes[{}] has type {}, out of range", i, a.type));
        else if (a.text != kNoString && a.text >= strings) check.fail(fmt::format("attributes[{}] text is out of range", i));
        else if (a.bounds != kNoRow && a.bounds >= c.attributeBounds.size()) {
            check.fail(fmt::format("attributes[{}] bounds are out of range", i));
        }
    }
    check.offsets("entityAttributeStart", c.entityAttributeStart, E, A, true, false) &&
        check.offsets("relationAttributeStart", c.relationAttributeStart, R, A, true, false) &&
        check.offsets("claimValueStart", c.claimValueStart, C, A, true, false);

    // Entities.
    check.below("entityId", c.entityId, strings) && check.size("entityName", c.entityName, E, true) &&
        check.below("entityName", c.entityName, strings) && check.size("entityKind", c.entityKind, E, true) &&
        check.below("entityKind", c.entityKind, K) && check.size("entityDescription", c.entityDescription, E, true) &&
        check.below("entityDescription", c.entityDescription, strings, true) &&
        check.offsets("entityAliasStart", c.entityAliasStart, E, c.entityAliases.size(), true) &&
        check.below("entityAliases", c.entityAliases, strings);

    // Relations and both directions.
    check.size("relationFrom", c.relationFrom, R, true) && check.below("relationFrom", c.relationFrom, E) &&
        check.below("relationTo", c.relationTo, E) && check.size("relationType", c.relationType, R, true) &&
        check.below("relationType", c.relationType, T) && check.size("relationId", c.relationId, R, true) &&
        check.below("relationId", c.relationId, strings) && check.size("relationFile", c.relationFile, R, true) &&
        check.below("relationFile", c.relationFile, files) &&
        check.offsets("outOffsets", c.outOffsets, E, R) && check.offsets("inOffsets", c.inOffsets, E, R) &&
        check.size("outRelations", c.outRelations, R, true) && check.below("outRelations", c.outRelations, R) &&
        check.size("inRelations", c.inRelations, R) && check.below("inRelations", c.inRelations, R);
    if (check.problem) return check.problem;
    if (c.relationFrom.empty() != c.outRelations.empty()) return "relationFrom and outRelations must come together";

    // Claims: kept ones, or one made per relation from its file's source.
    if (c.relationClaimStart.empty()) {
        if (C > 0) return "claimId without relationClaimStart";
        check.below("inputSource", c.inputSource, S, true);
        for (std::size_t r = 0; r < R && !check.problem; ++r) {
            const std::size_t file = c.relationFile.empty() ? 0 : c.relationFile[r];
            if (c.inputSource.size() <= file || c.inputSource[file] == kNoRow) {
                check.fail(fmt::format("inputSource has no source for file {} of relation {}", file, r));
            }
        }
    } else {
        check.offsets("relationClaimStart", c.relationClaimStart, R, C) && check.below("claimSource", c.claimSource, S) &&
            check.offsets("claimByStart", c.claimByStart, C, c.claimBy.size()) && check.below("claimBy", c.claimBy, E) &&
            check.offsets("claimViaStart", c.claimViaStart, C, c.claimVia.size()) &&
            check.below("claimVia", c.claimVia, E) && check.below("claimId", c.claimId, strings) &&
            check.below("claimDate", c.claimDate, strings, true) && check.below("claimStance", c.claimStance, 2) &&
            check.below("claimSummary", c.claimSummary, strings, true) && check.below("claimOrder", c.claimOrder, C) &&
            check.below("inputSource", c.inputSource, S, true);
    }

    // Sources.
    check.below("sourceId", c.sourceId, strings) && check.below("sourceTitle", c.sourceTitle, strings, true) &&
        check.below("sourcePublisher", c.sourcePublisher, E, true) &&
        check.below("sourceDate", c.sourceDate, strings, true) && check.below("sourceUrl", c.sourceUrl, strings, true) &&
        check.below("sourceNote", c.sourceNote, strings, true) &&
        check.below("sourceRepublishes", c.sourceRepublishes, S, true) &&
        check.offsets("sourceAuthorStart", c.sourceAuthorStart, S, c.sourceAuthors.size(), true) &&
        check.below("sourceAuthors", c.sourceAuthors, strings) &&
        check.offsets("sourceReliesStart", c.sourceReliesStart, S, c.sourceRelies.size(), true) &&
        check.below("sourceRelies", c.sourceRelies, S) && check.below("inputFile", c.inputFile, strings);
    if (check.problem) return check.problem;
    // Queries follow republications to the original: a cycle would never end.
    {
        std::vector<std::uint8_t> state(S, 0);  // 0 unseen, 1 on the walk, 2 done
        for (std::size_t s = 0; s < S; ++s) {
            std::vector<Row> walk;
            Row at = static_cast<Row>(s);
            while (at != kNoRow && state[at] == 0) {
                state[at] = 1;
                walk.push_back(at);
                at = c.sourceRepublishes[at];
            }
            if (at != kNoRow && state[at] == 1) return fmt::format("sourceRepublishes[{}] is on a cycle", at);
            for (const Row w : walk) state[w] = 2;
        }
    }

    // Indexes.
    check.below("keyString", c.keyString, strings) && check.below("keyEntity", c.keyEntity, E) &&
        check.offsets("typeRelationStart", c.typeRelationStart, T, R) &&
        check.size("typeRelations", c.typeRelations, R, true) &&
        check.below("typeRelations", c.typeRelations, R) &&
        check.offsets("sourceClaimStart", c.sourceClaimStart, S, c.sourceClaims.size(), true) &&
        check.below("sourceClaims", c.sourceClaims, C) &&
        check.offsets("partyClaimStart", c.partyClaimStart, E, c.partyClaims.size(), true) &&
        check.below("partyClaims", c.partyClaims, C);
    if (check.problem) return check.problem;
    for (std::size_t i = 1; i < c.keyHash.size(); ++i) {
        if (c.keyHash[i] < c.keyHash[i - 1]) return fmt::format("keyHash[{}] is out of order", i);
    }
    if (depth == Check::Bounds) return std::nullopt;

    // Full: each index lists exactly what it indexes, records are in id order.
    if ((!c.relationFrom.empty() &&
         !checkRuns(check, "outRelations", c.outOffsets, c.outRelations, R, [&](Row r) { return c.relationFrom[r]; })) ||
        !checkRuns(check, "inRelations", c.inOffsets, c.inRelations, R, [&](Row r) { return c.relationTo[r]; }) ||
        !checkRuns(check, "typeRelations", c.typeRelationStart, c.typeRelations, R,
                   [&](Row r) { return static_cast<Row>(typeIndexOf(r)); })) {
        return check.problem;
    }
    const auto inIdOrder = [&](const char* name, std::size_t count, auto&& idOf) -> bool {
        for (std::size_t i = 1; i < count; ++i) {
            if (!idLess(idOf(i - 1), idOf(i))) return check.fail(fmt::format("{}[{}] is out of id order", name, i));
        }
        return true;
    };
    inIdOrder("entityId", E, [&](std::size_t i) { return string(c.entityId[i]); }) &&
        inIdOrder("sourceId", S, [&](std::size_t i) { return string(c.sourceId[i]); }) &&
        (c.relationId.empty() || inIdOrder("relationId", R, [&](std::size_t i) { return string(c.relationId[i]); })) &&
        inIdOrder("claimOrder", c.claimOrder.size(), [&](std::size_t i) { return string(c.claimId[c.claimOrder[i]]); });
    return check.problem;
}

}  // namespace relgraph::store
