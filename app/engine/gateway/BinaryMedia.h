// When a body travels base64-encoded between API Gateway and Lambda.
// HTTP APIs: "If the content type of the request is binary, the body is base64-encoded" (Working
// with AWS Lambda proxy integrations for HTTP APIs); the doc names no list, so the split follows
// captures from real HTTP APIs (ministack PR #766): text/*, application/json, application/xml and
// application/javascript arrive as text, everything else (also no Content-Type) as base64.
// REST APIs: only media types listed in the API's binaryMediaTypes ("Working with binary media
// types for REST APIs"), which may use wildcards such as image/* and */*.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace gatehouse {

bool isHttpApiTextMediaType(const QString &contentType);
// `mediaType` against entries such as "image/png", "image/*", "*/*" (parameters ignored).
bool matchesBinaryMediaTypes(const QString &mediaType, const QStringList &binaryMediaTypes);

struct EncodedBody {
    QString text; // the event's "body"
    bool isBase64Encoded = false;
};
EncodedBody httpApiRequestBody(const QByteArray &body, const QString &contentType);
EncodedBody restApiRequestBody(const QByteArray &body, const QString &contentType,
                               const QStringList &binaryMediaTypes);

} // namespace gatehouse
