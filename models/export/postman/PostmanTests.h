// Saved-request assertions as Postman test scripts (pm.test/pm.expect): one line per assertion so
// that an import can recognise them again, plus the small helpers the JSON-path checks need.
#pragma once

#include "project/SavedRequest.h"

#include <QStringList>
#include <optional>

namespace gatehouse {

// First and last line of the helper block every generated script starts with.
inline constexpr auto kPostmanHelpersBegin = "// Gatehouse assertion helpers (generated)";
inline constexpr auto kPostmanHelpersEnd = "// end of Gatehouse assertion helpers";

// The script line for one assertion, or nullopt when Postman cannot express it.
std::optional<QString> postmanTestLine(const RequestAssertion &assertion);
// Helper lines to put before the assertions when any of them uses a JSON path.
QStringList postmanHelperLines();

} // namespace gatehouse
