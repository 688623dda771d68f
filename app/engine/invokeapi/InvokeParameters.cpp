#include "InvokeParameters.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gatehouse::invokeapi {

namespace {

std::optional<ApiError> enumError(const QString &field, const QByteArray &value, const QString &allowed) {
    return validationError(field, QString::fromUtf8(value),
                           QStringLiteral("Member must satisfy enum value set: [%1]").arg(allowed));
}

// Wording of Lambda's answer to a bad client context (quoted in boto/boto3#2153 and in the AWS Rust
// SDK's own client-context test).
ApiError badClientContext() {
    return invalidRequestContent(
        QStringLiteral("Client context must be a valid Base64-encoded JSON object."));
}

std::optional<ApiError> readClientContext(const QByteArray &encoded, QByteArray *json) {
    // AWS documents the limit but not the refusal's wording; the exception is the one Lambda uses for
    // every other client-context fault.
    if (encoded.size() > kMaxClientContextBytes)
        return invalidRequestContent(
            QStringLiteral("Client context must be at most %1 bytes of Base64-encoded data.")
                .arg(kMaxClientContextBytes));
    const auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) return badClientContext();
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) return badClientContext();
    *json = *decoded;
    return std::nullopt;
}

} // namespace

std::variant<InvokeOptions, ApiError> readInvokeOptions(const http::HttpHeaders &headers) {
    InvokeOptions options;
    const QByteArray type = headers.value("X-Amz-Invocation-Type");
    if (type == "Event")
        options.type = InvokeOptions::Type::Event;
    else if (type == "DryRun")
        options.type = InvokeOptions::Type::DryRun;
    else if (!type.isEmpty() && type != "RequestResponse")
        return *enumError(QStringLiteral("invocationType"), type,
                          QStringLiteral("Event, RequestResponse, DryRun"));

    const QByteArray logType = headers.value("X-Amz-Log-Type");
    if (!logType.isEmpty() && logType != "None" && logType != "Tail")
        return *enumError(QStringLiteral("logType"), logType, QStringLiteral("None, Tail"));
    const bool synchronous = options.type == InvokeOptions::Type::RequestResponse;
    options.logTail = synchronous && logType == "Tail";

    if (const QByteArray context = headers.value("X-Amz-Client-Context"); !context.isEmpty()) {
        QByteArray json;
        if (auto error = readClientContext(context, &json)) return *error;
        if (synchronous) options.clientContext = json;
    }
    return options;
}

std::optional<ApiError> checkJsonPayload(const QByteArray &payload) {
    if (payload.isEmpty()) return std::nullopt;
    // QJsonDocument only takes an object or an array at the top, and a function's event may be any JSON
    // value ("text", 42, null): parse it as the only element of an array. A second element means the body
    // held more than one value ("1,2"), which is not JSON either.
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson('[' + payload + ']', &error);
    if (error.error == QJsonParseError::NoError && document.array().size() == 1) return std::nullopt;
    const QString detail =
        error.error != QJsonParseError::NoError
            ? QStringLiteral("%1 at offset %2").arg(error.errorString()).arg(std::max(0, error.offset - 1))
            : QStringLiteral("more than one JSON value");
    return invalidRequestContent(QStringLiteral("Could not parse request body into json: ") + detail);
}

} // namespace gatehouse::invokeapi
