#include "relgraph/model/date.hpp"

#include <charconv>

namespace relgraph::model {

namespace {
int daysInMonth(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

std::optional<int> digits(std::string_view s, std::size_t count) {
    if (s.size() != count) return std::nullopt;
    int value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return value;
}
}  // namespace

long PartialDate::earliest() const {
    return year * 10000L + (month ? month : 1) * 100L + (day ? day : 1);
}

long PartialDate::latest() const {
    const int m = month ? month : 12;
    return year * 10000L + m * 100L + (day ? day : daysInMonth(year, m));
}

std::optional<PartialDate> parseDate(std::string_view s) {
    PartialDate d;
    const auto year = digits(s.substr(0, 4), 4);
    if (!year || *year < 1) return std::nullopt;
    d.year = *year;
    if (s.size() == 4) return d;
    if (s.size() < 7 || s[4] != '-') return std::nullopt;
    const auto month = digits(s.substr(5, 2), 2);
    if (!month || *month < 1 || *month > 12) return std::nullopt;
    d.month = *month;
    if (s.size() == 7) return d;
    if (s.size() != 10 || s[7] != '-') return std::nullopt;
    const auto day = digits(s.substr(8, 2), 2);
    if (!day || *day < 1 || *day > daysInMonth(d.year, d.month)) return std::nullopt;
    d.day = *day;
    return d;
}

std::optional<Period> parsePeriod(std::string_view s) {
    const std::size_t slash = s.find('/');
    if (slash == std::string_view::npos) {
        const auto d = parseDate(s);
        if (!d) return std::nullopt;
        return Period{d, d};
    }
    const std::string_view a = s.substr(0, slash), b = s.substr(slash + 1);
    Period p;
    if (a != "..") {
        p.start = parseDate(a);
        if (!p.start) return std::nullopt;
    }
    if (b != "..") {
        p.end = parseDate(b);
        if (!p.end) return std::nullopt;
    }
    if (!p.start && !p.end) return std::nullopt;
    if (p.start && p.end && p.start->earliest() > p.end->latest()) return std::nullopt;
    return p;
}

}  // namespace relgraph::model
