#include "InvokeApiErrors.h"

#include "invoker/LambdaErrors.h"

// The messages below are protocol text, not UI text: they are AWS's exact English wording because
// scripts and SDK users match on it, so they are deliberately not translated.

namespace gatehouse::invokeapi {

namespace {
ApiError userError(int status, const QString &type, const QString &message) {
    // Lambda's own exceptions carry "Type":"User" (client fault) before "message", in this order.
    return {status, type,
            lambdaerrors::orderedJsonObject(
                {{QStringLiteral("Type"), QStringLiteral("User")}, {QStringLiteral("message"), message}})};
}
} // namespace

ApiError validationError(const QString &field, const QString &value, const QString &constraint) {
    const QString message =
        QStringLiteral("1 validation error detected: Value '%1' at '%2' failed to satisfy constraint: %3")
            .arg(value, field, constraint);
    return {400, QStringLiteral("ValidationException"),
            lambdaerrors::orderedJsonObject({{QStringLiteral("message"), message}})};
}

ApiError invalidParameterValue(const QString &message) {
    return userError(400, QStringLiteral("InvalidParameterValueException"), message);
}

ApiError invalidRequestContent(const QString &message) {
    return userError(400, QStringLiteral("InvalidRequestContentException"), message);
}

ApiError resourceNotFound(const QString &message) {
    return userError(404, QStringLiteral("ResourceNotFoundException"), message);
}

ApiError unknownOperation() {
    return {404, QStringLiteral("UnknownOperationException"),
            QByteArrayLiteral("<UnknownOperationException/>\n")};
}

ApiError fromPlatformError(const InvocationResult &result) {
    ApiError error{result.statusCode, result.errorType, result.payload};
    if (error.type.isEmpty()) error.type = QStringLiteral("ServiceException");
    if (error.body.isEmpty()) {
        // Server faults are "Type":"Service" in Lambda's bodies; client faults "User".
        const QString kind = error.status >= 500 ? QStringLiteral("Service") : QStringLiteral("User");
        error.body = lambdaerrors::orderedJsonObject(
            {{QStringLiteral("Type"), kind}, {QStringLiteral("message"), result.errorMessage}});
    }
    return error;
}

http::HttpResponse errorResponse(const ApiError &error, const QString &requestId) {
    http::HttpResponse response;
    response.status = error.status;
    const bool xml = error.body.startsWith('<');
    response.headers.add("Content-Type", xml ? "application/xml" : "application/json");
    response.headers.add("x-amzn-ErrorType", error.type.toUtf8());
    response.headers.add("x-amzn-RequestId", requestId.toUtf8());
    response.body = error.body;
    return response;
}

} // namespace gatehouse::invokeapi
