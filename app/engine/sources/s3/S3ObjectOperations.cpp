// S3Api's object operations: PutObject, GetObject/HeadObject, DeleteObject and CopyObject (S3 API
// reference, https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html, API_GetObject.html,
// API_HeadObject.html, API_DeleteObject.html, API_CopyObject.html).
#include "BucketNotifier.h"
#include "ByteRange.h"
#include "ObjectKeyFiles.h"
#include "S3Api.h"
#include "S3Call.h"
#include "S3Xml.h"

#include <QCryptographicHash>
#include <QLocale>

namespace gatehouse::s3 {

namespace {

// The system metadata S3 stores from a PutObject and returns on GetObject/HeadObject.
const QList<QByteArray> &storedHeaderNames() {
    static const QList<QByteArray> names = {"Cache-Control", "Content-Disposition", "Content-Encoding",
                                            "Content-Language", "Expires"};
    return names;
}

// The object's metadata from a request's headers: Content-Type (S3's default "binary/octet-stream"),
// x-amz-meta-* (names lower-cased, as S3 keeps them) and the stored system headers.
ObjectMetadata metadataOfRequest(const http::HttpRequest &request, const QString &key) {
    ObjectMetadata meta;
    meta.key = key;
    meta.contentType = QString::fromUtf8(request.header("Content-Type", "binary/octet-stream"));
    for (const auto &[name, value] : request.headers) {
        if (name.size() > 11 && name.left(11).compare("x-amz-meta-", Qt::CaseInsensitive) == 0)
            meta.userMetadata.append({QString::fromUtf8(name.mid(11).toLower()), QString::fromUtf8(value)});
    }
    for (const QByteArray &name : storedHeaderNames()) {
        QByteArray value = request.header(name);
        if (name == "Content-Encoding") {
            // aws-chunked describes the transfer, not the object ("remove aws-chunked" before storing).
            QList<QByteArray> codings;
            for (const QByteArray &coding : value.split(','))
                if (!coding.trimmed().isEmpty() &&
                    coding.trimmed().compare("aws-chunked", Qt::CaseInsensitive) != 0)
                    codings.append(coding.trimmed());
            value = codings.join(", ");
        }
        if (!value.isEmpty()) meta.headers.append({QString::fromLatin1(name), QString::fromUtf8(value)});
    }
    return meta;
}

QByteArray httpDate(const QDateTime &time) {
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

void addObjectHeaders(http::HttpResponse &response, const ObjectMetadata &meta) {
    response.headers.add("Content-Type", meta.contentType.toUtf8());
    response.headers.add("ETag", meta.eTag.toUtf8());
    response.headers.add("Last-Modified", httpDate(meta.lastModified));
    response.headers.add("Accept-Ranges", "bytes");
    for (const auto &[name, value] : meta.headers)
        response.headers.add(name.toLatin1(), value.toUtf8());
    for (const auto &[name, value] : meta.userMetadata)
        response.headers.add("x-amz-meta-" + name.toUtf8(), value.toUtf8());
}

} // namespace

http::HttpResponse S3Api::putObject(S3Call &call) const {
    // Content-MD5: "To ensure that data is not corrupted traversing the network" (PutObject).
    if (const QByteArray md5 = call.request.header("Content-MD5"); !md5.isEmpty()) {
        const QByteArray expected = QByteArray::fromBase64(md5);
        if (expected.size() != 16) return call.error(errors::invalidDigest());
        if (expected != QCryptographicHash::hash(call.payload, QCryptographicHash::Md5))
            return call.error(errors::badDigest());
    }
    ObjectMetadata stored;
    const BucketStore::Outcome outcome =
        m_store->put(call.bucket, metadataOfRequest(call.request, call.key), call.payload, &stored);
    if (!outcome.ok()) return call.storeError(outcome);
    notify(call, QStringLiteral("ObjectCreated:Put"), stored);
    http::HttpResponse response = call.ok();
    response.headers.add("ETag", stored.eTag.toUtf8());
    S3Call::addVersionId(response, stored.versionId);
    return response;
}

http::HttpResponse S3Api::getObject(S3Call &call) const {
    const QString versionId = call.param("versionId");
    if (call.has("versionId") && !isWellFormedVersionId(versionId))
        return call.error(errors::invalidVersionId(versionId));
    const std::optional<ObjectMetadata> meta = call.has("versionId")
                                                   ? m_store->version(call.bucket, call.key, versionId)
                                                   : m_store->head(call.bucket, call.key);
    if (!meta && call.has("versionId")) return call.error(errors::noSuchVersion(call.key, versionId));
    if (!meta) {
        // "If the current version of the object is a delete marker, Amazon S3 behaves as if the object
        // was deleted and includes x-amz-delete-marker: true in the response" (GetObject).
        http::HttpResponse missing = call.error(errors::noSuchKey(call.key));
        if (const std::optional<ObjectMetadata> latest = m_store->latest(call.bucket, call.key);
            latest && latest->deleteMarker) {
            missing.headers.add("x-amz-delete-marker", "true");
            S3Call::addVersionId(missing, latest->versionId);
        }
        return missing;
    }
    if (meta->deleteMarker) {
        // "If the specified version is a delete marker, the response returns a 405 Method Not Allowed
        // error and the Last-Modified: timestamp response header."
        http::HttpResponse marker = call.error(errors::methodNotAllowed(call.request.method));
        marker.headers.add("x-amz-delete-marker", "true");
        marker.headers.add("Last-Modified", httpDate(meta->lastModified));
        S3Call::addVersionId(marker, meta->versionId);
        return marker;
    }
    const QByteArray rangeHeader = call.request.header("Range");
    const ByteRange range = resolveRange(rangeHeader, meta->size);
    if (range.kind == ByteRange::Kind::Unsatisfiable) {
        http::HttpResponse refused = call.error(errors::invalidRange(rangeHeader, meta->size));
        refused.headers.add("Content-Range", "bytes */" + QByteArray::number(meta->size));
        return refused;
    }
    const bool partial = range.kind == ByteRange::Kind::Partial;
    ObjectMetadata current;
    QByteArray data;
    if (!call.head) {
        const BucketStore::Outcome outcome =
            m_store->read(call.bucket, call.key, partial ? range.first : 0, partial ? range.length : -1,
                          &current, &data, call.has("versionId") ? versionId : QString());
        if (!outcome.ok()) return call.storeError(outcome);
    } else {
        current = *meta;
    }
    http::HttpResponse response = call.ok(partial ? 206 : 200);
    addObjectHeaders(response, current);
    S3Call::addVersionId(response, current.versionId);
    const qint64 length = partial ? range.length : current.size;
    if (partial)
        response.headers.add("Content-Range", "bytes " + QByteArray::number(range.first) + '-' +
                                                  QByteArray::number(range.first + range.length - 1) + '/' +
                                                  QByteArray::number(current.size));
    if (call.head)
        response.headers.add("Content-Length",
                             QByteArray::number(length)); // HEAD states the size it leaves out
    else
        response.body = std::move(data);
    return response;
}

http::HttpResponse S3Api::deleteObject(S3Call &call) const {
    const QString versionId = call.param("versionId");
    if (call.has("versionId") && !isWellFormedVersionId(versionId))
        return call.error(errors::invalidVersionId(versionId));
    Removal removal;
    const BucketStore::Outcome outcome = m_store->deleteObject(call.bucket, call.key, versionId, &removal);
    if (!outcome.ok()) return call.storeError(outcome);
    if (removal.happened) {
        ObjectMetadata removed;
        removed.key = call.key;
        removed.versionId = removal.versionId;
        notify(call, removalEventName(versionId, removal), removed);
    }
    http::HttpResponse response = call.ok(204); // also for a key that did not exist
    // x-amz-delete-marker: "Specifies whether the versioned object that was permanently deleted was
    // (true) or was not (false) a delete marker", or that the delete created one (DeleteObject).
    if (removal.deleteMarker) response.headers.add("x-amz-delete-marker", "true");
    S3Call::addVersionId(response, removal.versionId);
    return response;
}

http::HttpResponse S3Api::copyObject(S3Call &call, const Settings &settings) const {
    // "x-amz-copy-source: /bucket/key" (or without the leading slash), URL-encoded, optionally
    // "?versionId=..." to copy that version.
    QByteArray source = call.request.header("x-amz-copy-source");
    QString sourceVersionId;
    if (const qsizetype question = source.indexOf('?'); question >= 0) {
        const QByteArray query = source.mid(question + 1);
        if (query.startsWith("versionId="))
            sourceVersionId = QString::fromUtf8(QByteArray::fromPercentEncoding(query.mid(10)));
        source.truncate(question);
        if (!sourceVersionId.isEmpty() && !isWellFormedVersionId(sourceVersionId))
            return call.error(errors::invalidVersionId(sourceVersionId));
    }
    const QString decoded = QString::fromUtf8(QByteArray::fromPercentEncoding(source));
    const QString path = decoded.startsWith(QLatin1Char('/')) ? decoded.mid(1) : decoded;
    const qsizetype slash = path.indexOf(QLatin1Char('/'));
    if (slash <= 0 || slash == path.size() - 1)
        return call.error(errors::invalidArgument(QStringLiteral("Invalid copy source object key"),
                                                  QStringLiteral("x-amz-copy-source"), decoded));
    const QString sourceBucket = path.left(slash);
    const QString sourceKey = path.mid(slash + 1);
    if (!settings.buckets.contains(sourceBucket)) return call.error(errors::noSuchBucket(sourceBucket));
    const bool replace =
        call.request.header("x-amz-metadata-directive").compare("REPLACE", Qt::CaseInsensitive) == 0;
    // Copying an older version onto its own key is how a version is restored: allowed.
    if (sourceBucket == call.bucket && sourceKey == call.key && !replace && sourceVersionId.isEmpty())
        return call.error(errors::invalidRequest(
            QStringLiteral("This copy request is illegal because it is trying to copy an object to itself "
                           "without changing the object's metadata, storage class, website redirect location "
                           "or encryption attributes.")));
    ObjectMetadata sourceMeta;
    QByteArray data;
    const BucketStore::Outcome read =
        m_store->read(sourceBucket, sourceKey, 0, -1, &sourceMeta, &data, sourceVersionId);
    if (read.error == BucketStore::Error::NoSuchKey && !sourceVersionId.isEmpty())
        return call.error(errors::noSuchVersion(sourceKey, sourceVersionId));
    if (read.error == BucketStore::Error::NoSuchKey) return call.error(errors::noSuchKey(sourceKey));
    if (!read.ok()) return call.storeError(read);
    ObjectMetadata target = replace ? metadataOfRequest(call.request, call.key) : sourceMeta;
    target.key = call.key;
    target.versionId.clear();
    target.sequence = 0;
    ObjectMetadata stored;
    const BucketStore::Outcome written = m_store->put(call.bucket, target, data, &stored);
    if (!written.ok()) return call.storeError(written);
    notify(call, QStringLiteral("ObjectCreated:Copy"), stored);
    XmlOut xml;
    xml.begin("CopyObjectResult");
    xml.element("LastModified", xmlTimestamp(stored.lastModified));
    xml.element("ETag", stored.eTag);
    http::HttpResponse response = call.xml(xml.finish());
    if (!sourceMeta.versionId.isEmpty())
        response.headers.add("x-amz-copy-source-version-id", sourceMeta.versionId.toUtf8());
    S3Call::addVersionId(response, stored.versionId);
    return response;
}

} // namespace gatehouse::s3
