#include "render/svg_accessibility.hpp"

#include "relgraph/common/error.hpp"

namespace relgraph::render {

std::string xmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7F) out += ' ';
                else out += c;
        }
    }
    return out;
}

std::string addAccessibility(std::string_view svg, const std::string& id, std::string_view title,
                             std::string_view description) {
    const std::size_t open = svg.find("<svg ");
    RELGRAPH_ASSERT(open != std::string_view::npos);
    const std::size_t close = svg.find('>', open);
    RELGRAPH_ASSERT(close != std::string_view::npos);
    std::string out(svg.substr(0, close));
    out += " role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\">\n";
    out += "<title id=\"" + id + "-title\">" + xmlEscape(title) + "</title>\n";
    out += "<desc id=\"" + id + "-desc\">" + xmlEscape(description.empty() ? title : description) + "</desc>";
    out += svg.substr(close + 1);
    return out;
}

}  // namespace relgraph::render
