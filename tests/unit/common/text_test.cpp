// Tests for relgraph::text: name normalization, identifier and UTF-8 checks, suggestions,
// terminal safety, display width and digit grouping.

#include <doctest/doctest.h>

#include <climits>

#include <string>
#include <vector>

#include "relgraph/common/text.hpp"

using namespace std::string_literals;
namespace text = relgraph::text;

namespace {
const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD
}

// --- normalizeName ---------------------------------------------------------------------------

TEST_CASE("text: normalizeName folds case, Unicode letters too, and composes accents") {
    CHECK(text::normalizeName("North Korea") == "north korea");
    CHECK(text::normalizeName("DPRK") == "dprk");
    CHECK(text::normalizeName("already lower 123") == "already lower 123");
    CHECK(text::normalizeName("\xC3\x89""COLE") == "\xC3\xA9""cole");                        // ÉCOLE -> école
    CHECK(text::normalizeName("\xD0\x96\xD1\x83\xD0\xBA\xD0\xBE\xD0\xB2") == "\xD0\xB6\xD1\x83\xD0\xBA\xD0\xBE\xD0\xB2");  // Жуков -> жуков
    CHECK(text::normalizeName("CAROL D\xC3\x89") == text::normalizeName("Carol D\xC3\xA9"));
    // A decomposed é (e + U+0301) is the composed one; accents are kept (names differ by them).
    CHECK(text::normalizeName("Carol De\xCC\x81") == text::normalizeName("Carol D\xC3\xA9"));
    CHECK(text::normalizeName("Carol D\xC3\xA9") != text::normalizeName("Carol De"));
    // Invalid UTF-8 is compared as it is.
    CHECK(text::normalizeName("A\xFF") == "a\xFF");
}

TEST_CASE("text: normalizeName collapses runs of white space and trims the ends") {
    CHECK(text::normalizeName("  North \t\n\r  Korea  ") == "north korea");
    CHECK(text::normalizeName("a  b   c") == "a b c");
    CHECK(text::normalizeName("\tleading") == "leading");
    CHECK(text::normalizeName("trailing\n") == "trailing");
    CHECK(text::normalizeName("") == "");
    CHECK(text::normalizeName(" \t\r\n ") == "");
}

TEST_CASE("text: normalizeName reads typographic apostrophes as an ASCII apostrophe") {
    CHECK(text::normalizeName("Democratic People\xE2\x80\x99s Republic") == "democratic people's republic");
    CHECK(text::normalizeName("\xE2\x80\x98quoted\xE2\x80\x99") == "'quoted'");
    CHECK(text::normalizeName("\xE2\x80\x99") == "'");
    CHECK(text::normalizeName("O\xE2\x80\x99") == "o'");
    CHECK(text::normalizeName("People\xE2\x80\x99s") == text::normalizeName("PEOPLE's"));
    // Other characters starting with E2 80 are left alone (U+201C left double quote, U+2013 en dash).
    CHECK(text::normalizeName("\xE2\x80\x9CX\xE2\x80\x9D") == "\xE2\x80\x9C""x\xE2\x80\x9D");
    CHECK(text::normalizeName("A\xE2\x80\x93""B") == "a\xE2\x80\x93""b");
    // A truncated sequence at the end is kept as it is, not read past the end.
    CHECK(text::normalizeName("X\xE2\x80") == "x\xE2\x80");
}

// --- isIdentifier ----------------------------------------------------------------------------

TEST_CASE("text: isIdentifier accepts a-z 0-9 _ - . starting with a letter or digit") {
    CHECK(text::isIdentifier("dprk"));
    CHECK(text::isIdentifier("a"));
    CHECK(text::isIdentifier("7"));
    CHECK(text::isIdentifier("0abc"));
    CHECK(text::isIdentifier("c-nis-workers-15000"));
    CHECK(text::isIdentifier("a_b.c-d"));
    CHECK(text::isIdentifier("a-"));
    CHECK(text::isIdentifier(std::string(100, 'x')));
}

TEST_CASE("text: isIdentifier rejects empty, too long, upper case, spaces and bad first characters") {
    CHECK_FALSE(text::isIdentifier(""));
    CHECK_FALSE(text::isIdentifier(std::string(101, 'x')));
    CHECK_FALSE(text::isIdentifier("Dprk"));
    CHECK_FALSE(text::isIdentifier("north korea"));
    CHECK_FALSE(text::isIdentifier("-a"));
    CHECK_FALSE(text::isIdentifier("_a"));
    CHECK_FALSE(text::isIdentifier(".a"));
    CHECK_FALSE(text::isIdentifier("a/b"));
    CHECK_FALSE(text::isIdentifier("a~b"));
    CHECK_FALSE(text::isIdentifier("caf\xC3\xA9"));
    CHECK_FALSE(text::isIdentifier("a\nb"));
    CHECK_FALSE(text::isIdentifier("a\0b"s));
}

// --- isValidUtf8 -----------------------------------------------------------------------------

TEST_CASE("text: isValidUtf8 accepts well-formed sequences of every length") {
    CHECK(text::isValidUtf8(""));
    CHECK(text::isValidUtf8("plain ASCII"));
    CHECK(text::isValidUtf8("\0"s));
    CHECK(text::isValidUtf8("\xC2\x80"));              // U+0080, smallest 2-byte
    CHECK(text::isValidUtf8("caf\xC3\xA9"));           // é
    CHECK(text::isValidUtf8("\xDF\xBF"));              // U+07FF
    CHECK(text::isValidUtf8("\xE0\xA0\x80"));          // U+0800, smallest 3-byte
    CHECK(text::isValidUtf8("\xE2\x82\xAC"));          // €
    CHECK(text::isValidUtf8("\xED\x9F\xBF"));          // U+D7FF, just below the surrogates
    CHECK(text::isValidUtf8("\xEE\x80\x80"));          // U+E000, just above the surrogates
    CHECK(text::isValidUtf8("\xEF\xBF\xBF"));          // U+FFFF
    CHECK(text::isValidUtf8("\xF0\x90\x80\x80"));      // U+10000, smallest 4-byte
    CHECK(text::isValidUtf8("\xF0\x9D\x84\x9E"));      // 𝄞
    CHECK(text::isValidUtf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF, the last code point
}

TEST_CASE("text: isValidUtf8 rejects overlong encodings") {
    CHECK_FALSE(text::isValidUtf8("\xC0\x80"));          // U+0000 in 2 bytes
    CHECK_FALSE(text::isValidUtf8("\xC0\xAF"));          // '/' in 2 bytes
    CHECK_FALSE(text::isValidUtf8("\xC1\xBF"));          // U+007F in 2 bytes
    CHECK_FALSE(text::isValidUtf8("\xE0\x80\xAF"));      // '/' in 3 bytes
    CHECK_FALSE(text::isValidUtf8("\xE0\x9F\xBF"));      // U+07FF in 3 bytes
    CHECK_FALSE(text::isValidUtf8("\xF0\x80\x80\xAF"));  // '/' in 4 bytes
    CHECK_FALSE(text::isValidUtf8("\xF0\x8F\xBF\xBF"));  // U+FFFF in 4 bytes
}

TEST_CASE("text: isValidUtf8 rejects surrogates and code points above U+10FFFF") {
    CHECK_FALSE(text::isValidUtf8("\xED\xA0\x80"));      // U+D800
    CHECK_FALSE(text::isValidUtf8("\xED\xBF\xBF"));      // U+DFFF
    CHECK_FALSE(text::isValidUtf8("\xED\xA0\xBD\xED\xB8\x80"));  // CESU-8 pair
    CHECK_FALSE(text::isValidUtf8("\xF4\x90\x80\x80"));  // U+110000
    CHECK_FALSE(text::isValidUtf8("\xF5\x80\x80\x80"));
    CHECK_FALSE(text::isValidUtf8("\xF8\x88\x80\x80\x80"));
    CHECK_FALSE(text::isValidUtf8("\xFE"));
    CHECK_FALSE(text::isValidUtf8("\xFF"));
}

TEST_CASE("text: isValidUtf8 rejects truncated sequences and stray continuation bytes") {
    CHECK_FALSE(text::isValidUtf8("\xC3"));
    CHECK_FALSE(text::isValidUtf8("abc\xC3"));
    CHECK_FALSE(text::isValidUtf8("\xE2\x82"));
    CHECK_FALSE(text::isValidUtf8("\xF0\x9D\x84"));
    CHECK_FALSE(text::isValidUtf8("\xC3" "A"));           // lead byte followed by ASCII
    CHECK_FALSE(text::isValidUtf8("\xE2\x82" "A"));
    CHECK_FALSE(text::isValidUtf8("\x80"));
    CHECK_FALSE(text::isValidUtf8("a\xBF" "b"));
    CHECK_FALSE(text::isValidUtf8("\xC3\xA9\xA9"));       // one continuation byte too many
}

// --- hasControlCharacters --------------------------------------------------------------------

TEST_CASE("text: hasControlCharacters finds C0 controls and DEL") {
    CHECK_FALSE(text::hasControlCharacters(""));
    CHECK_FALSE(text::hasControlCharacters("North Korea ~!@#"));
    CHECK_FALSE(text::hasControlCharacters("caf\xC3\xA9 \xE2\x80\xAE"));  // non-ASCII is not checked here
    CHECK(text::hasControlCharacters("a\tb"));
    CHECK(text::hasControlCharacters("a\nb"));
    CHECK(text::hasControlCharacters("a\rb"));
    CHECK(text::hasControlCharacters("\x1B[31m"));
    CHECK(text::hasControlCharacters("\x1F"));
    CHECK(text::hasControlCharacters("a\x7F"));
    CHECK(text::hasControlCharacters("a\0b"s));
    CHECK_FALSE(text::hasControlCharacters(" "));  // U+0020 is the first non-control
}

TEST_CASE("text: hasControlCharacters with allowNewlines exempts only the newline") {
    CHECK_FALSE(text::hasControlCharacters("line one\nline two", true));
    CHECK(text::hasControlCharacters("line one\r\nline two", true));
    CHECK(text::hasControlCharacters("a\tb", true));
    CHECK(text::hasControlCharacters("a\x7F", true));
}

// --- editDistance ----------------------------------------------------------------------------

TEST_CASE("text: editDistance counts insertions, deletions, substitutions and transpositions") {
    CHECK(text::editDistance("", "") == 0);
    CHECK(text::editDistance("abc", "") == 3);
    CHECK(text::editDistance("", "abcd") == 4);
    CHECK(text::editDistance("dprk", "dprk") == 0);
    CHECK(text::editDistance("dprk", "dprkk") == 1);   // insertion
    CHECK(text::editDistance("dprk", "drk") == 1);     // deletion
    CHECK(text::editDistance("dprk", "dpak") == 1);    // substitution
    CHECK(text::editDistance("kitten", "sitting") == 3);
    CHECK(text::editDistance("flaw", "lawn") == 2);
    CHECK(text::editDistance("ab", "ba") == 1);        // an adjacent swap is one typo
    CHECK(text::editDistance("wier", "wire") == 1);
    CHECK(text::editDistance("ca", "abc") == 3);       // optimal string alignment, not full Damerau
    CHECK(text::editDistance("sitting", "kitten") == text::editDistance("kitten", "sitting"));
    // Over bytes: é is two bytes.
    CHECK(text::editDistance("e", "\xC3\xA9") == 2);
}

// --- closestMatches --------------------------------------------------------------------------

TEST_CASE("text: closestMatches orders by distance, then alphabetically") {
    const std::vector<std::string> ids{"russia", "dprc", "dprk", "china"};
    CHECK(text::closestMatches("dprkk", ids) == std::vector<std::string>{"dprk"});
    CHECK(text::closestMatches("dprkk", {"dprc", "dprk"}) == std::vector<std::string>{"dprk"});
    CHECK(text::closestMatches("abcd", {"abcx", "abce", "abzz"}) == std::vector<std::string>{"abce", "abcx"});
    // Short words get one edit at most: "via" does not suggest "id".
    CHECK(text::closestMatches("via", {"id", "to"}).empty());
}

TEST_CASE("text: closestMatches respects the limit") {
    const std::vector<std::string> ids{"alpha1", "alpha2", "alpha3", "alpha4"};
    CHECK(text::closestMatches("alpha", ids).size() == 3);
    CHECK(text::closestMatches("alpha", ids, 1) == std::vector<std::string>{"alpha1"});
    CHECK(text::closestMatches("alpha", ids, 0).empty());
    CHECK(text::closestMatches("alpha", ids, 10).size() == 4);
}

TEST_CASE("text: closestMatches suggests nothing for far-away strings") {
    CHECK(text::closestMatches("zzzzzzzz", {"alpha", "beta", "gamma"}).empty());
    CHECK(text::closestMatches("dprk", {"russia", "ukraine"}).empty());
    CHECK(text::closestMatches("anything", {}).empty());
}

TEST_CASE("text: closestMatches compares normalized names but returns the candidates as written") {
    CHECK(text::closestMatches("NORTH  korea", {"North Korea", "South Africa"}) ==
          std::vector<std::string>{"North Korea"});
    CHECK(text::closestMatches("people's republic", {"People\xE2\x80\x99s Republic"}) ==
          std::vector<std::string>{"People\xE2\x80\x99s Republic"});
}

TEST_CASE("text: closestMatches accepts a prefix or word prefix of three or more characters") {
    // Far by edit distance, but the query starts the candidate or one of its words.
    CHECK(text::closestMatches("intel", {"intelligence agency of the republic"}) ==
          std::vector<std::string>{"intelligence agency of the republic"});
    CHECK(text::closestMatches("alpha", {"People's Republic of Alpha and Omega"}) ==
          std::vector<std::string>{"People's Republic of Alpha and Omega"});
    // Prefix matches rank after edit-distance matches.
    CHECK(text::closestMatches("alpha", {"alphaland democratic republic", "alpho"}) ==
          std::vector<std::string>{"alpho", "alphaland democratic republic"});
    // Two characters are too few for a prefix match.
    CHECK(text::closestMatches("re", {"republic of somewhere"}).empty());
    // A match inside a word is not a word prefix.
    CHECK(text::closestMatches("public", {"the republic of somewhere"}).empty());
}

TEST_CASE("text: closestMatches lists a candidate given twice once") {
    CHECK(text::closestMatches("beta", {"beta", "beta", "betta"}) == std::vector<std::string>{"beta", "betta"});
}

// --- quotedAlternatives ----------------------------------------------------------------------

TEST_CASE("text: quotedAlternatives joins with commas and a final 'or'") {
    CHECK(text::quotedAlternatives({}) == "");
    CHECK(text::quotedAlternatives({"a"}) == "\"a\"");
    CHECK(text::quotedAlternatives({"a", "b"}) == "\"a\" or \"b\"");
    CHECK(text::quotedAlternatives({"a", "b", "c"}) == "\"a\", \"b\" or \"c\"");
    CHECK(text::quotedAlternatives({"a", "b", "c", "d"}) == "\"a\", \"b\", \"c\" or \"d\"");
}

TEST_CASE("text: quotedAlternatives makes candidates terminal-safe") {
    CHECK(text::quotedAlternatives({"\x1B[2J"}) == "\"\\x1B[2J\"");
}

// --- terminalSafe ----------------------------------------------------------------------------

TEST_CASE("text: terminalSafe keeps printable text, including non-ASCII, unchanged") {
    const std::string s = "Bob \"the Builder\" <b> & \\ caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80";
    CHECK(text::terminalSafe(s) == s);
    CHECK(text::terminalSafe("") == "");
    CHECK(text::terminalSafe("\xC2\xA0") == "\xC2\xA0");  // U+00A0, just past the C1 range
}

TEST_CASE("text: terminalSafe escapes C0 controls and DEL as \\xNN") {
    CHECK(text::terminalSafe("\x1B[31mred\x1B[0m") == "\\x1B[31mred\\x1B[0m");
    CHECK(text::terminalSafe("over\rwrite") == "over\\x0Dwrite");
    CHECK(text::terminalSafe("a\tb") == "a\\x09b");
    CHECK(text::terminalSafe("bell\x07") == "bell\\x07");
    CHECK(text::terminalSafe("del\x7F") == "del\\x7F");
    CHECK(text::terminalSafe("nul\0!"s) == "nul\\x00!");
}

TEST_CASE("text: terminalSafe escapes C1 controls") {
    CHECK(text::terminalSafe("\xC2\x80") == "\\x80");
    CHECK(text::terminalSafe("a\xC2\x85z") == "a\\x85z");    // NEL
    CHECK(text::terminalSafe("\xC2\x9B""31m") == "\\x9B31m");  // CSI
    CHECK(text::terminalSafe("\xC2\x9F") == "\\x9F");
}

TEST_CASE("text: terminalSafe escapes bidirectional overrides and isolates") {
    CHECK(text::terminalSafe("abc\xE2\x80\xAE""def") == "abc\\u202Edef");  // RLO
    CHECK(text::terminalSafe("\xE2\x80\xAD") == "\\u202D");                 // LRO
    CHECK(text::terminalSafe("\xE2\x81\xA6") == "\\u2066");                 // LRI
    CHECK(text::terminalSafe("\xE2\x81\xA7") == "\\u2067");                 // RLI
    CHECK(text::terminalSafe("\xE2\x81\xA8") == "\\u2068");                 // FSI
    CHECK(text::terminalSafe("\xE2\x81\xA9") == "\\u2069");                 // PDI
}

TEST_CASE("text: terminalSafe replaces each invalid UTF-8 byte with U+FFFD") {
    CHECK(text::terminalSafe("a\xFF" "b") == "a" + kReplacement + "b");
    CHECK(text::terminalSafe("abc\xC3") == "abc" + kReplacement);
    CHECK(text::terminalSafe("\xE2\x82") == kReplacement + kReplacement);
    CHECK(text::terminalSafe("\xC0\x80") == kReplacement + kReplacement);            // overlong NUL
    CHECK(text::terminalSafe("\xED\xA0\x80") == kReplacement + kReplacement + kReplacement);  // surrogate
    // The byte after a broken lead byte is read again on its own.
    CHECK(text::terminalSafe("\xC3" "A") == kReplacement + "A");
    CHECK(text::isValidUtf8(text::terminalSafe("\x80\x81\xFE\xFF\xC3")));
}

TEST_CASE("text: terminalSafe shows newlines as \\n unless asked to keep them") {
    CHECK(text::terminalSafe("one\ntwo") == "one\\ntwo");
    CHECK(text::terminalSafe("one\ntwo", true) == "one\ntwo");
    // Keeping newlines does not let other controls through.
    CHECK(text::terminalSafe("one\r\ntwo\x1B", true) == "one\\x0D\ntwo\\x1B");
}

// --- displayWidth ----------------------------------------------------------------------------

TEST_CASE("text: displayWidth counts code points, wide East Asian characters as two") {
    CHECK(text::displayWidth("") == 0);
    CHECK(text::displayWidth("abc") == 3);
    CHECK(text::displayWidth("caf\xC3\xA9") == 4);                        // é is one column
    CHECK(text::displayWidth("\xE5\x8C\x97\xE6\x9C\x9D\xE9\xAE\xAE") == 6);  // 北朝鮮
    CHECK(text::displayWidth("\xEB\xB6\x81\xED\x95\x9C") == 4);            // 북한
    CHECK(text::displayWidth("\xE3\x81\x82") == 2);                        // あ
    CHECK(text::displayWidth("\xEF\xBC\xA1") == 2);                        // fullwidth Ａ
    CHECK(text::displayWidth("a\xE4\xB8\xAD" "b") == 4);
    CHECK(text::displayWidth("\xF0\x9F\x98\x80") == 2);                    // 😀
    CHECK(text::displayWidth("\xD0\x9C\xD0\xB8\xD1\x80") == 3);            // Мир
}

TEST_CASE("text: displayWidth gives combining marks no width and invalid bytes one column") {
    CHECK(text::displayWidth("e\xCC\x81") == 1);  // e + U+0301
    CHECK(text::displayWidth("\xFF") == 1);
    CHECK(text::displayWidth("a\xFF" "b") == 3);
}

// --- groupThousands --------------------------------------------------------------------------

TEST_CASE("text: groupThousands inserts commas every three digits") {
    CHECK(text::groupThousands(0) == "0");
    CHECK(text::groupThousands(7) == "7");
    CHECK(text::groupThousands(999) == "999");
    CHECK(text::groupThousands(1000) == "1,000");
    CHECK(text::groupThousands(15000) == "15,000");
    CHECK(text::groupThousands(100000) == "100,000");
    CHECK(text::groupThousands(1234567) == "1,234,567");
    CHECK(text::groupThousands(9223372036854775807LL) == "9,223,372,036,854,775,807");
}

TEST_CASE("text: groupThousands keeps the sign in front of negative numbers") {
    CHECK(text::groupThousands(-1) == "-1");
    CHECK(text::groupThousands(-999) == "-999");
    CHECK(text::groupThousands(-1000) == "-1,000");
    CHECK(text::groupThousands(-1234567) == "-1,234,567");
    CHECK(text::groupThousands(-100000) == "-100,000");
}

TEST_CASE("text: every bidirectional control is escaped, and the smallest integer groups") {
    for (const char* bidi : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u200E", "\u200F", "\u061C", "\u2066",
                             "\u2069"}) {
        CAPTURE(bidi);
        CHECK(text::terminalSafe(std::string("a") + bidi + "b").find(bidi) == std::string::npos);
    }
    CHECK(text::groupThousands(LLONG_MIN) == "-9,223,372,036,854,775,808");
}
