// S3Api's versioning operations: GetBucketVersioning, PutBucketVersioning and ListObjectVersions (S3
// API reference, https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketVersioning.html,
// API_PutBucketVersioning.html, API_ListObjectVersions.html). The versionId parameters of the object
// operations are in S3ObjectOperations.cpp.
#include "S3Api.h"
#include "S3Call.h"
#include "S3Xml.h"

#include <QUrl>

namespace gatehouse::s3 {

namespace {

QString encodedIf(bool encode, const QString &text) {
    return encode ? QString::fromLatin1(QUrl::toPercentEncoding(text, "/")) : text;
}

// A version as ListObjectVersions names it: objects written without versioning are "null".
QString shownVersionId(const ObjectMetadata &meta) {
    return meta.versionId.isEmpty() ? QStringLiteral("null") : meta.versionId;
}

} // namespace

http::HttpResponse S3Api::getBucketVersioning(S3Call &call) const {
    // A bucket that never had versioning answers an empty configuration.
    XmlOut xml;
    xml.begin("VersioningConfiguration");
    switch (m_store->versioning(call.bucket)) {
    case Versioning::Enabled:
        xml.element("Status", QStringLiteral("Enabled"));
        break;
    case Versioning::Suspended:
        xml.element("Status", QStringLiteral("Suspended"));
        break;
    case Versioning::Off:
        break;
    }
    return call.xml(xml.finish());
}

http::HttpResponse S3Api::putBucketVersioning(S3Call &call) const {
    const std::optional<Versioning> status = parseVersioningConfiguration(call.payload);
    if (!status) return call.error(errors::malformedXml());
    // For this run of the endpoint only: the project's "versioning" flag is the source of truth and
    // wins again when the project changes it (S3Api::updateProject).
    m_store->setVersioning(call.bucket, *status);
    return call.ok();
}

http::HttpResponse S3Api::listObjectVersions(S3Call &call) const {
    const QString prefix = call.param("prefix");
    const QString delimiter = call.param("delimiter");
    const QString keyMarker = call.param("key-marker");
    const QString versionIdMarker = call.param("version-id-marker");
    http::HttpResponse invalid;
    const std::optional<bool> encoding = urlEncodingOf(call, &invalid);
    if (!encoding) return invalid;
    const bool encode = *encoding;
    int maxKeys = 1000;
    if (call.has("max-keys")) {
        bool ok = false;
        maxKeys = call.param("max-keys").toInt(&ok);
        if (!ok || maxKeys < 0)
            return call.error(errors::invalidArgument(
                QStringLiteral("Provided max-keys not an integer or within integer range"),
                QStringLiteral("max-keys"), call.param("max-keys")));
    }
    maxKeys = std::min(maxKeys, 1000);
    // "A version-id marker cannot be specified without a key marker."
    if (!versionIdMarker.isEmpty() && keyMarker.isEmpty())
        return call.error(errors::invalidArgument(
            QStringLiteral("A version-id marker cannot be specified without a key marker."),
            QStringLiteral("version-id-marker"), versionIdMarker));

    const QByteArray marker = keyMarker.toUtf8();
    // With a version-id marker the listing resumes after that version of the key marker; without
    // one, after every version of it.
    bool pastVersionMarker = versionIdMarker.isEmpty(); // (without one, every version of it is skipped)
    QList<ObjectVersion> page;
    QStringList commonPrefixes;
    bool truncated = false;
    QString nextKeyMarker;
    QString nextVersionIdMarker;
    for (const ObjectVersion &entry : m_store->listVersions(call.bucket)) {
        const QByteArray key = entry.meta.key.toUtf8();
        if (!entry.meta.key.startsWith(prefix)) continue;
        if (!marker.isEmpty()) {
            if (key < marker) continue;
            if (key == marker && !pastVersionMarker) {
                if (shownVersionId(entry.meta) == versionIdMarker) pastVersionMarker = true;
                continue;
            }
            if (key == marker && versionIdMarker.isEmpty()) continue;
            // A common prefix returned as the marker covers its keys.
            if (key != marker && !delimiter.isEmpty() && keyMarker.endsWith(delimiter) &&
                entry.meta.key.startsWith(keyMarker))
                continue;
        }
        QString rolledUp;
        if (!delimiter.isEmpty()) {
            const qsizetype at = entry.meta.key.indexOf(delimiter, prefix.size());
            if (at >= 0) rolledUp = entry.meta.key.left(at + delimiter.size());
        }
        if (!rolledUp.isEmpty() && !commonPrefixes.isEmpty() && commonPrefixes.last() == rolledUp) continue;
        if (page.size() + commonPrefixes.size() >= maxKeys) {
            truncated = true;
            break;
        }
        if (rolledUp.isEmpty()) {
            page.append(entry);
            nextKeyMarker = entry.meta.key;
            nextVersionIdMarker = shownVersionId(entry.meta);
        } else {
            commonPrefixes.append(rolledUp);
            nextKeyMarker = rolledUp;
            nextVersionIdMarker.clear();
        }
    }

    XmlOut xml;
    xml.begin("ListVersionsResult");
    xml.element("Name", call.bucket);
    xml.element("Prefix", encodedIf(encode, prefix));
    xml.element("KeyMarker", encodedIf(encode, keyMarker));
    xml.element("VersionIdMarker", versionIdMarker);
    if (truncated) {
        xml.element("NextKeyMarker", encodedIf(encode, nextKeyMarker));
        if (!nextVersionIdMarker.isEmpty()) xml.element("NextVersionIdMarker", nextVersionIdMarker);
    }
    xml.element("MaxKeys", QString::number(maxKeys));
    if (!delimiter.isEmpty()) xml.element("Delimiter", encodedIf(encode, delimiter));
    if (encode) xml.element("EncodingType", QStringLiteral("url"));
    xml.element("IsTruncated", truncated ? QStringLiteral("true") : QStringLiteral("false"));
    for (const ObjectVersion &entry : page) {
        const ObjectMetadata &meta = entry.meta;
        xml.open(meta.deleteMarker ? "DeleteMarker" : "Version");
        xml.element("Key", encodedIf(encode, meta.key));
        xml.element("VersionId", shownVersionId(meta));
        xml.element("IsLatest", entry.isLatest ? QStringLiteral("true") : QStringLiteral("false"));
        xml.element("LastModified", xmlTimestamp(meta.lastModified));
        if (!meta.deleteMarker) {
            xml.element("ETag", meta.eTag);
            xml.element("Size", QString::number(meta.size));
            xml.element("StorageClass", QStringLiteral("STANDARD"));
        }
        xml.open("Owner");
        xml.element("ID", QStringLiteral("gatehouse"));
        xml.element("DisplayName", QStringLiteral("gatehouse"));
        xml.close();
        xml.close();
    }
    for (const QString &common : commonPrefixes) {
        xml.open("CommonPrefixes");
        xml.element("Prefix", encodedIf(encode, common));
        xml.close();
    }
    return call.xml(xml.finish());
}

} // namespace gatehouse::s3
