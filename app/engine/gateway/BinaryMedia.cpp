#include "BinaryMedia.h"

#include "HeaderFields.h"

namespace gatehouse {

bool isHttpApiTextMediaType(const QString &contentType) {
    const QString type = mediaTypeOf(contentType);
    return type.startsWith(QLatin1String("text/")) || type == QLatin1String("application/json") ||
           type == QLatin1String("application/xml") || type == QLatin1String("application/javascript");
}

bool matchesBinaryMediaTypes(const QString &mediaType, const QStringList &binaryMediaTypes) {
    const QString type = mediaTypeOf(mediaType);
    if (type.isEmpty()) return false;
    for (const QString &entry : binaryMediaTypes) {
        const QString pattern = mediaTypeOf(entry);
        if (pattern == type || pattern == QLatin1String("*/*")) return true;
        if (pattern.endsWith(QLatin1String("/*")) && type.startsWith(pattern.chopped(1))) return true;
    }
    return false;
}

EncodedBody httpApiRequestBody(const QByteArray &body, const QString &contentType) {
    if (body.isEmpty()) return {};
    if (isHttpApiTextMediaType(contentType)) return {QString::fromUtf8(body), false};
    return {QString::fromLatin1(body.toBase64()), true};
}

EncodedBody restApiRequestBody(const QByteArray &body, const QString &contentType,
                               const QStringList &binaryMediaTypes) {
    if (body.isEmpty()) return {};
    if (matchesBinaryMediaTypes(contentType, binaryMediaTypes))
        return {QString::fromLatin1(body.toBase64()), true};
    return {QString::fromUtf8(body), false};
}

} // namespace gatehouse
