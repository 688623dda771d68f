// `gatehouse serve PROJECT`: the project's APIs and the Lambda Invoke API on local ports, with
// access logs on stdout, function logs on stderr, hot reload, and a clean stop on SIGINT/SIGTERM.
#pragma once

#include "Command.h"

namespace gatehouse::cli {

Command serveCommand();

} // namespace gatehouse::cli
