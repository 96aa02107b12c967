#include "load/json_document.hpp"

#include "load/json_stream.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::load {

bool JsonDocument::parse(std::string name, std::string text, std::vector<Diagnostic>& problems) {
    JsonBlocks blocks(text.size(), {});
    blocks.openText(text);
    return streamJson(blocks, name, JsonStreamPlan{}, *this, problems);
}

void JsonDocument::locate() const {
    const auto* reopen = reopen_;
    reopen_ = nullptr;
    JsonBlocks blocks(std::size_t{64} << 10, {});
    if (!(*reopen)(blocks, start_)) return;
    JsonDocument again;
    std::vector<Diagnostic> ignored;  // the record read cleanly before
    streamJson(blocks, name_, JsonStreamPlan{.root = pointer_}, again, ignored);
    positions_ = std::move(again.positions_);
}

Place JsonDocument::place(const std::string& pointer) const {
    if (reopen_) locate();
    std::string p = pointer;
    while (true) {
        const auto it = positions_.find(p);
        if (it != positions_.end()) return Place{name_, it->second.line, it->second.column, pointer};
        if (p.empty()) return Place{name_, 0, 0, pointer};
        p.erase(p.rfind('/'));
    }
}

std::optional<Mark> JsonDocument::mark(const std::string& pointer) const {
    if (reopen_) locate();
    const auto it = positions_.find(pointer);
    if (it == positions_.end()) return std::nullopt;
    return it->second;
}

std::string JsonDocument::child(const std::string& pointer, const std::string& key) {
    std::string out = pointer + '/';
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string JsonDocument::syntaxMessage(const nlohmann::detail::exception& ex) {
    // what() reads "[json.exception.parse_error.101] parse error at line 1, column 5: <reason>"
    // or "[json.exception.out_of_range.406] <reason>": keep the reason only.
    std::string reason = ex.what();
    if (reason.rfind("[json.exception.", 0) == 0) reason = reason.substr(reason.find("] ") + 2);
    if (reason.rfind("parse error", 0) == 0 && reason.find(": ") != std::string::npos) {
        reason = reason.substr(reason.find(": ") + 2);
    }
    if (reason.size() > 200) reason = reason.substr(0, 200) + "…";
    return "invalid JSON: " + text::terminalSafe(reason);
}

std::string JsonDocument::child(const std::string& pointer, std::size_t index) {
    return pointer + '/' + std::to_string(index);
}

}  // namespace relgraph::load
