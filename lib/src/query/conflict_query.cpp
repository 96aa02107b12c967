#include "relgraph/query/conflict_query.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>

#include "relgraph/common/error.hpp"
#include "relgraph/common/text.hpp"
#include "relgraph/model/date.hpp"

namespace relgraph::query {

namespace {

bool isCompared(model::AttributeType type) {
    return type != model::AttributeType::String && type != model::AttributeType::Boolean;
}

// A figure or date a value states, with the earliest and latest it can mean.
struct Point {
    double low;
    double high;
    model::AttributeValue shown;
};

std::vector<Point> statedPoints(const model::AttributeValue& v) {
    std::vector<Point> points;
    const auto number = [&](double x) {
        // Built in place: moving a Point in makes GCC 12 warn, wrongly, of an uninitialized string.
        Point& p = points.emplace_back();
        p.low = p.high = x;
        p.shown = {model::AttributeType::Number, x};
    };
    switch (v.type) {
        case model::AttributeType::Quantity: {
            const auto& q = std::get<model::Quantity>(v.value);
            for (const auto& x : {q.value, q.min, q.max}) {
                if (x) number(*x);
            }
            break;
        }
        case model::AttributeType::Integer:
            points.push_back({static_cast<double>(std::get<std::int64_t>(v.value)),
                              static_cast<double>(std::get<std::int64_t>(v.value)), v});
            break;
        case model::AttributeType::Number:
            number(std::get<double>(v.value));
            break;
        case model::AttributeType::Date:
        case model::AttributeType::Period: {
            const std::string& s = std::get<std::string>(v.value);
            const std::size_t slash = s.find('/');
            for (const std::string& part :
                 {s.substr(0, slash), slash == std::string::npos ? "" : s.substr(slash + 1)}) {
                if (const auto d = model::parseDate(part)) {
                    points.push_back({static_cast<double>(d->earliest()),
                                      static_cast<double>(d->latest()),
                                      {model::AttributeType::Date, part}});
                }
            }
            break;
        }
        case model::AttributeType::String:
        case model::AttributeType::Boolean:
            break;
    }
    return points;
}

double lowestOf(const model::AttributeValue& v) {
    double low = std::numeric_limits<double>::infinity();
    for (const Point& p : statedPoints(v)) low = std::min(low, p.low);
    return low;
}

double highestOf(const model::AttributeValue& v) {
    double high = -std::numeric_limits<double>::infinity();
    for (const Point& p : statedPoints(v)) high = std::max(high, p.high);
    return high;
}

std::size_t independentSources(const std::vector<const Attribution*>& claims) {
    std::set<store::SourceRef> originals;
    for (const Attribution* a : claims) {
        if (const auto s = originalSource(*a)) originals.insert(*s);
    }
    return originals.size();
}

void checkAttributes(const store::GraphStore& store, const std::set<std::string>& attributes) {
    std::map<std::string, bool> declared;  // attribute name -> compared by some type
    for (const auto& [name, type] : store.schema().types) {
        for (const auto& [attribute, attributeType] : type.attributes) {
            declared[attribute] = declared[attribute] || isCompared(attributeType);
        }
    }
    for (const std::string& attribute : attributes) {
        const auto it = declared.find(attribute);
        if (it == declared.end()) {
            std::vector<std::string> names;
            for (const auto& [name, compared] : declared) names.push_back(name);
            std::string message =
                fmt::format("no relation type has an attribute \"{}\"", text::terminalSafe(attribute));
            const auto close = text::closestMatches(attribute, names);
            if (!close.empty()) message += " — did you mean " + text::quotedAlternatives(close) + "?";
            throw QueryError(message);
        }
        if (!it->second) {
            throw QueryError(
                fmt::format("attribute \"{}\" is free text or yes/no; only figures and dates are compared", attribute));
        }
    }
}

// When a claim says its figure holds: its as_of or period (stated: the figure is dated), else its
// date, else its source's (empty when unknown).
struct ClaimTime {
    std::string when;
    bool stated = false;
};

ClaimTime claimTime(const store::GraphStore& store, store::ClaimRef c) {
    const store::ClaimView claim = store.claim(c);
    for (const char* name : {"as_of", "period"}) {
        if (const auto v = claim.values().find(name)) {
            if (const auto* text = std::get_if<std::string>(&v->value)) return {*text, true};
        }
    }
    return {std::string(claim.dateOrSourceDate()), false};
}

// Whether two values are one originator's figure at two times: claims by the same originators at
// different times, or one dated by as_of or period and the other not (the October figure and a
// later, undated one).
bool changedOverTime(const store::GraphStore& store, const ConflictingValue& x, const ConflictingValue& y) {
    for (const Attribution& a : x.claims) {
        for (const Attribution& b : y.claims) {
            if (a.originators.empty() || a.originators != b.originators) continue;
            const ClaimTime ta = claimTime(store, a.claim), tb = claimTime(store, b.claim);
            if (ta.when == tb.when) continue;
            if ((!ta.when.empty() && !tb.when.empty()) || ta.stated || tb.stated) return true;
        }
    }
    return false;
}

// The values stated for one attribute of one relation, as a conflict if two of them disagree.
std::optional<Conflict> conflictAmong(const store::GraphStore& store, store::Edge e, const std::string& attribute,
                                      std::vector<ConflictingValue> values) {
    bool disagree = false, contradict = false;
    for (std::size_t a = 0; a < values.size(); ++a) {
        for (std::size_t b = a + 1; b < values.size(); ++b) {
            if (model::mayAgree(values[a].value, values[b].value)) continue;
            disagree = true;
            contradict = contradict || !changedOverTime(store, values[a], values[b]);
        }
    }
    if (!disagree) return std::nullopt;
    std::stable_sort(values.begin(), values.end(), [](const ConflictingValue& x, const ConflictingValue& y) {
        const double lx = lowestOf(x.value), ly = lowestOf(y.value);
        return lx != ly ? lx < ly : highestOf(x.value) < highestOf(y.value);
    });
    Conflict c{e, attribute, contradict ? ConflictKind::Disagreement : ConflictKind::Change, std::move(values), {}, {}, 0};
    std::optional<Point> lowest, highest;
    std::vector<const Attribution*> all;
    for (ConflictingValue& v : c.values) {
        std::vector<const Attribution*> claims;
        for (const Attribution& a : v.claims) claims.push_back(&a);
        v.independentSources = independentSources(claims);
        all.insert(all.end(), claims.begin(), claims.end());
        for (const Point& p : statedPoints(v.value)) {
            if (!lowest || p.low < lowest->low) lowest = p;
            if (!highest || p.high > highest->high) highest = p;
        }
    }
    c.independentSources = independentSources(all);
    c.lowest = lowest ? lowest->shown : c.values.front().value;
    c.highest = highest ? highest->shown : c.values.back().value;
    return c;
}

}  // namespace

std::vector<Conflict> findConflicts(const store::GraphStore& store, const std::vector<store::Edge>& relations,
                                    const ConflictOptions& options) {
    checkAttributes(store, options.attributes);
    std::vector<Conflict> out;
    if (!store.hasClaimRecords()) return out;  // one claim a relation: nothing to disagree with
    const auto inspect = [&](store::Edge e) {
        // One claim states one value of each attribute: a disagreement takes two claims.
        if (store.claimsOf(e).size() < 2) return;
        std::map<std::string, std::vector<ConflictingValue>> byAttribute;
        for (const store::ClaimRef c : store.claimsOf(e)) {
            const store::ClaimView claim = store.claim(c);
            if (claim.stance() == model::Stance::Denies) continue;
            if (options.dates.bounded() &&
                !options.dates.admits(claim.dateOrSourceDate())) {
                continue;
            }
            for (const store::AttributeEntry& entry : claim.values()) {
                if (!isCompared(entry.value.type)) continue;
                const std::string name(entry.name);
                if (!options.attributes.empty() && options.attributes.count(name) == 0) continue;
                auto& values = byAttribute[name];
                auto it = std::find_if(values.begin(), values.end(),
                                       [&](const ConflictingValue& v) { return v.value == entry.value; });
                if (it == values.end()) it = values.insert(values.end(), ConflictingValue{entry.value, {}, 0});
                it->claims.push_back(attributionOf(store, c));
            }
        }
        for (auto& [name, values] : byAttribute) {
            auto conflict = conflictAmong(store, e, name, std::move(values));
            if (conflict && conflict->independentSources >= options.minSources) out.push_back(std::move(*conflict));
        }
    };
    if (relations.empty()) {
        for (store::Edge e = 0; e < store.relationCount(); ++e) inspect(e);
    } else {
        for (const store::Edge e : relations) inspect(e);
    }
    const auto key = [&](const Conflict& c) {
        return options.order == ConflictOrder::Sources  ? c.independentSources
               : options.order == ConflictOrder::Values ? c.values.size()
                                                        : 0;
    };
    std::stable_sort(out.begin(), out.end(), [&](const Conflict& a, const Conflict& b) { return key(a) > key(b); });
    return out;
}

}  // namespace relgraph::query
