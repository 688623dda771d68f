// Helpers for the process-runtime tests: functions of a given runtime in an InvokerFixture project,
// whether an interpreter is installed, the shape of REPORT lines, and whether a process is gone.
#pragma once

#include "InvokerFixture.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace gatehouse::test {

// Adds a function of `runtime` (e.g. "nodejs20.x") with `files` under functions/<name>.
Function &addRuntimeFunction(InvokerFixture &fixture, const QString &name, const QString &runtime,
                             const QMap<QString, QByteArray> &files, const QString &handler);

// Empty when `runtime` can start here; otherwise why not (the message the invoker would report).
QString runtimeUnavailable(const QString &runtime);

// REPORT RequestId: <id>\tDuration: 1.23 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used:
// 40 MB[\tInit Duration: 85.00 ms] (nodejs-logging.md). Captures: 1 duration, 2 billed, 3 memory size,
// 4 max memory used, 5 init duration (empty on warm starts).
QRegularExpression reportLinePattern(const QString &requestId);

// True once /proc/<pid> is gone: the process ended and was reaped (a zombie still has an entry).
bool processGone(qint64 pid);
// True once the process has ended, reaped or not (for grandchildren, which init reaps).
bool processEnded(qint64 pid);

// The file the official Node.js runtime interface client runs (aws-lambda-ric, installed by
// ../shared/validate/install.sh under /tmp/validate-tools/ric), or empty.
QString ricEntry();

QJsonObject jsonObject(const QByteArray &json);

} // namespace gatehouse::test
