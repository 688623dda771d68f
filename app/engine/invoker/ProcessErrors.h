// The error shapes that only process runtimes produce: a runtime that exits, a bootstrap that cannot
// start, an interpreter that is not installed.
#pragma once

#include "Invocation.h"

#include <QByteArray>
#include <QString>

namespace gatehouse::processerrors {

// {"errorType":"Runtime.ExitError","errorMessage":"RequestId: <id> Error: Runtime exited with error: exit
// status 1"} — what Lambda returns when the runtime process ends during an invocation or before its
// first `next` without reporting an init error (Lambda guide, "Troubleshoot invocation issues":
// Runtime.ExitError).
QByteArray exitErrorPayload(const QString &requestId, const QString &exitDescription);
// The line Lambda writes after REPORT in that case: "RequestId: <id> Error: Runtime exited with error:
// signal: killed" and, on its own line, the error type.
QString exitErrorLine(const QString &requestId, const QString &exitDescription, const QString &errorType);

// Runtime.InvalidEntrypoint: a `provided` function without an executable bootstrap. `detail` is e.g.
// "Couldn't find valid bootstrap(s): [/path/bootstrap]".
QByteArray invalidEntrypointPayload(const QString &requestId, const QString &detail);

// The payload a runtime posted to /invocation/{id}/error or /init/error, as the caller receives it:
// the runtime's JSON as sent when it is an object, otherwise wrapped as {"errorType","errorMessage"}
// with the Lambda-Runtime-Function-Error-Type header (or "Runtime.Unknown") as type.
QByteArray postedErrorPayload(const QByteArray &body, const QString &headerType);

// A platform error (502 InvalidRuntimeException): the runtime cannot run on this machine (interpreter
// missing, bootstrap shims unavailable). `message` says what to install or set.
InvocationResult runtimeUnavailable(const QString &message);

} // namespace gatehouse::processerrors
