// S3's error responses: an HTTP status and an XML body
//   <Error><Code>NoSuchKey</Code><Message>...</Message><Key>...</Key><Resource>/bucket/key</Resource>
//   <RequestId>...</RequestId><HostId>...</HostId></Error>
// with the codes, statuses and messages of the S3 API reference, "Error responses"
// (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html). The messages are part of the
// wire protocol (clients show them as S3 sent them), so they stay in AWS's English.
#pragma once

#include "http/HttpResponse.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace gatehouse::s3 {

struct S3Error {
    int status = 400;
    QByteArray code;
    QString message;
    QList<QPair<QByteArray, QString>> details; // extra elements: Key, BucketName, UploadId, ...
};

namespace errors {
S3Error noSuchBucket(const QString &bucket);                                                // 404
S3Error noSuchKey(const QString &key);                                                      // 404
S3Error noSuchUpload(const QString &uploadId);                                              // 404
S3Error noSuchVersion(const QString &key, const QString &versionId);                        // 404
S3Error invalidVersionId(const QString &versionId);                                         // 400
S3Error invalidRange(const QByteArray &requested, qint64 actualSize);                       // 416
S3Error invalidPart();                                                                      // 400
S3Error invalidPartOrder();                                                                 // 400
S3Error entityTooSmall();                                                                   // 400
S3Error entityTooLarge();                                                                   // 400
S3Error malformedXml();                                                                     // 400
S3Error keyTooLong();                                                                       // 400
S3Error invalidArgument(const QString &message, const QString &name, const QString &value); // 400
S3Error invalidRequest(const QString &message);                                             // 400
S3Error invalidDigest();                                                                    // 400
S3Error badDigest();                                                                        // 400
S3Error signatureDoesNotMatch();                                                            // 403
S3Error invalidAccessKeyId(const QString &accessKeyId);                                     // 403
S3Error accessDenied(const QString &message);                                               // 403
S3Error methodNotAllowed(const QByteArray &method);                                         // 405
S3Error notImplemented(const QString &what);                                                // 501
S3Error internalError(const QString &detail);                                               // 500
} // namespace errors

// The complete response; `resource` is the request's path ("/bucket/key"). HEAD answers carry no
// body (S3 sends only the status and the x-amz-request-id header then).
http::HttpResponse errorResponse(const S3Error &error, const QString &resource, const QString &requestId,
                                 const QString &hostId, bool head = false);

} // namespace gatehouse::s3
