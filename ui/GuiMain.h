// The graphical entry point that app/main.cpp calls when no headless command was given.
#pragma once

#include <QString>

namespace gatehouse {

// Runs the main window on `projectPath` (empty: the writable sample). Returns the exit code; 2 when
// there is no display, after printing one line that says what to do instead.
int runGui(int argc, char *argv[], const QString &projectPath);

} // namespace gatehouse
