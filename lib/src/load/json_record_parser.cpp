#include "load/json_record_parser.hpp"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>


namespace relgraph::load {

namespace {

using nlohmann::json;

class RecordParser {
public:
    RecordParser(std::string_view bytes, std::size_t maxDepth)
        : p_(bytes.data()), end_(bytes.data() + bytes.size()), maxDepth_(maxDepth) {}

    bool parse(json& out) {
        if (!value(out, 0)) return false;
        skipSpace();
        return p_ == end_;
    }

private:
    void skipSpace() {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }

    bool literal(std::string_view word) {
        if (static_cast<std::size_t>(end_ - p_) < word.size() || std::memcmp(p_, word.data(), word.size()) != 0) {
            return false;
        }
        p_ += word.size();
        return true;
    }

    bool value(json& out, std::size_t depth) {
        skipSpace();
        if (p_ == end_) return false;
        switch (*p_) {
            case '{': return object(out, depth + 1);
            case '[': return array(out, depth + 1);
            case '"': {
                std::string s;
                if (!string(s)) return false;
                out = std::move(s);
                return true;
            }
            case 't': out = true; return literal("true");
            case 'f': out = false; return literal("false");
            case 'n': out = nullptr; return literal("null");
            default: return number(out);
        }
    }

    bool object(json& out, std::size_t depth) {
        if (depth > maxDepth_) return false;
        ++p_;
        out = json::object();
        auto& members = out.get_ref<json::object_t&>();
        skipSpace();
        if (p_ < end_ && *p_ == '}') {
            ++p_;
            return true;
        }
        while (true) {
            skipSpace();
            if (p_ == end_ || *p_ != '"') return false;
            std::string key;
            if (!string(key)) return false;
            skipSpace();
            if (p_ == end_ || *p_ != ':') return false;
            ++p_;
            const auto [at, added] = members.try_emplace(std::move(key));
            if (!added) return false;  // a repeated key: nlohmann's parser tells it with its place
            if (!value(at->second, depth)) return false;
            skipSpace();
            if (p_ == end_) return false;
            if (*p_ == '}') {
                ++p_;
                return true;
            }
            if (*p_++ != ',') return false;
        }
    }

    bool array(json& out, std::size_t depth) {
        if (depth > maxDepth_) return false;
        ++p_;
        out = json::array();
        auto& elements = out.get_ref<json::array_t&>();
        skipSpace();
        if (p_ < end_ && *p_ == ']') {
            ++p_;
            return true;
        }
        while (true) {
            elements.emplace_back();
            if (!value(elements.back(), depth)) return false;
            skipSpace();
            if (p_ == end_) return false;
            if (*p_ == ']') {
                ++p_;
                return true;
            }
            if (*p_++ != ',') return false;
        }
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    bool codeUnit(unsigned& unit) {
        if (end_ - p_ < 4) return false;
        unit = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hex(*p_++);
            if (h < 0) return false;
            unit = unit * 16 + static_cast<unsigned>(h);
        }
        return true;
    }

    static void appendUtf8(std::string& s, unsigned cp) {
        if (cp < 0x80) {
            s += static_cast<char>(cp);
        } else if (cp < 0x800) {
            s += static_cast<char>(0xC0 | (cp >> 6));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            s += static_cast<char>(0xE0 | (cp >> 12));
            s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            s += static_cast<char>(0xF0 | (cp >> 18));
            s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    // The bytes are valid UTF-8 (the block reader checks them before any parser sees them).
    bool string(std::string& s) {
        ++p_;
        while (true) {
            const char* run = p_;
            while (p_ < end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20) ++p_;
            s.append(run, p_);
            if (p_ == end_ || static_cast<unsigned char>(*p_) < 0x20) return false;
            if (*p_++ == '"') return true;
            if (p_ == end_) return false;
            switch (*p_++) {
                case '"': s += '"'; break;
                case '\\': s += '\\'; break;
                case '/': s += '/'; break;
                case 'b': s += '\b'; break;
                case 'f': s += '\f'; break;
                case 'n': s += '\n'; break;
                case 'r': s += '\r'; break;
                case 't': s += '\t'; break;
                case 'u': {
                    unsigned unit = 0;
                    if (!codeUnit(unit)) return false;
                    if (unit >= 0xDC00 && unit <= 0xDFFF) return false;
                    if (unit >= 0xD800 && unit <= 0xDBFF) {
                        unsigned low = 0;
                        if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
                        p_ += 2;
                        if (!codeUnit(low) || low < 0xDC00 || low > 0xDFFF) return false;
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    }
                    appendUtf8(s, unit);
                    break;
                }
                default: return false;
            }
        }
    }

    static bool digit(char c) { return c >= '0' && c <= '9'; }

    // JSON's number grammar; integers as nlohmann reads them (unsigned when not negative, signed
    // when negative, floating point when they do not fit), the others as the nearest double.
    bool number(json& out) {
        const char* start = p_;
        bool negative = false, integer = true;
        if (p_ < end_ && *p_ == '-') {
            negative = true;
            ++p_;
        }
        if (p_ == end_ || !digit(*p_)) return false;
        if (*p_ == '0') {
            ++p_;
        } else {
            while (p_ < end_ && digit(*p_)) ++p_;
        }
        if (p_ < end_ && *p_ == '.') {
            integer = false;
            ++p_;
            if (p_ == end_ || !digit(*p_)) return false;
            while (p_ < end_ && digit(*p_)) ++p_;
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
            integer = false;
            ++p_;
            if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (p_ == end_ || !digit(*p_)) return false;
            while (p_ < end_ && digit(*p_)) ++p_;
        }
        if (integer) {
            if (negative) {
                std::int64_t v = 0;
                const auto [at, ec] = std::from_chars(start, p_, v);
                if (ec == std::errc() && at == p_) {
                    out = v;
                    return true;
                }
            } else {
                std::uint64_t v = 0;
                const auto [at, ec] = std::from_chars(start, p_, v);
                if (ec == std::errc() && at == p_) {
                    out = v;
                    return true;
                }
            }
            return false;  // too large for an integer: nlohmann reads it as a double, and says so if it overflows
        }
        double v = 0;
        const auto [at, ec] = std::from_chars(start, p_, v);
        if (ec != std::errc() || at != p_) return false;  // out of range: nlohmann's parser decides
        out = v;
        return true;
    }

    const char* p_;
    const char* end_;
    std::size_t maxDepth_;
};

}  // namespace

bool parseRecordFast(std::string_view bytes, json& out, std::size_t maxDepth) {
    return RecordParser(bytes, maxDepth).parse(out);
}

}  // namespace relgraph::load
