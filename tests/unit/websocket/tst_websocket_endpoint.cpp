// A WebSocket API endpoint with real QWebSocket clients over embedded JavaScript functions: the
// $connect decisions (integration status, function error, Lambda authorizer), route selection and
// two-way routes, AWS's error frames, the @connections API, the size and time limits (close codes
// 1009 and 1001), $disconnect with the close code, and the connection table after abrupt closes.
#include "InvokerFixture.h"
#include "gateway/server/ApiSnapshot.h"
#include "gateway/server/GatewayServices.h"
#include "gateway/websocket/WebSocketApiEndpoint.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

using namespace gatehouse;
using gatehouse::test::InvokerFixture;

namespace {

Route wsRoute(const QString &key, const QString &function, bool twoWay = false) {
    Route route;
    route.routeKey = key;
    route.integration.function = function;
    route.routeResponse = twoWay;
    return route;
}

QJsonObject json(const QString &text) {
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

struct Reply {
    int status = 0;
    QByteArray body;
    QByteArray errorType;
};

} // namespace

class TestWebSocketEndpoint : public QObject {
    Q_OBJECT

private:
    InvokerFixture m_fx;
    std::shared_ptr<GatewayServices> m_services;
    std::unique_ptr<WebSocketApiEndpoint> m_endpoint;
    QNetworkAccessManager m_network;

    Api chatApi() const {
        Api api;
        api.name = QStringLiteral("chat");
        api.type = ApiType::WebSocket;
        api.routes = {wsRoute("$connect", "connect"), wsRoute("$disconnect", "disconnect"),
                      wsRoute("echo", "echo", true),  wsRoute("silent", "echo"),
                      wsRoute("boom", "boom", true),  wsRoute("$default", "echo", true)};
        Stage stage;
        stage.name = QStringLiteral("dev");
        api.stages = {stage};
        return api;
    }

    std::shared_ptr<const ApiSnapshot> snapshotOf(const Api &api) const {
        return std::make_shared<const ApiSnapshot>(m_fx.project, api, m_fx.folder());
    }

    void startEndpoint(WebSocketLimits limits = {}, const Api &api = {}) {
        m_endpoint.reset();
        http::HttpServerConfig config;
        config.workerThreads = 2;
        m_endpoint = std::make_unique<WebSocketApiEndpoint>(
            m_services, snapshotOf(api.name.isEmpty() ? chatApi() : api), config, limits);
        QVERIFY(m_endpoint->listen().ok());
    }

    QUrl stageUrl(const QString &suffix = {}) const {
        return QUrl(m_endpoint->stageUrl(QStringLiteral("dev")).toString() + suffix);
    }

    // Opens a client and waits for the handshake.
    bool open(QWebSocket &client, const QString &suffix = {}) {
        QSignalSpy connected(&client, &QWebSocket::connected);
        client.open(stageUrl(suffix));
        return connected.wait(10000);
    }

    // Sends a message and returns the next text frame.
    QString exchange(QWebSocket &client, const QString &message) {
        QSignalSpy text(&client, &QWebSocket::textMessageReceived);
        client.sendTextMessage(message);
        if (!text.wait(10000)) return QStringLiteral("<no reply>");
        return text.first().first().toString();
    }

    QString connectionIdOf(QWebSocket &client) {
        return json(exchange(client, "{\"action\":\"echo\"}")).value("cid").toString();
    }

    // The status of an upgrade request sent by hand, for refusals (QWebSocket hides it).
    int handshakeStatus(const QByteArray &target, const QByteArray &extraHeaders = {}) {
        // The invoker runs on this thread: wait with the event loop running, never blocking.
        QTcpSocket socket;
        QSignalSpy connected(&socket, &QTcpSocket::connected);
        socket.connectToHost(QHostAddress::LocalHost, m_endpoint->port());
        if (!connected.wait(5000)) return -1;
        socket.write("GET " + target +
                     " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                     "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                     "Sec-WebSocket-Version: 13\r\n" +
                     extraHeaders + "\r\n");
        QByteArray head;
        QSignalSpy readable(&socket, &QTcpSocket::readyRead);
        while (!head.contains("\r\n")) {
            head += socket.readAll();
            if (head.contains("\r\n") || !readable.wait(10000)) break;
        }
        head += socket.readAll();
        const QList<QByteArray> parts = head.split(' ');
        return parts.size() > 1 ? parts.at(1).toInt() : -1;
    }

    Reply call(const QByteArray &method, const QString &connectionId, const QByteArray &body = {}) {
        QUrl url = stageUrl();
        url.setScheme(QStringLiteral("http"));
        // Clients percent-encode the id ('=' becomes %3D), as the AWS SDK does.
        url.setPath(url.path() + QStringLiteral("/@connections/") +
                        QString::fromLatin1(QUrl::toPercentEncoding(connectionId)),
                    QUrl::StrictMode);
        QNetworkRequest request(url);
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(10000);
        Reply out;
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        out.errorType = reply->rawHeader("x-amzn-ErrorType");
        reply->deleteLater();
        return out;
    }

    bool logsContain(const QString &text) const {
        for (const LogRecord &record : m_fx.logs.since(0))
            if (record.message.contains(text)) return true;
        return false;
    }

private slots:
    void initTestCase() {
        m_fx.addFunction("connect",
                         {{"index.js", "exports.handler = (e) => { const q = e.queryStringParameters || {};\n"
                                       "  if (q.boom) throw new Error('connect failed');\n"
                                       "  if (q.refuse) return { statusCode: 403, body: 'go away' };\n"
                                       "  return { statusCode: 200 }; };"}});
        m_fx.addFunction(
            "echo",
            {{"index.js",
              "exports.handler = (e) => ({ statusCode: 200, body: JSON.stringify({\n"
              "  route: e.requestContext.routeKey, body: e.body, b64: e.isBase64Encoded,\n"
              "  cid: e.requestContext.connectionId, type: e.requestContext.eventType,\n"
              "  mid: e.requestContext.messageId, auth: e.requestContext.authorizer || null }) });"}});
        m_fx.addFunction("boom", {{"index.js", "exports.handler = () => { throw new Error('boom'); };"}});
        m_fx.addFunction(
            "disconnect",
            {{"index.js",
              "exports.handler = (e) => { const c = e.requestContext;\n"
              "  console.log('DISCONNECT ' + c.disconnectStatusCode + ' ' + c.disconnectReason + ' ' +\n"
              "    c.connectionId + ' ' + c.eventType); return { statusCode: 200 }; };"}});
        m_fx.addFunction(
            "auth",
            {{"index.js",
              "exports.handler = (e) => ({ principalId: 'u1', context: { user: 'alice' },\n"
              "  policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke',\n"
              "    Effect: e.queryStringParameters.token === 'good' ? 'Allow' : 'Deny',\n"
              "    Resource: e.methodArn }] } });"}});
        Authorizer authorizer;
        authorizer.name = QStringLiteral("ws-auth");
        authorizer.type = AuthorizerType::Lambda;
        authorizer.function = QStringLiteral("auth");
        authorizer.identitySources = {QStringLiteral("route.request.querystring.token")};
        m_fx.project.authorizers.append(authorizer);
        m_fx.project.settings.concurrencyLimit = 50;
        m_fx.start();
        m_services = std::make_shared<GatewayServices>(&m_fx.invoker(), &m_fx.logs);
    }

    void cleanupTestCase() { m_endpoint.reset(); }

    void connectsAndRoutesACustomTwoWayRoute() {
        startEndpoint();
        QWebSocket client;
        QVERIFY(open(client, QStringLiteral("?room=1")));
        QTRY_COMPARE(m_endpoint->counters().openConnections, 1);
        const QJsonObject reply = json(exchange(client, "{\"action\":\"echo\",\"data\":\"hi\"}"));
        QCOMPARE(reply["route"].toString(), QStringLiteral("echo"));
        QCOMPARE(reply["type"].toString(), QStringLiteral("MESSAGE"));
        QCOMPARE(reply["body"].toString(), QStringLiteral("{\"action\":\"echo\",\"data\":\"hi\"}"));
        QCOMPARE(reply["b64"].toBool(true), false);
        QCOMPARE(reply["cid"].toString().size(), 16);
        QCOMPARE(reply["mid"].toString().size(), 16);
        QCOMPARE(m_endpoint->connectionIds(), QStringList{reply["cid"].toString()});
    }

    void defaultRouteTakesUnmatchedAndNonJsonMessages() {
        startEndpoint();
        QWebSocket client;
        QVERIFY(open(client));
        QCOMPARE(json(exchange(client, "{\"action\":\"nope\"}"))["route"].toString(),
                 QStringLiteral("$default"));
        QCOMPARE(json(exchange(client, QStringLiteral("plain text")))["route"].toString(),
                 QStringLiteral("$default"));
        QSignalSpy binary(&client, &QWebSocket::textMessageReceived);
        client.sendBinaryMessage(QByteArray("\x01\x02", 2));
        QVERIFY(binary.wait(10000));
        const QJsonObject reply = json(binary.first().first().toString());
        QCOMPARE(reply["route"].toString(), QStringLiteral("$default"));
        QCOMPARE(reply["b64"].toBool(), true);
        QCOMPARE(reply["body"].toString(), QStringLiteral("AQI="));
    }

    void oneWayRoutesSendNothingBack() {
        startEndpoint();
        QWebSocket client;
        QVERIFY(open(client));
        QSignalSpy text(&client, &QWebSocket::textMessageReceived);
        client.sendTextMessage("{\"action\":\"silent\"}");
        client.sendTextMessage("{\"action\":\"echo\"}");
        QVERIFY(text.wait(10000));
        QCOMPARE(json(text.first().first().toString())["route"].toString(), QStringLiteral("echo"));
        QTRY_VERIFY(m_endpoint->counters().messagesIn == 2);
        QCOMPARE(text.size(), 1);
    }

    void functionErrorAndMissingRouteGetAwsErrorFrames() {
        startEndpoint();
        QWebSocket client;
        QVERIFY(open(client));
        const QString cid = connectionIdOf(client);
        const QJsonObject failed = json(exchange(client, "{\"action\":\"boom\"}"));
        QCOMPARE(failed["message"].toString(), QStringLiteral("Internal server error"));
        QCOMPARE(failed["connectionId"].toString(), cid);
        QVERIFY(!failed["requestId"].toString().isEmpty());
        // Hot reload without $default: the open connection stays and gets "Forbidden".
        Api api = chatApi();
        api.routes.removeLast();
        m_endpoint->setSnapshot(snapshotOf(api));
        const QString raw = exchange(client, "{\"action\":\"other\"}");
        const QLatin1String forbidden("{\"message\": \"Forbidden\", \"connectionId\":\"");
        QVERIFY2(raw.startsWith(forbidden), qPrintable(raw));
        QCOMPARE(json(raw)["connectionId"].toString(), cid);
        QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
    }

    void connectIntegrationCanRefuse() {
        startEndpoint();
        QCOMPARE(handshakeStatus("/dev?refuse=1"), 403);
        QCOMPARE(handshakeStatus("/dev?boom=1"), 500);
        QCOMPARE(handshakeStatus("/nostage"), 403);
        QCOMPARE(handshakeStatus("/dev"), 101);
        QTRY_COMPARE(m_endpoint->counters().refusedConnections,
                     qint64(2)); // the unknown stage is refused before $connect
        QVERIFY(logsContain(QStringLiteral("connect failed"))); // the function's error, in the log store
    }

    void lambdaAuthorizerOnConnect() {
        Api api = chatApi();
        api.routes.first().authorizer = QStringLiteral("ws-auth");
        startEndpoint({}, api);
        QCOMPARE(handshakeStatus("/dev"), 401);           // identity source missing
        QCOMPARE(handshakeStatus("/dev?token=bad"), 403); // explicit deny
        QCOMPARE(handshakeStatus("/dev?token=bad"), 403); // cached deny
        QWebSocket client;
        QVERIFY(open(client, QStringLiteral("?token=good")));
        const QJsonObject reply = json(exchange(client, "{\"action\":\"echo\"}"));
        QCOMPARE(reply["auth"].toObject()["user"].toString(), QStringLiteral("alice"));
        QCOMPARE(reply["auth"].toObject()["principalId"].toString(), QStringLiteral("u1"));
    }

    void connectionsApiPostsGetsAndDeletes() {
        startEndpoint();
        QWebSocket client;
        QVERIFY(open(client));
        const QString cid = connectionIdOf(client);
        QVERIFY(cid.contains(QLatin1Char('=')) || cid.size() == 16);

        QSignalSpy text(&client, &QWebSocket::textMessageReceived);
        QCOMPARE(call("POST", cid, "pushed").status, 200);
        QVERIFY(!text.isEmpty() || text.wait(10000)); // it may arrive while call() waits
        QCOMPARE(text.first().first().toString(), QStringLiteral("pushed"));
        QSignalSpy binary(&client, &QWebSocket::binaryMessageReceived);
        QCOMPARE(call("POST", cid, QByteArray("\xff\xfe", 2)).status, 200);
        QVERIFY(!binary.isEmpty() || binary.wait(10000));
        QCOMPARE(binary.first().first().toByteArray(), QByteArray("\xff\xfe", 2));

        const Reply info = call("GET", cid);
        QCOMPARE(info.status, 200);
        const QJsonObject described = QJsonDocument::fromJson(info.body).object();
        QVERIFY(QDateTime::fromString(described["connectedAt"].toString(), Qt::ISODateWithMs).isValid());
        QVERIFY(QDateTime::fromString(described["lastActiveAt"].toString(), Qt::ISODateWithMs).isValid());
        QCOMPARE(described["identity"].toObject()["sourceIp"].toString(), QStringLiteral("127.0.0.1"));

        QSignalSpy disconnected(&client, &QWebSocket::disconnected);
        QCOMPARE(call("DELETE", cid).status, 204);
        QVERIFY(!disconnected.isEmpty() || disconnected.wait(10000));
        QTRY_VERIFY(logsContain(QStringLiteral("DISCONNECT 1000  ") + cid));
        const Reply gone = call("POST", cid, "late");
        QCOMPARE(gone.status, 410);
        QCOMPARE(gone.errorType, QByteArray("GoneException"));
        QVERIFY(QJsonDocument::fromJson(gone.body).object().contains("message"));
        QCOMPARE(call("GET", QStringLiteral("unknownId000000=")).status, 410);
        QCOMPARE(call("DELETE", QStringLiteral("unknownId000000=")).status, 410);
        QTRY_COMPARE(m_endpoint->counters().openConnections, 0);
    }

    void oversizeMessagesCloseWith1009() {
        startEndpoint();
        // 100 KB in 16 KB frames is within both limits (128 KB message, 32 KB frames).
        QWebSocket ok;
        ok.setOutgoingFrameSize(16 * 1024);
        QVERIFY(open(ok));
        const QString big = QStringLiteral("{\"action\":\"silent\",\"pad\":\"") +
                            QString(100 * 1024, QLatin1Char('x')) + QStringLiteral("\"}");
        ok.sendTextMessage(big);
        QCOMPARE(json(exchange(ok, "{\"action\":\"echo\"}"))["route"].toString(), QStringLiteral("echo"));

        // 130 KB in 16 KB frames: the message limit.
        QWebSocket tooBig;
        tooBig.setOutgoingFrameSize(16 * 1024);
        QVERIFY(open(tooBig));
        const QString cid = connectionIdOf(tooBig);
        QSignalSpy closed(&tooBig, &QWebSocket::disconnected);
        tooBig.sendTextMessage(QString(130 * 1024, QLatin1Char('y')));
        QVERIFY(closed.wait(10000));
        QCOMPARE(int(tooBig.closeCode()), 1009);
        QTRY_VERIFY(logsContain(QStringLiteral("DISCONNECT 1009")) && logsContain(cid));

        // One 40 KB frame: the frame limit.
        QWebSocket bigFrame;
        QVERIFY(open(bigFrame));
        QSignalSpy closed2(&bigFrame, &QWebSocket::disconnected);
        bigFrame.sendTextMessage(QString(40 * 1024, QLatin1Char('z')));
        QVERIFY(closed2.wait(10000));
        QCOMPARE(int(bigFrame.closeCode()), 1009);
    }

    void idleAndMaximumDurationClose() {
        WebSocketLimits limits;
        limits.idleTimeoutMs = 300;
        startEndpoint(limits);
        QWebSocket idle;
        QVERIFY(open(idle));
        QSignalSpy closed(&idle, &QWebSocket::disconnected);
        QVERIFY(closed.wait(10000));
        QCOMPARE(int(idle.closeCode()), 1001);

        limits.idleTimeoutMs = 60000;
        limits.maxConnectionMs = 400;
        startEndpoint(limits);
        QWebSocket old;
        QVERIFY(open(old));
        QSignalSpy closed2(&old, &QWebSocket::disconnected);
        QVERIFY(closed2.wait(10000));
        QCOMPARE(int(old.closeCode()), 1001);
        QTRY_VERIFY(logsContain(QStringLiteral("DISCONNECT 1001 Going away")));
    }

    void clientCloseCodeReachesDisconnectAndTablesEmpty() {
        startEndpoint();
        QWebSocket polite;
        QVERIFY(open(polite));
        const QString cid = connectionIdOf(polite);
        polite.close(QWebSocketProtocol::CloseCode(4000), QStringLiteral("bye"));
        QTRY_VERIFY(
            logsContain(QStringLiteral("DISCONNECT 4000 bye ") + cid + QStringLiteral(" DISCONNECT")));

        // Abrupt drops (no close frame) still run $disconnect and leave nothing behind.
        QList<QWebSocket *> clients;
        for (int i = 0; i < 20; ++i) {
            clients.append(new QWebSocket);
            QVERIFY(open(*clients.last()));
        }
        QTRY_COMPARE(m_endpoint->counters().openConnections, 20);
        for (QWebSocket *client : std::as_const(clients)) {
            client->abort();
            delete client;
        }
        QTRY_COMPARE(m_endpoint->counters().openConnections, 0);
        const WebSocketCounters counters = m_endpoint->counters();
        QCOMPARE(counters.totalConnections, qint64(21));
        QCOMPARE(counters.messagesIn, qint64(1));
        QCOMPARE(counters.messagesOut, qint64(1));
        QVERIFY(counters.connectionMinutes > 0);
    }

    void thousandConnectionsHeldOpenThenDropped() {
        // Issue #8's scale check: 1,000 concurrent connections, no errors, and the table back at zero.
        // The memory figure includes the client sockets living in this same process.
        Api api = chatApi();
        api.routes = {wsRoute("$default", "echo", true)};
        startEndpoint({}, api);
        const auto rssKb = [] {
            QFile status(QStringLiteral("/proc/self/status"));
            if (!status.open(QIODevice::ReadOnly)) return qint64(0);
            for (const QByteArray &line : status.readAll().split('\n'))
                if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ').first().toLongLong();
            return qint64(0);
        };
        const qint64 before = rssKb();
        std::vector<std::unique_ptr<QWebSocket>> clients;
        int errors = 0;
        // In batches, so that the listen backlog never overflows (a dropped SYN costs a 1 s retry).
        for (int i = 0; i < 1000; ++i) {
            clients.push_back(std::make_unique<QWebSocket>());
            connect(clients.back().get(), qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
                    [&errors] { ++errors; });
            clients.back()->open(stageUrl());
            if ((i + 1) % 50 == 0)
                QTRY_COMPARE_WITH_TIMEOUT(m_endpoint->counters().openConnections, i + 1, 30000);
        }
        QCOMPARE(m_endpoint->counters().openConnections, 1000);
        const qint64 after = rssKb();
        qInfo("1000 connections: %.1f KB per connection (server and client sides)",
              double(after - before) / 1000.0);
        QCOMPARE(errors, 0);
        for (size_t i = 0; i < clients.size(); ++i)
            if (i % 2)
                clients[i]->abort(); // abrupt
            else
                clients[i]->close(); // polite
        QTRY_COMPARE_WITH_TIMEOUT(m_endpoint->counters().openConnections, 0, 60000);
        QVERIFY(m_endpoint->connectionIds().isEmpty());
    }

    void accessLogLinesNameEventRouteAndStatus() {
        startEndpoint();
        QWebSocket client;
        QVERIFY(open(client));
        exchange(client, "{\"action\":\"echo\"}");
        QTRY_VERIFY(logsContain(QStringLiteral("\"MESSAGE echo ")) &&
                    logsContain(QStringLiteral("\"CONNECT $connect ")));
    }
};

QTEST_GUILESS_MAIN(TestWebSocketEndpoint)
#include "tst_websocket_endpoint.moc"
