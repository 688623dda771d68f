// One SQS message as a local queue keeps it, with its user message attributes and the MD5 digests SQS
// returns for them. Sources: SQS API Reference "MessageAttributeValue"
// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_MessageAttributeValue.html) and
// SQS Developer Guide "Calculating the MD5 message digest for message attributes"
// (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html).
#pragma once

#include "gateway/JsonText.h"

#include <QByteArray>
#include <QString>
#include <map>
#include <optional>

namespace gatehouse::sqs {

struct AttributeValue {
    QString dataType;       // "String", "Number", "Binary", optionally with a ".label"
    QByteArray stringValue; // UTF-8, for String and Number types
    QByteArray binaryValue; // raw bytes, for Binary types
    bool operator==(const AttributeValue &) const = default;
};
// Sorted by name: the order the attributes' MD5 digest is computed in.
using MessageAttributes = std::map<QString, AttributeValue>;

struct Message {
    QString messageId; // a UUID
    QByteArray body;
    MessageAttributes attributes;
    QString senderId;
    qint64 sentMs = 0;           // SentTimestamp, UTC milliseconds
    qint64 visibleAtMs = 0;      // hidden until then: delay seconds, or the visibility timeout of a receive
    qint64 firstReceiveMs = 0;   // ApproximateFirstReceiveTimestamp; 0 until first received
    int receiveCount = 0;        // ApproximateReceiveCount
    QString receiptHandle;       // of the latest receive; empty until received
    QString deadLetterSourceArn; // set when redriven from another queue (DeadLetterQueueSourceArn)
};

// Lower-case hex MD5 of the body ("MD5OfMessageBody": of the non-URL-encoded body).
QString md5OfBody(const QByteArray &body);
// MD5OfMessageAttributes: for each attribute by name, the 4-byte big-endian length and bytes of the name,
// of the data type, one transport byte (1 string, 2 binary), then the length and bytes of the value.
// Empty when there are no attributes (SQS then leaves the field out).
QString md5OfMessageAttributes(const MessageAttributes &attributes);

// The message attributes a SendMessage carried, checked as SQS does (at most 10, a name of at most 256
// characters of [A-Za-z0-9_.-] not starting with "AWS."/"Amazon." nor with a '.', a data type starting
// with String, Number or Binary and a value of that kind). An error message when they are invalid.
std::optional<QString> validateAttributes(const MessageAttributes &attributes);

// The JSON protocol's shape: {"name": {"DataType": "String", "StringValue": "…"}} (BinaryValue in base64).
OrderedJson attributesToApiJson(const MessageAttributes &attributes);
// From the same shape; an error message for anything else.
std::optional<QString> attributesFromApiJson(const OrderedJson &json, MessageAttributes *out);
// The Lambda event's shape: {"name": {"stringValue", "stringListValues": [], "binaryListValues": [],
// "dataType"}} (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html).
OrderedJson attributesToEventJson(const MessageAttributes &attributes);

} // namespace gatehouse::sqs
