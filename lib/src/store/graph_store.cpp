#include "relgraph/store/graph_store.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <mutex>

#include "relgraph/common/error.hpp"
#include "relgraph/common/text.hpp"
#include "store/attribute_codec.hpp"
#include "store/column_list.hpp"
#include "store/search_index_builder.hpp"

namespace relgraph::store {

namespace {

// Rows [start[i], start[i + 1]) of a list column, or none when the column is absent.
RowRange listOf(std::span<const Row> start, std::span<const Row> values, Row i) {
    if (start.empty()) return {};
    return {values.data(), start[i], start[i + 1]};
}

// A name or label as schema entries are compared: normalized, with _ and - read as spaces
// ("sent_troops", "Sent troops" and "sent-troops" are one).
std::string schemaKey(std::string_view text) {
    std::string key = text::normalizeName(text);
    std::replace(key.begin(), key.end(), '_', ' ');
    std::replace(key.begin(), key.end(), '-', ' ');
    return key;
}

// A schema entry (kind or relation type) by name or label, compared as schemaKey does; else the one
// entry whose label starts with the text as words ("sent workers" for "sent workers to"). QueryError
// with the closest names and labels when there is none, or the candidates when several fit.
template <class Entry>
const Entry& resolveByNameOrLabel(const std::map<std::string, Entry>& entries, std::string_view nameOrLabel,
                                  const char* what, const char* listing) {
    const std::string wanted = schemaKey(nameOrLabel);
    std::vector<std::string> names;
    std::vector<const Entry*> starting;
    for (const auto& [name, entry] : entries) {
        const std::string label = schemaKey(entry.label);
        if (name == nameOrLabel || schemaKey(name) == wanted || label == wanted) return entry;
        if (!wanted.empty() && label.starts_with(wanted + " ")) starting.push_back(&entry);
        names.push_back(name);
        names.push_back(entry.label);
    }
    if (starting.size() == 1) return *starting.front();
    std::string message = fmt::format("unknown {} \"{}\"", what, text::terminalSafe(nameOrLabel));
    std::vector<std::string> close;
    if (starting.size() > 1) {
        for (const Entry* e : starting) close.push_back(e->name);
    } else {
        for (const std::string& c : text::closestMatches(nameOrLabel, names, 6)) {
            for (const auto& [name, entry] : entries) {
                if ((c == name || c == entry.label) && std::find(close.begin(), close.end(), name) == close.end()) {
                    close.push_back(name);
                }
            }
        }
        if (close.size() > 3) close.resize(3);
    }
    if (!close.empty()) message += " — did you mean " + text::quotedAlternatives(close) + "?";
    message += fmt::format(" ('{}' lists them all)", listing);
    throw QueryError(message);
}

// The row among rows 0 … count-1, in id order, whose id is `id`.
template <class IdOf>
std::optional<Row> findById(std::size_t count, std::string_view id, IdOf&& idOf) {
    std::size_t lo = 0, hi = count;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (idLess(idOf(static_cast<Row>(mid)), id)) lo = mid + 1;
        else hi = mid;
    }
    if (lo < count && idOf(static_cast<Row>(lo)) == id) return static_cast<Row>(lo);
    return std::nullopt;
}

}  // namespace

// --- Ranges and views.

std::string_view TextOf::operator()(Row s) const { return store->string(s); }

std::vector<std::string> StringRange::toStrings() const {
    std::vector<std::string> out;
    for (const std::string_view s : *this) out.emplace_back(s);
    return out;
}

AttributeEntry AttributeOf::operator()(const StoredAttribute& a) const {
    return {store->string(a.name),
            decodeAttribute(a, [&](Row s) { return store->string(s); }, store->columns().attributeBounds)};
}

std::optional<model::AttributeValue> AttributeRange::find(std::string_view name) const {
    for (const StoredAttribute* a = begin_; a != end_; ++a) {
        if (store_->string(a->name) == name) return AttributeOf{store_}(*a).value;
    }
    return std::nullopt;
}

model::Attributes AttributeRange::toMap() const {
    model::Attributes out;
    for (const AttributeEntry entry : *this) out.emplace(std::string(entry.name), std::move(entry.value));
    return out;
}

std::string_view EntityView::id() const { return store_->string(store_->columns_.entityId[v_]); }
std::string_view EntityView::name() const {
    const auto& names = store_->columns_.entityName;
    return names.empty() ? id() : store_->string(names[v_]);
}
std::size_t EntityView::kindIndex() const { return store_->kindIndexOf(v_); }
std::string_view EntityView::kind() const { return store_->kind(kindIndex()).name; }
std::string_view EntityView::description() const {
    const auto& d = store_->columns_.entityDescription;
    return d.empty() ? std::string_view() : store_->text(d[v_]);
}
StringRange EntityView::aliases() const {
    const StoreColumns& c = store_->columns_;
    if (c.entityAliasStart.empty()) return {store_, nullptr, nullptr};
    return {store_, c.entityAliases.data() + c.entityAliasStart[v_], c.entityAliases.data() + c.entityAliasStart[v_ + 1]};
}
AttributeRange EntityView::attributes() const { return store_->attributeRange(store_->columns_.entityAttributeStart, v_); }

std::string RelationView::id() const { return store_->relationId(e_); }
std::size_t RelationView::typeIndex() const { return store_->typeIndexOf(e_); }
std::string_view RelationView::type() const { return store_->type(typeIndex()).name; }
Vertex RelationView::from() const { return store_->from(e_); }
Vertex RelationView::to() const { return store_->to(e_); }
AttributeRange RelationView::attributes() const {
    return store_->attributeRange(store_->columns_.relationAttributeStart, e_);
}
RowRange RelationView::claims() const { return store_->claimsOf(e_); }

std::string ClaimView::id() const {
    if (!store_->hasClaimRecords()) return fmt::format("imported-{}", c_ + 1);
    return std::string(store_->string(store_->columns_.claimId[c_]));
}
Edge ClaimView::relation() const { return store_->relationOfClaim(c_); }
SourceRef ClaimView::source() const {
    const StoreColumns& c = store_->columns_;
    if (!store_->hasClaimRecords()) return c.inputSource[store_->fileOf(c_)];
    return c.claimSource[c_];
}
RowRange ClaimView::by() const { return listOf(store_->columns_.claimByStart, store_->columns_.claimBy, c_); }
RowRange ClaimView::via() const { return listOf(store_->columns_.claimViaStart, store_->columns_.claimVia, c_); }
std::string_view ClaimView::date() const {
    const auto& d = store_->columns_.claimDate;
    return d.empty() ? std::string_view() : store_->text(d[c_]);
}
model::Stance ClaimView::stance() const {
    const auto& s = store_->columns_.claimStance;
    return s.empty() ? model::Stance::Asserts : static_cast<model::Stance>(s[c_]);
}
std::string ClaimView::summary() const {
    if (!store_->hasClaimRecords()) {
        return fmt::format("Imported from {}.", text::terminalSafe(store_->inputFile(store_->fileOf(c_))));
    }
    return std::string(store_->text(store_->columns_.claimSummary[c_]));
}
std::string_view ClaimView::dateOrSourceDate() const {
    const std::string_view own = date();
    return own.empty() ? store_->source(source()).date() : own;
}
AttributeRange ClaimView::values() const { return store_->attributeRange(store_->columns_.claimValueStart, c_); }

std::string_view SourceView::id() const { return store_->string(store_->columns_.sourceId[s_]); }
std::string_view SourceView::title() const { return store_->text(store_->columns_.sourceTitle[s_]); }
std::optional<Vertex> SourceView::publisher() const {
    const Row p = store_->columns_.sourcePublisher[s_];
    if (p == kNoRow) return std::nullopt;
    return p;
}
std::string_view SourceView::date() const { return store_->text(store_->columns_.sourceDate[s_]); }
StringRange SourceView::authors() const {
    const StoreColumns& c = store_->columns_;
    if (c.sourceAuthorStart.empty()) return {store_, nullptr, nullptr};
    return {store_, c.sourceAuthors.data() + c.sourceAuthorStart[s_], c.sourceAuthors.data() + c.sourceAuthorStart[s_ + 1]};
}
std::string_view SourceView::url() const { return store_->text(store_->columns_.sourceUrl[s_]); }
std::optional<SourceRef> SourceView::republishes() const {
    const Row r = store_->columns_.sourceRepublishes[s_];
    if (r == kNoRow) return std::nullopt;
    return r;
}
RowRange SourceView::reliesOn() const {
    return listOf(store_->columns_.sourceReliesStart, store_->columns_.sourceRelies, s_);
}
std::string_view SourceView::note() const { return store_->text(store_->columns_.sourceNote[s_]); }

// --- The store.

struct GraphStore::SearchState {
    std::once_flag once;
    SearchIndexArrays arrays;
    std::function<void(const StoreColumns&)> check;  // for mapped search columns
};

GraphStore::GraphStore(StoreColumns columns, std::shared_ptr<const void> owner)
    : columns_(columns), owner_(std::move(owner)), search_(std::make_unique<SearchState>()) {
    buildCatalog();
}

GraphStore::GraphStore(Unchecked, StoreColumns columns) : columns_(columns) {}

void GraphStore::ensureSearchIndex() const {
    if (!search_) return;  // columns being checked (problemIn), not a store
    std::call_once(search_->once, [&] {
        if (!columns_.searchDocKind.empty()) {  // mapped from a snapshot
            if (search_->check) search_->check(columns_);
            return;
        }
        SearchIndexArrays& a = search_->arrays;
        a = buildSearchIndex(*this);
        columns_.searchDocKind = a.docKind;
        columns_.searchDocRow = a.docRow;
        columns_.searchDocLength = a.docLength;
        columns_.searchTermBytes = a.termBytes;
        columns_.searchTermOffsets = a.termOffsets;
        columns_.searchTermStart = a.termStart;
        columns_.searchPostingDoc = a.postingDoc;
        columns_.searchPostingWeight = a.postingWeight;
    });
}

void GraphStore::deferSearchCheck(std::function<void(const StoreColumns&)> check) {
    if (search_) search_->check = std::move(check);
}

GraphStore::GraphStore(GraphStore&&) noexcept = default;
GraphStore& GraphStore::operator=(GraphStore&&) noexcept = default;
GraphStore::~GraphStore() = default;

void GraphStore::buildCatalog() {
    schema_ = std::make_unique<model::Schema>();
    const StoreColumns& c = columns_;
    const auto declarations = [&](std::span<const Row> start, std::span<const Row> names,
                                  std::span<const std::uint8_t> types, std::size_t i) {
        model::AttributeDeclarations out;
        for (Row a = start[i]; a < start[i + 1]; ++a) {
            out.emplace(std::string(string(names[a])), static_cast<model::AttributeType>(types[a]));
        }
        return out;
    };
    for (std::size_t k = 0; k < c.kindName.size(); ++k) {
        model::EntityKind kind;
        kind.name = string(c.kindName[k]);
        kind.label = text(c.kindLabel[k]);
        kind.description = text(c.kindDescription[k]);
        kind.attributes = declarations(c.kindAttributeStart, c.kindAttributeName, c.kindAttributeType, k);
        schema_->kinds.emplace(kind.name, std::move(kind));
    }
    for (std::size_t t = 0; t < c.typeName.size(); ++t) {
        model::RelationType type;
        type.name = string(c.typeName[t]);
        type.label = text(c.typeLabel[t]);
        type.description = text(c.typeDescription[t]);
        const std::uint8_t flags = c.typeFlags[t];
        type.symmetric = flags & kTypeSymmetric;
        type.attribution = flags & kTypeAttribution;
        type.anyFrom = flags & kTypeAnyFrom;
        type.anyTo = flags & kTypeAnyTo;
        for (Row i = c.typeFromStart[t]; i < c.typeFromStart[t + 1]; ++i) {
            type.from.emplace_back(string(c.kindName[c.typeFrom[i]]));
        }
        for (Row i = c.typeToStart[t]; i < c.typeToStart[t + 1]; ++i) type.to.emplace_back(string(c.kindName[c.typeTo[i]]));
        type.attributes = declarations(c.typeAttributeStart, c.typeAttributeName, c.typeAttributeType, t);
        schema_->types.emplace(type.name, std::move(type));
    }
    // Kinds and types are in name order, as the maps are.
    for (const auto& [name, kind] : schema_->kinds) kinds_.push_back(&kind);
    for (const auto& [name, type] : schema_->types) types_.push_back(&type);
}

std::size_t GraphStore::claimCount() const { return hasClaimRecords() ? columns_.claimId.size() : relationCount(); }

std::string_view GraphStore::string(Row index) const {
    const std::uint64_t begin = columns_.stringOffsets[index];
    const std::uint64_t end = columns_.stringOffsets[index + 1];
    return {columns_.stringBytes.data() + begin, static_cast<std::size_t>(end - begin)};
}

Vertex GraphStore::fromOffsets(Edge e) const {
    // The last entity whose run starts at or before e (entities without relations share its start).
    const auto& offsets = columns_.outOffsets;
    return static_cast<Vertex>(std::upper_bound(offsets.begin(), offsets.end(), e) - offsets.begin() - 1);
}

AttributeRange GraphStore::attributeRange(std::span<const Row> start, Row record) const {
    if (start.empty()) return {};
    const StoredAttribute* base = columns_.attributes.data();
    return {this, base + start[record], base + start[record + 1]};
}

RowRange GraphStore::outRelations(Vertex v) const {
    const Row* list = columns_.outRelations.empty() ? nullptr : columns_.outRelations.data();
    return {list, columns_.outOffsets[v], columns_.outOffsets[v + 1]};
}

RowRange GraphStore::inRelations(Vertex v) const {
    return {columns_.inRelations.data(), columns_.inOffsets[v], columns_.inOffsets[v + 1]};
}

RowRange GraphStore::claimsOf(Edge e) const {
    if (!hasClaimRecords()) return {nullptr, e, e + 1};
    return {nullptr, columns_.relationClaimStart[e], columns_.relationClaimStart[e + 1]};
}

Edge GraphStore::relationOfClaim(ClaimRef c) const {
    if (!hasClaimRecords()) return c;
    const auto& start = columns_.relationClaimStart;
    return static_cast<Edge>(std::upper_bound(start.begin(), start.end(), c) - start.begin() - 1);
}

std::string GraphStore::relationId(Edge e) const {
    if (!columns_.relationId.empty()) return std::string(string(columns_.relationId[e]));
    const Vertex a = from(e), b = to(e);
    const std::size_t t = typeIndexOf(e);
    const std::string base = text::toIdentifier(fmt::format("{}-{}-{}", entity(a).id(), type(t).name, entity(b).id()),
                                                '-', "relation");
    std::size_t repeat = 1;
    for (const Edge other : outRelations(a)) {
        if (other >= e) break;
        if (to(other) == b && typeIndexOf(other) == t) ++repeat;
    }
    return repeat == 1 ? base : fmt::format("{}-{}", base, repeat);
}

std::optional<std::size_t> GraphStore::findKind(std::string_view name) const {
    const auto it = schema_->kinds.find(std::string(name));
    if (it == schema_->kinds.end()) return std::nullopt;
    return static_cast<std::size_t>(std::distance(schema_->kinds.begin(), it));
}

std::optional<std::size_t> GraphStore::findType(std::string_view name) const {
    const auto it = schema_->types.find(std::string(name));
    if (it == schema_->types.end()) return std::nullopt;
    return static_cast<std::size_t>(std::distance(schema_->types.begin(), it));
}

const model::RelationType& GraphStore::resolveType(std::string_view nameOrLabel) const {
    return resolveByNameOrLabel(schema_->types, nameOrLabel, "relation type", "relgraph schema");
}

const model::EntityKind& GraphStore::resolveKind(std::string_view nameOrLabel) const {
    return resolveByNameOrLabel(schema_->kinds, nameOrLabel, "entity kind", "relgraph schema");
}

RowRange GraphStore::relationsOfType(std::size_t t) const {
    return {columns_.typeRelations.data(), columns_.typeRelationStart[t], columns_.typeRelationStart[t + 1]};
}

std::vector<ClaimRef> GraphStore::claimsOfSource(SourceRef s) const {
    if (hasClaimRecords()) return listOf(columns_.sourceClaimStart, columns_.sourceClaims, s).toVector();
    std::vector<ClaimRef> claims;
    for (Edge e = 0; e < relationCount(); ++e) {
        if (columns_.inputSource[fileOf(e)] == s) claims.push_back(e);
    }
    return claims;
}

RowRange GraphStore::claimsNaming(Vertex v) const {
    return listOf(columns_.partyClaimStart, columns_.partyClaims, v);
}

std::optional<Vertex> GraphStore::findEntityById(std::string_view id) const {
    return findById(entityCount(), id, [&](Row v) { return string(columns_.entityId[v]); });
}

std::optional<Vertex> GraphStore::findEntity(std::string_view idNameOrAlias) const {
    if (const auto v = findEntityById(idNameOrAlias)) return v;
    const std::string key = text::normalizeName(idNameOrAlias);
    const auto& hashes = columns_.keyHash;
    const auto [lo, hi] = std::equal_range(hashes.begin(), hashes.end(), nameKeyHash(key));
    for (auto i = static_cast<std::size_t>(lo - hashes.begin()); i < static_cast<std::size_t>(hi - hashes.begin()); ++i) {
        if (string(columns_.keyString[i]) == key) return columns_.keyEntity[i];  // by entity within a key: the first
    }
    // Ids in their normal form have no key of their own.
    return findEntityById(key);
}

Vertex GraphStore::resolveEntity(std::string_view idNameOrAlias) const {
    if (const auto v = findEntity(idNameOrAlias)) return *v;
    // Words of a name: "Putin" is Vladimir Putin when no other name or alias has that word; when
    // several do, the text is ambiguous and they are listed with their kinds.
    const std::string key = text::normalizeName(idNameOrAlias);
    const auto hasWords = [&](std::string_view name) {
        const std::string n = text::normalizeName(name);
        for (std::size_t at = n.find(key); !key.empty() && at != std::string::npos; at = n.find(key, at + 1)) {
            const bool starts = at == 0 || n[at - 1] == ' ', ends = at + key.size() == n.size() || n[at + key.size()] == ' ';
            if (starts && ends) return true;
        }
        return false;
    };
    std::vector<Vertex> named;
    std::vector<std::string> names;
    names.reserve(entityCount());
    for (Vertex v = 0; v < entityCount(); ++v) {
        const EntityView e = entity(v);
        bool has = e.name() != e.id() && hasWords(e.name());
        names.emplace_back(e.name());
        for (const std::string_view alias : e.aliases()) {
            has = has || hasWords(alias);
            names.emplace_back(alias);
        }
        if (has) named.push_back(v);
    }
    if (named.size() == 1) return named.front();
    if (named.size() > 1) {
        std::string list;
        constexpr std::size_t kListed = 10;
        for (std::size_t i = 0; i < named.size() && i < kListed; ++i) {
            list += fmt::format("{}\"{}\" ({})", i ? ", " : "", text::terminalSafe(entity(named[i]).name()),
                                text::terminalSafe(kindOf(named[i]).label));
        }
        if (named.size() > kListed) list += fmt::format(" and {} more", named.size() - kListed);
        throw QueryError(fmt::format("\"{}\" is ambiguous: it is in the names of {}", text::terminalSafe(idNameOrAlias), list));
    }
    std::string message = fmt::format("unknown entity \"{}\"", text::terminalSafe(idNameOrAlias));
    const auto close = text::closestMatches(idNameOrAlias, names);
    if (!close.empty()) message += " — did you mean " + text::quotedAlternatives(close) + "?";
    else message += " (no entity has a similar id, name or alias)";
    throw QueryError(message);
}

std::optional<Edge> GraphStore::findRelation(std::string_view id) const {
    if (!columns_.relationId.empty()) {
        return findById(relationCount(), id, [&](Row r) { return string(columns_.relationId[r]); });
    }
    // A made id starts with its `from` entity's id: try each entity whose id the text starts with.
    for (std::size_t dash = id.find('-'); dash != std::string_view::npos; dash = id.find('-', dash + 1)) {
        const auto from = findEntityById(id.substr(0, dash));
        if (!from) continue;
        for (const Edge e : outRelations(*from)) {
            if (relationId(e) == id) return e;
        }
    }
    return std::nullopt;
}

std::optional<ClaimRef> GraphStore::findClaim(std::string_view id) const {
    if (hasClaimRecords()) {
        const auto at = findById(columns_.claimOrder.size(), id,
                                 [&](Row i) { return string(columns_.claimId[columns_.claimOrder[i]]); });
        if (!at) return std::nullopt;
        return columns_.claimOrder[*at];
    }
    constexpr std::string_view kPrefix = "imported-";
    if (!id.starts_with(kPrefix) || !isDecimalId(id.substr(kPrefix.size()))) return std::nullopt;
    std::uint64_t n = 0;
    const std::string_view digits = id.substr(kPrefix.size());
    std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (n == 0 || n > relationCount()) return std::nullopt;
    return static_cast<ClaimRef>(n - 1);
}

std::optional<SourceRef> GraphStore::findSource(std::string_view id) const {
    return findById(sourceCount(), id, [&](Row s) { return string(columns_.sourceId[s]); });
}

SourceRef GraphStore::resolveSource(std::string_view idOrTitle) const {
    if (const auto s = findSource(idOrTitle)) return *s;
    const std::string wanted = text::normalizeName(idOrTitle);
    std::vector<std::string> names;
    for (SourceRef s = 0; s < sourceCount(); ++s) {
        const std::string_view title = source(s).title();
        if (text::normalizeName(title) == wanted) return s;
        names.emplace_back(source(s).id());
        if (!title.empty()) names.emplace_back(title);
    }
    std::string message = fmt::format("unknown source \"{}\"", text::terminalSafe(idOrTitle));
    const auto close = text::closestMatches(idOrTitle, names);
    if (!close.empty()) message += " — did you mean " + text::quotedAlternatives(close) + "?";
    throw QueryError(message + " (give a source's id or title)");
}

std::size_t GraphStore::memoryBytes() const {
    ensureSearchIndex();
    std::size_t bytes = 0;
    forEachColumn([&](const Column&, auto member) { bytes += (columns_.*member).size_bytes(); });
    return bytes;
}

std::size_t GraphStore::relationBytes() const {
    const StoreColumns& c = columns_;
    return c.relationFrom.size_bytes() + c.relationTo.size_bytes() + c.relationType.size_bytes() +
           c.relationId.size_bytes() + c.relationFile.size_bytes() + c.outRelations.size_bytes() +
           c.inRelations.size_bytes() + c.typeRelations.size_bytes();
}

}  // namespace relgraph::store
