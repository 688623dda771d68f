// Lambda's limits and error shapes: the exceptions of the Invoke API and the payloads of function errors.
#pragma once

#include "Invocation.h"
#include "project/Function.h"

#include <QJsonValue>
#include <QPair>
#include <optional>

namespace gatehouse::lambdaerrors {

// Invocation payload quotas (Lambda quotas page,
// https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html, "Invocation payload (request and
// response): 6 MB each for synchronous"; Invoke API reference: "For asynchronous invocations, the maximum
// payload size is 1 MB"). The exact byte values are the ones Lambda's messages print: requests "must be
// smaller than 6291456 bytes", responses are limited to 6291556 bytes (100 more, as observed and quoted in
// "Deep Dive: Lambda's Response Payload Size Limit", zaccharles.medium.com, 2022; the AWS pages state only "6
// MB").
inline constexpr qsizetype kMaxSyncRequestBytes = 6291456;
inline constexpr qsizetype kMaxSyncResponseBytes = 6291556;
inline constexpr qsizetype kMaxAsyncRequestBytes = 1048576;

// Platform errors (statusCode >= 400), named after the Invoke API's exceptions.
InvocationResult resourceNotFound(const QString &functionArn);              // 404
InvocationResult tooManyRequests(const QString &reason);                    // 429 "Rate Exceeded."
InvocationResult requestTooLarge(qsizetype size, InvokeOptions::Type type); // 413
InvocationResult invalidRequestContent(const QString &detail);              // 400
InvocationResult unsupportedRuntime(const QString &runtime);                // 502
InvocationResult serviceError(const QString &message);                      // 500

// A JSON object whose keys keep the given order (QJsonObject sorts them): Lambda's payloads put
// errorType before errorMessage, and byte-for-byte comparisons with AWS output should hold.
QByteArray orderedJsonObject(const QList<QPair<QString, QJsonValue>> &fields);

// The function-error payload the Node.js runtime posts: {"errorType","errorMessage","trace":[...]}.
QByteArray functionErrorPayload(const QString &type, const QString &message, const QStringList &trace = {},
                                bool withTrace = true);
// {"errorType":"Sandbox.Timedout","errorMessage":"RequestId: <id> Error: Task timed out after 3.00 seconds"}
QByteArray timeoutPayload(const QString &requestId, double timeoutSeconds);
// {"errorType":"Function.ResponseSizeTooLarge","errorMessage":"Response payload size exceeded maximum allowed
// payload size (6291556 bytes)."}
QByteArray responseTooLargePayload();
// A handler that outgrew its memory size: Lambda kills the runtime ("Runtime exited with error: signal:
// killed"); the error type is Runtime.OutOfMemory on current runtimes.
QByteArray outOfMemoryPayload(const QString &requestId);

// Lambda's checks before anything runs: the function exists (function may be null), its runtime is
// available in this build, the payload fits the invocation type's quota and, for Event, is JSON (a
// synchronous event is parsed where it runs). nullopt when the request passes.
std::optional<InvocationResult> rejectRequest(const Function *function, const QString &functionArn,
                                              const QByteArray &payload, InvokeOptions::Type type);

// Turns `result` into a function error ("Unhandled") carrying `payload`; reads errorType/errorMessage
// back from it so callers need not parse JSON.
void setFunctionError(InvocationResult &result, const QByteArray &payload);

} // namespace gatehouse::lambdaerrors
