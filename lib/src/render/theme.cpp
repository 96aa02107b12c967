#include "relgraph/render/theme.hpp"

#include <array>

namespace relgraph::render {

namespace {
// Okabe & Ito (2008), distinguishable with every common colour-vision deficiency; each colour
// with a light tint of itself for the fill, so black text stays readable.
constexpr std::array<std::pair<const char*, const char*>, 8> kPalette{{
    {"#0072B2", "#CCE3F0"},  // blue
    {"#E69F00", "#FAECCC"},  // orange
    {"#009E73", "#CCECE3"},  // bluish green
    {"#CC79A7", "#F5E4ED"},  // reddish purple
    {"#56B4E9", "#DDF0FB"},  // sky blue
    {"#D55E00", "#F7DFCC"},  // vermillion
    {"#F0E442", "#FCFAD9"},  // yellow
    {"#666666", "#E6E6E6"},  // grey
}};
constexpr std::array<const char*, 7> kShapes{"box", "ellipse", "hexagon", "octagon", "house", "cylinder",
                                             "parallelogram"};
}  // namespace

Theme::Theme(const model::Schema& schema) {
    std::size_t i = 0;
    for (const auto& [name, kind] : schema.kinds) {
        const auto& [line, fill] = kPalette[i % kPalette.size()];
        kinds_.emplace(name, NodeStyle{kShapes[i % kShapes.size()], fill, line});
        ++i;
    }
}

const NodeStyle& Theme::kindStyle(const std::string& kind) const {
    static const NodeStyle fallback{"box", "#FFFFFF", "#000000"};
    const auto it = kinds_.find(kind);
    return it == kinds_.end() ? fallback : it->second;
}

const NodeStyle& Theme::relationStyle() {
    static const NodeStyle style{"box", "#FFFFFF", "#333333"};
    return style;
}

const NodeStyle& Theme::sourceStyle() {
    static const NodeStyle style{"note", "#FFFFFF", "#333333"};
    return style;
}

}  // namespace relgraph::render
