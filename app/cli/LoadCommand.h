// `gatehouse load PROJECT --request NAME`: starts the project's local cloud on free ports, sends one saved
// request from N kept-alive connections for a duration or a count, and prints latency percentiles,
// throughput, status codes, errors and the monthly cost at the measured rate. Exit 1 when a request got
// no response or a 5xx, 2 when the run cannot start.
#pragma once

#include "Command.h"

namespace gatehouse::cli {

Command loadCommand();

} // namespace gatehouse::cli
