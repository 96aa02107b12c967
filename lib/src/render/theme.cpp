#include "relgraph/render/theme.hpp"

#include <set>

#include "relgraph/common/bundled_graph.hpp"
#include "relgraph/load/theme_loader.hpp"

namespace relgraph::render {

namespace {
const NodeStyle kFallbackNode{"box", "#FFFFFF", "#000000"};
const EdgeStyle kSolid{"solid", "#555555"};
const EdgeStyle kDashed{"dashed", "#777777"};
}  // namespace

Theme::Theme(const model::Schema& schema, const model::ThemeSpec& spec) : font_(spec.font), rankdir_(spec.rankdir) {
    // Pairs already taken by styled kinds, so generated ones differ from them.
    std::set<std::pair<std::string, std::string>> taken;
    for (const auto& [name, kind] : spec.kinds) {
        if (kind.shape && kind.line) taken.insert({*kind.shape, *kind.line});
    }
    std::size_t next = 0;
    const std::size_t palette = spec.palette.size(), shapes = spec.shapes.size();
    for (const auto& [name, kind] : schema.kinds) {
        const auto styled = spec.kinds.find(name);
        NodeStyle style = kFallbackNode;
        const bool complete = styled != spec.kinds.end() && styled->second.shape && styled->second.line &&
                              styled->second.fill;
        // Generated pairs walk shapes and colours together; with coprime list lengths every pair
        // is distinct until the product is exhausted.
        while (!complete && palette > 0 && shapes > 0 && next < palette * shapes) {
            const model::Colours& colours = spec.palette[next % palette];
            const std::string& shape = spec.shapes[next % shapes];
            ++next;
            if (taken.insert({shape, colours.line}).second) {
                style = NodeStyle{shape, colours.fill, colours.line};
                break;
            }
        }
        if (styled != spec.kinds.end()) {
            if (styled->second.shape) style.shape = *styled->second.shape;
            if (styled->second.line) style.lineColor = *styled->second.line;
            if (styled->second.fill) style.fillColor = *styled->second.fill;
        }
        kinds_.emplace(name, style);
    }
    for (const auto& [name, type] : schema.types) {
        EdgeStyle style = type.attribution ? kDashed : kSolid;
        if (const auto it = spec.types.find(name); it != spec.types.end()) {
            if (it->second.style) style.style = *it->second.style;
            if (it->second.color) style.color = *it->second.color;
        }
        types_.emplace(name, style);
    }
}

const NodeStyle& Theme::kindStyle(const std::string& kind) const {
    const auto it = kinds_.find(kind);
    return it == kinds_.end() ? kFallbackNode : it->second;
}

const EdgeStyle& Theme::typeStyle(const std::string& type) const {
    const auto it = types_.find(type);
    return it == types_.end() ? kDashed : it->second;
}

const EdgeStyle& Theme::plainEdge() { return kSolid; }

const NodeStyle& Theme::relationStyle() {
    static const NodeStyle style{"box", "#FFFFFF", "#333333"};
    return style;
}

const NodeStyle& Theme::sourceStyle() {
    static const NodeStyle style{"note", "#FFFFFF", "#333333"};
    return style;
}

const NodeStyle& Theme::valueStyle() {
    static const NodeStyle style{"box", "#FFF7E0", "#B07800"};
    return style;
}

Theme defaultTheme(const model::Schema& schema) {
    return Theme(schema, load::loadTheme(defaultThemePath()));
}

}  // namespace relgraph::render
