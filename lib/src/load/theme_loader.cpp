#include "relgraph/load/theme_loader.hpp"

#include <fmt/format.h>
#include <fstream>
#include <sstream>

#include "load/json_document.hpp"
#include "load/object_reader.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::load {

using nlohmann::json;

namespace {

class ThemeReader {
public:
    ThemeReader(const JsonDocument& doc, Problems& problems) : doc_(doc), problems_(problems) {}

    model::ThemeSpec read() {
        model::ThemeSpec theme;
        ObjectReader top(doc_, doc_.root(), "", problems_, "a relgraph theme");
        if (!top.isObject()) return theme;
        if (const json* version = top.member("relgraph_theme", Need::Required, json::value_t::number_integer)) {
            if (*version != 1) top.problem("relgraph_theme", "unsupported theme version (this relgraph reads 1)");
        }
        if (const json* v = top.member("font", Need::Optional, json::value_t::string)) {
            checked(top, "font", *v, model::isThemeFont, "a font name of letters, digits, spaces, commas and hyphens",
                    theme.font);
        }
        if (const json* v = top.member("rankdir", Need::Optional, json::value_t::string)) {
            checked(top, "rankdir", *v, model::isRankdir, "LR, RL, TB or BT", theme.rankdir);
        }
        if (const json* palette = top.member("palette", Need::Optional, json::value_t::array)) {
            for (std::size_t i = 0; i < palette->size(); ++i) {
                ObjectReader entry(doc_, (*palette)[i], JsonDocument::child(top.childPointer("palette"), i),
                                   problems_, "a palette entry");
                model::Colours colours;
                colours.line = colour(entry, "line", Need::Required);
                colours.fill = colour(entry, "fill", Need::Required);
                entry.finish({"line", "fill"});
                if (!colours.line.empty() && !colours.fill.empty()) theme.palette.push_back(colours);
            }
        }
        if (const json* shapes = top.member("shapes", Need::Optional, json::value_t::array)) {
            for (std::size_t i = 0; i < shapes->size(); ++i) {
                std::string shape;
                if (shapeAt((*shapes)[i], JsonDocument::child(top.childPointer("shapes"), i), shape)) {
                    theme.shapes.push_back(shape);
                }
            }
        }
        if (const json* kinds = top.member("kinds", Need::Optional, json::value_t::object)) {
            for (const auto& [name, value] : kinds->items()) {
                ObjectReader kind(doc_, value, JsonDocument::child(top.childPointer("kinds"), name), problems_,
                                  "a kind style");
                model::KindStyleSpec spec;
                if (const json* s = kind.member("shape", Need::Optional, json::value_t::string)) {
                    std::string shape;
                    if (shapeAt(*s, kind.childPointer("shape"), shape)) spec.shape = shape;
                }
                if (std::string c = colour(kind, "line", Need::Optional); !c.empty()) spec.line = c;
                if (std::string c = colour(kind, "fill", Need::Optional); !c.empty()) spec.fill = c;
                kind.finish({"shape", "line", "fill"});
                theme.kinds.emplace(name, spec);
            }
        }
        if (const json* types = top.member("types", Need::Optional, json::value_t::object)) {
            for (const auto& [name, value] : types->items()) {
                ObjectReader type(doc_, value, JsonDocument::child(top.childPointer("types"), name), problems_,
                                  "a relation type style");
                model::TypeStyleSpec spec;
                if (const json* s = type.member("style", Need::Optional, json::value_t::string)) {
                    std::string style;
                    if (checked(type, "style", *s, model::isThemeEdgeStyle, "solid, dashed, dotted or bold", style)) {
                        spec.style = style;
                    }
                }
                if (std::string c = colour(type, "color", Need::Optional); !c.empty()) spec.color = c;
                type.finish({"style", "color"});
                theme.types.emplace(name, spec);
            }
        }
        top.finish({"relgraph_theme", "$schema", "font", "rankdir", "palette", "shapes", "kinds", "types"});
        return theme;
    }

private:
    template <class Predicate>
    bool checked(ObjectReader& reader, std::string_view key, const json& v, Predicate ok, std::string_view expected,
                 std::string& out) {
        const std::string& s = v.get_ref<const std::string&>();
        if (!ok(s)) {
            reader.problem(key, fmt::format("\"{}\" is not {}", text::terminalSafe(s), expected));
            return false;
        }
        out = s;
        return true;
    }

    std::string colour(ObjectReader& reader, std::string_view key, Need need) {
        const json* v = reader.member(key, need, json::value_t::string);
        std::string out;
        if (v) checked(reader, key, *v, model::isThemeColour, "a colour written #RRGGBB", out);
        return out;
    }

    bool shapeAt(const json& v, const std::string& pointer, std::string& out) {
        const auto& shapes = model::themeShapes();
        if (v.is_string() && std::find(shapes.begin(), shapes.end(), v.get<std::string>()) != shapes.end()) {
            out = v.get<std::string>();
            return true;
        }
        std::string message = "not a shape relgraph draws";
        if (v.is_string()) {
            const auto close = text::closestMatches(v.get<std::string>(), shapes);
            message = fmt::format("\"{}\" is not a shape relgraph draws", text::terminalSafe(v.get<std::string>()));
            if (!close.empty()) message += " — did you mean " + text::quotedAlternatives(close) + "?";
        }
        problems_.add(doc_, pointer, message);
        return false;
    }

    const JsonDocument& doc_;
    Problems& problems_;
};

}  // namespace

model::ThemeSpec parseTheme(const std::string& name, const std::string& text) {
    Problems problems;
    std::vector<Diagnostic> syntax;
    JsonDocument doc;
    model::ThemeSpec theme;
    if (doc.parse(name, text, syntax)) theme = ThemeReader(doc, problems).read();
    for (Diagnostic& d : syntax) problems.add(std::move(d));
    if (problems.size() > 0) throw LoadError(problems.take());
    return theme;
}

model::ThemeSpec loadTheme(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw LoadError({Diagnostic{Place{path.generic_string(), 0, 0, {}}, "cannot read theme file"}});
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parseTheme(path.generic_string(), buffer.str());
}

}  // namespace relgraph::load
