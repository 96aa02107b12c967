#include "relgraph/query/date_range.hpp"

#include <fmt/format.h>

#include "relgraph/common/error.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph::query {

namespace {
std::optional<model::PartialDate> parseEnd(const std::string& text, const char* option) {
    if (text.empty()) return std::nullopt;
    const auto date = model::parseDate(text);
    if (!date) {
        throw QueryError(fmt::format("{} \"{}\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (2025, 2025-02, 2025-02-09)",
                                     option, text::terminalSafe(text)));
    }
    return date;
}
}  // namespace

DateRange DateRange::parse(const std::string& from, const std::string& to) {
    DateRange range;
    range.from_ = parseEnd(from, "--from");
    range.to_ = parseEnd(to, "--to");
    range.fromText_ = from;
    range.toText_ = to;
    if (range.from_ && range.to_ && range.from_->earliest() > range.to_->latest()) {
        throw QueryError(fmt::format("--from {} is after --to {}: the range is empty", from, to));
    }
    return range;
}

std::optional<std::pair<long, long>> daySpan(std::string_view date) {
    const auto period = model::parsePeriod(date);
    if (!period) return std::nullopt;
    return std::pair{period->start ? period->start->earliest() : 0L, period->end ? period->end->latest() : 99999999L};
}

bool DateRange::admits(std::string_view date) const {
    if (!bounded()) return true;
    const auto span = daySpan(date);
    if (!span) return false;
    return (!from_ || span->second >= from_->earliest()) && (!to_ || span->first <= to_->latest());
}

std::string DateRange::description() const {
    if (from_ && to_) return fmt::format("from {} to {}", fromText_, toText_);
    if (from_) return "from " + fromText_;
    if (to_) return "to " + toText_;
    return "";
}

}  // namespace relgraph::query
