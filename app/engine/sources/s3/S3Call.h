// One S3 request as the operations see it: which bucket and key it names, its query parameters, its
// decoded payload and the ids of its answer. Internal to S3Api.
#pragma once

#include "BucketStore.h"
#include "S3Errors.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"

#include <QHash>
#include <QString>

namespace gatehouse::s3 {

// The notification a delete sends: ObjectRemoved:DeleteMarkerCreated or ObjectRemoved:Delete.
QString removalEventName(const QString &requestedVersionId, const Removal &removal);

struct S3Call {
    explicit S3Call(const http::HttpRequest &r)
        : request(r) {}
    const http::HttpRequest &request;
    QString bucket;                // empty: the service (ListBuckets)
    QString key;                   // empty: the bucket itself
    QHash<QString, QString> query; // decoded; parameters without '=' map to ""
    QByteArray payload;            // the body with any aws-chunked framing removed
    QString requestId;
    QString hostId;
    bool head = false;

    bool has(const char *name) const { return query.contains(QLatin1String(name)); }
    QString param(const char *name) const { return query.value(QLatin1String(name)); }
    QString resource() const {
        return QLatin1Char('/') + bucket + (key.isEmpty() ? QString() : QLatin1Char('/') + key);
    }

    http::HttpResponse error(const S3Error &error) const {
        return errorResponse(error, resource(), requestId, hostId, head);
    }
    // A 200 (or `status`) answer carrying S3's id headers.
    http::HttpResponse ok(int status = 200) const {
        http::HttpResponse response;
        response.status = status;
        response.headers.add("x-amz-request-id", requestId.toLatin1());
        response.headers.add("x-amz-id-2", hostId.toLatin1());
        return response;
    }
    // x-amz-version-id for objects of buckets that have versioning.
    static void addVersionId(http::HttpResponse &response, const QString &versionId) {
        if (!versionId.isEmpty()) response.headers.add("x-amz-version-id", versionId.toUtf8());
    }
    http::HttpResponse xml(const QByteArray &body) const {
        http::HttpResponse response = ok();
        response.headers.add("Content-Type", "application/xml");
        response.body = body;
        return response;
    }
    // The store's failures as S3 errors.
    http::HttpResponse storeError(const BucketStore::Outcome &outcome) const {
        switch (outcome.error) {
        case BucketStore::Error::NoSuchKey:
            return error(errors::noSuchKey(key));
        case BucketStore::Error::NoSuchUpload:
            return error(errors::noSuchUpload(param("uploadId")));
        case BucketStore::Error::InvalidPart:
            return error(errors::invalidPart());
        case BucketStore::Error::InvalidPartOrder:
            return error(errors::invalidPartOrder());
        case BucketStore::Error::EntityTooSmall:
            return error(errors::entityTooSmall());
        case BucketStore::Error::None:
        case BucketStore::Error::Io:
            break;
        }
        return error(errors::internalError(outcome.message));
    }
};

} // namespace gatehouse::s3
