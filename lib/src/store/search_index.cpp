#include "relgraph/store/search_index.hpp"

#include <algorithm>
#include <cstring>
#include <thread>
#include <tuple>
#include <fmt/format.h>

#include "relgraph/common/search_text.hpp"
#include "relgraph/model/attribute_value.hpp"
#include "store/search_index_builder.hpp"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace relgraph::store {

namespace {

// "as_of" -> "as of": the words of a name.
std::string spaced(std::string_view name) {
    std::string out(name);
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}

// "count: approximately 15,000; as of: 2024-10" for the values of a record, one field.
void addValues(std::vector<SearchField>& fields, const AttributeRange& values) {
    std::string text;
    for (const AttributeEntry a : values) {
        text += fmt::format("{}{}: {}", text.empty() ? "" : "; ", spaced(a.name), model::toDisplayString(a.value));
    }
    if (!text.empty()) fields.push_back({"values", std::move(text), 1});
}

}  // namespace

std::vector<SearchField> searchFields(const GraphStore& store, SearchDocKind kind, Row row) {
    std::vector<SearchField> fields;
    const auto add = [&](std::string_view name, std::string_view text, std::uint8_t weight) {
        if (!text.empty()) fields.push_back({name, std::string(text), weight});
    };
    switch (kind) {
        case SearchDocKind::Entity: {
            const EntityView e = store.entity(row);
            // Bulk graphs name entities by their ids: those are found by id, not searched.
            if (e.name() != e.id()) add("name", e.name(), 3);
            for (const std::string_view alias : e.aliases()) add("alias", alias, 3);
            add("description", e.description(), 1);
            addValues(fields, e.attributes());
            break;
        }
        case SearchDocKind::Relation:
            addValues(fields, store.relation(row).attributes());
            add("type", store.typeOf(row).label, 1);
            break;
        case SearchDocKind::Claim: {
            // A claim's relation type is among its words: "labour shortage" finds the estimates.
            const ClaimView c = store.claim(row);
            add("summary", c.summary(), 1);
            addValues(fields, c.values());
            add("type", store.typeOf(c.relation()).label, 1);
            break;
        }
        case SearchDocKind::Source: {
            const SourceView s = store.source(row);
            add("title", s.title(), 2);
            for (const std::string_view author : s.authors()) add("author", author, 1);
            add("note", s.note(), 1);
            break;
        }
        case SearchDocKind::Type:
        case SearchDocKind::Kind: {
            const auto& [name, label, description] =
                kind == SearchDocKind::Type
                    ? std::tie(store.type(row).name, store.type(row).label, store.type(row).description)
                    : std::tie(store.kind(row).name, store.kind(row).label, store.kind(row).description);
            add("name", spaced(name), 3);
            if (label != spaced(name)) add("label", label, 3);
            add("description", description, 1);
            break;
        }
    }
    return fields;
}

double SearchIndex::averageLength() const {
    if (c_->searchDocLength.empty()) return 1;
    std::uint64_t total = 0;
    for (const std::uint16_t n : c_->searchDocLength) total += n;
    return std::max(1.0, static_cast<double>(total) / static_cast<double>(c_->searchDocLength.size()));
}

std::optional<std::size_t> SearchIndex::findTerm(std::string_view wanted) const {
    const auto [first, last] = termsStartingWith(wanted);
    if (first < last && term(first) == wanted) return first;
    return std::nullopt;
}

std::pair<std::size_t, std::size_t> SearchIndex::termsStartingWith(std::string_view prefix) const {
    std::size_t lo = 0, hi = termCount();
    while (lo < hi) {  // the first term not less than the prefix
        const std::size_t mid = lo + (hi - lo) / 2;
        if (term(mid) < prefix) lo = mid + 1;
        else hi = mid;
    }
    std::size_t end = lo, step = 1;
    // Gallop, then narrow: most prefixes match few terms.
    while (end + step <= termCount() && term(end + step - 1).starts_with(prefix)) {
        end += step;
        step *= 2;
    }
    std::size_t top = std::min(termCount(), end + step);
    while (end < top) {
        const std::size_t mid = end + (top - end) / 2;
        if (term(mid).starts_with(prefix)) end = mid + 1;
        else top = mid;
    }
    return {lo, end};
}

namespace {

// Terms as they are met, each once: an open-addressing table over an arena of their bytes. A slot
// keeps a short term's bytes itself, so that finding one reads one slot, not the arena.
class TermTable {
public:
    static std::uint64_t hash(std::string_view term) { return XXH3_64bits(term.data(), term.size()); }
    // Asks for the slot a term with this hash is looked up in first: a batch of lookups then waits
    // for memory once, not once each (the table is larger than the caches).
    void prefetch(std::uint64_t h) const {
        if (!slots_.empty()) __builtin_prefetch(&slots_[h & (slots_.size() - 1)]);
    }
    Row idOf(std::string_view term) { return idOf(term, hash(term)); }
    Row idOf(std::string_view term, std::uint64_t h) {
        if (count_ * 2 >= slots_.size()) grow();
        const auto check = static_cast<std::uint32_t>(h >> 32);
        const auto size = static_cast<std::uint8_t>(std::min<std::size_t>(term.size(), 255));
        for (std::size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
            Slot& s = slots_[i];
            if (s.id == kNoRow) {
                s.check = check;
                s.id = static_cast<Row>(count_++);
                s.size = size;
                std::memcpy(s.bytes, term.data(), std::min(term.size(), sizeof s.bytes));
                bytes_.insert(bytes_.end(), term.begin(), term.end());
                offsets_.push_back(bytes_.size());
                hashes_.push_back(h);
                return s.id;
            }
            if (s.check != check || s.size != size) continue;
            if (term.size() <= sizeof s.bytes ? std::memcmp(s.bytes, term.data(), term.size()) == 0 : text(s.id) == term) {
                return s.id;
            }
        }
    }
    std::size_t size() const { return count_; }
    std::string_view text(Row id) const { return {bytes_.data() + offsets_[id], offsets_[id + 1] - offsets_[id]}; }
    std::uint64_t hashOf(Row id) const { return hashes_[id]; }
    // Lookups are over: the slots go, the terms stay.
    void releaseSlots() { std::vector<Slot>().swap(slots_); }

private:
    struct Slot {
        std::uint32_t check = 0;  // the hash's high half
        Row id = kNoRow;
        std::uint8_t size = 0;    // the term's length (255: at least that)
        char bytes[7] = {};       // its first bytes: all of a short term's
    };
    static_assert(sizeof(Slot) == 16);
    void grow() {
        std::vector<Slot> old(std::max<std::size_t>(1024, slots_.size() * 2));
        old.swap(slots_);
        for (const Slot& s : old) {
            if (s.id == kNoRow) continue;
            std::size_t i = hashes_[s.id] & (slots_.size() - 1);
            while (slots_[i].id != kNoRow) i = (i + 1) & (slots_.size() - 1);
            slots_[i] = s;
        }
    }

    std::vector<Slot> slots_;
    std::size_t count_ = 0;
    LargeArray<char> bytes_;
    LargeArray<std::uint64_t> offsets_{0};
    LargeArray<std::uint64_t> hashes_;
};

// The documents of one run of records, with their own term numbers and document numbers from 0:
// each document's terms (distinct, increasing) and their weights, one after another.
struct Part {
    TermTable terms;
    LargeArray<Row> postingTerm;
    LargeArray<std::uint8_t> postingWeight;
    LargeArray<Row> docEnd;  // where each document's terms end
    LargeArray<std::uint8_t> docKind;
    LargeArray<Row> docRow;
    LargeArray<std::uint16_t> docLength;
};

// The records that may be documents, in document order: entities, relations with values, claims,
// sources, types, kinds — record i of them as (kind, row).
class Candidates {
public:
    explicit Candidates(const GraphStore& store)
        : ends_{store.entityCount(), store.columns().relationAttributeStart.empty() ? 0 : store.relationCount(),
                store.columns().claimId.size(), store.sourceCount(), store.typeCount(), store.kindCount()} {
        for (std::size_t k = 1; k < std::size(ends_); ++k) ends_[k] += ends_[k - 1];
    }
    std::size_t size() const { return ends_[std::size(ends_) - 1]; }
    // Where to split the records so that both sides have about as many words: a claim (a summary
    // and values) has about four times an entity's (a name).
    std::size_t middle() const {
        static constexpr std::size_t kWeight[] = {1, 2, 4, 8, 1, 1};
        std::size_t total = 0;
        for (std::size_t k = 0; k < std::size(ends_); ++k) total += kWeight[k] * (ends_[k] - (k == 0 ? 0 : ends_[k - 1]));
        std::size_t half = total / 2;
        for (std::size_t k = 0; k < std::size(ends_); ++k) {
            const std::size_t begin = k == 0 ? 0 : ends_[k - 1], count = ends_[k] - begin;
            if (half <= kWeight[k] * count) return begin + half / kWeight[k];
            half -= kWeight[k] * count;
        }
        return size();
    }
    std::pair<SearchDocKind, std::size_t> operator[](std::size_t i) const {
        std::size_t k = 0;
        while (i >= ends_[k]) ++k;
        return {static_cast<SearchDocKind>(k), i - (k == 0 ? 0 : ends_[k - 1])};
    }

private:
    std::size_t ends_[6];
};

void indexRange(const GraphStore& store, const Candidates& candidates, std::size_t begin, std::size_t end, Part& part) {
    std::vector<std::pair<Row, unsigned>> docTerms;  // (term, weight) of one document
    // One document's terms, hashed and their slots prefetched before any is looked up.
    std::string bytes;
    struct Word {
        std::size_t at, size;
        std::uint64_t hash;
        unsigned weight;
    };
    std::vector<Word> words;
    for (std::size_t i = begin; i < end; ++i) {
        const auto [kind, row] = candidates[i];
        if (kind == SearchDocKind::Relation && store.relation(static_cast<Edge>(row)).attributes().empty()) continue;
        const std::vector<SearchField> fields = searchFields(store, kind, static_cast<Row>(row));
        if (fields.empty()) continue;
        bytes.clear();
        words.clear();
        for (const SearchField& f : fields) {
            text::forEachSearchTerm(f.text, [&](const std::string& term) {
                const std::uint64_t h = TermTable::hash(term);
                part.terms.prefetch(h);
                words.push_back({bytes.size(), term.size(), h, f.weight});
                bytes += term;
            });
        }
        if (words.empty()) continue;
        docTerms.clear();
        for (const Word& w : words) {
            docTerms.push_back({part.terms.idOf(std::string_view(bytes).substr(w.at, w.size), w.hash), w.weight});
        }
        part.docKind.push_back(static_cast<std::uint8_t>(kind));
        part.docRow.push_back(static_cast<Row>(row));
        part.docLength.push_back(static_cast<std::uint16_t>(std::min<std::size_t>(words.size(), 0xFFFF)));
        std::sort(docTerms.begin(), docTerms.end());
        for (std::size_t j = 0; j < docTerms.size();) {
            unsigned weight = 0;
            std::size_t k = j;
            for (; k < docTerms.size() && docTerms[k].first == docTerms[j].first; ++k) weight += docTerms[k].second;
            part.postingTerm.push_back(docTerms[j].first);
            part.postingWeight.push_back(static_cast<std::uint8_t>(std::min(weight, 255u)));
            j = k;
        }
        part.docEnd.push_back(static_cast<Row>(part.postingTerm.size()));
    }
}

}  // namespace

SearchIndexArrays buildSearchIndex(const GraphStore& store) {
    // Two halves of the records in two threads when there are many; the second half's terms and
    // documents are then renumbered after the first's. The result does not depend on the split.
    const Candidates candidates(store);
    const std::size_t n = candidates.size();
    constexpr std::size_t kOneThread = 50'000;
    Part first, second;
    if (n < kOneThread) {
        indexRange(store, candidates, 0, n, first);
    } else {
        const std::size_t middle = candidates.middle();
        std::thread helper([&] { indexRange(store, candidates, middle, n, second); });
        indexRange(store, candidates, 0, middle, first);
        helper.join();
    }
    SearchIndexArrays out;
    // The second half's terms by the first's numbers.
    TermTable& terms = first.terms;
    for (Row& t : second.postingTerm) t = terms.idOf(second.terms.text(t), second.terms.hashOf(t));
    terms.releaseSlots();
    second.terms = TermTable();
    const std::size_t postings = first.postingTerm.size() + second.postingTerm.size();
    out.docKind = std::move(first.docKind);
    out.docRow = std::move(first.docRow);
    out.docLength = std::move(first.docLength);
    out.docKind.insert(out.docKind.end(), second.docKind.begin(), second.docKind.end());
    out.docRow.insert(out.docRow.end(), second.docRow.begin(), second.docRow.end());
    out.docLength.insert(out.docLength.end(), second.docLength.begin(), second.docLength.end());
    if (terms.size() == 0) return out;

    // Terms in byte order; each one's postings in document order (a counting sort, documents in order).
    // Sorted by their first eight bytes as a number, then by all of them: most comparisons are one.
    struct Key {
        std::uint64_t head;
        Row term;
    };
    std::vector<Key> order(terms.size());
    for (std::size_t t = 0; t < terms.size(); ++t) {
        const std::string_view text = terms.text(static_cast<Row>(t));
        std::uint64_t head = 0;
        for (std::size_t i = 0; i < 8; ++i) head = head << 8 | (i < text.size() ? static_cast<unsigned char>(text[i]) : 0u);
        order[t] = {head, static_cast<Row>(t)};
    }
    std::sort(order.begin(), order.end(), [&](const Key& a, const Key& b) {
        return a.head != b.head ? a.head < b.head : terms.text(a.term) < terms.text(b.term);
    });
    std::vector<Row> rank(terms.size());
    out.termOffsets.reserve(terms.size() + 1);
    out.termOffsets.push_back(0);
    for (std::size_t i = 0; i < order.size(); ++i) {
        rank[order[i].term] = static_cast<Row>(i);
        const std::string_view t = terms.text(order[i].term);
        out.termBytes.insert(out.termBytes.end(), t.begin(), t.end());
        out.termOffsets.push_back(out.termBytes.size());
    }
    std::vector<Key>().swap(order);
    out.termStart.assign(terms.size() + 1, 0);
    for (const Part* part : {&first, &second}) {
        for (const Row t : part->postingTerm) ++out.termStart[rank[t] + 1];
    }
    for (std::size_t i = 1; i < out.termStart.size(); ++i) out.termStart[i] += out.termStart[i - 1];
    std::vector<Row> next(out.termStart.begin(), out.termStart.end() - 1);
    out.postingDoc.resize(postings);
    out.postingWeight.resize(postings);
    Row doc = 0;
    for (Part* part : {&first, &second}) {
        Row p = 0;
        for (const Row end : part->docEnd) {
            for (; p < end; ++p) {
                const Row at = next[rank[part->postingTerm[p]]]++;
                out.postingDoc[at] = doc;
                out.postingWeight[at] = part->postingWeight[p];
            }
            ++doc;
        }
        LargeArray<Row>().swap(part->postingTerm);
        LargeArray<std::uint8_t>().swap(part->postingWeight);
    }
    return out;
}

}  // namespace relgraph::store
