// S3Api's multipart upload operations (S3 API reference, API_CreateMultipartUpload.html,
// API_UploadPart.html, API_CompleteMultipartUpload.html, API_AbortMultipartUpload.html under
// https://docs.aws.amazon.com/AmazonS3/latest/API/).
#include "BucketNotifier.h"
#include "S3Api.h"
#include "S3Call.h"
#include "S3Xml.h"

#include <QCryptographicHash>

namespace gatehouse::s3 {

http::HttpResponse S3Api::createUpload(S3Call &call) const {
    ObjectMetadata meta;
    meta.key = call.key;
    meta.contentType = QString::fromUtf8(call.request.header("Content-Type", "binary/octet-stream"));
    for (const auto &[name, value] : call.request.headers)
        if (name.size() > 11 && name.left(11).compare("x-amz-meta-", Qt::CaseInsensitive) == 0)
            meta.userMetadata.append({QString::fromUtf8(name.mid(11).toLower()), QString::fromUtf8(value)});
    QString uploadId;
    const BucketStore::Outcome outcome = m_store->createUpload(call.bucket, meta, &uploadId);
    if (!outcome.ok()) return call.storeError(outcome);
    XmlOut xml;
    xml.begin("InitiateMultipartUploadResult");
    xml.element("Bucket", call.bucket);
    xml.element("Key", call.key);
    xml.element("UploadId", uploadId);
    return call.xml(xml.finish());
}

http::HttpResponse S3Api::uploadPart(S3Call &call) const {
    if (!call.request.header("x-amz-copy-source").isEmpty())
        return call.error(errors::notImplemented(QStringLiteral("UploadPartCopy")));
    bool ok = false;
    const int partNumber = call.param("partNumber").toInt(&ok);
    if (!ok || partNumber < 1 || partNumber > 10000)
        return call.error(errors::invalidArgument(
            QStringLiteral("Part number must be an integer between 1 and 10000, inclusive"),
            QStringLiteral("partNumber"), call.param("partNumber")));
    if (const QByteArray md5 = call.request.header("Content-MD5"); !md5.isEmpty()) {
        const QByteArray expected = QByteArray::fromBase64(md5);
        if (expected.size() != 16) return call.error(errors::invalidDigest());
        if (expected != QCryptographicHash::hash(call.payload, QCryptographicHash::Md5))
            return call.error(errors::badDigest());
    }
    const std::optional<ObjectMetadata> upload = m_store->uploadOf(call.bucket, call.param("uploadId"));
    if (!upload || upload->key != call.key) return call.error(errors::noSuchUpload(call.param("uploadId")));
    QString eTag;
    const BucketStore::Outcome outcome =
        m_store->putPart(call.bucket, call.param("uploadId"), partNumber, call.payload, &eTag);
    if (!outcome.ok()) return call.storeError(outcome);
    http::HttpResponse response = call.ok();
    response.headers.add("ETag", eTag.toUtf8());
    return response;
}

http::HttpResponse S3Api::completeUpload(S3Call &call) const {
    const QString uploadId = call.param("uploadId");
    const std::optional<ObjectMetadata> upload = m_store->uploadOf(call.bucket, uploadId);
    if (!upload || upload->key != call.key) return call.error(errors::noSuchUpload(uploadId));
    const std::optional<QList<CompletedPart>> parts = parseCompleteRequest(call.payload);
    if (!parts) return call.error(errors::malformedXml());
    ObjectMetadata stored;
    const BucketStore::Outcome outcome = m_store->completeUpload(call.bucket, uploadId, *parts, &stored);
    if (!outcome.ok()) return call.storeError(outcome);
    notify(call, QStringLiteral("ObjectCreated:CompleteMultipartUpload"), stored);
    XmlOut xml;
    xml.begin("CompleteMultipartUploadResult");
    QString host = QString::fromUtf8(call.request.header("Host"));
    xml.element("Location", QStringLiteral("http://%1%2").arg(host, call.resource()));
    xml.element("Bucket", call.bucket);
    xml.element("Key", call.key);
    xml.element("ETag", stored.eTag);
    http::HttpResponse response = call.xml(xml.finish());
    S3Call::addVersionId(response, stored.versionId);
    return response;
}

http::HttpResponse S3Api::abortUpload(S3Call &call) const {
    const QString uploadId = call.param("uploadId");
    const std::optional<ObjectMetadata> upload = m_store->uploadOf(call.bucket, uploadId);
    if (!upload || upload->key != call.key) return call.error(errors::noSuchUpload(uploadId));
    const BucketStore::Outcome outcome = m_store->abortUpload(call.bucket, uploadId);
    if (!outcome.ok()) return call.storeError(outcome);
    return call.ok(204);
}

} // namespace gatehouse::s3
