// `gatehouse invoke PROJECT FUNCTION [--event FILE|-]`: runs one function locally and prints its result.
#pragma once

#include "Command.h"

namespace gatehouse::cli {

Command invokeCommand();

} // namespace gatehouse::cli
