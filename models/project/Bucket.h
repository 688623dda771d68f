// A local S3-style bucket and the notification rules that invoke functions on object events.
#pragma once

#include "Common.h"

namespace gatehouse {

struct BucketNotification {
    QStringList events = {QStringLiteral("s3:ObjectCreated:*")};
    QString prefix;
    QString suffix;
    QString function;
    UnknownFields unknown;
    bool operator==(const BucketNotification &) const = default;
};

struct Bucket {
    QString name;
    // S3 Versioning enabled: every write keeps a new version, a delete adds a delete marker (S3 User
    // Guide, "Using versioning in S3 buckets"). The project file is the source of truth; a running
    // endpoint's PutBucketVersioning changes only that run.
    bool versioning = false;
    QList<BucketNotification> notifications;
    std::optional<CanvasPoint> position; // designer canvas; unset = automatic layout
    UnknownFields unknown;
    bool operator==(const Bucket &) const = default;
};

} // namespace gatehouse
