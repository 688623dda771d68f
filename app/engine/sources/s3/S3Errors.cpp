#include "S3Errors.h"

#include "S3Xml.h"

namespace gatehouse::s3 {

namespace errors {

S3Error noSuchBucket(const QString &bucket) {
    return {
        404, "NoSuchBucket", QStringLiteral("The specified bucket does not exist"), {{"BucketName", bucket}}};
}
S3Error noSuchKey(const QString &key) {
    return {404, "NoSuchKey", QStringLiteral("The specified key does not exist."), {{"Key", key}}};
}
S3Error noSuchUpload(const QString &uploadId) {
    return {404,
            "NoSuchUpload",
            QStringLiteral("The specified upload does not exist. The upload ID may be invalid, or the upload "
                           "may have been aborted or completed."),
            {{"UploadId", uploadId}}};
}
S3Error noSuchVersion(const QString &key, const QString &versionId) {
    return {404,
            "NoSuchVersion",
            QStringLiteral("The specified version does not exist."),
            {{"Key", key}, {"VersionId", versionId}}};
}
S3Error invalidVersionId(const QString &versionId) {
    return invalidArgument(QStringLiteral("Invalid version id specified"), QStringLiteral("versionId"),
                           versionId);
}
S3Error invalidRange(const QByteArray &requested, qint64 actualSize) {
    return {416,
            "InvalidRange",
            QStringLiteral("The requested range is not satisfiable"),
            {{"RangeRequested", QString::fromLatin1(requested)},
             {"ActualObjectSize", QString::number(actualSize)}}};
}
S3Error invalidPart() {
    return {
        400,
        "InvalidPart",
        QStringLiteral("One or more of the specified parts could not be found.  The part may not have been "
                       "uploaded, or the specified entity tag may not match the part's entity tag."),
        {}};
}
S3Error invalidPartOrder() {
    return {
        400,
        "InvalidPartOrder",
        QStringLiteral("The list of parts was not in ascending order. The parts list must be specified in "
                       "order by part number."),
        {}};
}
S3Error entityTooSmall() {
    return {400,
            "EntityTooSmall",
            QStringLiteral("Your proposed upload is smaller than the minimum allowed size"),
            {}};
}
S3Error entityTooLarge() {
    return {
        400, "EntityTooLarge", QStringLiteral("Your proposed upload exceeds the maximum allowed size"), {}};
}
S3Error malformedXml() {
    return {
        400,
        "MalformedXML",
        QStringLiteral("The XML you provided was not well-formed or did not validate against our published "
                       "schema"),
        {}};
}
S3Error keyTooLong() {
    return {400, "KeyTooLongError", QStringLiteral("Your key is too long"), {}};
}
S3Error invalidArgument(const QString &message, const QString &name, const QString &value) {
    return {400, "InvalidArgument", message, {{"ArgumentName", name}, {"ArgumentValue", value}}};
}
S3Error invalidRequest(const QString &message) {
    return {400, "InvalidRequest", message, {}};
}
S3Error invalidDigest() {
    return {400, "InvalidDigest", QStringLiteral("The Content-MD5 you specified was invalid."), {}};
}
S3Error badDigest() {
    return {400,
            "BadDigest",
            QStringLiteral("The Content-MD5 you specified did not match what we received."),
            {}};
}
S3Error signatureDoesNotMatch() {
    return {403,
            "SignatureDoesNotMatch",
            QStringLiteral("The request signature we calculated does not match the signature you provided. "
                           "Check your key and signing method."),
            {}};
}
S3Error invalidAccessKeyId(const QString &accessKeyId) {
    return {403,
            "InvalidAccessKeyId",
            QStringLiteral("The AWS Access Key Id you provided does not exist in our records."),
            {{"AWSAccessKeyId", accessKeyId}}};
}
S3Error accessDenied(const QString &message) {
    return {403, "AccessDenied", message, {}};
}
S3Error methodNotAllowed(const QByteArray &method) {
    return {405,
            "MethodNotAllowed",
            QStringLiteral("The specified method is not allowed against this resource."),
            {{"Method", QString::fromLatin1(method)}}};
}
S3Error notImplemented(const QString &what) {
    return {501,
            "NotImplemented",
            QStringLiteral("A header or query you provided implies functionality that is not implemented: %1")
                .arg(what),
            {}};
}
S3Error internalError(const QString &detail) {
    return {500,
            "InternalError",
            QStringLiteral("We encountered an internal error. Please try again. (%1)").arg(detail),
            {}};
}

} // namespace errors

http::HttpResponse errorResponse(const S3Error &error, const QString &resource, const QString &requestId,
                                 const QString &hostId, bool head) {
    http::HttpResponse response;
    response.status = error.status;
    response.headers.add("x-amz-request-id", requestId.toLatin1());
    response.headers.add("x-amz-id-2", hostId.toLatin1());
    if (head) return response;
    XmlOut xml;
    xml.begin("Error", /*withNamespace=*/false);
    xml.element("Code", QString::fromLatin1(error.code));
    xml.element("Message", error.message);
    for (const auto &[name, value] : error.details)
        xml.element(name, value);
    xml.element("Resource", resource);
    xml.element("RequestId", requestId);
    xml.element("HostId", hostId);
    response.headers.add("Content-Type", "application/xml");
    response.body = xml.finish();
    return response;
}

} // namespace gatehouse::s3
