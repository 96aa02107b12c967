#include <doctest/doctest.h>

#include "relgraph/common/search_text.hpp"

using namespace relgraph;

namespace {
std::vector<std::string> terms(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& t : text::searchTokens(text)) out.push_back(t.term);
    return out;
}
using Terms = std::vector<std::string>;
}  // namespace

TEST_CASE("search text: words split at what is not a letter or digit, folded, without plural endings") {
    CHECK(terms("North Korean workers' visas") == Terms{"north", "korean", "worker", "visa"});
    CHECK(terms("Ministries, drones; buses") == Terms{"ministry", "drone", "buse"});
    CHECK(terms("status class us") == Terms{"status", "class", "us"});  // -us, -ss and short words keep their s
    CHECK(terms("Korea's O'Brien") == Terms{"korea", "obrien"});
    CHECK(terms("Korea\xE2\x80\x99s") == Terms{"korea"});
    CHECK(terms("sent_workers as-of") == Terms{"sent", "worker", "as", "of"});
    CHECK(terms("") == Terms{});
    CHECK(terms(" ,;- ") == Terms{});
}

TEST_CASE("search text: numbers keep their decimals and lose thousands separators; number words are digits") {
    CHECK(terms("about 15,000 (1.5 million), 2025-02-09.") == Terms{"about", "15000", "1.5", "million", "2025", "02", "09"});
    CHECK(terms("twelve times") == Terms{"12", "time"});
    CHECK(terms("a twelvefold rise, 12-fold") == Terms{"a", "12", "fold", "rise", "12", "fold"});
    CHECK(terms("manifold") == Terms{"manifold"});
}

TEST_CASE("search text: Unicode case, compatibility forms and accents fold") {
    CHECK(terms("\xD0\x96\xD1\x83\xD0\xBA\xD0\xBE\xD0\xB2") == terms("\xD0\xB6\xD1\x83\xD0\xBA\xD0\xBE\xD0\xB2"));  // Жуков
    CHECK(terms("CAROL D\xC3\x89") == Terms{"carol", "de"});
    CHECK(terms("Carol De\xCC\x81") == Terms{"carol", "de"});  // decomposed
    CHECK(terms("\xEF\xBC\xA1\xEF\xBC\xA2") == Terms{"ab"});  // fullwidth ＡＢ
    CHECK(terms("\xE5\x8C\x97\xE6\x9C\x9D\xE9\xAE\xAE") == Terms{"\xE5\x8C\x97\xE6\x9C\x9D\xE9\xAE\xAE"});  // 北朝鮮: one run of letters
}

TEST_CASE("search text: tokens point at their words; invalid UTF-8 splits words") {
    const std::string text = "The \xC3\x89""cole, 15,000 x\xFF""y";
    const auto tokens = text::searchTokens(text);
    REQUIRE(tokens.size() == 5);
    CHECK(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "\xC3\x89""cole");
    CHECK(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin) == "15,000");
    CHECK(tokens[3].term == "x");
    CHECK(tokens[4].term == "y");
    CHECK(text::searchPrefix("Visas") == "visas");
    CHECK(text::searchTerm("Visas") == "visa");
}

TEST_CASE("search text: the index build's ASCII fast path finds the terms searchTokens finds") {
    std::vector<std::string> texts = {"North Korea's 15,000 workers', O'Brien 1.5x 2025-02-09 twelvefold Twelve",
                                      "a,b 1,a a'1 'quoted' x. 3.. ,5 ends with 1,", "", "'", "1,", "'s", "Aes boxes ss"};
    std::uint32_t seed = 7;
    const std::string alphabet = "aZ9s' ,.-e1";
    for (int i = 0; i < 3000; ++i) {
        std::string t;
        for (int k = 0; k < 12; ++k) {
            seed = seed * 1664525u + 1013904223u;
            t += alphabet[(seed >> 24) % alphabet.size()];
        }
        texts.push_back(t);
    }
    for (const std::string& t : texts) {
        std::vector<std::string> fast;
        text::forEachSearchTerm(t, [&](const std::string& term) { fast.push_back(term); });
        CAPTURE(t);
        CHECK(fast == terms(t));
    }
}
