#pragma once
// Untrusted text made literal in wiki markup.

#include <string>
#include <string_view>

namespace relgraph::render {

// Markdown (CommonMark / GitHub): inline syntax characters (\ ` * _ [ ] | ~ $) are
// backslash-escaped, and so is whatever would start a heading, list or numbered list at the start;
// < > & become entities (no raw HTML, no autolinks); newlines become spaces (one line of text).
std::string markdownText(std::string_view text);

// MediaWiki: the text inside <nowiki>, with & < > as entities so that nothing (not even
// "</nowiki>") ends it early; newlines become spaces.
std::string mediawikiText(std::string_view text);

}  // namespace relgraph::render
