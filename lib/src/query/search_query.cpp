#include "relgraph/query/search_query.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fmt/format.h>

#include "relgraph/common/error.hpp"
#include "relgraph/common/search_text.hpp"
#include "relgraph/query/describe.hpp"

namespace relgraph::query {

namespace {

using store::Row;
using store::SearchDocKind;

constexpr double kK1 = 1.2, kB = 0.75;
constexpr double kPrefixWeight = 0.7;         // a word the typed prefix completes counts less than the word itself
constexpr std::size_t kMaxPrefixTerms = 256;  // the completions of a short prefix looked at
constexpr std::size_t kMaxGroups = 32;
constexpr std::size_t kSnippetBytes = 160;
constexpr float kAttributionWeight = 0.5f;

// A word of the query, or a quoted phrase: its terms, and for the last word its prefix form.
struct Group {
    std::vector<std::string> terms;
    std::string prefix;  // non-empty: the last term also matches every term starting with this
};

std::vector<Group> parseQuery(std::string_view q) {
    std::vector<Group> groups;
    const auto addPhrase = [&](std::string_view part) {
        Group g;
        for (text::SearchToken& t : text::searchTokens(part)) g.terms.push_back(std::move(t.term));
        if (!g.terms.empty()) groups.push_back(std::move(g));
    };
    // Quotes: " and the typographic “ ”.
    const auto quoteAt = [&](std::size_t i) -> std::size_t {
        if (q[i] == '"') return 1;
        if (q.compare(i, 3, "\xE2\x80\x9C") == 0 || q.compare(i, 3, "\xE2\x80\x9D") == 0) return 3;
        return 0;
    };
    bool lastIsWord = false;
    std::size_t i = 0;
    while (i < q.size()) {
        if (const std::size_t n = quoteAt(i)) {
            std::size_t end = i + n;
            while (end < q.size() && quoteAt(end) == 0) ++end;
            addPhrase(q.substr(i + n, end - i - n));
            i = end < q.size() ? end + quoteAt(end) : end;
            lastIsWord = false;
            continue;
        }
        if (q[i] == ' ' || q[i] == '\t' || q[i] == '\n') {
            ++i;
            lastIsWord = false;
            continue;
        }
        std::size_t end = i;
        while (end < q.size() && q[end] != ' ' && q[end] != '\t' && q[end] != '\n' && quoteAt(end) == 0) ++end;
        const std::size_t before = groups.size();
        const std::string_view word = q.substr(i, end - i);
        addPhrase(word);  // "12-fold" is the phrase "12 fold"
        lastIsWord = groups.size() > before;
        if (lastIsWord) {
            const std::vector<text::SearchToken> tokens = text::searchTokens(word);
            const text::SearchToken& last = tokens.back();
            groups.back().prefix = text::searchPrefix(word.substr(last.begin, last.end - last.begin));
        }
        i = end;
    }
    // Only the word being typed is a prefix.
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (g + 1 < groups.size() || !lastIsWord) groups[g].prefix.clear();
    }
    return groups;
}

// Whether the word of `text` at `token` starts with the typed prefix of group g (which has one).
bool completes(const Group& g, std::string_view text, const text::SearchToken& token) {
    return !g.prefix.empty() &&
           text::searchPrefix(text.substr(token.begin, token.end - token.begin)).starts_with(g.prefix);
}

class Matcher {
public:
    Matcher(const store::GraphStore& store, const std::vector<Group>& groups) : index_(store), groups_(groups) {}

    // Whether `word` (a token of `text`) is one the query asked for.
    bool matches(std::string_view text, const text::SearchToken& token) const {
        for (const Group& g : groups_) {
            for (const std::string& t : g.terms) {
                if (token.term == t) return true;
            }
            if (completes(g, text, token)) return true;
        }
        return false;
    }

    // Whether the phrase of group g stands in one of the fields, word after word.
    static bool hasPhrase(const std::vector<store::SearchField>& fields, const Group& g) {
        for (const store::SearchField& f : fields) {
            const std::vector<text::SearchToken> tokens = text::searchTokens(f.text);
            for (std::size_t i = 0; i + g.terms.size() <= tokens.size(); ++i) {
                bool all = true;
                for (std::size_t k = 0; k < g.terms.size() && all; ++k) {
                    const bool last = k + 1 == g.terms.size();
                    const text::SearchToken& t = tokens[i + k];
                    all = t.term == g.terms[k] || (last && completes(g, f.text, t));
                }
                if (all) return true;
            }
        }
        return false;
    }

    const store::SearchIndex& index() const { return index_; }

private:
    store::SearchIndex index_;
    const std::vector<Group>& groups_;
};

bool passes(const store::GraphStore& store, SearchDocKind kind, Row row, const SearchFilters& f) {
    const auto relationTouches = [&](store::Edge e) {
        return f.kinds.count(store.kindIndexOf(store.from(e))) || f.kinds.count(store.kindIndexOf(store.to(e)));
    };
    switch (kind) {
        case SearchDocKind::Entity:
            return (f.kinds.empty() || f.kinds.count(store.kindIndexOf(row))) && f.types.empty() && !f.source &&
                   (!f.party || *f.party == row) && !f.dates.bounded();
        case SearchDocKind::Relation:
            return (f.kinds.empty() || relationTouches(row)) && (f.types.empty() || f.types.count(store.typeIndexOf(row))) &&
                   !f.source && !f.party && !f.dates.bounded();
        case SearchDocKind::Claim: {
            const store::ClaimView c = store.claim(row);
            const store::Edge e = c.relation();
            if (!f.kinds.empty() && !relationTouches(e)) return false;
            if (!f.types.empty() && !f.types.count(store.typeIndexOf(e))) return false;
            if (f.source && c.source() != *f.source) return false;
            if (f.party) {
                const auto names = [&](const store::RowRange& list) {
                    return std::find(list.begin(), list.end(), *f.party) != list.end();
                };
                if (!names(c.by()) && !names(c.via())) return false;
            }
            if (f.dates.bounded()) {
                if (!f.dates.admits(c.dateOrSourceDate())) return false;
            }
            return true;
        }
        case SearchDocKind::Source: {
            const store::SourceView s = store.source(row);
            return f.kinds.empty() && f.types.empty() && (!f.source || *f.source == row) &&
                   (!f.party || s.publisher() == f.party) && (!f.dates.bounded() || f.dates.admits(s.date()));
        }
        case SearchDocKind::Type:
            return f.kinds.empty() && (f.types.empty() || f.types.count(row)) && !f.source && !f.party && !f.dates.bounded();
        case SearchDocKind::Kind:
            return (f.kinds.empty() || f.kinds.count(row)) && f.types.empty() && !f.source && !f.party &&
                   !f.dates.bounded();
    }
    return false;
}

// Moves `at` back to the start of a UTF-8 character.
std::size_t characterStart(std::string_view s, std::size_t at) {
    while (at > 0 && at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
    return at;
}

// The snippet of the best field: the one with the most matched words (the first of those). A
// record's type label is shown only when nothing else matched: the figures say more.
void makeSnippet(const std::vector<store::SearchField>& fields, const Matcher& matcher, SearchHit& hit) {
    std::size_t best = fields.size(), bestCount = 0;
    std::vector<text::SearchToken> bestTokens;
    std::vector<std::pair<std::size_t, std::size_t>> marks;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        std::vector<text::SearchToken> tokens = text::searchTokens(fields[i].text);
        std::size_t count = 0;
        for (const text::SearchToken& t : tokens) count += matcher.matches(fields[i].text, t);
        const bool typeLabel = fields[i].name == "type" && fields.size() > 1;
        if (typeLabel && bestCount == 0) continue;
        if (count > bestCount) {
            best = i;
            bestCount = count;
            bestTokens = std::move(tokens);
        }
    }
    if (bestCount == 0) {
        // Only the type label matched, or words across fields: show the record's first field.
        best = 0;
        bestTokens = text::searchTokens(fields[0].text);
    }
    const std::string& text = fields[best].text;
    hit.field = fields[best].name;
    std::size_t first = text.size();
    for (const text::SearchToken& t : bestTokens) {
        // A word read as two terms ("twelvefold") is marked once.
        if (matcher.matches(text, t) && (marks.empty() || marks.back().second <= t.begin)) {
            first = std::min(first, t.begin);
            marks.push_back({t.begin, t.end});
        }
    }
    std::size_t begin = 0, end = text.size();
    if (text.size() > kSnippetBytes) {
        if (first != text.size() && first > kSnippetBytes / 3) {
            begin = first - kSnippetBytes / 3;
            const std::size_t space = text.find(' ', begin);
            begin = space != std::string::npos && space < first ? space + 1 : characterStart(text, begin);
        }
        end = std::min(text.size(), begin + kSnippetBytes);
        if (end < text.size()) {
            const std::size_t space = text.rfind(' ', end);
            end = space != std::string::npos && space > begin + kSnippetBytes / 2 ? space : characterStart(text, end);
        }
    }
    const std::string ellipsis = "\xE2\x80\xA6";
    const std::size_t lead = begin > 0 ? ellipsis.size() : 0;
    hit.snippet = (begin > 0 ? ellipsis : "") + text.substr(begin, end - begin) + (end < text.size() ? ellipsis : "");
    for (const auto& [b, e] : marks) {
        if (b >= begin && e <= end) hit.highlights.push_back({b - begin + lead, e - begin + lead});
    }
}

}  // namespace

std::string_view searchKindName(SearchDocKind kind) {
    switch (kind) {
        case SearchDocKind::Entity: return "entity";
        case SearchDocKind::Relation: return "relation";
        case SearchDocKind::Claim: return "claim";
        case SearchDocKind::Source: return "source";
        case SearchDocKind::Type: return "type";
        case SearchDocKind::Kind: return "kind";
    }
    return "record";
}

std::string searchHitId(const store::GraphStore& store, const SearchHit& hit) {
    switch (hit.kind) {
        case SearchDocKind::Entity: return std::string(store.entity(hit.row).id());
        case SearchDocKind::Relation: return store.relation(hit.row).id();
        case SearchDocKind::Claim: return store.claim(hit.row).id();
        case SearchDocKind::Source: return std::string(store.source(hit.row).id());
        case SearchDocKind::Type: return store.type(hit.row).name;
        case SearchDocKind::Kind: return store.kind(hit.row).name;
    }
    return "";
}

std::string searchHitTitle(const store::GraphStore& store, const SearchHit& hit) {
    switch (hit.kind) {
        case SearchDocKind::Entity: return std::string(store.entity(hit.row).name());
        case SearchDocKind::Relation: return relationSentence(store, hit.row);
        case SearchDocKind::Claim: return relationSentence(store, store.claim(hit.row).relation());
        case SearchDocKind::Source: return sourceLabel(store, hit.row);
        case SearchDocKind::Type: return store.type(hit.row).label;
        case SearchDocKind::Kind: return store.kind(hit.row).label;
    }
    return "";
}

std::string_view searchHitDate(const store::GraphStore& store, const SearchHit& hit) {
    if (hit.kind == SearchDocKind::Source) return store.source(hit.row).date();
    if (hit.kind != SearchDocKind::Claim) return {};
    return store.claim(hit.row).dateOrSourceDate();
}

SearchResult search(const store::GraphStore& store, std::string_view query, const SearchFilters& filters,
                    std::size_t limit) {
    const std::vector<Group> groups = parseQuery(query);
    if (groups.empty()) throw QueryError("empty search: give at least one word to look for (letters or digits)");
    if (groups.size() > kMaxGroups) throw QueryError(fmt::format("a search takes at most {} words and phrases", kMaxGroups));
    const Matcher matcher(store, groups);
    const store::SearchIndex& index = matcher.index();
    const std::size_t N = index.documentCount();
    SearchResult result;
    if (N == 0) return result;

    // Scores and the groups each document matched, over the documents any posting list touches.
    std::vector<float> score(N, 0.0f);
    std::vector<std::uint32_t> mask(N, 0), exactMask(N, 0);  // groups matched; by their words themselves
    std::vector<Row> touched;
    const double average = index.averageLength();
    const auto addTerm = [&](std::size_t t, std::size_t g, double factor, bool exact) {
        const std::span<const Row> docs = index.documents(t);
        const std::span<const std::uint8_t> weights = index.weights(t);
        const double n = static_cast<double>(docs.size());
        const double idf = std::log(1.0 + (static_cast<double>(N) - n + 0.5) / (n + 0.5));
        for (std::size_t i = 0; i < docs.size(); ++i) {
            const Row d = docs[i];
            const double w = weights[i];
            const double norm = kK1 * (1 - kB + kB * static_cast<double>(index.documentLength(d)) / average);
            if (mask[d] == 0) touched.push_back(d);
            score[d] += static_cast<float>(factor * idf * w * (kK1 + 1) / (w + norm));
            mask[d] |= 1u << g;
            if (exact) exactMask[d] |= 1u << g;
        }
    };
    std::vector<bool> phrase(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const Group& group = groups[g];
        phrase[g] = group.terms.size() > 1;
        // Each document once per group: a phrase's words are intersected below by the mask of every word.
        for (std::size_t k = 0; k < group.terms.size(); ++k) {
            const bool last = k + 1 == group.terms.size();
            const auto exact = index.findTerm(group.terms[k]);
            if (exact) addTerm(*exact, g, 1.0 / static_cast<double>(group.terms.size()), true);
            if (last && !group.prefix.empty()) {
                const auto [first, end] = index.termsStartingWith(group.prefix);
                for (std::size_t t = first; t < end && t < first + kMaxPrefixTerms; ++t) {
                    if (!exact || t != *exact) addTerm(t, g, kPrefixWeight / static_cast<double>(group.terms.size()), false);
                }
            }
        }
    }
    // A phrase group counts for a document only when all its words are there: the mask bit is set
    // by any, so phrases are checked word by word on the document's text below.
    const std::uint32_t all = groups.size() == 32 ? ~0u : (1u << groups.size()) - 1;
    const auto verified = [&](Row d, bool requireAll) -> std::uint32_t {
        // Records that only have some of the words must have them as written, not as completions.
        std::uint32_t m = requireAll ? mask[d] : exactMask[d];
        if (requireAll && m != all) return 0;
        bool anyPhrase = false;
        for (std::size_t g = 0; g < groups.size(); ++g) anyPhrase = anyPhrase || (phrase[g] && (m >> g & 1));
        if (!anyPhrase) return m;
        const std::vector<store::SearchField> fields = store::searchFields(store, index.documentKind(d), index.documentRow(d));
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (phrase[g] && (m >> g & 1) && !Matcher::hasPhrase(fields, groups[g])) m &= ~(1u << g);
        }
        return requireAll && m != all ? 0 : m;
    };
    std::vector<Row> kept;
    for (const bool requireAll : {true, false}) {
        const bool filtered = !filters.kinds.empty() || !filters.types.empty() || filters.source || filters.party ||
                              filters.dates.bounded();
        for (const Row d : touched) {
            if (filtered && !passes(store, index.documentKind(d), index.documentRow(d), filters)) continue;
            if (verified(d, requireAll) != 0) kept.push_back(d);
        }
        if (!kept.empty() || groups.size() == 1) break;
        result.allWords = false;
    }
    if (kept.empty()) result.allWords = true;
    result.total = kept.size();
    // Records of who said what to whom (attribution relations and their claims) rank below the
    // facts they are about: a search for "stipend" wants the figure before "X cited Y on it".
    bool anyAttribution = false;
    for (std::size_t t = 0; t < store.typeCount(); ++t) anyAttribution = anyAttribution || store.type(t).attribution;
    for (const Row d : anyAttribution ? kept : std::vector<Row>()) {
        const SearchDocKind kind = index.documentKind(d);
        if (kind != SearchDocKind::Claim && kind != SearchDocKind::Relation) continue;
        const store::Edge e = kind == SearchDocKind::Claim ? store.relationOfClaim(index.documentRow(d)) : index.documentRow(d);
        if (store.typeOf(e).attribution) score[d] *= kAttributionWeight;
    }
    const auto better = [&](Row a, Row b) { return score[a] != score[b] ? score[a] > score[b] : a < b; };
    const std::size_t shown = std::min(limit, kept.size());
    std::partial_sort(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(shown), kept.end(), better);
    for (std::size_t i = 0; i < shown; ++i) {
        const Row d = kept[i];
        SearchHit hit{index.documentKind(d), index.documentRow(d), std::round(score[d] * 1000.0) / 1000.0, {}, {}, {}};
        makeSnippet(store::searchFields(store, hit.kind, hit.row), matcher, hit);
        result.hits.push_back(std::move(hit));
    }
    return result;
}

}  // namespace relgraph::query
