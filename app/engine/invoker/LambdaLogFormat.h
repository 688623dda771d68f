// The text CloudWatch shows for a Lambda invocation: START/END/REPORT lines, function lines, names and ids.
#pragma once

#include "telemetry/LogStore.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

namespace gatehouse::lambdalog {

// 2019-06-07T19:11:20.564Z (UTC, milliseconds), as the Node.js runtime stamps each line.
QString timestamp(qint64 epochMs);

// "<timestamp>\t<requestId>\t<LEVEL>\t<message>": the Node.js runtime's text format (nodejs-logging.md).
// Lines written outside an invocation (module initialisation) carry the request id "undefined".
QString functionLine(qint64 epochMs, const QString &requestId, LogRecord::Level level,
                     const QString &message);

QString startLine(const QString &requestId); // START RequestId: <id> Version: $LATEST
QString endLine(const QString &requestId);   // END RequestId: <id>

struct Report {
    QString requestId;
    double durationMs = 0;
    qint64 billedDurationMs = 0;
    int memorySizeMB = 128;
    int maxMemoryUsedMB = 0;
    std::optional<double> initDurationMs; // cold starts only
};
// REPORT RequestId: <id>\tDuration: 1.23 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 40
// MB
// [\tInit Duration: 85.00 ms]
QString reportLine(const Report &report);

// "Task timed out after 3.00 seconds" (troubleshooting-networking.md), and the line Lambda writes after
// REPORT: "<timestamp> <requestId> Task timed out after 3.00 seconds".
QString timeoutMessage(double timeoutSeconds);
QString timeoutLine(qint64 epochMs, const QString &requestId, double timeoutSeconds);

QString newRequestId();                                // a random UUID, lower case, like Lambda's
QString newLogStreamName(const QDateTime &createdUtc); // YYYY/MM/DD/[$LATEST]<32 hex>
QString logGroupName(const QString &functionName);     // /aws/lambda/<function>
QString functionArn(const QString &region, const QString &accountId, const QString &functionName);

// X-Amz-Log-Result: base64 of the last `maxBytes` bytes of the invocation's log text (4 KB in the
// Invoke API reference, "LogType Tail").
QByteArray logTailBase64(const QStringList &lines, qsizetype maxBytes = 4096);

} // namespace gatehouse::lambdalog
