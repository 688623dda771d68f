// `gatehouse export PROJECT --format sam|openapi|serverless|postman [-o FILE|DIR]`: writes the project
// in another tool's format and prints on stderr, as warnings, everything that format cannot hold.
#pragma once

#include "Command.h"

namespace gatehouse::cli {

Command exportCommand();

} // namespace gatehouse::cli
