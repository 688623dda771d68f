#include "S3Notification.h"

#include "EventTime.h"
#include "invoker/ThreadRandom.h"

namespace gatehouse {

QString s3ObjectEventKey(const QString &key) {
    // Form encoding as Java's URLEncoder does it (S3 answers "application/x-www-form-urlencoded"):
    // letters, digits and "-_.*" stay, a space becomes '+', every other UTF-8 byte becomes %XX.
    // '/' stays as well: S3 does not encode the key's "folder" separators in notifications.
    static const char hex[] = "0123456789ABCDEF";
    QString encoded;
    const QByteArray bytes = key.toUtf8();
    encoded.reserve(bytes.size());
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9') ||
            byte == '-' || byte == '_' || byte == '.' || byte == '*' || byte == '/') {
            encoded += QLatin1Char(char(byte));
        } else if (byte == ' ') {
            encoded += QLatin1Char('+');
        } else {
            encoded += QLatin1Char('%');
            encoded += QLatin1Char(hex[byte >> 4]);
            encoded += QLatin1Char(hex[byte & 0xF]);
        }
    }
    return encoded;
}

QString s3BucketArn(const QString &bucket) {
    return QStringLiteral("arn:aws:s3:::") + bucket;
}

OrderedJson s3EventRecord(const S3ObjectEvent &event) {
    // Key order of the documented example, so a captured event and ours diff cleanly.
    OrderedJson record;
    record["eventVersion"] = "2.1";
    record["eventSource"] = "aws:s3";
    record["awsRegion"] = utf8(event.region);
    record["eventTime"] = utf8(iso8601Milliseconds(event.time));
    record["eventName"] = utf8(event.eventName);
    record["userIdentity"] = {{"principalId", utf8(event.principalId)}};
    record["requestParameters"] = {{"sourceIPAddress", utf8(event.sourceIp)}};
    OrderedJson response;
    response["x-amz-request-id"] = utf8(event.requestId);
    response["x-amz-id-2"] = utf8(event.hostId);
    record["responseElements"] = std::move(response);

    OrderedJson bucket;
    bucket["name"] = utf8(event.bucket);
    bucket["ownerIdentity"] = {{"principalId", utf8(event.ownerPrincipalId)}};
    bucket["arn"] = utf8(s3BucketArn(event.bucket));
    OrderedJson object;
    object["key"] = utf8(s3ObjectEventKey(event.key));
    // "size" and "eTag" describe the object written; a removal has none (S3's ObjectRemoved records
    // carry only key, versionId when versioned, and sequencer).
    if (!event.eventName.startsWith(QLatin1String("ObjectRemoved:"))) {
        object["size"] = event.size;
        object["eTag"] = utf8(event.eTag);
    }
    if (!event.versionId.isEmpty()) object["versionId"] = utf8(event.versionId);
    object["sequencer"] = utf8(event.sequencer);
    OrderedJson s3;
    s3["s3SchemaVersion"] = "1.0";
    s3["configurationId"] = utf8(event.configurationId);
    s3["bucket"] = std::move(bucket);
    s3["object"] = std::move(object);
    record["s3"] = std::move(s3);
    return record;
}

OrderedJson s3Event(const QList<S3ObjectEvent> &events) {
    OrderedJson records = OrderedJson::array();
    for (const S3ObjectEvent &event : events)
        records.push_back(s3EventRecord(event));
    return {{"Records", std::move(records)}};
}

QString newS3RequestId(QRandomGenerator &random) {
    return QStringLiteral("%1").arg(random.generate64(), 16, 16, QLatin1Char('0')).toUpper();
}

QString newS3HostId(QRandomGenerator &random) {
    // Captured x-amz-id-2 values are 76 base64 characters: 57 bytes.
    return QString::fromLatin1(randomBytes(57, random).toBase64());
}

QString newS3Sequencer(const QDateTime &time, QRandomGenerator &random) {
    // Microseconds since the epoch in the leading digits keep sequencers of later events greater;
    // the last two digits tell apart events of the same millisecond.
    const quint64 micros = quint64(time.toMSecsSinceEpoch()) * 1000 + random.bounded(1000);
    return QStringLiteral("%1%2")
        .arg(micros, 16, 16, QLatin1Char('0'))
        .arg(random.bounded(256), 2, 16, QLatin1Char('0'))
        .toUpper();
}

} // namespace gatehouse
