// What the log console shows: the conditions a line must meet, as the filter bar sets them. An empty
// field means "any"; LogTableModel compiles it (the regular expression, the request ids linked to the
// one asked for) and applies it to every line.
#pragma once

#include "telemetry/LogStore.h"

#include <QString>

namespace gatehouse {

struct LogFilter {
    QString source{};                                        // exact function name or "api:<name>"
    LogRecord::Level minimumLevel = LogRecord::Level::Trace; // this level and above
    // Exact request id: the Lambda id or the API's $context.requestId; either brings the other's lines.
    QString requestId{};
    QString text{};     // case-insensitive, in the whole message
    bool regex = false; // `text` is a QRegularExpression pattern

    bool isEmpty() const {
        return source.isEmpty() && minimumLevel == LogRecord::Level::Trace && requestId.isEmpty() &&
               text.isEmpty();
    }
    friend bool operator==(const LogFilter &, const LogFilter &) = default;
};

} // namespace gatehouse
