// HTTP/1.1 behaviour of HttpServer seen from raw sockets: keep-alive, Connection: close, HTTP/1.0,
// 100-continue, chunked bodies, in-order pipelining, repeated fields, HEAD, streamed responses.
#include "HttpTestServer.h"
#include "RawHttpClient.h"

#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <sys/socket.h>

using namespace gatehouse::http;
using gatehouse::http::test::RawHttpClient;

namespace {

// /echo answers with the request body and a few request facts in X- fields; /pipeline/N answers N=1
// only once N=3 has arrived (the first finishes last); /stream writes a chunked body; /cookies
// sets two cookies.
class EchoHandler {
public:
    void operator()(HttpRequest request, HttpResponder responder) {
        if (request.path.startsWith("/pipeline/")) return pipeline(request, std::move(responder));
        if (request.path == "/stream") {
            responder.writeHead(200, {{"Content-Type", "text/plain"}});
            responder.writeChunk("hello ");
            responder.writeChunk("stream");
            responder.end();
            return;
        }
        if (request.path == "/later") { // answered from the worker's event loop, not inside the handler
            QTimer::singleShot(0, [responder, n = request.query]() mutable { responder.send(200, n); });
            return;
        }
        if (request.path == "/big") {
            responder.send(200, QByteArray(request.query.toInt(), 'z'));
            return;
        }
        if (request.path == "/cookies") {
            responder.send(204, {}, {{"Set-Cookie", "a=1; Path=/"}, {"Set-Cookie", "b=2; HttpOnly"}});
            return;
        }
        HttpResponse response = HttpResponse::text(200, request.body);
        response.headers.add("X-Method", request.method);
        response.headers.add("X-Path", request.path);
        response.headers.add("X-Query", request.query);
        response.headers.add("X-Decoded-Path", request.decodedPath().toUtf8());
        response.headers.add("X-Version", QByteArray::number(request.versionMajor) + '.' +
                                              QByteArray::number(request.versionMinor));
        response.headers.add("X-Custom", request.header("x-CUSTOM-header"));
        response.headers.add("X-Peer", request.remoteAddress.toString().toUtf8() + ':' +
                                           QByteArray::number(request.remotePort));
        response.headers.add("X-Sequence", QByteArray::number(request.sequence));
        responder.send(std::move(response));
    }

private:
    void pipeline(const HttpRequest &request, HttpResponder responder) {
        const QByteArray n = request.path.mid(10);
        QMutexLocker lock(&m_mutex);
        if (n == "1") {
            m_first = responder; // answered later, after 2 and 3
            return;
        }
        responder.send(200, "response " + n);
        if (n == "3") m_first.send(200, "response 1");
    }

    QMutex m_mutex;
    HttpResponder m_first;
};

} // namespace

class HttpProtocolTest : public QObject {
    Q_OBJECT

private slots:
    void init() {
        m_handler = std::make_shared<EchoHandler>();
        auto handler = m_handler;
        m_server = gatehouse::http::test::startServer([handler](HttpRequest r, HttpResponder responder) {
            (*handler)(std::move(r), std::move(responder));
        });
        QVERIFY(m_server);
        QVERIFY(m_server->port() != 0);
    }
    void cleanup() { m_server.reset(); }

    void keepAliveServesTwoRequestsOnOneConnection() {
        RawHttpClient client(m_server->port());
        const auto first = client.request("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(first);
        QCOMPARE(first->status, 200);
        QCOMPARE(first->header("Connection"), QByteArray());
        const auto second = client.request("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nping");
        QVERIFY(second);
        QCOMPARE(second->body, QByteArray("ping"));
        QCOMPARE(second->header("X-Sequence"), QByteArray("1"));
        QVERIFY(client.isConnected());
    }

    void connectionCloseClosesAfterTheResponse() {
        RawHttpClient client(m_server->port());
        const auto response = client.request("GET /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->header("Connection"), QByteArray("close"));
        QVERIFY(client.waitForClosed());
    }

    void http10ClosesUnlessKeepAliveIsRequested() {
        RawHttpClient plain(m_server->port());
        const auto response = plain.request("GET /echo HTTP/1.0\r\n\r\n");
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->header("X-Version"), QByteArray("1.0"));
        QCOMPARE(response->header("Connection"), QByteArray("close"));
        QVERIFY(plain.waitForClosed());

        RawHttpClient keepAlive(m_server->port());
        const auto first = keepAlive.request("GET /echo HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        QVERIFY(first);
        QCOMPARE(first->header("Connection"), QByteArray("keep-alive"));
        const auto second = keepAlive.request("GET /echo HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        QVERIFY(second);
        QCOMPARE(second->status, 200);
    }

    void expectContinueGets100ThenTheFinalResponse() {
        RawHttpClient client(m_server->port());
        client.send("PUT /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        const auto interim = client.readResponse();
        QVERIFY(interim);
        QCOMPARE(interim->status, 100);
        client.send("hello");
        const auto final = client.readResponse();
        QVERIFY(final);
        QCOMPARE(final->status, 200);
        QCOMPARE(final->body, QByteArray("hello"));
    }

    void clientThatHalfClosesAfterItsRequestStillGetsTheAnswer() {
        RawHttpClient client(m_server->port());
        client.send("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
        ::shutdown(int(client.socket().socketDescriptor()), SHUT_WR); // like `curl -T - < file` or nc -N
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
    }

    void chunkedRequestBodyIsDecoded() {
        RawHttpClient client(m_server->port());
        const auto response =
            client.request("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                           "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n");
        QVERIFY(response);
        QCOMPARE(response->body, QByteArray("hello world"));
    }

    void pipelinedRequestsAreAnsweredInOrderEvenWhenTheFirstFinishesLast() {
        RawHttpClient client(m_server->port());
        client.send("GET /pipeline/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /pipeline/2 HTTP/1.1\r\nHost: x\r\n\r\n"
                    "GET /pipeline/3 HTTP/1.1\r\nHost: x\r\n\r\n");
        for (const char *expected : {"response 1", "response 2", "response 3"}) {
            const auto response = client.readResponse();
            QVERIFY(response);
            QCOMPARE(response->body, QByteArray(expected));
        }
    }

    void manyPipelinedRequestsAnsweredLaterArriveInOrder() {
        // More than maxPipelinedRequests (32) at once: reading pauses and resumes as answers go out.
        RawHttpClient client(m_server->port());
        QByteArray burst;
        for (int i = 0; i < 200; ++i)
            burst += "GET /later?" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\n\r\n";
        client.send(burst);
        for (int i = 0; i < 200; ++i) {
            const auto response = client.readResponse();
            QVERIFY(response);
            QCOMPARE(response->body, QByteArray::number(i));
        }
    }

    void largeBodiesTravelWholeBothWays() {
        RawHttpClient client(m_server->port());
        QByteArray body(5 * 1024 * 1024, 'a');
        for (qsizetype i = 0; i < body.size(); i += 4096)
            body[i] = char('a' + (i / 4096) % 26);
        const auto echoed = client.request("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                                               QByteArray::number(body.size()) + "\r\n\r\n" + body,
                                           20000);
        QVERIFY(echoed);
        QVERIFY(echoed->body == body);
        const auto big = client.request("GET /big?30000000 HTTP/1.1\r\nHost: x\r\n\r\n", 20000);
        QVERIFY(big);
        QCOMPARE(big->body.size(), 30000000);
    }

    void repeatedSetCookieFieldsArePreserved() {
        RawHttpClient client(m_server->port());
        const auto response = client.request("GET /cookies HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(response);
        QCOMPARE(response->status, 204);
        QCOMPARE(response->headerValues("Set-Cookie"), QList<QByteArray>({"a=1; Path=/", "b=2; HttpOnly"}));
        QCOMPARE(response->header("Content-Length"), QByteArray()); // RFC 9110 §8.6: not on 204
    }

    void requestCarriesTargetPartsHeadersAndPeer() {
        RawHttpClient client(m_server->port());
        const auto response =
            client.request("GET /a%20b/c?x=1&y=%2F HTTP/1.1\r\nHost: x\r\nX-Custom-Header: v \r\n\r\n");
        QVERIFY(response);
        QCOMPARE(response->header("X-Method"), QByteArray("GET"));
        QCOMPARE(response->header("X-Path"), QByteArray("/a%20b/c"));
        QCOMPARE(response->header("X-Query"), QByteArray("x=1&y=%2F"));
        QCOMPARE(response->header("X-Decoded-Path"), QByteArray("/a b/c"));
        QCOMPARE(response->header("X-Custom"), QByteArray("v")); // case-insensitive lookup, trimmed
        QCOMPARE(response->header("X-Peer"), "127.0.0.1:" + QByteArray::number(client.socket().localPort()));
        QVERIFY(!response->header("Date").isEmpty());
        QCOMPARE(response->header("Server"), QByteArray("Gatehouse"));
    }

    void headResponseStatesTheLengthButSendsNoBody() {
        RawHttpClient client(m_server->port());
        const auto head = client.request("HEAD /echo HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(head);
        QCOMPARE(head->header("Content-Length"), QByteArray("0"));
        const auto next = client.request("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok");
        QVERIFY(next); // nothing stray was left between the two
        QCOMPARE(next->body, QByteArray("ok"));
    }

    void streamedResponseUsesChunkedEncoding() {
        RawHttpClient client(m_server->port());
        const auto response = client.request("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(response);
        QVERIFY(response->chunked);
        QCOMPARE(response->body, QByteArray("hello stream"));
        QVERIFY(client.isConnected());
    }

    void streamedResponseToHttp10EndsByClosing() {
        RawHttpClient client(m_server->port());
        const auto response = client.request("GET /stream HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        QVERIFY(response);
        QVERIFY(!response->chunked);
        QCOMPARE(response->body, QByteArray("hello stream"));
        QVERIFY(client.waitForClosed());
    }

    void qNetworkAccessManagerClientWorks() {
        QNetworkAccessManager manager;
        QUrl url = m_server->url();
        url.setPath(QStringLiteral("/echo"));
        for (int i = 0; i < 3; ++i) { // QNAM reuses the connection: keep-alive from a real client
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            std::unique_ptr<QNetworkReply> reply(
                manager.post(request, R"({"n":)" + QByteArray::number(i) + "}"));
            QSignalSpy finished(reply.get(), &QNetworkReply::finished);
            QVERIFY(finished.wait(5000));
            QCOMPARE(reply->error(), QNetworkReply::NoError);
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            QCOMPARE(reply->readAll(), R"({"n":)" + QByteArray::number(i) + "}");
        }
    }

private:
    std::shared_ptr<EchoHandler> m_handler;
    std::unique_ptr<HttpServer> m_server;
};

QTEST_GUILESS_MAIN(HttpProtocolTest)
#include "tst_http_protocol.moc"
