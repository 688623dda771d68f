#include "ProcessErrors.h"

#include "LambdaErrors.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse::processerrors {

namespace {
QString exitMessage(const QString &requestId, const QString &exitDescription) {
    return QStringLiteral("RequestId: %1 Error: Runtime exited with error: %2")
        .arg(requestId, exitDescription);
}
} // namespace

QByteArray exitErrorPayload(const QString &requestId, const QString &exitDescription) {
    return lambdaerrors::functionErrorPayload(QStringLiteral("Runtime.ExitError"),
                                              exitMessage(requestId, exitDescription), {}, false);
}

QString exitErrorLine(const QString &requestId, const QString &exitDescription, const QString &errorType) {
    return exitMessage(requestId, exitDescription) + QLatin1Char('\n') + errorType;
}

QByteArray invalidEntrypointPayload(const QString &requestId, const QString &detail) {
    return lambdaerrors::functionErrorPayload(
        QStringLiteral("Runtime.InvalidEntrypoint"),
        QStringLiteral("RequestId: %1 Error: %2").arg(requestId, detail), {}, false);
}

QByteArray postedErrorPayload(const QByteArray &body, const QString &headerType) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError && doc.isObject()) return body;
    const QString type = headerType.isEmpty() ? QStringLiteral("Runtime.Unknown") : headerType;
    return lambdaerrors::functionErrorPayload(type, QString::fromUtf8(body), {}, false);
}

InvocationResult runtimeUnavailable(const QString &message) {
    InvocationResult r;
    r.statusCode = 502;
    r.errorType = QStringLiteral("InvalidRuntimeException");
    r.errorMessage = message;
    r.payload = lambdaerrors::orderedJsonObject(
        {{QStringLiteral("Type"), QStringLiteral("User")}, {QStringLiteral("message"), message}});
    r.environmentReusable = false;
    return r;
}

} // namespace gatehouse::processerrors
