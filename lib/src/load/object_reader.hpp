#pragma once
// Reads the members of one JSON object into model values, reporting every wrong type, missing
// member and unknown member with its place. Reading goes on after a problem, so one pass finds all.

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/json_document.hpp"
#include "relgraph/model/attribute_value.hpp"
#include "relgraph/model/schema.hpp"

namespace relgraph::load {

// Problems found so far, each placed by a document and a JSON pointer.
class Problems {
public:
    void add(const JsonDocument& doc, const std::string& pointer, std::string message);
    void add(Diagnostic d) { list_.push_back(std::move(d)); }
    std::size_t size() const { return list_.size(); }
    // Forgets the problems added since there were `count`.
    void truncate(std::size_t count) { list_.resize(std::min(count, list_.size())); }
    std::vector<Diagnostic> take();

private:
    std::vector<Diagnostic> list_;
};

enum class Need { Required, Optional };

// "a string", "an array", … for messages.
std::string_view describeJsonType(const nlohmann::json& v);

class ObjectReader {
public:
    // `what` names the object in messages ("an entity"); a non-object is reported at once.
    ObjectReader(const JsonDocument& doc, const nlohmann::json& value, std::string pointer, Problems& problems,
                 std::string_view what);

    bool isObject() const { return object_ != nullptr; }
    const std::string& pointer() const { return pointer_; }
    Place origin() const { return Place{doc_.name(), 0, 0, pointer_}; }

    // The member if present and of the expected JSON type; reports a missing or mistyped one.
    const nlohmann::json* member(std::string_view key, Need need, nlohmann::json::value_t type);

    std::string identifier(std::string_view key, Need need);
    std::string name(std::string_view key, Need need);     // one line of text, non-empty
    std::string text(std::string_view key, Need need);     // free text, newlines allowed, non-empty
    std::string date(std::string_view key, Need need);
    std::string url(std::string_view key, Need need);
    std::optional<bool> boolean(std::string_view key);
    std::vector<std::string> identifiers(std::string_view key, Need need);
    std::vector<std::string> names(std::string_view key);

    // Attribute values checked against `declared` (null: the kind or type is unknown, which was
    // reported elsewhere, so the values are not checked).
    model::Attributes attributes(std::string_view key, const model::AttributeDeclarations* declared,
                                 const std::string& owner);

    // Reports every member not in `allowed`, with the closest allowed name.
    void finish(std::initializer_list<std::string_view> allowed);

    std::string childPointer(std::string_view key) const { return JsonDocument::child(pointer_, std::string(key)); }
    void problem(std::string_view key, std::string message);
    const JsonDocument& document() const { return doc_; }
    Problems& problems() { return problems_; }

    // What is wrong with a name (or, allowing newlines, a text), if anything: "must not be empty",
    // "contains a control character …".
    static const char* textProblem(std::string_view value, bool allowNewlines);

private:
    std::optional<model::AttributeValue> attributeValue(const nlohmann::json& v, model::AttributeType type,
                                                        const std::string& pointer);


    const JsonDocument& doc_;
    const nlohmann::json* object_;
    std::string pointer_;
    Problems& problems_;
};

}  // namespace relgraph::load
