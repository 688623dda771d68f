// The Lambda events of a WebSocket API in AWS's shapes. Sources: "Setting up WebSocket API
// integrations in API Gateway" and "Working with routes for WebSocket APIs"
// (websocket-api-develop-routes), whose CONNECT / MESSAGE / DISCONNECT examples these follow key by
// key: CONNECT carries the upgrade request's headers and query string, MESSAGE the frame's body,
// DISCONNECT the close code and reason. Pure functions: the endpoint fills the context.
#pragma once

#include "gateway/HeaderFields.h"
#include "gateway/JsonText.h"
#include "project/Common.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <optional>

namespace gatehouse {

struct WebSocketEventContext {
    QString apiId;
    QString stage;
    QString domainName; // the Host header without its port, as the client used it
    QString connectionId;
    QString routeKey; // "$connect", "$disconnect", "$default" or a custom key
    QString requestId;
    QString extendedRequestId;
    QString messageId; // MESSAGE only
    QString sourceIp;
    QString userAgent;
    qint64 connectedAtMs = 0; // epoch milliseconds
    QDateTime requestTime;    // UTC
    // requestContext.authorizer as the $connect authorizer left it (every later event carries it too).
    std::optional<OrderedJson> authorizer;
};

// Connection and message ids look like AWS's: 11 random bytes in base64, "L0SM9cOFvHcCIhw=".
QString newWebSocketId(QRandomGenerator &random = *QRandomGenerator::global());

OrderedJson webSocketRequestContext(const WebSocketEventContext &context, const char *eventType);

QByteArray webSocketConnectEvent(const WebSocketEventContext &context, const HeaderFields &headers,
                                 const QString &rawQuery);
// Text frames pass as they are; binary frames are base64 with isBase64Encoded true.
QByteArray webSocketMessageEvent(const WebSocketEventContext &context, const QByteArray &body, bool binary);
QByteArray webSocketDisconnectEvent(const WebSocketEventContext &context, const HeaderFields &headers,
                                    int closeCode, const QString &closeReason);

// A Lambda REQUEST authorizer on $connect ("Controlling access to WebSocket APIs with AWS Lambda
// REQUEST authorizers"): type, methodArn ".../{stage}/$connect", headers, query string, stage
// variables and the CONNECT request context.
QByteArray webSocketAuthorizerEvent(const WebSocketEventContext &context, const HeaderFields &headers,
                                    const QString &rawQuery, const NameValueList &stageVariables);
QString webSocketMethodArn(const WebSocketEventContext &context,
                           const QString &region = QStringLiteral("us-east-1"),
                           const QString &accountId = QStringLiteral("123456789012"));

// The frames API Gateway itself sends to a client when a message cannot be routed ("Forbidden") or
// its integration failed ("Internal server error"), with AWS's own spacing.
QByteArray webSocketErrorFrame(const QString &message, const QString &connectionId, const QString &requestId);

} // namespace gatehouse
