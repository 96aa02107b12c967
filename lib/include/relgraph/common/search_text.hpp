#pragma once
// Words of text as the search index (store/search_index.hpp) keeps them: split at what is not a
// letter, digit or mark, case-folded and normalized without accents (utf8proc), with the English
// plural and possessive endings taken off ("Workers'" and "worker" are one term, "Korea's" is
// "korea"), and numbers without their thousands separators ("15,000" is "15000").

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace relgraph::text {

struct SearchToken {
    std::string term;    // the indexed form
    std::size_t begin;   // byte offsets of the word in the text
    std::size_t end;
};

// Every word of `text`, in order.
std::vector<SearchToken> searchTokens(std::string_view text);

// Calls f(term) for every word of `text`, in order, without keeping offsets (the index build).
template <class F>
void forEachSearchTerm(std::string_view text, F&& f);

// A word as the index keeps it ("Visas" -> "visa"), and its folded form before the endings are taken
// off ("visas"), which a prefix query matches against.
std::string searchTerm(std::string_view word);
std::string searchPrefix(std::string_view word);

// The terms a word stands for: mostly one (searchTerm), but number words are also written in
// digits and a multiple is two words, so that "twelve", "twelvefold" and "12-fold" meet:
// "twelve" -> "12", "twelvefold" -> "12" "fold". Returns how many of `out` it filled (1 or 2),
// reusing their memory.
std::size_t searchTerms(std::string_view word, std::string (&out)[2]);

namespace detail {
// A word's byte offsets.
struct WordSpan {
    std::size_t begin, end;
};
// The next word at or after `from`; begin == text.size() when there is none.
WordSpan nextWord(std::string_view text, std::size_t from);
// searchTerms for a word of ASCII letters and digits only, already lower-cased in out[0].
std::size_t finishPlainTerm(std::string (&out)[2]);
bool isAscii(std::string_view text);
}  // namespace detail

template <class F>
void forEachSearchTerm(std::string_view text, F&& f) {
    std::string terms[2];
    if (detail::isAscii(text)) {
        // The same words as nextWord finds, without decoding: letters and digits, with "15,000",
        // "1.5" and "O'Brien" one word each.
        const auto word = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
        const auto digit = [](char c) { return c >= '0' && c <= '9'; };
        const std::size_t n = text.size();
        std::size_t i = 0;
        while (i < n) {
            while (i < n && !word(text[i])) ++i;
            if (i >= n) return;
            const std::size_t begin = i;
            bool plain = true;
            for (; i < n; ++i) {
                const char c = text[i];
                if (word(c)) continue;
                const bool number = (c == ',' || c == '.') && digit(text[i - 1]) && i + 1 < n && digit(text[i + 1]);
                const bool apostrophe = c == '\'' && i + 1 < n && word(text[i + 1]) && !digit(text[i + 1]);
                if (!number && !apostrophe) break;
                plain = plain && c == '.';
            }
            const std::string_view w = text.substr(begin, i - begin);
            std::size_t count;
            if (plain) {
                terms[0].resize(w.size());
                for (std::size_t k = 0; k < w.size(); ++k) {
                    const char c = w[k];
                    terms[0][k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
                }
                count = detail::finishPlainTerm(terms);
            } else {
                count = searchTerms(w, terms);
            }
            for (std::size_t k = 0; k < count; ++k) f(terms[k]);
        }
        return;
    }
    for (std::size_t at = 0;;) {
        const detail::WordSpan w = detail::nextWord(text, at);
        if (w.begin >= text.size()) return;
        const std::size_t n = searchTerms(text.substr(w.begin, w.end - w.begin), terms);
        for (std::size_t i = 0; i < n; ++i) f(terms[i]);
        at = w.end;
    }
}

}  // namespace relgraph::text
