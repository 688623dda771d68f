// Writes log lines to a file for sharing: as text (each line's message exactly as CloudWatch shows
// it) or as JSON Lines (one object per line with every field). The file is replaced in one step
// (QSaveFile), so a failed export never leaves half a file behind.
#pragma once

#include "telemetry/LogStore.h"

#include <QJsonObject>
#include <QString>
#include <functional>

namespace gatehouse {

enum class LogExportFormat { Text, JsonLines };

// One line as a JSON object: time (ISO 8601 UTC), timeMs, source, requestId, level, platform, stream,
// message, and relatedRequestId when the line links to another request.
QJsonObject logRecordJson(const LogRecord &record);

// Writes `count` lines, `at(i)` giving the i-th. Returns an empty string, or why the file could not be
// written.
QString exportLogLines(const QString &path, LogExportFormat format, qsizetype count,
                       const std::function<const LogRecord &(qsizetype)> &at);

} // namespace gatehouse
