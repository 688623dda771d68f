#include "RuntimeApiProtocol.h"

#include "invoker/ThreadRandom.h"

namespace gatehouse::runtimeapi {

namespace {

http::HttpResponse errorReply(int status, const QByteArray &type, const QByteArray &message) {
    // Field order as the emulator's model.ErrorResponse serialises it.
    QByteArray body = R"({"errorMessage":")" + message + R"(","errorType":")" + type + "\"}";
    return http::HttpResponse::json(status, std::move(body));
}

// Header values must not carry line breaks (they would end the header block early).
QByteArray headerSafe(QByteArray value) {
    value.replace('\r', ' ').replace('\n', ' ');
    return value;
}

QByteArray randomHex(int bytes) {
    return randomBytes(bytes).toHex();
}

} // namespace

Route route(const QByteArray &method, const QByteArray &path) {
    static const QByteArray prefix = "/2018-06-01/runtime/";
    Route r;
    if (!path.startsWith(prefix)) return r;
    const QList<QByteArray> parts = path.mid(prefix.size()).split('/');
    const bool get = method == "GET";
    const bool post = method == "POST";
    auto accept = [&](Route::Kind kind, bool methodOk) {
        r.kind = methodOk ? kind : Route::Kind::MethodNotAllowed;
        return r;
    };
    if (parts.size() == 2 && parts[0] == "invocation" && parts[1] == "next")
        return accept(Route::Kind::Next, get);
    if (parts.size() == 2 && parts[0] == "init" && parts[1] == "error")
        return accept(Route::Kind::InitError, post);
    if (parts.size() == 3 && parts[0] == "invocation" && !parts[1].isEmpty()) {
        r.requestId = QString::fromUtf8(QByteArray::fromPercentEncoding(parts[1]));
        if (parts[2] == "response") return accept(Route::Kind::Response, post);
        if (parts[2] == "error") return accept(Route::Kind::Error, post);
    }
    r.requestId.clear();
    return r;
}

http::HttpResponse nextResponse(const Event &event) {
    http::HttpResponse r;
    r.status = 200;
    r.headers.reserve(7);
    // "Next invocation" response headers (runtimes-api.md). Client context and Cognito identity only
    // when the invocation carries them, as the emulator's setHeaderIfNotEmpty does.
    r.headers.add("Lambda-Runtime-Aws-Request-Id", event.requestId.toUtf8());
    r.headers.add("Lambda-Runtime-Deadline-Ms", QByteArray::number(event.deadlineEpochMs));
    r.headers.add("Lambda-Runtime-Invoked-Function-Arn", event.functionArn.toUtf8());
    r.headers.add("Lambda-Runtime-Trace-Id", event.traceId.toUtf8());
    if (!event.clientContext.isEmpty())
        r.headers.add("Lambda-Runtime-Client-Context", headerSafe(event.clientContext));
    if (!event.cognitoIdentity.isEmpty())
        r.headers.add("Lambda-Runtime-Cognito-Identity", headerSafe(event.cognitoIdentity));
    r.headers.add("Content-Type", "application/json");
    r.body = event.payload;
    return r;
}

QString newTraceId(qint64 epochMs) {
    const QByteArray seconds = QByteArray::number(epochMs / 1000, 16).rightJustified(8, '0');
    return QString::fromLatin1("Root=1-" + seconds + '-' + randomHex(12) + ";Parent=" + randomHex(8) +
                               ";Sampled=0");
}

http::HttpResponse accepted() {
    return http::HttpResponse::json(202, R"({"status":"OK"})");
}

http::HttpResponse invalidRequestId() {
    return errorReply(400, "InvalidRequestID", "Invalid request ID");
}

http::HttpResponse invalidStateTransition(const char *from, const char *to) {
    return errorReply(403, "InvalidStateTransition",
                      QByteArray("State transition from ") + from + " to " + to +
                          " failed for runtime. Error: State transition is not allowed");
}

http::HttpResponse payloadTooLarge() {
    return errorReply(413, "RequestEntityTooLarge",
                      "Exceeded maximum allowed payload size (" + QByteArray::number(kMaxResponseBytes) +
                          " bytes).");
}

http::HttpResponse containerError() {
    return errorReply(500, "InternalServerError", "Internal Server Error");
}

http::HttpResponse notFound() {
    return errorReply(404, "NotFound", "Unknown Runtime API path");
}

http::HttpResponse methodNotAllowed() {
    return errorReply(405, "MethodNotAllowed", "Method not allowed on this Runtime API path");
}

} // namespace gatehouse::runtimeapi
