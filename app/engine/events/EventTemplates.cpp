#include "EventTemplates.h"

#include "GatewayEventTemplates.h"
#include "S3Notification.h"
#include "ScheduledEvent.h"
#include "SqsEvent.h"

#include <QCryptographicHash>
#include <QUuid>

namespace gatehouse {

const QList<EventTemplateName> &eventTemplateNames() {
    static const QList<EventTemplateName> names = {
        {QStringLiteral("apigateway"), QStringLiteral("http"), EventTemplateKind::HttpApi},
        {QStringLiteral("apigateway"), QStringLiteral("rest"), EventTemplateKind::RestApi},
        {QStringLiteral("s3"), QStringLiteral("put"), EventTemplateKind::S3Put},
        {QStringLiteral("s3"), QStringLiteral("delete"), EventTemplateKind::S3Delete},
        {QStringLiteral("schedule"), {}, EventTemplateKind::Schedule},
        {QStringLiteral("sqs"), {}, EventTemplateKind::Sqs},
        {QStringLiteral("websocket"), QStringLiteral("message"), EventTemplateKind::WebSocketMessage},
    };
    return names;
}

std::optional<EventTemplateKind> findEventTemplate(const QString &type, const QString &subtype) {
    for (const EventTemplateName &name : eventTemplateNames())
        if (name.type == type && name.subtype == subtype) return name.kind;
    return std::nullopt;
}

QStringList eventTemplateSubtypes(const QString &type) {
    QStringList subtypes;
    for (const EventTemplateName &name : eventTemplateNames())
        if (name.type == type && !name.subtype.isEmpty()) subtypes.append(name.subtype);
    return subtypes;
}

namespace {

QString newUuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

OrderedJson s3Template(const EventTemplateOptions &options, const QDateTime &time, bool put) {
    S3ObjectEvent event;
    event.eventName = put ? QStringLiteral("ObjectCreated:Put") : QStringLiteral("ObjectRemoved:Delete");
    event.region = options.region;
    event.time = time;
    event.bucket = options.bucket;
    event.key = options.key;
    event.size = options.size.value_or(options.body.size());
    event.eTag =
        !options.eTag.isEmpty()
            ? options.eTag
            : QString::fromLatin1(QCryptographicHash::hash(options.body, QCryptographicHash::Md5).toHex());
    event.sequencer = newS3Sequencer(time);
    event.requestId = newS3RequestId();
    event.hostId = newS3HostId();
    return s3Event({event});
}

OrderedJson sqsTemplate(const EventTemplateOptions &options, const QDateTime &time) {
    const SqsQueueRef queue{options.queue, options.region, options.accountId};
    SqsReceivedMessage message;
    message.messageId = newUuid();
    message.receiptHandle = newSqsReceiptHandle();
    message.body = options.body.isEmpty() ? QByteArrayLiteral("Hello from SQS!") : options.body;
    // Sent a moment before Lambda's poller received it.
    message.sentTimestampMs = time.toMSecsSinceEpoch() - 25;
    message.firstReceiveTimestampMs = time.toMSecsSinceEpoch();
    return sqsEvent(queue, {message});
}

SyntheticRequest syntheticRequest(const EventTemplateOptions &options, const QDateTime &time) {
    SyntheticRequest request;
    request.method = options.method;
    request.path = options.path;
    request.body = options.body;
    request.region = options.region;
    request.accountId = options.accountId;
    request.time = time;
    return request;
}

} // namespace

OrderedJson generateEvent(EventTemplateKind kind, const EventTemplateOptions &options) {
    const QDateTime time = options.time.isValid() ? options.time.toUTC() : QDateTime::currentDateTimeUtc();
    switch (kind) {
    case EventTemplateKind::HttpApi:
        return httpApiEventTemplate(syntheticRequest(options, time));
    case EventTemplateKind::RestApi:
        return restApiEventTemplate(syntheticRequest(options, time));
    case EventTemplateKind::WebSocketMessage: {
        SyntheticRequest request = syntheticRequest(options, time);
        if (request.body.isEmpty())
            request.body = QByteArrayLiteral(R"({"action":"sendmessage","data":"hello"})");
        return webSocketMessageTemplate(request);
    }
    case EventTemplateKind::S3Put:
        return s3Template(options, time, true);
    case EventTemplateKind::S3Delete:
        return s3Template(options, time, false);
    case EventTemplateKind::Schedule:
        return scheduledEvent({newUuid(), options.rule, options.region, options.accountId, time});
    case EventTemplateKind::Sqs:
        return sqsTemplate(options, time);
    }
    return OrderedJson::object();
}

} // namespace gatehouse
