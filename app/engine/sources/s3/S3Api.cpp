// S3Api: parsing a request into an S3Call, signatures, dispatch, and the bucket-level operations.
#include "S3Api.h"

#include "BucketNotifier.h"
#include "ObjectKeyFiles.h"
#include "ObjectListing.h"
#include "S3Call.h"
#include "S3Xml.h"

#include <QDir>
#include <QFileInfo>
#include <QMutexLocker>
#include <QUrl>

namespace gatehouse::s3 {

namespace {

QHash<QString, QString> parseQuery(const QByteArray &query) {
    QHash<QString, QString> params;
    for (const QByteArray &part : query.split('&')) {
        if (part.isEmpty()) continue;
        const qsizetype eq = part.indexOf('=');
        const QByteArray name = eq < 0 ? part : part.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : part.mid(eq + 1);
        params.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                      QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return params;
}

// Virtual-hosted style: "Host: my-bucket.localhost:4566" names the bucket; everything else is path style.
QString bucketOfHost(const QByteArray &host) {
    QByteArray name = host;
    if (const qsizetype colon = name.lastIndexOf(':'); colon >= 0 && !name.startsWith('['))
        name.truncate(colon);
    static const QByteArray suffix = ".localhost";
    if (name.size() <= suffix.size() || !name.toLower().endsWith(suffix)) return {};
    return QString::fromLatin1(name.chopped(suffix.size()));
}

// ListObjects' encoding-type=url: keys, prefixes and delimiters percent-encoded, so that clients can
// carry any key through XML (awscli always asks for it).
QString encodedIf(bool encode, const QString &text) {
    return encode ? QString::fromLatin1(QUrl::toPercentEncoding(text, "/")) : text;
}

} // namespace

S3Api::S3Api(BucketStore *store, const BucketNotifier *notifier)
    : m_store(store)
    , m_notifier(notifier)
    , m_settings(std::make_shared<Settings>()) {}

S3Api::~S3Api() = default;

void S3Api::updateProject(const Project &project) {
    auto settings = std::make_shared<Settings>();
    for (const Bucket &bucket : project.buckets)
        settings->buckets.append(bucket.name);
    settings->region = project.settings.region;
    if (project.settings.credentials)
        settings->credentials = SigV4Credentials{project.settings.credentials->accessKeyId,
                                                 project.settings.credentials->secretAccessKey};
    QMutexLocker lock(&m_mutex);
    m_settings = std::move(settings);
    // The project file is the source of truth for versioning: a bucket's state follows it whenever
    // its "versioning" changes (or the bucket is new). PutBucketVersioning changes the running
    // endpoint only, until then.
    QHash<QString, bool> versioning;
    for (const Bucket &bucket : project.buckets) {
        versioning.insert(bucket.name, bucket.versioning);
        const auto before = m_projectVersioning.constFind(bucket.name);
        if (before == m_projectVersioning.cend() || *before != bucket.versioning)
            m_store->setVersioning(bucket.name, bucket.versioning ? Versioning::Enabled : Versioning::Off);
    }
    m_projectVersioning = std::move(versioning);
}

std::shared_ptr<const S3Api::Settings> S3Api::settings() const {
    QMutexLocker lock(&m_mutex);
    return m_settings;
}

bool S3Api::hasBucket(const QString &bucket) const {
    return settings()->buckets.contains(bucket);
}

http::HttpResponse S3Api::protocolErrorResponse(int status, const QByteArray &detail) {
    const QString requestId = newS3RequestId();
    const QString hostId = newS3HostId();
    switch (status) {
    case 413:
        return errorResponse(errors::entityTooLarge(), {}, requestId, hostId);
    case 408:
        return errorResponse(
            {400,
             "RequestTimeout",
             QStringLiteral("Your socket connection to the server was not read from or written "
                            "to within the timeout period."),
             {}},
            {}, requestId, hostId);
    case 411:
        return errorResponse({411,
                              "MissingContentLength",
                              QStringLiteral("You must provide the Content-Length HTTP header."),
                              {}},
                             {}, requestId, hostId);
    default:
        break;
    }
    return errorResponse({status,
                          status >= 500 ? QByteArray("InternalError") : QByteArray("InvalidRequest"),
                          QString::fromUtf8(detail),
                          {}},
                         {}, requestId, hostId);
}

void S3Api::handle(http::HttpRequest request, http::HttpResponder responder) const {
    responder.send(respond(request));
}

http::HttpResponse S3Api::respond(const http::HttpRequest &request) const {
    const std::shared_ptr<const Settings> current = settings();
    S3Call call(request);
    call.requestId = newS3RequestId();
    call.hostId = newS3HostId();
    call.head = request.method == "HEAD";
    call.query = parseQuery(request.query);
    QByteArray path = request.path.startsWith('/') ? request.path.mid(1) : request.path;
    call.bucket = bucketOfHost(request.header("Host"));
    if (call.bucket.isEmpty()) {
        const qsizetype slash = path.indexOf('/');
        call.bucket = QString::fromUtf8(QByteArray::fromPercentEncoding(slash < 0 ? path : path.left(slash)));
        path = slash < 0 ? QByteArray() : path.mid(slash + 1);
    }
    call.key = QString::fromUtf8(QByteArray::fromPercentEncoding(path));

    // Signatures count only when the project sets credentials; otherwise any client (signed with
    // whatever dummy keys, or not at all) is served, as local tools expect.
    // A browser-based upload (POST Object) carries no Authorization header: its form holds a policy
    // and the signature over it, which postObject() checks.
    const bool formUpload = request.method == "POST" && call.key.isEmpty() && !call.bucket.isEmpty() &&
                            !call.has("delete") && request.header("Authorization").isEmpty();
    SigV4Result signature;
    if (current->credentials && !formUpload) {
        signature = verifySigV4(request, *current->credentials);
        switch (signature.status) {
        case SigV4Result::Status::Valid:
            break;
        case SigV4Result::Status::Unsigned:
            return call.error(errors::accessDenied(QStringLiteral("Access Denied")));
        case SigV4Result::Status::InvalidAccessKeyId:
            return call.error(errors::invalidAccessKeyId(signature.accessKeyId));
        case SigV4Result::Status::Malformed:
            return call.error(errors::invalidArgument(QStringLiteral("Unsupported Authorization Type"),
                                                      QStringLiteral("Authorization"),
                                                      QString::fromLatin1(request.header("Authorization"))));
        case SigV4Result::Status::SignatureDoesNotMatch:
            return call.error(errors::signatureDoesNotMatch());
        case SigV4Result::Status::PayloadHashMismatch:
            return call.error(
                {400,
                 "XAmzContentSHA256Mismatch",
                 QStringLiteral("The provided 'x-amz-content-sha256' header does not match what "
                                "was computed."),
                 {}});
        }
    }
    if (isAwsChunked(request)) {
        const std::optional<AwsChunkedBody> decoded = decodeAwsChunked(request.body);
        if (!decoded)
            return call.error(errors::invalidRequest(QStringLiteral("The aws-chunked body is malformed.")));
        if (current->credentials &&
            request.header("x-amz-content-sha256") == "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" &&
            !verifyChunkSignatures(signature, *decoded))
            return call.error(errors::signatureDoesNotMatch());
        call.payload = decoded->payload();
        const QByteArray declared = request.header("x-amz-decoded-content-length");
        if (!declared.isEmpty() && declared.toLongLong() != call.payload.size())
            return call.error({400,
                               "IncompleteBody",
                               QStringLiteral("You did not provide the number of bytes specified by the "
                                              "Content-Length HTTP header"),
                               {}});
    } else {
        call.payload = request.body;
    }
    return dispatch(call, *current);
}

http::HttpResponse S3Api::dispatch(S3Call &call, const Settings &settings) const {
    const QByteArray &method = call.request.method;
    if (call.bucket.isEmpty()) {
        if (method == "GET") return listBuckets(call, settings);
        return call.error(errors::methodNotAllowed(method));
    }
    if (!settings.buckets.contains(call.bucket)) return call.error(errors::noSuchBucket(call.bucket));

    if (call.key.isEmpty()) {
        if (method == "HEAD") {
            http::HttpResponse response = call.ok();
            response.headers.add("x-amz-bucket-region", settings.region.toLatin1());
            return response;
        }
        if (method == "GET" && call.has("location")) {
            // us-east-1 is reported as an empty constraint (GetBucketLocation).
            XmlOut xml;
            xml.begin("LocationConstraint");
            if (settings.region != QLatin1String("us-east-1")) xml.text(settings.region);
            return call.xml(xml.finish());
        }
        if (method == "GET" && call.has("uploads"))
            return call.error(errors::notImplemented(QStringLiteral("ListMultipartUploads")));
        if (method == "GET" && call.has("versioning")) return getBucketVersioning(call);
        if (method == "PUT" && call.has("versioning")) return putBucketVersioning(call);
        if (method == "GET" && call.has("versions")) return listObjectVersions(call);
        if (method == "GET") return listObjects(call, call.param("list-type") == QLatin1String("2"));
        if (method == "POST" && call.has("delete")) return deleteObjects(call);
        if (method == "POST") return postObject(call, settings);
        if (method == "PUT")
            return call.error(
                {409,
                 "BucketAlreadyOwnedByYou",
                 QStringLiteral("Your previous request to create the named bucket succeeded and "
                                "you already own it."),
                 {{"BucketName", call.bucket}}});
        return call.error(errors::methodNotAllowed(method));
    }

    if (!isValidObjectKey(call.key)) return call.error(errors::keyTooLong());
    if (method == "PUT" && call.has("uploadId")) return uploadPart(call);
    if (method == "PUT" && !call.request.header("x-amz-copy-source").isEmpty())
        return copyObject(call, settings);
    if (method == "PUT") return putObject(call);
    if ((method == "GET" || method == "HEAD") && call.has("uploadId"))
        return call.error(errors::notImplemented(QStringLiteral("ListParts")));
    if (method == "GET" || method == "HEAD") return getObject(call);
    if (method == "DELETE" && call.has("uploadId")) return abortUpload(call);
    if (method == "DELETE") return deleteObject(call);
    if (method == "POST" && call.has("uploads")) return createUpload(call);
    if (method == "POST" && call.has("uploadId")) return completeUpload(call);
    return call.error(errors::methodNotAllowed(method));
}

http::HttpResponse S3Api::listBuckets(S3Call &call, const Settings &settings) const {
    XmlOut xml;
    xml.begin("ListAllMyBucketsResult");
    xml.open("Owner");
    xml.element("ID", QStringLiteral("gatehouse"));
    xml.element("DisplayName", QStringLiteral("gatehouse"));
    xml.close();
    xml.open("Buckets");
    for (const QString &bucket : settings.buckets) {
        xml.open("Bucket");
        xml.element("Name", bucket);
        // The bucket folder's age when it exists: stable across restarts.
        const QFileInfo folder(m_store->bucketFolder(bucket));
        const QDateTime created =
            folder.exists() ? folder.birthTime().isValid() ? folder.birthTime() : folder.lastModified()
                            : QDateTime::currentDateTimeUtc();
        xml.element("CreationDate", xmlTimestamp(created));
        xml.close();
    }
    xml.close();
    return call.xml(xml.finish());
}

std::optional<bool> S3Api::urlEncodingOf(S3Call &call, http::HttpResponse *error) {
    const QString encodingType = call.param("encoding-type");
    if (!encodingType.isEmpty() && encodingType != QLatin1String("url")) {
        *error =
            call.error(errors::invalidArgument(QStringLiteral("Invalid Encoding Method specified in Request"),
                                               QStringLiteral("encoding-type"), encodingType));
        return std::nullopt;
    }
    return !encodingType.isEmpty();
}

http::HttpResponse S3Api::listObjects(S3Call &call, bool v2) const {
    ListRequest request;
    request.prefix = call.param("prefix");
    request.delimiter = call.param("delimiter");
    http::HttpResponse invalid;
    const std::optional<bool> encoding = urlEncodingOf(call, &invalid);
    if (!encoding) return invalid;
    const bool encode = *encoding;
    if (call.has("max-keys")) {
        bool ok = false;
        request.maxKeys = call.param("max-keys").toInt(&ok);
        if (!ok || request.maxKeys < 0)
            return call.error(errors::invalidArgument(
                QStringLiteral("Provided max-keys not an integer or within integer range"),
                QStringLiteral("max-keys"), call.param("max-keys")));
    }
    if (v2) {
        request.startAfter = call.param("start-after");
        request.continuationToken = call.param("continuation-token");
    } else if (call.has("marker")) {
        // V1's marker is start-after; the token form also skips a rolled-up prefix returned as NextMarker.
        request.continuationToken = continuationTokenAfter(call.param("marker"));
    }
    const std::optional<ListPage> page = s3::listObjects(m_store->list(call.bucket), request);
    if (!page)
        return call.error(
            errors::invalidArgument(QStringLiteral("The continuation token provided is incorrect"),
                                    QStringLiteral("continuation-token"), request.continuationToken));
    XmlOut xml;
    xml.begin("ListBucketResult");
    xml.element("Name", call.bucket);
    xml.element("Prefix", encodedIf(encode, request.prefix));
    if (!v2) xml.element("Marker", encodedIf(encode, call.param("marker")));
    if (!request.delimiter.isEmpty()) xml.element("Delimiter", encodedIf(encode, request.delimiter));
    xml.element("MaxKeys", QString::number(request.maxKeys));
    if (encode) xml.element("EncodingType", QStringLiteral("url"));
    if (v2) xml.element("KeyCount", QString::number(page->keyCount()));
    xml.element("IsTruncated", page->truncated ? QStringLiteral("true") : QStringLiteral("false"));
    if (v2 && !request.continuationToken.isEmpty())
        xml.element("ContinuationToken", request.continuationToken);
    if (v2 && page->truncated) xml.element("NextContinuationToken", page->nextContinuationToken);
    if (!v2 && page->truncated && !request.delimiter.isEmpty()) {
        // NextMarker: "returned only if you have the delimiter request parameter specified".
        const QString last = !page->commonPrefixes.isEmpty() &&
                                     (page->contents.isEmpty() || page->commonPrefixes.last().toUtf8() >
                                                                      page->contents.last().key.toUtf8())
                                 ? page->commonPrefixes.last()
                                 : page->contents.last().key;
        xml.element("NextMarker", encodedIf(encode, last));
    }
    if (v2 && call.has("start-after")) xml.element("StartAfter", encodedIf(encode, request.startAfter));
    for (const ObjectMetadata &object : page->contents) {
        xml.open("Contents");
        xml.element("Key", encodedIf(encode, object.key));
        xml.element("LastModified", xmlTimestamp(object.lastModified));
        xml.element("ETag", object.eTag);
        xml.element("Size", QString::number(object.size));
        xml.element("StorageClass", QStringLiteral("STANDARD"));
        xml.close();
    }
    for (const QString &prefix : page->commonPrefixes) {
        xml.open("CommonPrefixes");
        xml.element("Prefix", encodedIf(encode, prefix));
        xml.close();
    }
    return call.xml(xml.finish());
}

http::HttpResponse S3Api::deleteObjects(S3Call &call) const {
    const std::optional<DeleteRequest> request = parseDeleteRequest(call.payload);
    if (!request) return call.error(errors::malformedXml());
    XmlOut xml;
    xml.begin("DeleteResult");
    for (qsizetype i = 0; i < request->keys.size(); ++i) {
        const QString &key = request->keys[i];
        const QString &versionId = request->versionIds.value(i);
        if (!versionId.isEmpty() && !isWellFormedVersionId(versionId)) {
            xml.open("Error");
            xml.element("Key", key);
            xml.element("VersionId", versionId);
            xml.element("Code", QStringLiteral("NoSuchVersion"));
            xml.element("Message", QStringLiteral("The specified version does not exist."));
            xml.close();
            continue;
        }
        Removal removal;
        const BucketStore::Outcome outcome =
            isValidObjectKey(key) ? m_store->deleteObject(call.bucket, key, versionId, &removal)
                                  : BucketStore::Outcome{};
        if (!outcome.ok()) {
            xml.open("Error");
            xml.element("Key", key);
            xml.element("Code", QStringLiteral("InternalError"));
            xml.element("Message", outcome.message);
            xml.close();
            continue;
        }
        if (removal.happened) {
            ObjectMetadata removed;
            removed.key = key;
            removed.versionId = removal.versionId;
            notify(call, removalEventName(versionId, removal), removed);
        }
        // S3 reports a key that did not exist as deleted too.
        if (request->quiet) continue;
        xml.open("Deleted");
        xml.element("Key", key);
        if (!versionId.isEmpty()) xml.element("VersionId", versionId);
        if (removal.deleteMarker) {
            xml.element("DeleteMarker", QStringLiteral("true"));
            xml.element("DeleteMarkerVersionId", removal.versionId);
        }
        xml.close();
    }
    return call.xml(xml.finish());
}

QString removalEventName(const QString &requestedVersionId, const Removal &removal) {
    // "s3:ObjectRemoved:DeleteMarkerCreated" when a delete adds a marker; removing a version (even
    // a marker) for good is "s3:ObjectRemoved:Delete" (S3 User Guide, "Event notification types").
    return requestedVersionId.isEmpty() && removal.deleteMarker
               ? QStringLiteral("ObjectRemoved:DeleteMarkerCreated")
               : QStringLiteral("ObjectRemoved:Delete");
}

void S3Api::notify(const S3Call &call, const QString &eventName, const ObjectMetadata &meta) const {
    if (!m_notifier) return;
    S3ObjectEvent event;
    event.eventName = eventName;
    event.bucket = call.bucket;
    event.key = meta.key;
    event.size = meta.size;
    event.eTag = meta.eTag;
    event.versionId = meta.versionId;
    event.requestId = call.requestId;
    event.hostId = call.hostId;
    event.sourceIp = call.request.remoteAddress.toString();
    m_notifier->notify(event);
}

} // namespace gatehouse::s3
