// The list of headless commands and the top-level dispatch of `gatehouse ARGS...`.
#pragma once

#include "Command.h"

#include <optional>

namespace gatehouse::cli {

const QList<Command> &commands();
const Command *findCommand(const QString &name);
QString helpText();
QString versionText();

// If `arguments` (without the program name) ask for a headless action (a command, --help, --version),
// runs it and returns its exit code; otherwise returns nullopt and the caller starts the GUI.
std::optional<int> runHeadless(const QStringList &arguments);

} // namespace gatehouse::cli
