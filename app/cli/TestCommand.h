// `gatehouse test PROJECT`: starts the project's local cloud on free ports, runs its saved requests
// with their assertions, prints a PASS/FAIL line per request and "N passed, M failed"; exit 1 on any
// failure, 2 when the run cannot start.
#pragma once

#include "Command.h"

namespace gatehouse::cli {

Command testCommand();

} // namespace gatehouse::cli
