// A subset of the Amazon S3 REST API over a BucketStore, for `aws s3 ... --endpoint-url` and
// @aws-sdk/client-s3 (forcePathStyle): ListBuckets, HeadBucket, GetBucketLocation, ListObjects[V2],
// PutObject, GetObject (Range), HeadObject, DeleteObject, DeleteObjects, CopyObject, multipart
// uploads, POST Object (browser-based form uploads), and versioning: Get/PutBucketVersioning,
// ListObjectVersions, versionId on GetObject/HeadObject/DeleteObject/CopyObject (S3 API reference,
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html).
// Path-style requests (http://host:port/bucket/key) and virtual-hosted ones on <bucket>.localhost.
// Only the project's buckets exist. Bodies may use the aws-chunked encoding. Created and removed
// objects are reported to a BucketNotifier.
#pragma once

#include "BucketStore.h"
#include "S3Errors.h"
#include "SigV4Verifier.h"
#include "http/HttpRequest.h"
#include "http/HttpResponder.h"
#include "project/Project.h"

#include <QHash>
#include <QMutex>
#include <QStringList>
#include <memory>
#include <optional>

namespace gatehouse::s3 {

class BucketNotifier;
struct S3Call;

class S3Api {
public:
    // Both must outlive the API. Thread-safe: requests are answered on the calling thread.
    S3Api(BucketStore *store, const BucketNotifier *notifier);
    ~S3Api();

    // The buckets that exist and the credentials that signatures are checked against. Thread-safe.
    void updateProject(const Project &project);
    // Whether `bucket` is one of the project's (others answer NoSuchBucket). Thread-safe.
    bool hasBucket(const QString &bucket) const;

    void handle(http::HttpRequest request, http::HttpResponder responder) const;
    http::HttpResponse respond(const http::HttpRequest &request) const;

    // For HttpServerConfig::protocolErrorResponse: S3's XML errors for refusals of the HTTP layer
    // (413 → 400 EntityTooLarge, as S3 answers an upload over its limit).
    static http::HttpResponse protocolErrorResponse(int status, const QByteArray &detail);

private:
    struct Settings {
        QStringList buckets;
        QString region;
        std::optional<SigV4Credentials> credentials;
    };
    std::shared_ptr<const Settings> settings() const;

    http::HttpResponse dispatch(S3Call &call, const Settings &settings) const;
    // Bucket level (S3Api.cpp)
    http::HttpResponse listBuckets(S3Call &call, const Settings &settings) const;
    http::HttpResponse listObjects(S3Call &call, bool v2) const;
    // A listing's encoding-type: none, or "url" (keys percent-encoded); anything else is S3's
    // InvalidArgument, returned in `error`.
    static std::optional<bool> urlEncodingOf(S3Call &call, http::HttpResponse *error);
    http::HttpResponse deleteObjects(S3Call &call) const;
    // Versioning (S3Versioning.cpp)
    http::HttpResponse getBucketVersioning(S3Call &call) const;
    http::HttpResponse putBucketVersioning(S3Call &call) const;
    http::HttpResponse listObjectVersions(S3Call &call) const;
    // Object level (S3ObjectOperations.cpp)
    http::HttpResponse putObject(S3Call &call) const;
    http::HttpResponse getObject(S3Call &call) const;
    http::HttpResponse deleteObject(S3Call &call) const;
    http::HttpResponse copyObject(S3Call &call, const Settings &settings) const;
    // Browser-based form upload (S3PostObject.cpp)
    http::HttpResponse postObject(S3Call &call, const Settings &settings) const;
    // Multipart (S3Multipart.cpp)
    http::HttpResponse createUpload(S3Call &call) const;
    http::HttpResponse uploadPart(S3Call &call) const;
    http::HttpResponse completeUpload(S3Call &call) const;
    http::HttpResponse abortUpload(S3Call &call) const;

    void notify(const S3Call &call, const QString &eventName, const ObjectMetadata &meta) const;

    BucketStore *m_store;
    const BucketNotifier *m_notifier;
    mutable QMutex m_mutex; // guards m_settings (the pointer) and m_projectVersioning
    std::shared_ptr<const Settings> m_settings;
    QHash<QString, bool> m_projectVersioning; // each bucket's "versioning" in the project last seen
};

} // namespace gatehouse::s3
