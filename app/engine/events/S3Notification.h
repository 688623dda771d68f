// The Lambda event of an S3 event notification, built from what happened to one object. Source:
// Amazon S3 User Guide, "Event message structure"
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html), record
// version 2.1, and the Lambda guide's example in "Using AWS Lambda with Amazon S3" (with-s3.md).
// Both `gatehouse generate-event s3` and the trigger engine (app/engine/sources/) build records here.
#pragma once

#include "gateway/JsonText.h"

#include <QDateTime>
#include <QList>
#include <QRandomGenerator>
#include <QString>

namespace gatehouse {

struct S3ObjectEvent {
    QString eventName = QStringLiteral("ObjectCreated:Put"); // or "ObjectRemoved:Delete", ...
    QString region = QStringLiteral("us-east-1");
    QDateTime time; // when S3 finished the request (UTC)
    QString bucket;
    QString key;       // as stored, not encoded: s3ObjectEventKey() encodes it for the record
    qint64 size = 0;   // ObjectCreated only
    QString eTag;      // ObjectCreated only: the MD5 hex of a single-part upload's content
    QString versionId; // only when the bucket is versioned
    QString sequencer; // orders events of the same key: newS3Sequencer()
    QString principalId = QStringLiteral("AWS:AIDAEXAMPLEPRINCIPAL");
    QString ownerPrincipalId = QStringLiteral("A3EXAMPLEOWNER");
    QString sourceIp = QStringLiteral("127.0.0.1");
    QString requestId; // x-amz-request-id: newS3RequestId()
    QString hostId;    // x-amz-id-2: newS3HostId()
    QString configurationId = QStringLiteral("gatehouse-notification");
};

// The key as S3 writes it into a notification: "The object key name value is URL encoded. For
// example, 'red flower.jpg' becomes 'red+flower.jpg'" (same page) - form encoding of the UTF-8 bytes
// ("application/x-www-form-urlencoded"), except that '/' stays unencoded, as observed on real S3
// notifications (minio/minio#11665: "the slash character is not encoded, while otherwise using
// query-style encoding (eg space -> +)"); '=' and ':' become %3D and %3A (aws/aws-sam-cli#379).
QString s3ObjectEventKey(const QString &key);

// One element of Records[]: removals carry no size or eTag, as S3 sends them.
OrderedJson s3EventRecord(const S3ObjectEvent &event);
// {"Records": [...]}: S3 itself sends one record per notification.
OrderedJson s3Event(const QList<S3ObjectEvent> &events);

// "arn:aws:s3:::bucket": S3 ARNs name no region or account.
QString s3BucketArn(const QString &bucket);

// Ids in S3's shapes: a 16-digit upper-case hex request id ("D82B88E5F771F645"), a base64 host id
// (x-amz-id-2), and an 18-digit upper-case hex sequencer that grows with `time` so that later events
// of a key compare greater (the documented way to order them).
QString newS3RequestId(QRandomGenerator &random = *QRandomGenerator::global());
QString newS3HostId(QRandomGenerator &random = *QRandomGenerator::global());
QString newS3Sequencer(const QDateTime &time, QRandomGenerator &random = *QRandomGenerator::global());

} // namespace gatehouse
