#pragma once
// ISO 8601 calendar dates, possibly partial (2025, 2025-02, 2025-02-09), and periods between them.

#include <optional>
#include <string_view>

namespace relgraph::model {

struct PartialDate {
    int year = 0;
    int month = 0;  // 0 when not given
    int day = 0;    // 0 when not given

    // The first and last day the date can mean, as yyyymmdd, for ordering partial dates.
    long earliest() const;
    long latest() const;
    friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

// nullopt unless `s` is YYYY, YYYY-MM or YYYY-MM-DD naming a real day.
std::optional<PartialDate> parseDate(std::string_view s);

struct Period {
    std::optional<PartialDate> start;  // nullopt: open (written "..")
    std::optional<PartialDate> end;
};

// A date, or DATE/DATE with ".." for an open end; nullopt when malformed or start > end.
std::optional<Period> parsePeriod(std::string_view s);

}  // namespace relgraph::model
