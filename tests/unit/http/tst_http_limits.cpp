// HttpServer under hostile or sloppy clients: size limits enforced while reading, 400 on garbage,
// idle and slow-client timeouts, the connection cap, a port already in use, and random input.
#include "HttpTestServer.h"
#include "RawHttpClient.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>
#include <atomic>
#include <fcntl.h>
#include <sys/resource.h>

using namespace gatehouse::http;
using gatehouse::http::test::RawHttpClient;
using gatehouse::http::test::startServer;

class HttpLimitsTest : public QObject {
    Q_OBJECT

    std::shared_ptr<std::atomic<int>> m_calls;
    HttpHandler countingHandler() {
        m_calls = std::make_shared<std::atomic<int>>(0);
        return [calls = m_calls](HttpRequest request, HttpResponder responder) {
            ++*calls;
            responder.send(HttpResponse::text(200, "size " + QByteArray::number(request.body.size())));
        };
    }

private slots:
    void bodyOverTheLimitGets413BeforeItIsSent() {
        auto server = startServer(countingHandler()); // default limit: 10 MiB, API Gateway's
        QVERIFY(server);
        RawHttpClient client(server->port());
        // Only the headers are sent: the 413 must come without the server waiting for 1 GiB.
        const auto response =
            client.request("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1073741824\r\n\r\n");
        QVERIFY(response);
        QCOMPARE(response->status, 413);
        QCOMPARE(response->header("Connection"), QByteArray("close"));
        QVERIFY(response->body.contains("10485760"));
        QVERIFY(client.waitForClosed());
        QCOMPARE(m_calls->load(), 0);
    }

    void expectContinueOverTheLimitGets413Instead() {
        HttpServerConfig config;
        config.maxBodyBytes = 1000;
        auto server = startServer(countingHandler(), config);
        QVERIFY(server);
        RawHttpClient client(server->port());
        const auto response = client.request(
            "PUT /x HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\nExpect: 100-continue\r\n\r\n");
        QVERIFY(response);
        QCOMPARE(response->status, 413); // and no 100 Continue before it
        QVERIFY(client.waitForClosed());
    }

    void unknownExpectationGets417() {
        auto server = startServer(countingHandler());
        QVERIFY(server);
        RawHttpClient client(server->port());
        const auto response =
            client.request("PUT /x HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nExpect: magic\r\n\r\n");
        QVERIFY(response);
        QCOMPARE(response->status, 417);
    }

    void chunkedBodyIsRefusedOnceItsRunningTotalPassesTheLimit() {
        HttpServerConfig config;
        config.maxBodyBytes = 1000;
        auto server = startServer(countingHandler(), config);
        QVERIFY(server);
        RawHttpClient client(server->port());
        const QByteArray chunk = "258\r\n" + QByteArray(600, 'a') + "\r\n";
        client.send("POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk + chunk);
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 413);
        QVERIFY(client.waitForClosed());
        QCOMPARE(m_calls->load(), 0);
    }

    void headerFieldsOverTheLimitGet431() {
        HttpServerConfig config;
        config.maxHeaderBytes = 2048;
        auto server = startServer(countingHandler(), config);
        QVERIFY(server);
        RawHttpClient client(server->port());
        const auto response =
            client.request("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(4000, 'b') + "\r\n\r\n");
        QVERIFY(response);
        QCOMPARE(response->status, 431);
        QVERIFY(client.waitForClosed());
    }

    void hugeHeaderLineWithDefaultLimitsGets431() {
        auto server = startServer(countingHandler());
        QVERIFY(server);
        RawHttpClient client(server->port());
        client.send("GET / HTTP/1.1\r\nX-Huge: " + QByteArray(300 * 1024, 'h')); // never even finished
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 431);
        QVERIFY(client.waitForClosed());
    }

    void garbageGets400AndClose_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("not http") << QByteArray("GARBAGE\r\n\r\n");
        QTest::newRow("field without colon") << QByteArray("GET / HTTP/1.1\r\nNoColonHere\r\n\r\n");
        QTest::newRow("bad version") << QByteArray("GET / HTTP/x.y\r\n\r\n");
        QTest::newRow("space in target") << QByteArray("GET /a b c HTTP/1.1\r\n\r\n");
        QTest::newRow("bad content-length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 12abc\r\n\r\n");
        QTest::newRow("length and chunked") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\n"
                                                          "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        QTest::newRow("bad chunk size")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\xfe\r\n\r\n", 9);
    }
    void garbageGets400AndClose() {
        QFETCH(QByteArray, input);
        auto server = startServer(countingHandler());
        QVERIFY(server);
        RawHttpClient client(server->port());
        const auto response = client.request(input);
        QVERIFY(response);
        QCOMPARE(response->status, 400);
        QCOMPARE(response->header("Content-Type"), QByteArray("application/json"));
        QVERIFY(client.waitForClosed());
        QCOMPARE(m_calls->load(), 0);
    }

    void pipelineLimitPausesReadingButNeverABodyInProgress() {
        HttpServerConfig config;
        config.maxPipelinedRequests = 1;
        auto server = startServer(countingHandler(), config);
        QVERIFY(server);
        RawHttpClient client(server->port());
        client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\nabc");
        QVERIFY(!client.readResponse(100)); // half a body: nothing to answer yet
        client.send("defGET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
        for (const char *expected : {"size 6", "size 0", "size 0"}) {
            const auto response = client.readResponse();
            QVERIFY(response);
            QCOMPARE(response->body, QByteArray(expected));
        }
    }

    void idleKeepAliveConnectionIsClosed() {
        HttpServerConfig config;
        config.idleTimeoutMs = 150;
        auto server = startServer(countingHandler(), config);
        QVERIFY(server);
        RawHttpClient client(server->port());
        QVERIFY(client.request("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        QElapsedTimer elapsed;
        elapsed.start();
        QVERIFY(client.waitForClosed(5000));
        QVERIFY2(elapsed.elapsed() >= 100, qPrintable(QString::number(elapsed.elapsed())));
        QTRY_COMPARE(server->openConnections(), 0);
    }

    void slowClientGets408() {
        HttpServerConfig config;
        config.requestTimeoutMs = 200;
        auto server = startServer(countingHandler(), config);
        QVERIFY(server);
        RawHttpClient client(server->port());
        client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc"); // 7 bytes never come
        const auto response = client.readResponse(5000);
        QVERIFY(response);
        QCOMPARE(response->status, 408);
        QVERIFY(client.waitForClosed());
        QCOMPARE(m_calls->load(), 0);
    }

    void connectionsBeyondTheCapGet503() {
        HttpServerConfig config;
        config.maxConnections = 2;
        auto server = startServer(countingHandler(), config);
        QVERIFY(server);
        RawHttpClient first(server->port());
        RawHttpClient second(server->port());
        QVERIFY(first.request("GET / HTTP/1.1\r\n\r\n"));
        QVERIFY(second.request("GET / HTTP/1.1\r\n\r\n"));
        RawHttpClient third(server->port());
        const auto refused = third.readResponse();
        QVERIFY(refused);
        QCOMPARE(refused->status, 503);
        QVERIFY(third.waitForClosed());
        QVERIFY(first.request("GET / HTTP/1.1\r\n\r\n")); // the others are unaffected
    }

    void portInUseGivesAnErrorNamingThePort() {
        auto first = startServer(countingHandler());
        QVERIFY(first);
        HttpServerConfig config;
        config.port = first->port();
        HttpServer second(countingHandler(), config);
        const HttpListenResult result = second.listen();
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(QString::number(first->port())), qPrintable(result.error));
        QVERIFY(!second.isListening());
        QVERIFY(!second.listen().ok()); // still an error value, still no crash
    }

    void acceptingResumesAfterRunningOutOfDescriptors() {
        // No worker threads: a thread still setting up its event loop would need descriptors too.
        HttpServerConfig config;
        config.workerThreads = 0;
        auto server = startServer(countingHandler(), config);
        QVERIFY(server);
        rlimit original{};
        QCOMPARE(getrlimit(RLIMIT_NOFILE, &original), 0);
        // Leave exactly one descriptor number free below the limit: the client's socket takes it and
        // the server's accept() fails with EMFILE, which stops a plain QTcpServer for good.
        std::vector<int> free;
        for (int fd = 3; free.size() < 2 && rlim_t(fd) < original.rlim_cur; ++fd) {
            if (fcntl(fd, F_GETFD) == -1) free.push_back(fd);
        }
        QCOMPARE(free.size(), size_t(2));
        rlimit scarce = original;
        scarce.rlim_cur = rlim_t(free[1]);
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &scarce), 0);
        RawHttpClient client(server->port());
        const bool connected = client.isConnected();
        client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        const bool answeredWhileStarved = client.readResponse(300).has_value();
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &original), 0);
        QVERIFY(connected); // the kernel completed the handshake; accept() could not
        QVERIFY(!answeredWhileStarved);
        const auto response = client.readResponse(5000); // accepted once descriptors are back
        QVERIFY(response);
        QCOMPARE(response->status, 200);
    }

    void randomInputNeverCrashesTheServer() {
        HttpServerConfig config;
        config.maxHeaderBytes = 4096;
        config.maxBodyBytes = 4096;
        auto server = startServer(countingHandler(), config);
        QVERIFY(server);
        QRandomGenerator random(20240607); // fixed seed: failures reproduce
        const QList<QByteArray> seeds = {
            "GET / HTTP/1.1\r\nHost: x\r\n\r\n", "POST /p?q HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello",
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
            "GET /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"};
        for (int round = 0; round < 60; ++round) {
            QByteArray input = seeds.at(round % seeds.size());
            switch (round % 4) {
            case 0: // random bytes
                input.resize(1 + random.bounded(600));
                for (char &c : input)
                    c = char(random.bounded(256));
                break;
            case 1: // truncated
                input.truncate(random.bounded(int(input.size())));
                break;
            case 2: // flipped bytes
                for (int i = 0; i < 3; ++i)
                    input[random.bounded(int(input.size()))] = char(random.bounded(256));
                break;
            default: // repeated, for pipelining and huge lines
                input = input.repeated(1 + random.bounded(40));
            }
            RawHttpClient client(server->port());
            for (qsizetype at = 0; at < input.size();) { // in random pieces, including empty writes
                const qsizetype piece = random.bounded(int(qMin<qsizetype>(input.size() - at, 64) + 1));
                client.send(input.mid(at, piece));
                at += piece;
            }
            client.readResponse(50);                     // whatever comes back (or not)
            if (round % 3 == 0) client.socket().abort(); // leaving mid-request
        }
        RawHttpClient client(server->port());
        const auto response = client.request("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(response);
        QCOMPARE(response->status, 200);
    }

    void clientLeavingMidBodyOrSilentlyIsHarmless() {
        auto server = startServer(countingHandler());
        QVERIFY(server);
        {
            RawHttpClient silent(server->port()); // connects, sends nothing, leaves
            QVERIFY(silent.isConnected());
        }
        {
            RawHttpClient midBody(server->port());
            midBody.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n" +
                         QByteArray(5000, 'x'));
            midBody.socket().abort();
        }
        QTRY_COMPARE(server->openConnections(), 0);
        RawHttpClient client(server->port());
        QVERIFY(client.request("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        QCOMPARE(m_calls->load(), 1);
    }
};

QTEST_GUILESS_MAIN(HttpLimitsTest)
#include "tst_http_limits.moc"
