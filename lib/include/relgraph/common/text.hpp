#pragma once
// Text helpers shared by every stage: name normalization, identifier and UTF-8 checks,
// "did you mean" suggestions, and making untrusted text safe for a terminal.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relgraph::text {

// The key names and aliases are matched by: letters case-folded (Unicode: "Жуков" and "жуков",
// "CAROL DÉ" and "Carol Dé" are one name) and in NFKC form, runs of white space collapsed to one
// space, ends trimmed, typographic apostrophes (’ ‘) read as '.
std::string normalizeName(std::string_view name);

// Unicode case folding with NFKC normalization (utf8proc); with stripMarks also without accents
// ("Dé" -> "de"). Invalid UTF-8 is returned as it is.
std::string foldCase(std::string_view text, bool stripMarks);

// [a-z0-9][a-z0-9_.-]{0,99}
bool isIdentifier(std::string_view s);

// `text` made an identifier: ASCII letters lower-cased, a-z 0-9 _ . - kept, every run of other
// bytes replaced by one `separator`, leading and trailing separators dropped, cut to 90
// characters (room for a suffix); `fallback` when nothing is left. "Media Outlet" -> "media_outlet".
std::string toIdentifier(std::string_view text, char separator, std::string_view fallback);

bool isValidUtf8(std::string_view s);
// The offset of the first byte that is not part of valid UTF-8 (overlong forms, surrogates and code
// points past U+10FFFF included); nullopt when all of `s` is valid.
std::optional<std::size_t> invalidUtf8Offset(std::string_view s);

// True when s holds U+0000–U+001F or U+007F; allowNewlines exempts '\n'.
bool hasControlCharacters(std::string_view s, bool allowNewlines = false);

// Edit distance over bytes, counting an adjacent transposition as one edit.
std::size_t editDistance(std::string_view a, std::string_view b);

// Up to `limit` candidates closest to `query` (after normalization), best first; only those a
// reader could plausibly have meant (distance at most a third of the length, or a prefix match).
std::vector<std::string> closestMatches(std::string_view query, const std::vector<std::string>& candidates,
                                        std::size_t limit = 3);

// `"a", "b" or "c"` for error messages; empty string for no candidates.
std::string quotedAlternatives(const std::vector<std::string>& candidates);

// Untrusted text made safe to print on a terminal: control characters (ESC, CR, …) shown as
// \xNN escapes, invalid UTF-8 bytes as U+FFFD. Newlines become "\n" unless keepNewlines.
std::string terminalSafe(std::string_view s, bool keepNewlines = false);

// Display width in terminal columns (code points; East Asian wide characters count 2).
std::size_t displayWidth(std::string_view s);

// "15000" -> "15,000"
std::string groupThousands(long long value);

}  // namespace relgraph::text
