// One headless subcommand of `gatehouse` (validate, serve, invoke, ...).
#pragma once

#include <QStringList>

namespace gatehouse::cli {

// Exit codes shared by every command.
enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

struct Command {
    QString name;
    QString synopsis; // "validate PROJECT"
    QString summary;  // one line for `gatehouse --help`
    // Receives the arguments after the command name; returns the process exit code.
    int (*run)(const QStringList &arguments) = nullptr;
};

} // namespace gatehouse::cli
