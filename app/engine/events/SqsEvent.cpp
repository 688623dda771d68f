#include "SqsEvent.h"

#include "invoker/ThreadRandom.h"

#include <QCryptographicHash>

namespace gatehouse {

QString sqsQueueArn(const SqsQueueRef &queue) {
    return QStringLiteral("arn:aws:sqs:%1:%2:%3").arg(queue.region, queue.accountId, queue.name);
}

QString sqsMd5OfBody(const QByteArray &body) {
    return QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex());
}

OrderedJson sqsEventRecord(const SqsQueueRef &queue, const SqsReceivedMessage &message) {
    // Key order of the Lambda guide's example. The attributes are strings, timestamps included
    // ("returned as an integer representing the epoch time in milliseconds", as text).
    OrderedJson record;
    record["messageId"] = utf8(message.messageId);
    record["receiptHandle"] = utf8(message.receiptHandle);
    record["body"] = message.body.toStdString();
    OrderedJson attributes;
    attributes["ApproximateReceiveCount"] = std::to_string(message.receiveCount);
    attributes["SentTimestamp"] = std::to_string(message.sentTimestampMs);
    attributes["SenderId"] = utf8(message.senderId);
    attributes["ApproximateFirstReceiveTimestamp"] = std::to_string(message.firstReceiveTimestampMs);
    if (!message.deadLetterQueueSourceArn.isEmpty())
        attributes["DeadLetterQueueSourceArn"] = utf8(message.deadLetterQueueSourceArn);
    record["attributes"] = std::move(attributes);
    record["messageAttributes"] = message.messageAttributes;
    record["md5OfBody"] = utf8(sqsMd5OfBody(message.body));
    if (!message.md5OfMessageAttributes.isEmpty())
        record["md5OfMessageAttributes"] = utf8(message.md5OfMessageAttributes);
    record["eventSource"] = "aws:sqs";
    record["eventSourceARN"] = utf8(sqsQueueArn(queue));
    record["awsRegion"] = utf8(queue.region);
    return record;
}

OrderedJson sqsEvent(const SqsQueueRef &queue, const QList<SqsReceivedMessage> &messages) {
    OrderedJson records = OrderedJson::array();
    for (const SqsReceivedMessage &message : messages)
        records.push_back(sqsEventRecord(queue, message));
    return {{"Records", std::move(records)}};
}

QString newSqsReceiptHandle(QRandomGenerator &random) {
    // "AQEB" is how every captured handle starts; 180 random bytes give the usual ~240 characters.
    return QStringLiteral("AQEB") + QString::fromLatin1(randomBytes(180, random).toBase64());
}

} // namespace gatehouse
