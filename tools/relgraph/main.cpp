// relgraph: load, validate, query and draw who-did-what graphs.
// This file parses the command line and maps errors to exit codes; the work is in lib/.

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "cli_context.hpp"
#include "relgraph/common/error.hpp"

int main(int argc, char** argv) {
    using relgraph::ExitCode;
    relgraph::cli::CliContext context;
    CLI::App app{"relgraph: load, validate, query and draw graphs of who did what, and who said so."};
    app.name("relgraph");
    app.require_subcommand(1);
    app.footer(
        "Examples:\n"
        "  relgraph validate\n"
        "  relgraph who-reported \"North Korea\" sent_workers Russia\n"
        "  relgraph path \"Andrei Orlov\" \"Kim Jong Un\"\n"
        "  relgraph render --focus DPRK --depth 1 -o north-korea.svg\n\n"
        "Exit codes: 0 ok, 1 nothing found, 2 invalid graph, 3 bad query, 4 output failed, 64 usage.\n"
        "Run 'relgraph COMMAND --help' for a command's options.");
    relgraph::cli::addValidateCommand(app, context);
    relgraph::cli::addSearchCommand(app, context);
    relgraph::cli::addShowCommand(app, context);
    relgraph::cli::addNeighborsCommand(app, context);
    relgraph::cli::addPathCommand(app, context);
    relgraph::cli::addPathsCommand(app, context);
    relgraph::cli::addSubgraphCommand(app, context);
    relgraph::cli::addWhoReportedCommand(app, context);
    relgraph::cli::addReportedByCommand(app, context);
    relgraph::cli::addConflictsCommand(app, context);
    relgraph::cli::addStatsCommand(app, context);
    relgraph::cli::addSchemaCommand(app, context);
    relgraph::cli::addTimelineCommand(app, context);
    relgraph::cli::addRenderCommand(app, context);
    relgraph::cli::addConvertCommand(app, context);
    relgraph::cli::addLoadCommand(app, context);
    relgraph::cli::addWikiCommand(app, context);

    try {
        app.parse(argc, argv);
        std::fflush(stdout);
        return context.exitCode;
    } catch (const CLI::ParseError& e) {
        const int printed = app.exit(e);
        return printed == 0 ? 0 : static_cast<int>(ExitCode::Usage);
    } catch (const relgraph::LoadError& e) {
        std::fflush(stdout);
        std::fprintf(stderr, "relgraph: %s\n", relgraph::cli::problemsText(context, e.diagnostics()).c_str());
        return static_cast<int>(e.exitCode());
    } catch (const relgraph::Error& e) {
        std::fflush(stdout);
        std::fprintf(stderr, "relgraph: %s\n", e.what());
        return static_cast<int>(e.exitCode());
    } catch (const std::exception& e) {
        std::fflush(stdout);
        std::fprintf(stderr, "relgraph: internal error: %s\n", e.what());
        return static_cast<int>(ExitCode::Internal);
    }
}
