// The wire format of the Lambda Runtime API (version 2018-06-01): which request is which, the event a
// runtime receives, and the replies Lambda documents for each path. Pure functions, no state.
//
// Source: Lambda developer guide, "Using the Lambda runtime API for custom runtimes"
// (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html). Error bodies and type names follow
// AWS's Runtime Interface Emulator (aws/aws-lambda-runtime-interface-emulator, lambda/rapi/rendering),
// which is what the documented status codes look like on the wire.
#pragma once

#include "http/HttpResponse.h"

#include <QByteArray>
#include <QString>

namespace gatehouse::runtimeapi {

// The largest response a runtime may post: 6 MB plus 100 bytes (the emulator's interop.MaxPayloadSize,
// and the number Lambda prints in "Response payload size exceeded maximum allowed payload size
// (6291556 bytes)."). Equal to lambdaerrors::kMaxSyncResponseBytes.
inline constexpr qsizetype kMaxResponseBytes = 6 * 1024 * 1024 + 100;

struct Route {
    enum class Kind {
        Next,             // GET  /2018-06-01/runtime/invocation/next
        Response,         // POST /2018-06-01/runtime/invocation/{id}/response
        Error,            // POST /2018-06-01/runtime/invocation/{id}/error
        InitError,        // POST /2018-06-01/runtime/init/error
        MethodNotAllowed, // a known path with the wrong method
        NotFound
    };
    Kind kind = Kind::NotFound;
    QString requestId; // percent-decoded (aws-lambda-ric sends encodeURIComponent(id))
};
Route route(const QByteArray &method, const QByteArray &path);

// One invocation as the runtime receives it from `next`.
struct Event {
    QString requestId;
    QByteArray payload;
    qint64 deadlineEpochMs = 0;
    QString functionArn;
    QString traceId;            // X-Ray trace header value; Lambda sends one even when tracing is off
    QByteArray clientContext;   // JSON text or empty
    QByteArray cognitoIdentity; // JSON text or empty
};

// 200 with the event as body and the Lambda-Runtime-* headers (the optional ones only when set).
http::HttpResponse nextResponse(const Event &event);
// "Root=1-<8 hex seconds>-<24 hex>;Parent=<16 hex>;Sampled=0", the shape of an X-Ray trace header.
QString newTraceId(qint64 epochMs);

// The documented replies, as JSON {"errorMessage","errorType"} where Lambda sends one.
http::HttpResponse accepted();         // 202 {"status":"OK"}
http::HttpResponse invalidRequestId(); // 400 InvalidRequestID: not the invocation in progress
// 403 InvalidStateTransition: e.g. a response before any event was handed out, or a second response.
http::HttpResponse invalidStateTransition(const char *from, const char *to);
http::HttpResponse payloadTooLarge(); // 413 RequestEntityTooLarge
// 500 "Container error. Non-recoverable state. Runtime should exit promptly."
http::HttpResponse containerError();
http::HttpResponse notFound();
http::HttpResponse methodNotAllowed();

} // namespace gatehouse::runtimeapi
