#pragma once
// Golden outcomes of reading foreign formats: what interchange::readGraph gives for some inputs, as
// text (the graph's records as sorted lines and the notes, or the problems), compared with a file
// under tests/unit/interchange/expected/ that records it. Temporary folders and the test folder are
// named by a token in that text, so that it is the same on every machine.
//
// RELGRAPH_UPDATE_EXPECTED=1 in the environment writes the files instead of comparing them: a test
// then passes and tells, for each file it changed, that it did.

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "interchange/interchange_checks.hpp"
#include "relgraph/common/error.hpp"
#include "relgraph/interchange/graph_reader.hpp"
#include "relgraph/store/graph_store.hpp"
#include "relgraph/store/store_records.hpp"

namespace relgraph::testing {

inline std::string valueText(const model::AttributeValue& v) {
    using model::AttributeType;
    switch (v.type) {
        case AttributeType::Integer:
            return fmt::format("integer {}", std::get<std::int64_t>(v.value));
        case AttributeType::Number:
            return fmt::format("number {}", std::get<double>(v.value));
        case AttributeType::Boolean:
            return fmt::format("boolean {}", std::get<bool>(v.value));
        case AttributeType::String:
            return "string " + std::get<std::string>(v.value);
        default:
            return fmt::format("{} {}", model::toString(v.type), std::get<std::string>(v.value));
    }
}

inline std::string joined(std::vector<std::string> lines) {
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const std::string& line : lines) out += line + "\n";
    return out;
}

// A graph as sorted lines of text, one section each, so that a difference shows as text.
struct Shape {
    std::string entities, relations, kinds, types, values;
};

// The records of a store (store/store_records.hpp): entities with their names, kinds and aliases,
// relations with their ends and types, kinds and types with their labels, and the attribute values
// and descriptions of entities and relations.
inline Shape shapeOf(const store::GraphStore& g) {
    Shape s;
    std::vector<std::string> lines, values;
    for (store::Vertex v = 0; v < g.entityCount(); ++v) {
        const model::Entity e = store::entityRecord(g, v);
        std::string aliases;
        for (const std::string& alias : e.aliases) aliases += " [" + alias + "]";
        lines.push_back(fmt::format("{} | {} | {} |{}", e.id, e.name, e.kind, aliases));
        for (const auto& [name, value] : e.attributes) {
            values.push_back(fmt::format("entity {} | {} | {}", e.id, name, valueText(value)));
        }
        if (!e.description.empty())
            values.push_back(fmt::format("entity {} | description | string {}", e.id, e.description));
    }
    s.entities = joined(std::move(lines));
    lines.clear();
    for (store::Edge e = 0; e < g.relationCount(); ++e) {
        const model::Relation r = store::relationRecord(g, e);
        lines.push_back(fmt::format("{} | {} -> {} | {}", r.id, r.from, r.to, r.type));
        for (const auto& [name, value] : r.attributes) {
            values.push_back(fmt::format("relation {} | {} | {}", r.id, name, valueText(value)));
        }
    }
    s.relations = joined(std::move(lines));
    s.values = joined(std::move(values));
    lines.clear();
    for (const auto& [name, kind] : g.schema().kinds) lines.push_back(fmt::format("{} | {}", name, kind.label));
    s.kinds = joined(std::move(lines));
    lines.clear();
    for (const auto& [name, type] : g.schema().types) {
        lines.push_back(fmt::format("{} | {} | {}", name, type.label, type.symmetric));
    }
    s.types = joined(std::move(lines));
    return s;
}

// The file each relation was read from, as the source of its one claim names it ("Imported from
// FILE"); a relation with other claims shows how many sources its claims name instead.
inline std::string relationFiles(const store::GraphStore& g) {
    constexpr std::string_view imported = "Imported from ";
    std::vector<std::string> lines;
    for (store::Edge e = 0; e < g.relationCount(); ++e) {
        const store::RelationView r = g.relation(e);
        if (r.claims().size() == 1) {
            const std::string_view title = g.source(g.claim(r.claims().front()).source()).title();
            if (title.starts_with(imported)) {
                lines.push_back(r.id() + " | " + std::string(title.substr(imported.size())));
                continue;
            }
        }
        lines.push_back(fmt::format("{} | {} claims, not imported", r.id(), r.claims().size()));
    }
    return joined(std::move(lines));
}

inline std::string notesText(const std::vector<Diagnostic>& notes) {
    std::string out;
    for (const Diagnostic& d : notes) out += d.toString() + "\n";
    return out;
}

namespace outcome_detail {

inline void replaceAll(std::string& text, const std::string& from, const std::string& to) {
    if (from.empty()) return;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

inline std::string withoutTrailingSlash(std::string path) {
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    return path;
}

}  // namespace outcome_detail

// `text` the same on every machine: a TempFolder's path is "<tmp>", interchangeFixtures()
// "<fixtures>" and any other path in tests/ "<tests>/…".
inline std::string portable(std::string text) {
    using outcome_detail::replaceAll;
    using outcome_detail::withoutTrailingSlash;
    const std::string temp =
        withoutTrailingSlash(std::filesystem::temp_directory_path().generic_string()) + "/relgraph-interchange-";
    for (std::size_t at = text.find(temp); at != std::string::npos; at = text.find(temp, at + 5)) {
        std::size_t end = at + temp.size();
        while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
        text.replace(at, end - at, "<tmp>");
    }
    replaceAll(text, withoutTrailingSlash(interchangeFixtures().generic_string()), "<fixtures>");
    replaceAll(text, withoutTrailingSlash(testDir().generic_string()), "<tests>");
    return text;
}

// The options readGraph was given, as far as they differ from the defaults; empty for none.
inline std::string optionsText(const interchange::ReadOptions& options) {
    std::vector<std::string> parts;
    if (options.format) parts.push_back("format " + std::string(interchange::formatName(*options.format)));
    if (!options.edgeList.edgeType.empty()) parts.push_back("edge type " + options.edgeList.edgeType);
    for (const auto& [file, type] : options.edgeList.typeByFile) parts.push_back("type of " + file + " " + type);
    if (!options.edgeList.nodeKind.empty()) parts.push_back("node kind " + options.edgeList.nodeKind);
    if (options.edgeList.header) parts.push_back(*options.edgeList.header ? "header" : "no header");
    std::string out;
    for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
    return out;
}

// What reading `paths` gives, as text: the inputs and options, then either the graph (its sorted
// entities, relations, kinds, types and values as shapeOf has them, the file of each relation) and
// the notes, or "error:" and the LoadError's message.
inline std::string outcomeOf(const std::vector<std::filesystem::path>& paths,
                             const interchange::ReadOptions& options = {}) {
    std::string out;
    for (const std::filesystem::path& path : paths) out += "read: " + path.generic_string() + "\n";
    if (const std::string text = optionsText(options); !text.empty()) out += "options: " + text + "\n";
    try {
        const interchange::ImportResult read = interchange::readGraph(paths, options);
        const Shape shape = shapeOf(read.graph);
        out += "entities:\n" + shape.entities;
        out += "relations:\n" + shape.relations;
        out += "kinds:\n" + shape.kinds;
        out += "types:\n" + shape.types;
        out += "values:\n" + shape.values;
        out += "relation files:\n" + relationFiles(read.graph);
        out += "notes:\n" + notesText(read.notes);
    } catch (const LoadError& e) {
        out += "error:\n" + std::string(e.what()) + "\n";
    }
    return portable(std::move(out));
}

// Text as an expected file holds it: carriage returns and other control characters but tabs and
// newlines written as escapes, so that every byte shows and no tool rewrites line ends.
inline std::string visible(const std::string& text) {
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\r') {
            out += "\\r";
        } else if ((byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7F) {
            out += fmt::format("\\x{:02X}", byte);
        } else {
            out += c;
        }
    }
    return out;
}

// An input file's text for an expected file: each line after "| ", every byte visible, blanks at
// the end of a line too (as \x20 and \x09).
inline std::string inputText(const std::string& name, const std::string& text) {
    std::string out = "input " + name + (text.empty() ? " (empty)" : "") + ":\n";
    std::istringstream lines(visible(text));
    for (std::string line; std::getline(lines, line);) {
        std::size_t end = line.size();
        while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
        std::string blanks;
        for (std::size_t i = end; i < line.size(); ++i) blanks += line[i] == ' ' ? "\\x20" : "\\x09";
        out += "| " + line.substr(0, end) + blanks + "\n";
    }
    if (!text.empty() && text.back() != '\n') out += "(no newline at the end)\n";
    return out;
}

inline std::filesystem::path expectedDir() { return testDir() / "unit" / "interchange" / "expected"; }

inline bool updatingExpected() {
    const char* value = std::getenv("RELGRAPH_UPDATE_EXPECTED");
    return value != nullptr && std::string(value) == "1";
}

namespace outcome_detail {

inline std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Where two texts first differ, with the lines before it, expected and actual.
inline std::string difference(const std::string& expected, const std::string& actual) {
    const std::vector<std::string> e = linesOf(expected), a = linesOf(actual);
    std::size_t line = 0;
    while (line < e.size() && line < a.size() && e[line] == a[line]) ++line;
    std::string round;
    for (std::size_t i = std::min(line + 1, e.size()); i > 0 && round.empty(); --i) {
        if (e[i - 1].starts_with("=== round ")) round = ", in " + e[i - 1];
    }
    std::string out = fmt::format("first difference at line {}{} (expected {} lines, actual {}):\n", line + 1, round,
                                  e.size(), a.size());
    for (std::size_t i = line >= 3 ? line - 3 : 0; i < line; ++i) out += "    " + e[i] + "\n";
    out += "  expected: " + (line < e.size() ? e[line] : std::string("(end of file)")) + "\n";
    out += "  actual:   " + (line < a.size() ? a[line] : std::string("(end of file)")) + "\n";
    if (line == e.size() && line == a.size()) out += "  (the texts differ only in their last newline)\n";
    return out;
}

}  // namespace outcome_detail

// `actual` is what tests/unit/interchange/expected/<name>.txt holds (or, with RELGRAPH_UPDATE_EXPECTED=1,
// is written there). With `cut`, only the file's text before the first line `cut` is compared: a
// run of fewer rounds of a randomized test than were recorded. Each name is checked once a run.
inline void checkExpected(const std::string& name, const std::string& actual,
                          const std::optional<std::string>& cut = std::nullopt) {
    static std::set<std::string> names;
    const std::filesystem::path file = expectedDir() / (name + ".txt");
    const std::string shown = std::filesystem::relative(file, testDir().parent_path()).generic_string();
    INFO("expected outcome: ", shown);
    const bool first = names.insert(name).second;
    CHECK_MESSAGE(first, "two checks record their outcome in ", shown);
    const std::string text = visible(actual);
    const bool exists = std::filesystem::exists(file);
    std::string expected = exists ? readText(file) : std::string();
    if (updatingExpected()) {
        if (cut) {
            FAIL_CHECK("fewer rounds run than the file records: record it with every round (the optimized build)");
            return;
        }
        if (!exists || expected != text) {
            std::filesystem::create_directories(file.parent_path());
            std::ofstream(file, std::ios::binary) << text;
            MESSAGE(std::string(exists ? "rewrote " : "recorded "), shown);
        }
        return;
    }
    CHECK_MESSAGE(exists, "no expected outcome ", shown, " (RELGRAPH_UPDATE_EXPECTED=1 records it); the outcome:\n",
                  text.substr(0, 2000));
    if (!exists) return;
    if (cut) {
        const std::size_t at = expected.starts_with(*cut + "\n") ? 0 : expected.find("\n" + *cut + "\n");
        const bool recorded = at != std::string::npos;
        CHECK_MESSAGE(recorded, shown, " records fewer rounds than were run: no line \"", *cut, "\"");
        if (recorded) expected.resize(at == 0 ? 0 : at + 1);
    }
    const bool holds = expected == text;
    CHECK_MESSAGE(holds, shown, " does not hold the outcome (RELGRAPH_UPDATE_EXPECTED=1 rewrites it); ",
                  outcome_detail::difference(expected, text));
}

// The line that opens a round of a randomized test in its expected file.
inline std::string roundHeader(int round) { return fmt::format("=== round {} ===\n", round); }

// The rounds of a randomized test, `run` of the `all` it has (rounds() in test_graphs.hpp), are the
// first rounds expected/<name>.txt records: the generators are seeded, so the rounds that run are
// the same in every build, and a build that runs fewer compares those.
inline void checkRounds(const std::string& name, const std::string& recorded, int run, int all) {
    std::optional<std::string> cut;
    if (run < all) {
        cut = roundHeader(run);
        cut->pop_back();
    }
    checkExpected(name, recorded, cut);
}

// Reading `paths` gives the outcome (outcomeOf) that tests/unit/interchange/expected/<name>.txt records.
inline void checkOutcome(const std::string& name, const std::vector<std::filesystem::path>& paths,
                         const interchange::ReadOptions& options = {}) {
    const std::string outcome = outcomeOf(paths, options);
    INFO((updatingExpected() ? std::string() : "outcome:\n" + outcome));
    checkExpected(name, outcome);
}

// An outcome in brief, for graphs too big to record whole: the inputs, each section's line count
// and first lines, and a 64-bit FNV-1a hash of the whole outcome.
inline std::string inBrief(const std::string& outcome, std::size_t shown = 10) {
    static const std::set<std::string> sections = {
        "entities:", "relations:", "kinds:", "types:", "values:", "relation files:", "notes:", "error:"};
    std::string out, header, lines;
    std::size_t count = 0;
    const auto flush = [&] {
        if (header.empty()) return;
        out += header.substr(0, header.size() - 1) +
               fmt::format(" ({} lines{}):\n", count, count > shown ? fmt::format(", the first {}", shown) : "");
        out += lines;
        header.clear();
        lines.clear();
        count = 0;
    };
    std::istringstream in(outcome);
    for (std::string line; std::getline(in, line);) {
        if (sections.count(line)) {
            flush();
            header = line;
        } else if (header.empty()) {
            out += line + "\n";
        } else if (++count <= shown) {
            lines += line + "\n";
        }
    }
    flush();
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : outcome) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return out + fmt::format("FNV-1a 64 of the whole outcome: {:016x}\n", hash);
}

// Reading `paths` gives the outcome whose brief (inBrief) expected/<name>.txt records.
inline void checkOutcomeInBrief(const std::string& name, const std::vector<std::filesystem::path>& paths,
                                const interchange::ReadOptions& options = {}) {
    const std::string brief = inBrief(outcomeOf(paths, options));
    INFO((updatingExpected() ? std::string() : "outcome in brief:\n" + brief));
    checkExpected(name, brief);
}

// Reading `paths` fails with the outcome expected/<name>.txt records, and the message holds `expected`.
inline void checkFails(const std::string& name, const std::vector<std::filesystem::path>& paths,
                       const std::vector<std::string>& expected, const interchange::ReadOptions& options = {}) {
    checkOutcome(name, paths, options);
    const std::string message = importErrors(paths, options);
    INFO("problems: ", message);
    for (const std::string& line : expected) {
        INFO("expected: ", line);
        CHECK(message.find(line) != std::string::npos);
    }
}

}  // namespace relgraph::testing
