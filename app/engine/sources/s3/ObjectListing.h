// ListObjectsV2's selection over a bucket's sorted keys: prefix, delimiter (keys rolled up into
// CommonPrefixes), start-after, continuation token and max-keys (S3 API reference, "ListObjectsV2",
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html). Pure, for unit tests.
#pragma once

#include "BucketStore.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace gatehouse::s3 {

struct ListRequest {
    QString prefix;
    QString delimiter;
    QString startAfter;        // ignored when a continuation token is given
    QString continuationToken; // as returned in NextContinuationToken (opaque to the client)
    int maxKeys = 1000;        // S3 returns at most 1000 whatever is asked
};

struct ListPage {
    QList<ObjectMetadata> contents;
    QStringList commonPrefixes;
    bool truncated = false;
    QString nextContinuationToken;                                                // set when truncated
    int keyCount() const { return int(contents.size() + commonPrefixes.size()); } // KeyCount counts both
};

// `objects` must be sorted by UTF-8 bytes of the key (BucketStore::list()). A token that is not one of
// ours yields nullopt (S3: 400 InvalidArgument, "The continuation token provided is incorrect").
std::optional<ListPage> listObjects(const QList<ObjectMetadata> &objects, const ListRequest &request);

QString continuationTokenAfter(const QString &key);
std::optional<QString> keyOfContinuationToken(const QString &token);

} // namespace gatehouse::s3
