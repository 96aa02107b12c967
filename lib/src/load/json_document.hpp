#pragma once
// A parsed JSON file, or one record of it (json_stream.hpp), that remembers where each value stands
// in the text, so that any problem found later can be reported as file:line:column (JSON pointer).

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "relgraph/common/place.hpp"

namespace relgraph::load {

class JsonBlocks;
struct JsonStreamPlan;

// A byte of the input: its offset, 1-based line and byte column.
struct Mark {
    std::uint64_t offset = 0, line = 1, column = 1;
};

class JsonDocument {
public:
    // Parses `text`. Syntax errors and duplicate object keys are appended to `problems`; the
    // document is usable only when parse() returned true.
    bool parse(std::string name, std::string text, std::vector<Diagnostic>& problems);
    // A value that was not read from text (a foreign record's claims): its places have no line.
    void assign(std::string name, nlohmann::json root) {
        name_ = std::move(name);
        root_ = std::move(root);
        pointer_.clear();
        start_ = {};
        positions_.clear();
        reopen_ = nullptr;
    }

    const nlohmann::json& root() const { return root_; }
    // Where the document starts in its file: (0, 1, 1) for a whole one, a record's first byte.
    const Mark& start() const { return start_; }
    const std::string& name() const { return name_; }
    // The pointer of root() in its file: "" for a whole document, "/entities/7" for a record.
    const std::string& pointer() const { return pointer_; }

    // The place of the value at `pointer` (for an object member, where its key starts); the
    // nearest enclosing value when `pointer` names something absent. A record read without
    // positions (JsonStreamPlan::reopen) finds them by reading itself again, the first time.
    Place place(const std::string& pointer) const;
    // Where the value at `pointer` starts (for an object member, its key); nothing when it is absent.
    std::optional<Mark> mark(const std::string& pointer) const;

    // "/relations/3" + "to" -> "/relations/3/to" (escaping ~ and /).
    static std::string child(const std::string& pointer, const std::string& key);
    static std::string child(const std::string& pointer, std::size_t index);

    // "invalid JSON: <reason>" for a parse error nlohmann's parser reports (without its exception id
    // and position, which the place tells). The problem stands at byte `position - 1` (or 0) of the
    // text: the parser's `position` counts the bytes read, through the offending byte or token.
    static std::string syntaxMessage(const nlohmann::detail::exception& ex);

private:
    friend class JsonBuilder;
    friend bool streamJson(JsonBlocks&, const std::string&, const JsonStreamPlan&, JsonDocument&,
                           std::vector<Diagnostic>&);
    void locate() const;

    std::string name_;
    std::string pointer_;
    nlohmann::json root_;
    Mark start_;
    mutable std::unordered_map<std::string, Mark> positions_;  // pointer -> where it stands
    // Reads the document again from start_ (records read without positions); null once located.
    mutable const std::function<bool(JsonBlocks&, const Mark&)>* reopen_ = nullptr;
};

}  // namespace relgraph::load
