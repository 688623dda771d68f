// `gatehouse import FILE... --from sam|openapi|postman -o PROJECT_DIR`: creates a project from another
// tool's file and prints on stderr what could not be imported.
#pragma once

#include "Command.h"

namespace gatehouse::cli {

Command importCommand();

} // namespace gatehouse::cli
