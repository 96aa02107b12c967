#include "relgraph/render/markup_text.hpp"

namespace relgraph::render {

namespace {
void appendEntity(std::string& out, char c) {
    switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        default: out += "&amp;"; break;
    }
}
}  // namespace

std::string markdownText(std::string_view text) {
    // Inline syntax anywhere (emphasis, code, links, tables, strikethrough, math); what starts a
    // block (headings, lists, quotes, numbered lists) only at the start.
    static constexpr std::string_view kInline = "\\`*_[]|~$";
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t digits = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool atStart = i == 0;
        if (c == '<' || c == '>' || c == '&') {
            appendEntity(out, c);
        } else if (c == '\n' || c == '\r' || c == '\t') {
            out += ' ';
        } else if (kInline.find(c) != std::string_view::npos ||
                   (atStart && std::string_view("#-+=").find(c) != std::string_view::npos) ||
                   (digits == i && i > 0 && (c == '.' || c == ')'))) {
            out += '\\';
            out += c;
        } else {
            out += c;
        }
        if (c >= '0' && c <= '9' && digits == i) ++digits;
    }
    return out;
}

std::string mediawikiText(std::string_view text) {
    std::string out = "<nowiki>";
    for (const char c : text) {
        if (c == '<' || c == '>' || c == '&') appendEntity(out, c);
        else if (c == '\n' || c == '\r' || c == '\t') out += ' ';
        else out += c;
    }
    return out + "</nowiki>";
}

}  // namespace relgraph::render
