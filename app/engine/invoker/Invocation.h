// What goes into and comes out of one Lambda invocation; shared by the invoker, the gateway and the CLI.
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <memory>

namespace gatehouse {

// An event the embedded JavaScript runtime can build without parsing its JSON text: the name of a builder
// in its prelude (JsPrelude.mjs, eventBuilders) and that builder's arguments — strings, numbers, booleans
// and invalid QVariants (undefined), never engine values. QJSEngine's JSON.parse reads a 685-byte HTTP API
// event in ~9 µs; object literals filled from arguments take ~3 µs. The JSON text stays the event's
// definition: process runtimes read it, Lambda's size limit counts it, and the builder must produce the
// same object (tst_lambdaevents compares the two for every shape of request).
struct PrebuiltEvent {
    QString builder;
    QVariantList arguments;
};

// The Invoke API's request options (X-Amz-Invocation-Type, X-Amz-Client-Context, X-Amz-Log-Type).
struct InvokeOptions {
    enum class Type {
        RequestResponse, // synchronous: the caller waits for the result; throttled when at capacity
        Event,           // asynchronous: accepted at once (202), queued, retried on function errors
        DryRun           // validates the request only (204)
    };
    Type type = Type::RequestResponse;
    QByteArray clientContext; // JSON text, already base64-decoded; becomes context.clientContext
    bool logTail = false;     // fill InvocationResult::logResult (X-Amz-Log-Result)
    std::shared_ptr<const PrebuiltEvent> prebuiltEvent{}; // the payload, ready to build (may be null)
    // The payload was written by Gatehouse itself (the gateway's events): JSON by construction, so the
    // process runtimes skip the check Lambda makes of a caller's payload (a full parse per invocation).
    bool payloadIsWellFormed = false;
};

// One invocation as an execution environment receives it.
struct InvocationRequest {
    QString requestId;
    QByteArray payload; // JSON text of the event
    QByteArray clientContext;
    int attempt = 1; // asynchronous retries reuse the request id with attempt 2 and 3
    std::shared_ptr<const PrebuiltEvent> prebuiltEvent{}; // see PrebuiltEvent; null: parse `payload`
    bool payloadIsWellFormed = false;                     // see InvokeOptions::payloadIsWellFormed
};

// The outcome of an invocation. Three kinds, told apart by statusCode and functionError:
//  - success: statusCode 200 (202 for an accepted Event, 204 for a DryRun), functionError empty;
//  - function error: statusCode 200, functionError "Unhandled", payload {"errorType",...} (as Lambda);
//  - platform error: statusCode >= 400, errorType names the Lambda API exception
//    (ResourceNotFoundException, TooManyRequestsException, RequestEntityTooLargeException, ...).
struct InvocationResult {
    QString functionName;
    QString requestId;
    int statusCode = 200;
    QByteArray payload;
    QString functionError; // "" or "Unhandled" (X-Amz-Function-Error)
    QString errorType;     // the platform exception, or the function error's errorType
    QString errorMessage;
    QString errorReason; // e.g. ReservedFunctionConcurrentInvocationLimitExceeded for throttles

    double durationMs = 0;
    qint64 billedDurationMs = 0;
    double initDurationMs = 0; // > 0 on cold starts only
    bool coldStart = false;
    int memorySizeMB = 0;
    int maxMemoryUsedMB = 0;
    QString logStreamName;
    QStringList logLines; // this invocation's CloudWatch lines, init lines and START..REPORT
    QByteArray logResult; // base64 tail of logLines when InvokeOptions::logTail was set
    int attempt = 1;
    bool asynchronous = false;

    // Set by the environment: false after a timeout, an init failure or a crash, when Lambda would
    // throw the execution environment away instead of reusing it.
    bool environmentReusable = true;

    bool isPlatformError() const { return statusCode >= 400; }
    bool isFunctionError() const { return !functionError.isEmpty(); }
    bool succeeded() const { return !isPlatformError() && !isFunctionError(); }
};

} // namespace gatehouse

Q_DECLARE_METATYPE(gatehouse::InvocationResult)
Q_DECLARE_METATYPE(gatehouse::InvocationRequest)
