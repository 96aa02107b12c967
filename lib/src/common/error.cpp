#include "relgraph/common/error.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "relgraph/common/problem_summary.hpp"
#include "relgraph/common/text.hpp"

namespace relgraph {

// File names and pointers (which hold member keys) come from outside: shown terminal-safe.
std::string Place::toString() const {
    std::string out = text::terminalSafe(file);
    if (line > 0) out += fmt::format(":{}:{}", line, column);
    if (!pointer.empty()) out += fmt::format(" ({})", text::terminalSafe(pointer));
    return out;
}

void sortByPlace(std::vector<Diagnostic>& list) {
    std::stable_sort(list.begin(), list.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.place.file != b.place.file) return a.place.file < b.place.file;
        if (a.place.line != b.place.line) return a.place.line < b.place.line;
        return a.place.column < b.place.column;
    });
}

Error::Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}

ExitCode Error::exitCode() const noexcept {
    switch (kind_) {
        case ErrorKind::Load: return ExitCode::InvalidInput;
        case ErrorKind::Query: return ExitCode::QueryError;
        case ErrorKind::Render:
        case ErrorKind::Output: return ExitCode::OutputError;
        case ErrorKind::Internal: break;
    }
    return ExitCode::Internal;
}


LoadError::LoadError(std::vector<Diagnostic> diagnostics)
    : Error(ErrorKind::Load, problemSummaryText(summarizeProblems(diagnostics, kShownProblems))),
      diagnostics_(std::move(diagnostics)) {}

void assertionFailed(const char* condition, const char* file, int line) {
    throw InternalError(fmt::format("internal error at {}:{}: assertion failed: {}", file, line, condition));
}

}  // namespace relgraph
