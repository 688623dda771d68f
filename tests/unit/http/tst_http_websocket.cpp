// WebSocket upgrades through HttpServer: the handler sees the upgrade request and accepts it (now or
// later, from any thread); QtWebSockets completes the handshake on the same connection; a real
// QWebSocket client then talks to the accepted socket. Refusals stay plain HTTP.
#include "HttpTestServer.h"
#include "RawHttpClient.h"

#include <QMutex>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QWebSocket>

using namespace gatehouse::http;
using gatehouse::http::test::RawHttpClient;
using gatehouse::http::test::startServer;

namespace {

// What the WebSocket side saw, written on a worker thread and read by the test.
struct Opened {
    QMutex mutex;
    QList<HttpRequest> requests;
    int count() {
        QMutexLocker lock(&mutex);
        return int(requests.size());
    }
};

// Echoes every text and binary message with a prefix.
WebSocketOpened echo(std::shared_ptr<Opened> opened) {
    return [opened](QWebSocket *socket, const HttpRequest &request) {
        QObject::connect(socket, &QWebSocket::textMessageReceived, socket, [socket](const QString &text) {
            socket->sendTextMessage(QStringLiteral("echo:") + text);
        });
        QObject::connect(socket, &QWebSocket::binaryMessageReceived, socket,
                         [socket](const QByteArray &data) { socket->sendBinaryMessage("echo:" + data); });
        QObject::connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        QMutexLocker lock(&opened->mutex);
        opened->requests.append(request);
    };
}

} // namespace

class HttpWebSocketTest : public QObject {
    Q_OBJECT

private slots:
    void upgradedConnectionEchoesWithARealWebSocketClient() {
        auto opened = std::make_shared<Opened>();
        auto server = startServer([opened](HttpRequest request, HttpResponder responder) {
            if (request.webSocketUpgrade && request.path == "/ws") {
                responder.acceptWebSocket(echo(opened));
            } else {
                responder.send(HttpResponse::errorJson(404));
            }
        });
        QVERIFY(server);
        QWebSocket client;
        QSignalSpy connected(&client, &QWebSocket::connected);
        QSignalSpy text(&client, &QWebSocket::textMessageReceived);
        QSignalSpy binary(&client, &QWebSocket::binaryMessageReceived);
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws?room=1").arg(server->port())));
        QVERIFY(connected.wait(5000));
        client.sendTextMessage(QStringLiteral("hello"));
        QVERIFY(text.wait(5000));
        QCOMPARE(text.at(0).at(0).toString(), QStringLiteral("echo:hello"));
        client.sendBinaryMessage(QByteArray("\x01\x02", 2));
        QVERIFY(binary.wait(5000));
        QCOMPARE(binary.at(0).at(0).toByteArray(), QByteArray("echo:\x01\x02", 7));

        QCOMPARE(opened->count(), 1);
        QMutexLocker lock(&opened->mutex);
        const HttpRequest &request = opened->requests.first();
        QCOMPARE(request.path, QByteArray("/ws"));
        QCOMPARE(request.query, QByteArray("room=1"));
        QVERIFY(!request.header("sec-websocket-key").isEmpty());
        QCOMPARE(request.remotePort, client.localPort());
    }

    void bytesSentRightAfterTheUpgradeRequestAreNotLost() {
        // The parser has consumed the upgrade request and the frame behind it; both must reach
        // QtWebSockets in order, or the handshake (and the first message) would be lost.
        auto opened = std::make_shared<Opened>();
        auto server = startServer(
            [opened](HttpRequest, HttpResponder responder) { responder.acceptWebSocket(echo(opened)); });
        QVERIFY(server);
        RawHttpClient raw(server->port());
        const QByteArray mask("\x11\x22\x33\x44", 4);
        QByteArray frame("\x81\x82", 2); // FIN + text, masked, 2 bytes of payload
        frame += mask;
        for (int i = 0; i < 2; ++i)
            frame += char("hi"[i] ^ mask[i % 4]);
        raw.send("GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n" +
                 frame);
        const auto switching = raw.readResponse();
        QVERIFY(switching);
        QCOMPARE(switching->status, 101);
        QCOMPARE(switching->header("Sec-WebSocket-Accept"), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
        QTRY_COMPARE(raw.unreadPeek(), QByteArray("\x81\x07"
                                                  "echo:hi",
                                                  9)); // unmasked text frame back
    }

    void acceptanceMayComeLaterFromAnotherThread() {
        // Like a $connect route whose Lambda authorizer answers after a while.
        auto opened = std::make_shared<Opened>();
        auto server = startServer([opened](HttpRequest, HttpResponder responder) {
            QThread *thread =
                QThread::create([responder, opened]() mutable { responder.acceptWebSocket(echo(opened)); });
            QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
            thread->start();
        });
        QVERIFY(server);
        QWebSocket client;
        QSignalSpy connected(&client, &QWebSocket::connected);
        QSignalSpy text(&client, &QWebSocket::textMessageReceived);
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/later").arg(server->port())));
        QVERIFY(connected.wait(5000));
        client.sendTextMessage(QStringLiteral("late"));
        QVERIFY(text.wait(5000));
        QCOMPARE(text.at(0).at(0).toString(), QStringLiteral("echo:late"));
    }

    void refusedUpgradeIsAPlainResponseAndTheConnectionStaysHttp() {
        auto server = startServer([](HttpRequest request, HttpResponder responder) {
            if (request.webSocketUpgrade) {
                responder.send(HttpResponse::errorJson(403, "Forbidden by the authorizer"));
            } else {
                responder.send(200, "plain " + request.path);
            }
        });
        QVERIFY(server);
        RawHttpClient raw(server->port());
        const auto refused =
            raw.request("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QVERIFY(refused);
        QCOMPARE(refused->status, 403);
        const auto next = raw.request("GET /after HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(next);
        QCOMPARE(next->body, QByteArray("plain /after"));

        QWebSocket client;
        QSignalSpy errored(&client, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server->port())));
        QVERIFY(errored.wait(5000)); // QtWebSockets reports the refused handshake
    }

    void nonWebSocketUpgradeIsServedAsHttp() {
        // curl --http2 over plain http asks for h2c this way; ignoring the offer is allowed.
        auto server = startServer([](HttpRequest request, HttpResponder responder) {
            responder.send(200, request.webSocketUpgrade ? "ws" : "http");
        });
        QVERIFY(server);
        RawHttpClient raw(server->port());
        const auto response =
            raw.request("GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                        "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n");
        QVERIFY(response);
        QCOMPARE(response->body, QByteArray("http"));
        QVERIFY(raw.request("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    }

    void serverShutdownClosesOpenWebSockets() {
        auto opened = std::make_shared<Opened>();
        auto server = startServer(
            [opened](HttpRequest, HttpResponder responder) { responder.acceptWebSocket(echo(opened)); });
        QVERIFY(server);
        QWebSocket client;
        QSignalSpy connected(&client, &QWebSocket::connected);
        QSignalSpy disconnected(&client, &QWebSocket::disconnected);
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(server->port())));
        QVERIFY(connected.wait(5000));
        server.reset();
        QVERIFY(disconnected.count() > 0 || disconnected.wait(5000));
    }
};

QTEST_GUILESS_MAIN(HttpWebSocketTest)
#include "tst_http_websocket.moc"
