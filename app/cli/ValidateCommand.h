// `gatehouse validate PROJECT [--format text|json]`: checks a project and prints its diagnostics.
#pragma once

#include "Command.h"

namespace gatehouse::cli {

Command validateCommand();

} // namespace gatehouse::cli
