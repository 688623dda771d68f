// The pure parts of WebSocket APIs: the CONNECT / MESSAGE / DISCONNECT events in AWS's documented
// shapes ("Setting up WebSocket API integrations", websocket-api-develop-routes), the route
// selection expression, and API Gateway's own error frames.
#include "gateway/websocket/WebSocketEvents.h"
#include "gateway/websocket/WebSocketRouteSelection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gatehouse;

namespace {

WebSocketEventContext sampleContext() {
    WebSocketEventContext c;
    c.apiId = QStringLiteral("abcd123456");
    c.stage = QStringLiteral("prod");
    c.domainName = QStringLiteral("127.0.0.1");
    c.connectionId = QStringLiteral("L0SM9cOFvHcCIhw=");
    c.routeKey = QStringLiteral("$connect");
    c.requestId = QStringLiteral("L0SM9HQxvHcF1Yw=");
    c.extendedRequestId = c.requestId;
    c.sourceIp = QStringLiteral("127.0.0.1");
    c.userAgent = QStringLiteral("test-agent");
    c.connectedAtMs = 1707502303419;
    c.requestTime = QDateTime::fromMSecsSinceEpoch(1707502303420, Qt::UTC);
    return c;
}

QJsonObject parse(const QByteArray &json) {
    return QJsonDocument::fromJson(json).object();
}

Route route(const QString &key) {
    Route r;
    r.routeKey = key;
    return r;
}

} // namespace

class TestWebSocketEvents : public QObject {
    Q_OBJECT
private slots:
    void idsLookLikeAws() {
        const QString id = newWebSocketId();
        QCOMPARE(id.size(), 16);
        QVERIFY(id.endsWith(QLatin1Char('=')));
        QVERIFY(id != newWebSocketId());
    }

    void connectEventHasTheDocumentedShape() {
        const HeaderFields headers{{QStringLiteral("Host"), QStringLiteral("127.0.0.1:3001")},
                                   {QStringLiteral("Sec-WebSocket-Version"), QStringLiteral("13")}};
        const QByteArray bytes =
            webSocketConnectEvent(sampleContext(), headers, QStringLiteral("room=1&room=2"));
        const QJsonObject event = parse(bytes);
        QCOMPARE(event.keys(),
                 (QStringList{"headers", "isBase64Encoded", "multiValueHeaders",
                              "multiValueQueryStringParameters", "queryStringParameters", "requestContext"}));
        QVERIFY(bytes.startsWith("{\"headers\":")); // documented key order
        QCOMPARE(event["headers"]["Host"].toString(), QStringLiteral("127.0.0.1:3001"));
        QCOMPARE(event["multiValueHeaders"]["Sec-WebSocket-Version"].toArray().first().toString(), "13");
        QCOMPARE(event["queryStringParameters"]["room"].toString(), QStringLiteral("2"));
        QCOMPARE(event["multiValueQueryStringParameters"]["room"].toArray().size(), 2);
        QCOMPARE(event["isBase64Encoded"].toBool(true), false);
        const QJsonObject rc = event["requestContext"].toObject();
        QCOMPARE(rc["routeKey"].toString(), QStringLiteral("$connect"));
        QCOMPARE(rc["eventType"].toString(), QStringLiteral("CONNECT"));
        QCOMPARE(rc["messageDirection"].toString(), QStringLiteral("IN"));
        QCOMPARE(rc["requestTime"].toString(), QStringLiteral("09/Feb/2024:18:11:43 +0000"));
        QCOMPARE(rc["requestTimeEpoch"].toInteger(), 1707502303420);
        QCOMPARE(rc["connectedAt"].toInteger(), 1707502303419);
        QCOMPARE(rc["stage"].toString(), QStringLiteral("prod"));
        QCOMPARE(rc["identity"]["sourceIp"].toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(rc["identity"]["userAgent"].toString(), QStringLiteral("test-agent"));
        QCOMPARE(rc["connectionId"].toString(), QStringLiteral("L0SM9cOFvHcCIhw="));
        QCOMPARE(rc["apiId"].toString(), QStringLiteral("abcd123456"));
        QCOMPARE(rc["domainName"].toString(), QStringLiteral("127.0.0.1"));
        QVERIFY(rc.contains("extendedRequestId") && rc.contains("requestId"));
        QVERIFY(!rc.contains("messageId"));
    }

    void connectEventWithoutQueryLeavesItOut() {
        const QJsonObject event = parse(webSocketConnectEvent(sampleContext(), {}, {}));
        QVERIFY(!event.contains("queryStringParameters"));
        QVERIFY(!event.contains("headers"));
    }

    void messageEventCarriesBodyAndMessageId() {
        WebSocketEventContext c = sampleContext();
        c.routeKey = QStringLiteral("sendmessage");
        c.messageId = QStringLiteral("L0SM9eYjvHcCIUw=");
        const QJsonObject text = parse(webSocketMessageEvent(c, R"({"action":"sendmessage"})", false));
        QCOMPARE(text.keys(), (QStringList{"body", "isBase64Encoded", "requestContext"}));
        QCOMPARE(text["body"].toString(), QStringLiteral(R"({"action":"sendmessage"})"));
        QCOMPARE(text["isBase64Encoded"].toBool(true), false);
        QCOMPARE(text["requestContext"]["eventType"].toString(), QStringLiteral("MESSAGE"));
        QCOMPARE(text["requestContext"]["messageId"].toString(), QStringLiteral("L0SM9eYjvHcCIUw="));
        QCOMPARE(text["requestContext"]["routeKey"].toString(), QStringLiteral("sendmessage"));
        const QJsonObject binary = parse(webSocketMessageEvent(c, QByteArray("\x00\xff", 2), true));
        QCOMPARE(binary["body"].toString(), QStringLiteral("AP8="));
        QCOMPARE(binary["isBase64Encoded"].toBool(), true);
    }

    void disconnectEventCarriesCodeAndReason() {
        WebSocketEventContext c = sampleContext();
        c.routeKey = QStringLiteral("$disconnect");
        const QJsonObject event = parse(webSocketDisconnectEvent(
            c, {{QStringLiteral("Host"), QStringLiteral("h")}}, 1001, QStringLiteral("Going away")));
        const QJsonObject rc = event["requestContext"].toObject();
        QCOMPARE(rc["eventType"].toString(), QStringLiteral("DISCONNECT"));
        QCOMPARE(rc["disconnectStatusCode"].toInt(), 1001);
        QCOMPARE(rc["disconnectReason"].toString(), QStringLiteral("Going away"));
        QCOMPARE(event["headers"]["Host"].toString(), QStringLiteral("h"));
    }

    void authorizerEventAndArn() {
        const QJsonObject event = parse(webSocketAuthorizerEvent(
            sampleContext(), {{QStringLiteral("Auth"), QStringLiteral("t")}}, QStringLiteral("token=x"), {}));
        QCOMPARE(event["type"].toString(), QStringLiteral("REQUEST"));
        QCOMPARE(event["methodArn"].toString(),
                 QStringLiteral("arn:aws:execute-api:us-east-1:123456789012:abcd123456/prod/$connect"));
        QCOMPARE(event["queryStringParameters"]["token"].toString(), QStringLiteral("x"));
        QCOMPARE(event["headers"]["Auth"].toString(), QStringLiteral("t"));
        QCOMPARE(event["requestContext"]["eventType"].toString(), QStringLiteral("CONNECT"));
    }

    void errorFramesUseAwsText() {
        QCOMPARE(webSocketErrorFrame(QStringLiteral("Forbidden"), QStringLiteral("c="), QStringLiteral("r=")),
                 QByteArray(R"({"message": "Forbidden", "connectionId":"c=", "requestId":"r="})"));
    }

    void routeKeyFromExpression_data() {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QString>("key");
        QTest::newRow("default expression") << QString() << QByteArray(R"({"action":"join"})") << "join";
        QTest::newRow("explicit") << "$request.body.action" << QByteArray(R"({"action":"x"})") << "x";
        QTest::newRow("nested") << "$request.body.meta.type" << QByteArray(R"({"meta":{"type":"ping"}})")
                                << "ping";
        QTest::newRow("braces") << "${request.body.op}" << QByteArray(R"({"op":"y"})") << "y";
        QTest::newRow("number") << "$request.body.n" << QByteArray(R"({"n":42})") << "42";
        QTest::newRow("boolean") << "$request.body.b" << QByteArray(R"({"b":true})") << "true";
        QTest::newRow("array") << "$request.body.a" << QByteArray(R"({"a":["x",1]})") << "[x, 1]";
        QTest::newRow("object") << "$request.body.o" << QByteArray(R"({"o":{"k":1}})") << R"({"k":1})";
        QTest::newRow("missing") << QString() << QByteArray(R"({"other":1})") << "$default";
        QTest::newRow("null") << QString() << QByteArray(R"({"action":null})") << "$default";
        QTest::newRow("not json") << QString() << QByteArray("hello") << "$default";
        QTest::newRow("json array") << QString() << QByteArray("[1]") << "$default";
        QTest::newRow("path through a string")
            << "$request.body.a.b" << QByteArray(R"({"a":"s"})") << "$default";
        QTest::newRow("unsupported expression")
            << "$context.x" << QByteArray(R"({"action":"x"})") << "$default";
    }
    void routeKeyFromExpression() {
        QFETCH(QString, expression);
        QFETCH(QByteArray, message);
        QFETCH(QString, key);
        QCOMPARE(selectWebSocketRouteKey(expression, message), key);
    }

    void routeIndex() {
        const QList<Route> routes{route("$connect"), route("sendmessage"), route("$default")};
        QString key;
        QCOMPARE(selectWebSocketRoute(routes, {}, R"({"action":"sendmessage"})", &key), qsizetype(1));
        QCOMPARE(key, QStringLiteral("sendmessage"));
        QCOMPARE(selectWebSocketRoute(routes, {}, R"({"action":"other"})"), qsizetype(2));
        QCOMPARE(selectWebSocketRoute(routes, {}, "not json"), qsizetype(2));
        // A message cannot pick the predefined routes.
        QCOMPARE(selectWebSocketRoute(routes, {}, R"({"action":"$connect"})"), qsizetype(2));
        const QList<Route> noDefault{route("$connect"), route("sendmessage")};
        QCOMPARE(selectWebSocketRoute(noDefault, {}, R"({"action":"other"})"), std::nullopt);
        QCOMPARE(findWebSocketRoute(noDefault, QStringLiteral("$connect")), qsizetype(0));
    }
};

QTEST_GUILESS_MAIN(TestWebSocketEvents)
#include "tst_websocket_events.moc"
