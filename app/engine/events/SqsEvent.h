// The Lambda event of an SQS event source mapping: one batch of received messages. Sources: Lambda
// Developer Guide "Using Lambda with Amazon SQS" (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html,
// example standard queue message event) and the SQS API Reference "Message"
// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_Message.html) for what
// each attribute holds. Both `gatehouse generate-event sqs` and the trigger engine build batches here.
#pragma once

#include "gateway/JsonText.h"

#include <QByteArray>
#include <QList>
#include <QRandomGenerator>
#include <QString>

namespace gatehouse {

struct SqsQueueRef {
    QString name;
    QString region = QStringLiteral("us-east-1");
    QString accountId = QStringLiteral("123456789012");
};

struct SqsReceivedMessage {
    QString messageId;     // a UUID
    QString receiptHandle; // newSqsReceiptHandle()
    QByteArray body;       // UTF-8 text, as SQS only carries text
    qint64 sentTimestampMs = 0;
    qint64 firstReceiveTimestampMs = 0;
    int receiveCount = 1;
    QString senderId = QStringLiteral("AIDAEXAMPLESENDER");
    // Already in the event's shape: {"name": {"stringValue": "…", "stringListValues": [],
    // "binaryListValues": [], "dataType": "String"}}.
    OrderedJson messageAttributes = OrderedJson::object();
    // The MD5 digest SQS computed over the message attributes: records with attributes carry it as
    // "md5OfMessageAttributes" (the Lambda runtimes' event types: aws-lambda-go SQSMessage,
    // aws-lambda-java-events SQSEvent); empty leaves the key out.
    QString md5OfMessageAttributes;
    QString deadLetterQueueSourceArn; // the "DeadLetterQueueSourceArn" attribute of a redriven message
};

// "arn:aws:sqs:us-east-1:123456789012:my-queue".
QString sqsQueueArn(const SqsQueueRef &queue);
// md5OfBody: "An MD5 digest of the non-URL-encoded message body string", lower-case hex.
QString sqsMd5OfBody(const QByteArray &body);

OrderedJson sqsEventRecord(const SqsQueueRef &queue, const SqsReceivedMessage &message);
// {"Records": [...]}, in the order the messages were received.
OrderedJson sqsEvent(const SqsQueueRef &queue, const QList<SqsReceivedMessage> &messages);

// Receipt handles are opaque base64 strings of a few hundred characters ("AQEBwJnKyrHigUMZj6rYigCgxlaS…").
QString newSqsReceiptHandle(QRandomGenerator &random = *QRandomGenerator::global());

} // namespace gatehouse
