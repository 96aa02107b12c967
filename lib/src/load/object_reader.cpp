#include "load/object_reader.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "relgraph/common/text.hpp"
#include "relgraph/model/date.hpp"

namespace relgraph::load {

using nlohmann::json;

void Problems::add(const JsonDocument& doc, const std::string& pointer, std::string message) {
    list_.push_back({doc.place(pointer), std::move(message)});
}

std::vector<Diagnostic> Problems::take() {
    sortByPlace(list_);
    return std::move(list_);
}

std::string_view describeJsonType(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned: return "an integer";
        case json::value_t::number_float: return "a number";
        default: return "a value";
    }
}

namespace {
std::string_view describeExpected(json::value_t type) {
    switch (type) {
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::number_integer: return "an integer";
        default: return "a number";
    }
}

bool hasType(const json& v, json::value_t type) {
    switch (type) {
        case json::value_t::number_integer: return v.is_number_integer();
        case json::value_t::number_float: return v.is_number();
        default: return v.type() == type;
    }
}
}  // namespace

ObjectReader::ObjectReader(const JsonDocument& doc, const json& value, std::string pointer, Problems& problems,
                           std::string_view what)
    : doc_(doc), object_(value.is_object() ? &value : nullptr), pointer_(std::move(pointer)), problems_(problems) {
    if (!object_) {
        problems_.add(doc_, pointer_, fmt::format("expected {} (an object), got {}", what, describeJsonType(value)));
    }
}

void ObjectReader::problem(std::string_view key, std::string message) {
    problems_.add(doc_, key.empty() ? pointer_ : childPointer(key), std::move(message));
}

const json* ObjectReader::member(std::string_view key, Need need, json::value_t type) {
    if (!object_) return nullptr;
    const auto it = object_->find(key);
    if (it == object_->end()) {
        if (need == Need::Required) problem({}, fmt::format("missing required member \"{}\"", key));
        return nullptr;
    }
    if (!hasType(*it, type)) {
        problem(key, fmt::format("\"{}\" must be {}, got {}", key, describeExpected(type), describeJsonType(*it)));
        return nullptr;
    }
    return &*it;
}

const char* ObjectReader::textProblem(std::string_view value, bool allowNewlines) {
    if (value.find_first_not_of(" \t\n\r") == std::string_view::npos) return "must not be empty";  // only spaces
    if (text::hasControlCharacters(value, allowNewlines)) {
        return allowNewlines ? "contains a control character" : "contains a control character (newline, tab, …)";
    }
    return nullptr;
}

std::string ObjectReader::identifier(std::string_view key, Need need) {
    const json* v = member(key, need, json::value_t::string);
    if (!v) return {};
    const std::string& s = v->get_ref<const std::string&>();
    if (!text::isIdentifier(s)) {
        problem(key, fmt::format("\"{}\" is not a valid identifier: use 1–100 of a-z 0-9 _ - . starting with a "
                                 "letter or digit",
                                 text::terminalSafe(s)));
        return {};
    }
    return s;
}

std::string ObjectReader::name(std::string_view key, Need need) {
    const json* v = member(key, need, json::value_t::string);
    if (!v) return {};
    const std::string& s = v->get_ref<const std::string&>();
    if (const char* wrong = textProblem(s, false)) {
        problem(key, wrong);
        return {};
    }
    return s;
}

std::string ObjectReader::text(std::string_view key, Need need) {
    const json* v = member(key, need, json::value_t::string);
    if (!v) return {};
    const std::string& s = v->get_ref<const std::string&>();
    if (const char* wrong = textProblem(s, true)) {
        problem(key, wrong);
        return {};
    }
    return s;
}

std::string ObjectReader::date(std::string_view key, Need need) {
    const json* v = member(key, need, json::value_t::string);
    if (!v) return {};
    const std::string& s = v->get_ref<const std::string&>();
    if (!model::parseDate(s)) {
        problem(key, fmt::format("\"{}\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD", text::terminalSafe(s)));
        return {};
    }
    return s;
}

std::string ObjectReader::url(std::string_view key, Need need) {
    const json* v = member(key, need, json::value_t::string);
    if (!v) return {};
    const std::string& s = v->get_ref<const std::string&>();
    const bool scheme = s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0;
    const bool clean = std::none_of(s.begin(), s.end(), [](char c) {
        return static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\' || c == 0x7F;
    });
    if (!scheme || !clean || s.size() <= 8) {
        problem(key, fmt::format("\"{}\" is not an http(s) URL without spaces, quotes or angle brackets",
                                 text::terminalSafe(s)));
        return {};
    }
    return s;
}

std::optional<bool> ObjectReader::boolean(std::string_view key) {
    const json* v = member(key, Need::Optional, json::value_t::boolean);
    if (!v) return std::nullopt;
    return v->get<bool>();
}

std::vector<std::string> ObjectReader::identifiers(std::string_view key, Need need) {
    std::vector<std::string> out;
    const json* v = member(key, need, json::value_t::array);
    if (!v) return out;
    for (std::size_t i = 0; i < v->size(); ++i) {
        const std::string p = JsonDocument::child(childPointer(key), i);
        const json& item = (*v)[i];
        if (!item.is_string()) {
            problems_.add(doc_, p, fmt::format("expected an identifier (a string), got {}", describeJsonType(item)));
        } else if (!text::isIdentifier(item.get_ref<const std::string&>())) {
            problems_.add(doc_, p, fmt::format("\"{}\" is not a valid identifier",
                                               text::terminalSafe(item.get_ref<const std::string&>())));
        } else {
            out.push_back(item.get<std::string>());
        }
    }
    return out;
}

std::vector<std::string> ObjectReader::names(std::string_view key) {
    std::vector<std::string> out;
    const json* v = member(key, Need::Optional, json::value_t::array);
    if (!v) return out;
    for (std::size_t i = 0; i < v->size(); ++i) {
        const json& item = (*v)[i];
        const char* wrong = item.is_string() ? textProblem(item.get_ref<const std::string&>(), false) : nullptr;
        if (item.is_string() && !wrong) {
            out.push_back(item.get<std::string>());
            continue;
        }
        problems_.add(doc_, JsonDocument::child(childPointer(key), i),
                      wrong ? std::string(wrong) : fmt::format("expected a string, got {}", describeJsonType(item)));
    }
    return out;
}

std::optional<model::AttributeValue> ObjectReader::attributeValue(const json& v, model::AttributeType type,
                                                                  const std::string& pointer) {
    using model::AttributeType;
    auto wrong = [&](std::string_view expected) {
        problems_.add(doc_, pointer, fmt::format("expected {} ({}), got {}", expected, model::toString(type),
                                                 describeJsonType(v)));
        return std::nullopt;
    };
    switch (type) {
        case AttributeType::String:
            if (!v.is_string()) return wrong("a string");
            if (const char* problem = textProblem(v.get_ref<const std::string&>(), false)) {
                problems_.add(doc_, pointer, problem);
                return std::nullopt;
            }
            return model::AttributeValue{type, v.get<std::string>()};
        case AttributeType::Integer:
            if (!v.is_number_integer()) return wrong("an integer");
            if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
                problems_.add(doc_, pointer, "integer out of range");
                return std::nullopt;
            }
            return model::AttributeValue{type, v.get<std::int64_t>()};
        case AttributeType::Number:
            if (!v.is_number()) return wrong("a number");
            return model::AttributeValue{type, v.get<double>()};
        case AttributeType::Boolean:
            if (!v.is_boolean()) return wrong("true or false");
            return model::AttributeValue{type, v.get<bool>()};
        case AttributeType::Date:
            if (!v.is_string()) return wrong("a date string");
            if (!model::parseDate(v.get_ref<const std::string&>())) {
                problems_.add(doc_, pointer, fmt::format("\"{}\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
                                                         text::terminalSafe(v.get_ref<const std::string&>())));
                return std::nullopt;
            }
            return model::AttributeValue{type, v.get<std::string>()};
        case AttributeType::Period:
            if (!v.is_string()) return wrong("a period string");
            if (!model::parsePeriod(v.get_ref<const std::string&>())) {
                problems_.add(doc_, pointer,
                              fmt::format("\"{}\" is not a period: write a date, or START/END with dates or \"..\", "
                                          "START not after END",
                                          text::terminalSafe(v.get_ref<const std::string&>())));
                return std::nullopt;
            }
            return model::AttributeValue{type, v.get<std::string>()};
        case AttributeType::Quantity: {
            if (v.is_number()) return model::AttributeValue{type, model::Quantity{v.get<double>(), {}, {}, {}}};
            if (!v.is_object()) return wrong("a number or {\"value\": …} / {\"min\": …, \"max\": …}");
            ObjectReader q(doc_, v, pointer, problems_, "a quantity");
            model::Quantity quantity;
            const std::size_t before = problems_.size();
            if (const json* x = q.member("value", Need::Optional, json::value_t::number_float)) quantity.value = x->get<double>();
            if (const json* x = q.member("min", Need::Optional, json::value_t::number_float)) quantity.min = x->get<double>();
            if (const json* x = q.member("max", Need::Optional, json::value_t::number_float)) quantity.max = x->get<double>();
            if (const json* x = q.member("qualifier", Need::Optional, json::value_t::string)) {
                quantity.qualifier = x->get<std::string>();
                if (!model::isQuantityQualifier(quantity.qualifier)) {
                    q.problem("qualifier", fmt::format("unknown qualifier \"{}\": use approximately, at least, at most, "
                                                       "more than, less than or nearly",
                                                       text::terminalSafe(quantity.qualifier)));
                }
            }
            q.finish({"value", "min", "max", "qualifier"});
            if (problems_.size() != before) return std::nullopt;
            const bool single = quantity.value && !quantity.min && !quantity.max;
            const bool range = !quantity.value && quantity.min && quantity.max;
            if (!single && !range) {
                problems_.add(doc_, pointer, "a quantity has either \"value\" or both \"min\" and \"max\"");
                return std::nullopt;
            }
            if (range && *quantity.min > *quantity.max) {
                problems_.add(doc_, pointer, "\"min\" is greater than \"max\"");
                return std::nullopt;
            }
            return model::AttributeValue{type, quantity};
        }
    }
    return std::nullopt;
}

model::Attributes ObjectReader::attributes(std::string_view key, const model::AttributeDeclarations* declared,
                                           const std::string& owner) {
    model::Attributes out;
    const json* v = member(key, Need::Optional, json::value_t::object);
    if (!v || !declared) return out;
    for (const auto& [name, value] : v->items()) {
        const std::string p = JsonDocument::child(childPointer(key), name);
        const auto decl = declared->find(name);
        if (decl == declared->end()) {
            std::vector<std::string> names;
            for (const auto& [n, t] : *declared) names.push_back(n);
            const auto close = text::closestMatches(name, names);
            std::string message = fmt::format("{} declares no attribute \"{}\"", owner, text::terminalSafe(name));
            if (!close.empty()) message += " — did you mean " + text::quotedAlternatives(close) + "?";
            else if (!names.empty()) message += " (declared: " + text::quotedAlternatives(names) + ")";
            problems_.add(doc_, p, message);
            continue;
        }
        if (auto a = attributeValue(value, decl->second, p)) out.emplace(name, std::move(*a));
    }
    return out;
}

void ObjectReader::finish(std::initializer_list<std::string_view> allowed) {
    if (!object_) return;
    const std::vector<std::string> names(allowed.begin(), allowed.end());
    for (const auto& [key, value] : object_->items()) {
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
        const auto close = text::closestMatches(key, names, 1);
        problem(key, fmt::format("unknown member \"{}\"{}", text::terminalSafe(key),
                                 close.empty() ? "" : " — did you mean \"" + close.front() + "\"?"));
    }
}

}  // namespace relgraph::load
