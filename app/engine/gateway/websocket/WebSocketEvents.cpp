#include "WebSocketEvents.h"

#include "gateway/GatewayTime.h"
#include "gateway/ProxyEventV1.h"

namespace gatehouse {

QString newWebSocketId(QRandomGenerator &random) {
    // Same shape as an HTTP API request id: 11 bytes → 16 base64 characters ending in '='.
    return newHttpApiRequestId(random);
}

OrderedJson webSocketRequestContext(const WebSocketEventContext &context, const char *eventType) {
    // Key order follows the documented examples, so a captured AWS event and ours diff cleanly.
    OrderedJson rc = OrderedJson::object();
    rc["routeKey"] = utf8(context.routeKey);
    if (!context.messageId.isEmpty()) rc["messageId"] = utf8(context.messageId);
    rc["eventType"] = eventType;
    rc["extendedRequestId"] = utf8(context.extendedRequestId);
    rc["requestTime"] = utf8(clfTime(context.requestTime));
    rc["messageDirection"] = "IN";
    rc["stage"] = utf8(context.stage);
    rc["connectedAt"] = context.connectedAtMs;
    rc["requestTimeEpoch"] = epochMilliseconds(context.requestTime);
    OrderedJson identity = OrderedJson::object();
    if (!context.userAgent.isEmpty()) identity["userAgent"] = utf8(context.userAgent);
    identity["sourceIp"] = utf8(context.sourceIp);
    rc["identity"] = identity;
    rc["requestId"] = utf8(context.requestId);
    rc["domainName"] = utf8(context.domainName);
    rc["connectionId"] = utf8(context.connectionId);
    rc["apiId"] = utf8(context.apiId);
    if (context.authorizer) rc["authorizer"] = *context.authorizer;
    return rc;
}

namespace {

// $connect and $disconnect events carry the headers as a map; AWS leaves them out when absent.
void addHeaders(OrderedJson &event, const HeaderFields &headers) {
    const OrderedJson single = singleValueHeaders(headers);
    if (!single.is_null()) {
        event["headers"] = single;
        event["multiValueHeaders"] = multiValueHeaders(headers);
    }
}

void addQuery(OrderedJson &event, const QString &rawQuery) {
    const OrderedJson single = singleValueQuery(rawQuery);
    if (!single.is_null()) {
        event["queryStringParameters"] = single;
        event["multiValueQueryStringParameters"] = multiValueQuery(rawQuery);
    }
}

} // namespace

QByteArray webSocketConnectEvent(const WebSocketEventContext &context, const HeaderFields &headers,
                                 const QString &rawQuery) {
    OrderedJson event = OrderedJson::object();
    addHeaders(event, headers);
    addQuery(event, rawQuery);
    event["requestContext"] = webSocketRequestContext(context, "CONNECT");
    event["isBase64Encoded"] = false;
    return jsonBytes(event);
}

QByteArray webSocketMessageEvent(const WebSocketEventContext &context, const QByteArray &body, bool binary) {
    OrderedJson event = OrderedJson::object();
    event["requestContext"] = webSocketRequestContext(context, "MESSAGE");
    event["body"] = binary ? body.toBase64().toStdString() : body.toStdString();
    event["isBase64Encoded"] = binary;
    return jsonBytes(event);
}

QByteArray webSocketDisconnectEvent(const WebSocketEventContext &context, const HeaderFields &headers,
                                    int closeCode, const QString &closeReason) {
    OrderedJson event = OrderedJson::object();
    addHeaders(event, headers);
    OrderedJson rc = webSocketRequestContext(context, "DISCONNECT");
    // The documented example puts the close details right after routeKey.
    OrderedJson ordered = OrderedJson::object();
    for (auto it = rc.begin(); it != rc.end(); ++it) {
        ordered[it.key()] = it.value();
        if (it.key() == "routeKey") ordered["disconnectStatusCode"] = closeCode;
        if (it.key() == "messageDirection") ordered["disconnectReason"] = utf8(closeReason);
    }
    event["requestContext"] = ordered;
    event["isBase64Encoded"] = false;
    return jsonBytes(event);
}

QString webSocketMethodArn(const WebSocketEventContext &context, const QString &region,
                           const QString &accountId) {
    return QStringLiteral("arn:aws:execute-api:%1:%2:%3/%4/%5")
        .arg(region, accountId, context.apiId, context.stage, context.routeKey);
}

QByteArray webSocketAuthorizerEvent(const WebSocketEventContext &context, const HeaderFields &headers,
                                    const QString &rawQuery, const NameValueList &stageVariables) {
    OrderedJson event = OrderedJson::object();
    event["type"] = "REQUEST";
    event["methodArn"] = utf8(webSocketMethodArn(context));
    event["headers"] = singleValueHeaders(headers);
    event["multiValueHeaders"] = multiValueHeaders(headers);
    event["queryStringParameters"] = singleValueQuery(rawQuery);
    event["multiValueQueryStringParameters"] = multiValueQuery(rawQuery);
    event["stageVariables"] = nullableObject(stageVariables);
    WebSocketEventContext bare = context;
    bare.authorizer.reset();
    event["requestContext"] = webSocketRequestContext(bare, "CONNECT");
    return jsonBytes(event);
}

QByteArray webSocketErrorFrame(const QString &message, const QString &connectionId,
                               const QString &requestId) {
    // Exactly as API Gateway writes it (note the space after the first colon only).
    OrderedJson text = utf8(message);
    OrderedJson id = utf8(connectionId);
    OrderedJson request = utf8(requestId);
    return QByteArray("{\"message\": ") + jsonBytes(text) + ", \"connectionId\":" + jsonBytes(id) +
           ", \"requestId\":" + jsonBytes(request) + "}";
}

} // namespace gatehouse
