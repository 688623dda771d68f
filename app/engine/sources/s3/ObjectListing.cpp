#include "ObjectListing.h"

namespace gatehouse::s3 {

QString continuationTokenAfter(const QString &key) {
    // Opaque to clients, as S3's: the last key or common prefix returned, base64url.
    return QString::fromLatin1(key.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}

std::optional<QString> keyOfContinuationToken(const QString &token) {
    const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
        token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || token.isEmpty()) return std::nullopt;
    return QString::fromUtf8(*decoded);
}

std::optional<ListPage> listObjects(const QList<ObjectMetadata> &objects, const ListRequest &request) {
    QByteArray after;
    if (!request.continuationToken.isEmpty()) {
        const std::optional<QString> key = keyOfContinuationToken(request.continuationToken);
        if (!key) return std::nullopt;
        after = key->toUtf8();
    } else {
        after = request.startAfter.toUtf8();
    }
    const int maxKeys = std::clamp(request.maxKeys, 0, 1000);
    ListPage page;
    QString lastReturned;
    for (const ObjectMetadata &object : objects) {
        const QByteArray key = object.key.toUtf8();
        if (!after.isEmpty() && key <= after) continue;
        if (!object.key.startsWith(request.prefix)) continue;
        QString rolledUp;
        if (!request.delimiter.isEmpty()) {
            const qsizetype at = object.key.indexOf(request.delimiter, request.prefix.size());
            if (at >= 0) rolledUp = object.key.left(at + request.delimiter.size());
        }
        // Keys under a common prefix already returned add nothing.
        if (!rolledUp.isEmpty() && !page.commonPrefixes.isEmpty() && page.commonPrefixes.last() == rolledUp)
            continue;
        // A common prefix that a previous page returned: the token is that prefix, which sorts before
        // the keys it covers; skip them.
        if (!rolledUp.isEmpty() && !after.isEmpty() && rolledUp.toUtf8() == after) continue;
        if (page.keyCount() >= maxKeys) {
            page.truncated = true;
            break;
        }
        if (rolledUp.isEmpty()) {
            page.contents.append(object);
            lastReturned = object.key;
        } else {
            page.commonPrefixes.append(rolledUp);
            lastReturned = rolledUp;
        }
    }
    if (page.truncated) page.nextContinuationToken = continuationTokenAfter(lastReturned);
    return page;
}

} // namespace gatehouse::s3
