#pragma once
// --from / --to: a range of partial dates (2025, 2025-02, 2025-02-09), both ends included, that
// the dated records of an answer must fall in.

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "relgraph/model/date.hpp"

namespace relgraph::query {

// The first and last day (yyyymmdd) a date or period can mean, open ends as 0 and 99999999;
// nullopt when it is neither.
std::optional<std::pair<long, long>> daySpan(std::string_view date);

class DateRange {
public:
    DateRange() = default;
    // QueryError for a malformed date ("--from 2025-13: not a date …") or an inverted range.
    static DateRange parse(const std::string& from, const std::string& to);

    bool bounded() const { return from_ || to_; }
    // Whether a record dated `date` (a date or a period, as the graph writes them) may fall in the
    // range: a partial date or a period overlaps it. Undated records fall in only an unbounded range.
    bool admits(std::string_view date) const;
    // "from 2025-02 to 2025-03", "from 2025-02", "to 2024".
    std::string description() const;

private:
    std::optional<model::PartialDate> from_, to_;
    std::string fromText_, toText_;
};

}  // namespace relgraph::query
