// `gatehouse generate-event TYPE [SUBTYPE] [options]`: prints an AWS event as the engine would send
// it (like `sam local generate-event`), for `gatehouse invoke --event -` or a saved test event.
#pragma once

#include "Command.h"

namespace gatehouse::cli {

Command generateEventCommand();

} // namespace gatehouse::cli
