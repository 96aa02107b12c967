#pragma once
// The error hierarchy. Only main() catches: it prints what() and returns exitCode().

#include <stdexcept>
#include <string>
#include <vector>

#include "relgraph/common/place.hpp"

namespace relgraph {

// Documented in docs/cli.md; tests/golden checks every one.
enum class ExitCode : int {
    Ok = 0,
    NothingFound = 1,   // the query ran and found nothing (no path, no claim)
    InvalidInput = 2,   // a graph file is malformed or fails validation
    QueryError = 3,     // unknown entity or type, impossible query
    OutputError = 4,    // a file could not be written, Graphviz failed
    Usage = 64,         // bad command line
    Internal = 70,      // a bug in relgraph
};

enum class ErrorKind { Load, Query, Render, Output, Internal };

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message);
    ErrorKind kind() const noexcept { return kind_; }
    ExitCode exitCode() const noexcept;

private:
    ErrorKind kind_;
};

// A graph that could not be loaded: every problem found, in file and line order.
class LoadError : public Error {
public:
    explicit LoadError(std::vector<Diagnostic> diagnostics);
    const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

class QueryError : public Error {
public:
    explicit QueryError(const std::string& message) : Error(ErrorKind::Query, message) {}
};

class RenderError : public Error {
public:
    explicit RenderError(const std::string& message) : Error(ErrorKind::Render, message) {}
};

class OutputError : public Error {
public:
    explicit OutputError(const std::string& message) : Error(ErrorKind::Output, message) {}
};

class InternalError : public Error {
public:
    explicit InternalError(const std::string& message) : Error(ErrorKind::Internal, message) {}
};

[[noreturn]] void assertionFailed(const char* condition, const char* file, int line);

}  // namespace relgraph

// A broken invariant is a bug, not a user error: it throws InternalError naming file:line.
#define RELGRAPH_ASSERT(condition) \
    ((condition) ? static_cast<void>(0) : ::relgraph::assertionFailed(#condition, __FILE__, __LINE__))
