// The events `gatehouse generate-event` prints (as `sam local generate-event` does), each built from
// inputs by the same functions the engine uses to deliver that event: API Gateway and WebSocket
// through the gateway's builders, S3/SQS/schedule through the builders the trigger engine uses.
// Names and defaults follow SAM's: "s3 put --bucket X --key Y", "apigateway http", ...
#pragma once

#include "gateway/JsonText.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace gatehouse {

enum class EventTemplateKind { HttpApi, RestApi, S3Put, S3Delete, Schedule, Sqs, WebSocketMessage };

struct EventTemplateName {
    QString type;    // "apigateway", "s3", "schedule", "sqs", "websocket"
    QString subtype; // "http", "put", ...; empty when the type has one template
    EventTemplateKind kind;
};

// Every template, in the order `--help` lists them.
const QList<EventTemplateName> &eventTemplateNames();
std::optional<EventTemplateKind> findEventTemplate(const QString &type, const QString &subtype);
// The subtypes of `type` ("http", "rest"); empty for an unknown type or one without subtypes.
QStringList eventTemplateSubtypes(const QString &type);

// The inputs; each template reads the ones it needs and ignores the rest.
struct EventTemplateOptions {
    QString region = QStringLiteral("us-east-1");
    QString accountId = QStringLiteral("123456789012");
    QDateTime time; // invalid: now. Tests inject a fixed time.
    // API Gateway / WebSocket
    QString method = QStringLiteral("GET");
    QString path = QStringLiteral("/");
    QByteArray body; // also the SQS message body and, for s3 put, the object's content
    // S3
    QString bucket = QStringLiteral("example-bucket");
    QString key = QStringLiteral("test/key");
    std::optional<qint64> size; // s3 put: defaults to the body's size
    QString eTag;               // s3 put: defaults to the MD5 of the body, as a single-part upload's
    // SQS / schedule
    QString queue = QStringLiteral("my-queue");
    QString rule = QStringLiteral("my-schedule");
};

OrderedJson generateEvent(EventTemplateKind kind, const EventTemplateOptions &options);

} // namespace gatehouse
