#include "load/json_document.hpp"

#include "relgraph/common/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>

namespace relgraph::load {

namespace {

// An input iterator over the text that publishes how far the parser has read, so the SAX
// handler knows where each token ends.
class CountingIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    CountingIterator(const char* p, const char** cursor) : p_(p), cursor_(cursor) {}
    reference operator*() const { return *p_; }
    CountingIterator& operator++() {
        ++p_;
        *cursor_ = p_;
        return *this;
    }
    CountingIterator operator++(int) {
        CountingIterator old = *this;
        ++*this;
        return old;
    }
    friend bool operator==(const CountingIterator& a, const CountingIterator& b) { return a.p_ == b.p_; }
    friend bool operator!=(const CountingIterator& a, const CountingIterator& b) { return a.p_ != b.p_; }

private:
    const char* p_;
    const char** cursor_;
};

bool isScalarChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '+' ||
           c == '-';
}

}  // namespace

// Builds the DOM from SAX events, recording the start offset of every value and key.
class PositionRecorder : public nlohmann::json_sax<nlohmann::json> {
public:
    PositionRecorder(JsonDocument& doc, const char* begin, const char** cursor, std::vector<Diagnostic>& problems)
        : doc_(doc), begin_(begin), cursor_(cursor), problems_(problems) {}

    bool null() override { return scalar(nullptr); }
    bool boolean(bool v) override { return scalar(v); }
    bool number_integer(number_integer_t v) override { return scalar(v); }
    bool number_unsigned(number_unsigned_t v) override { return scalar(v); }
    bool number_float(number_float_t v, const string_t&) override { return scalar(v); }
    bool string(string_t& v) override { return scalar(std::move(v)); }
    bool binary(binary_t&) override { return false; }  // JSON text has no binary values

    bool start_object(std::size_t) override {
        open(nlohmann::json::object());
        return true;
    }
    bool key(string_t& k) override {
        Frame& frame = stack_.back();
        const std::string pointer = JsonDocument::child(frame.pointer, k);
        const std::size_t keyStart = stringStart();
        if (frame.value->contains(k)) {
            problems_.push_back({doc_.placeAtOffset(keyStart, pointer),
                                 fmt::format("duplicate key \"{}\" (first at line {})", text::terminalSafe(k),
                                             doc_.placeAtOffset(doc_.offsets_.at(pointer), pointer).line)});
        } else {
            doc_.offsets_.emplace(pointer, keyStart);
        }
        frame.key = k;
        return true;
    }
    bool end_object() override {
        stack_.pop_back();
        return true;
    }
    bool start_array(std::size_t) override {
        open(nlohmann::json::array());
        return true;
    }
    bool end_array() override {
        stack_.pop_back();
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
        const std::size_t at = position > 0 ? position - 1 : 0;
        problems_.push_back({doc_.placeAtOffset(std::min(at, doc_.text_.size()), ""), JsonDocument::syntaxMessage(ex)});
        return false;
    }

private:
    struct Frame {
        nlohmann::json* value;
        std::string pointer;
        std::string key;  // the pending member's key, for objects
    };

    std::size_t offset() const { return static_cast<std::size_t>(*cursor_ - begin_); }

    // Start of the string token that ended at offset(): scan back to the unescaped opening quote.
    std::size_t stringStart() const {
        std::size_t i = offset() - 1;  // the closing quote
        while (i > 0) {
            --i;
            if (begin_[i] != '"') continue;
            std::size_t backslashes = 0;
            while (i >= backslashes + 1 && begin_[i - backslashes - 1] == '\\') ++backslashes;
            if (backslashes % 2 == 0) return i;
        }
        return 0;
    }

    // Start of the scalar token just read (the lexer may have read one character past a number).
    std::size_t scalarStart() const {
        std::size_t end = offset();
        if (end > 0 && begin_[end - 1] == '"') return stringStart();
        if (end > 0 && !isScalarChar(begin_[end - 1])) --end;
        std::size_t i = end;
        while (i > 0 && isScalarChar(begin_[i - 1])) --i;
        return i;
    }

    template <class T>
    bool scalar(T&& v) {
        place(nlohmann::json(std::forward<T>(v)), scalarStart());
        return true;
    }

    void open(nlohmann::json&& container) {
        auto [slot, pointer] = place(std::move(container), offset() - 1);
        stack_.push_back({slot, std::move(pointer), {}});
    }

    // Stores a finished or opened value in its parent; returns where it lives and its pointer.
    std::pair<nlohmann::json*, std::string> place(nlohmann::json&& v, std::size_t start) {
        if (stack_.empty()) {
            doc_.root_ = std::move(v);
            doc_.offsets_.emplace("", start);
            return {&doc_.root_, ""};
        }
        Frame& frame = stack_.back();
        if (frame.value->is_object()) {
            nlohmann::json& slot = (*frame.value)[frame.key];
            slot = std::move(v);  // a duplicate key was reported; the last value stands
            return {&slot, JsonDocument::child(frame.pointer, frame.key)};
        }
        std::string pointer = JsonDocument::child(frame.pointer, frame.value->size());
        frame.value->push_back(std::move(v));
        doc_.offsets_.emplace(pointer, start);
        return {&frame.value->back(), std::move(pointer)};
    }

    JsonDocument& doc_;
    const char* begin_;
    const char** cursor_;
    std::vector<Diagnostic>& problems_;
    std::vector<Frame> stack_;
};

bool JsonDocument::parse(std::string name, std::string text, std::vector<Diagnostic>& problems) {
    name_ = std::move(name);
    text_ = std::move(text);
    lineStarts_ = {0};
    for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n') lineStarts_.push_back(i + 1);
    }
    const std::size_t before = problems.size();
    const char* begin = text_.data();
    const char* cursor = begin;
    PositionRecorder recorder(*this, begin, &cursor, problems);
    const bool ok = nlohmann::json::sax_parse(CountingIterator(begin, &cursor),
                                              CountingIterator(begin + text_.size(), &cursor), &recorder);
    return ok && problems.size() == before;
}

Place JsonDocument::placeAtOffset(std::size_t offset, std::string pointer) const {
    const auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
    const std::size_t line = static_cast<std::size_t>(it - lineStarts_.begin());
    return Place{name_, line, offset - lineStarts_[line - 1] + 1, std::move(pointer)};
}

Place JsonDocument::place(const std::string& pointer) const {
    std::string p = pointer;
    while (true) {
        const auto it = offsets_.find(p);
        if (it != offsets_.end()) return placeAtOffset(it->second, pointer);
        if (p.empty()) return Place{name_, 0, 0, pointer};
        p.erase(p.rfind('/'));
    }
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
