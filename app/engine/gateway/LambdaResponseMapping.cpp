#include "LambdaResponseMapping.h"

#include "BinaryMedia.h"
#include "JsonText.h"

#include <algorithm>
#include <array>

namespace gatehouse {

namespace {

MappedResponse rejected(const QString &problem) {
    return {std::nullopt, problem};
}

// Header values may be written as numbers or booleans by the function; API Gateway sends them as text.
std::optional<QString> headerText(const OrderedJson &value) {
    if (value.is_string()) return fromUtf8(value.get<std::string>());
    if (value.is_number() || value.is_boolean()) return fromUtf8(value.dump());
    return std::nullopt;
}

std::optional<int> statusCodeOf(const OrderedJson &value) {
    if (!value.is_number_integer() && !value.is_number_unsigned()) return std::nullopt;
    const long long code = value.get<long long>();
    if (code < 100 || code > 599) return std::nullopt;
    return static_cast<int>(code);
}

// Reads body + isBase64Encoded; `decode` says whether a base64 body is turned back into bytes.
std::optional<QByteArray> bodyOf(const OrderedJson &object, bool decode, QString &problem) {
    if (!object.contains("body") || object["body"].is_null()) return QByteArray();
    if (!object["body"].is_string()) {
        problem = QStringLiteral("body must be a string (use JSON.stringify for objects)");
        return std::nullopt;
    }
    const QByteArray text = QByteArray::fromStdString(object["body"].get<std::string>());
    const bool base64 = object.contains("isBase64Encoded") && object["isBase64Encoded"].is_boolean() &&
                        object["isBase64Encoded"].get<bool>();
    if (!base64 || !decode) return text;
    const auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        problem = QStringLiteral("isBase64Encoded is true but body is not valid base64");
        return std::nullopt;
    }
    return *decoded;
}

bool readSingleHeaders(const OrderedJson &object, HeaderFields &headers, QString &problem) {
    if (!object.contains("headers") || object["headers"].is_null()) return true;
    if (!object["headers"].is_object()) {
        problem = QStringLiteral("headers must be an object of name: value");
        return false;
    }
    for (const auto &[name, value] : object["headers"].items()) {
        if (value.is_null()) continue;
        const std::optional<QString> text = headerText(value);
        if (!text) {
            problem = QStringLiteral("header '%1' must be a string").arg(fromUtf8(name));
            return false;
        }
        headers.append({fromUtf8(name), *text});
    }
    return true;
}

} // namespace

MappedResponse mapPayloadV2Response(const QByteArray &functionOutput) {
    const std::optional<OrderedJson> output = parseJson(functionOutput);
    if (!output) return rejected(QStringLiteral("the function output is not valid JSON"));
    if (!output->is_object() || !output->contains("statusCode")) {
        GatewayResponse response;
        response.headers.append({QStringLiteral("content-type"), QStringLiteral("application/json")});
        // A JSON string becomes its text; anything else goes out exactly as the function wrote it.
        response.body = output->is_string() ? QByteArray::fromStdString(output->get<std::string>())
                                            : functionOutput.trimmed();
        return {response, {}};
    }
    const OrderedJson &object = *output;
    const std::optional<int> status = statusCodeOf(object["statusCode"]);
    if (!status) return rejected(QStringLiteral("statusCode must be an integer HTTP status (100-599)"));
    GatewayResponse response;
    response.status = *status;
    QString problem;
    if (!readSingleHeaders(object, response.headers, problem)) return rejected(problem);
    if (object.contains("cookies") && !object["cookies"].is_null()) {
        if (!object["cookies"].is_array())
            return rejected(QStringLiteral("cookies must be an array of strings"));
        for (const OrderedJson &cookie : object["cookies"]) {
            if (!cookie.is_string()) return rejected(QStringLiteral("cookies must be an array of strings"));
            response.headers.append({QStringLiteral("set-cookie"), fromUtf8(cookie.get<std::string>())});
        }
    }
    // HTTP APIs decode a base64 body whenever isBase64Encoded is true: they have no binaryMediaTypes.
    const std::optional<QByteArray> body = bodyOf(object, true, problem);
    if (!body) return rejected(problem);
    response.body = *body;
    return {response, {}};
}

MappedResponse mapPayloadV1Response(const QByteArray &functionOutput, const PayloadV1Options &options) {
    const std::optional<OrderedJson> output = parseJson(functionOutput);
    if (!output || !output->is_object())
        return rejected(QStringLiteral("Malformed Lambda proxy response: the output is not a JSON object"));
    const OrderedJson &object = *output;
    for (const auto &[key, value] : object.items()) {
        static const std::array<std::string, 5> known = {"statusCode", "headers", "multiValueHeaders", "body",
                                                         "isBase64Encoded"};
        if (std::find(known.begin(), known.end(), key) == known.end())
            return rejected(
                QStringLiteral("Malformed Lambda proxy response: unexpected key '%1'").arg(fromUtf8(key)));
    }
    if (!object.contains("statusCode"))
        return rejected(QStringLiteral("Malformed Lambda proxy response: statusCode is missing"));
    const std::optional<int> status = statusCodeOf(object["statusCode"]);
    if (!status)
        return rejected(
            QStringLiteral("Malformed Lambda proxy response: statusCode must be an integer HTTP status"));

    GatewayResponse response;
    response.status = *status;
    QString problem;
    HeaderFields single;
    if (!readSingleHeaders(object, single, problem))
        return rejected(QStringLiteral("Malformed Lambda proxy response: ") + problem);
    HeaderFields multi;
    if (object.contains("multiValueHeaders") && !object["multiValueHeaders"].is_null()) {
        if (!object["multiValueHeaders"].is_object())
            return rejected(
                QStringLiteral("Malformed Lambda proxy response: multiValueHeaders must be an object"));
        for (const auto &[name, values] : object["multiValueHeaders"].items()) {
            if (!values.is_array())
                return rejected(
                    QStringLiteral("Malformed Lambda proxy response: multiValueHeaders['%1'] must be a list")
                        .arg(fromUtf8(name)));
            for (const OrderedJson &value : values) {
                const std::optional<QString> text = headerText(value);
                if (!text)
                    return rejected(
                        QStringLiteral("Malformed Lambda proxy response: header values must be strings"));
                multi.append({fromUtf8(name), *text});
            }
        }
    }
    // "If the same key-value pair is specified in both, only the values from multiValueHeaders will
    // appear in the merged list."
    for (const HeaderField &field : single)
        if (!hasHeader(multi, field.name)) response.headers.append(field);
    response.headers.append(multi);

    const QString firstAccept = options.acceptHeader.section(QLatin1Char(','), 0, 0);
    const bool decode = !options.restApi || matchesBinaryMediaTypes(firstAccept, options.binaryMediaTypes);
    const std::optional<QByteArray> body = bodyOf(object, decode, problem);
    if (!body) return rejected(QStringLiteral("Malformed Lambda proxy response: ") + problem);
    response.body = *body;
    return {response, {}};
}

} // namespace gatehouse
