#include "LambdaErrors.h"

#include "LambdaLogFormat.h"
#include "RuntimeSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <nlohmann/json.hpp>

namespace gatehouse::lambdaerrors {

namespace {
InvocationResult platformError(int status, const QString &type, const QString &message,
                               const QString &reason = {}) {
    InvocationResult r;
    r.statusCode = status;
    r.errorType = type;
    r.errorMessage = message;
    r.errorReason = reason;
    QList<QPair<QString, QJsonValue>> body{{QStringLiteral("Type"), QStringLiteral("User")},
                                           {QStringLiteral("message"), message}};
    if (!reason.isEmpty()) body.append({QStringLiteral("Reason"), reason});
    r.payload = orderedJsonObject(body);
    return r;
}
} // namespace

InvocationResult resourceNotFound(const QString &functionArn) {
    return platformError(404, QStringLiteral("ResourceNotFoundException"),
                         QStringLiteral("Function not found: ") + functionArn);
}

InvocationResult tooManyRequests(const QString &reason) {
    return platformError(429, QStringLiteral("TooManyRequestsException"), QStringLiteral("Rate Exceeded."),
                         reason);
}

InvocationResult requestTooLarge(qsizetype size, InvokeOptions::Type type) {
    // Wording as Lambda returns it (quoted in the "Request Payload Size Limit" deep dive and in
    // boto3 error reports).
    const QString message =
        type == InvokeOptions::Type::Event
            ? QStringLiteral("%1 byte payload is too large for the Event invocation type (limit %2 bytes)")
                  .arg(size)
                  .arg(kMaxAsyncRequestBytes)
            : QStringLiteral("Request must be smaller than %1 bytes for the InvokeFunction operation")
                  .arg(kMaxSyncRequestBytes);
    return platformError(413, QStringLiteral("RequestEntityTooLargeException"), message);
}

InvocationResult invalidRequestContent(const QString &detail) {
    return platformError(400, QStringLiteral("InvalidRequestContentException"),
                         QStringLiteral("Could not parse request body into json: ") + detail);
}

InvocationResult unsupportedRuntime(const QString &runtime) {
    return platformError(502, QStringLiteral("InvalidRuntimeException"),
                         QStringLiteral("runtime '%1' is not supported by this build yet").arg(runtime));
}

InvocationResult serviceError(const QString &message) {
    InvocationResult r = platformError(500, QStringLiteral("ServiceException"), message);
    r.payload.clear();
    return r;
}

QByteArray orderedJsonObject(const QList<QPair<QString, QJsonValue>> &fields) {
    const auto text = [](const QJsonValue &v) {
        const QByteArray wrapped = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
        return wrapped.mid(1, wrapped.size() - 2);
    };
    QByteArray out = "{";
    for (const auto &[name, value] : fields) {
        if (out.size() > 1) out += ',';
        out += text(name) + ':' + text(value);
    }
    return out + '}';
}

QByteArray functionErrorPayload(const QString &type, const QString &message, const QStringList &trace,
                                bool withTrace) {
    QList<QPair<QString, QJsonValue>> fields{{QStringLiteral("errorType"), type},
                                             {QStringLiteral("errorMessage"), message}};
    if (withTrace) fields.append({QStringLiteral("trace"), QJsonArray::fromStringList(trace)});
    return orderedJsonObject(fields);
}

QByteArray timeoutPayload(const QString &requestId, double timeoutSeconds) {
    return functionErrorPayload(
        QStringLiteral("Sandbox.Timedout"),
        QStringLiteral("RequestId: %1 Error: %2").arg(requestId, lambdalog::timeoutMessage(timeoutSeconds)),
        {}, false);
}

QByteArray responseTooLargePayload() {
    return functionErrorPayload(
        QStringLiteral("Function.ResponseSizeTooLarge"),
        QStringLiteral("Response payload size exceeded maximum allowed payload size (%1 bytes).")
            .arg(kMaxSyncResponseBytes),
        {}, false);
}

QByteArray outOfMemoryPayload(const QString &requestId) {
    return functionErrorPayload(
        QStringLiteral("Runtime.OutOfMemory"),
        QStringLiteral("RequestId: %1 Error: Runtime exited with error: signal: killed").arg(requestId), {},
        false);
}

std::optional<InvocationResult> rejectRequest(const Function *function, const QString &functionArn,
                                              const QByteArray &payload, InvokeOptions::Type type) {
    if (!function) return resourceNotFound(functionArn);
    if (!runtimesupport::isSupported(function->runtime)) return unsupportedRuntime(function->runtime);
    const qsizetype limit = type == InvokeOptions::Type::Event ? kMaxAsyncRequestBytes : kMaxSyncRequestBytes;
    if (payload.size() > limit) return requestTooLarge(payload.size(), type);
    if (type == InvokeOptions::Type::Event) {
        // A validating pass without building a document (nlohmann's SAX accept()): every Event is checked,
        // and a bare value ("text", 42) is JSON too. The document is only built to word the error.
        if (!payload.isEmpty() && !nlohmann::json::accept(payload.cbegin(), payload.cend())) {
            QJsonParseError error{};
            QJsonDocument::fromJson('[' + payload + ']', &error);
            return invalidRequestContent(error.error != QJsonParseError::NoError
                                             ? error.errorString()
                                             : QStringLiteral("invalid JSON"));
        }
    }
    return std::nullopt;
}

void setFunctionError(InvocationResult &result, const QByteArray &payload) {
    result.functionError = QStringLiteral("Unhandled");
    result.payload = payload;
    const QJsonObject o = QJsonDocument::fromJson(payload).object();
    result.errorType = o.value(QStringLiteral("errorType")).toString();
    result.errorMessage = o.value(QStringLiteral("errorMessage")).toString();
}

} // namespace gatehouse::lambdaerrors
