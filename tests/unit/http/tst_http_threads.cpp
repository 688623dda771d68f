// HttpServer's threading contract: answers given later or from other threads arrive on the right
// connection, answers after the client left (or the server closed) are harmless no-ops, dropped
// responders still answer, and connections are spread over the worker threads.
#include "HttpTestServer.h"
#include "RawHttpClient.h"

#include <QMutex>
#include <QSet>
#include <QTest>
#include <QThread>

using namespace gatehouse::http;
using gatehouse::http::test::RawHttpClient;
using gatehouse::http::test::startServer;

namespace {

// Keeps the responders a handler parks, for the test to use later from its own thread.
class ParkedResponders {
public:
    void park(HttpResponder responder) {
        QMutexLocker lock(&m_mutex);
        m_responders.append(std::move(responder));
    }
    int size() {
        QMutexLocker lock(&m_mutex);
        return int(m_responders.size());
    }
    HttpResponder take() {
        QMutexLocker lock(&m_mutex);
        return m_responders.takeFirst();
    }

private:
    QMutex m_mutex;
    QList<HttpResponder> m_responders;
};

} // namespace

class HttpThreadsTest : public QObject {
    Q_OBJECT

private slots:
    void deferredAnswerAfterTheClientLeftIsHarmless_data() {
        QTest::addColumn<int>("workers");
        QTest::newRow("worker threads") << 2;
        QTest::newRow("server thread") << 0; // the answer then comes from the connection's own thread
    }
    void deferredAnswerAfterTheClientLeftIsHarmless() {
        QFETCH(int, workers);
        auto parked = std::make_shared<ParkedResponders>();
        HttpServerConfig config;
        config.workerThreads = workers;
        auto server =
            startServer([parked](HttpRequest, HttpResponder r) { parked->park(std::move(r)); }, config);
        QVERIFY(server);
        {
            RawHttpClient client(server->port());
            client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
            QTRY_COMPARE(parked->size(), 1);
            client.socket().abort();
        }
        QTRY_COMPARE(server->openConnections(), 0);
        HttpResponder responder = parked->take();
        QVERIFY(!responder.isClientConnected());
        responder.send(200, "too late");        // must not crash
        QVERIFY(!responder.send(200, "twice")); // the first answer counts, even if undeliverable
        RawHttpClient next(server->port());
        next.send("GET / HTTP/1.1\r\n\r\n");
        QTRY_COMPARE(parked->size(), 1); // the server still takes requests
    }

    void responderWorksFromAnotherThread() {
        auto server = startServer([](HttpRequest request, HttpResponder responder) {
            QThread *thread = QThread::create([request = std::move(request), responder]() mutable {
                responder.writeHead(200, {{"X-From", "another thread"}});
                for (int i = 0; i < 5; ++i)
                    responder.writeChunk(QByteArray::number(i));
                responder.end();
            });
            QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
            thread->start();
        });
        QVERIFY(server);
        RawHttpClient client(server->port());
        for (int round = 0; round < 3; ++round) {
            const auto response = client.request("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            QVERIFY(response);
            QCOMPARE(response->header("X-From"), QByteArray("another thread"));
            QCOMPARE(response->body, QByteArray("01234"));
        }
    }

    void answerFromTheTestThreadReachesTheClient() {
        auto parked = std::make_shared<ParkedResponders>();
        auto server = startServer([parked](HttpRequest, HttpResponder r) { parked->park(std::move(r)); });
        QVERIFY(server);
        RawHttpClient client(server->port());
        client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE(parked->size(), 1);
        HttpResponder responder = parked->take();
        QVERIFY(responder.isClientConnected());
        QVERIFY(responder.send(201, "created later"));
        const auto response = client.readResponse();
        QVERIFY(response);
        QCOMPARE(response->status, 201);
        QCOMPARE(response->body, QByteArray("created later"));
    }

    void droppedResponderAnswers500() {
        auto server = startServer([](HttpRequest, HttpResponder) {}); // never answers
        QVERIFY(server);
        RawHttpClient client(server->port());
        const auto response = client.request("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(response);
        QCOMPARE(response->status, 500);
        QVERIFY(client.isConnected());
    }

    void heldRespondersSurviveTheServer() {
        auto parked = std::make_shared<ParkedResponders>();
        auto server = startServer([parked](HttpRequest, HttpResponder r) { parked->park(std::move(r)); });
        QVERIFY(server);
        RawHttpClient client(server->port());
        client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE(parked->size(), 1);
        server.reset(); // closes connections and joins the workers
        HttpResponder responder = parked->take();
        QVERIFY(!responder.isClientConnected());
        responder.send(200, "after shutdown"); // no-op, no crash
        QVERIFY(client.waitForClosed());
    }

    void connectionsAreSpreadOverWorkerThreads() {
        auto mutex = std::make_shared<QMutex>();
        auto threads = std::make_shared<QSet<QThread *>>();
        HttpServerConfig config;
        config.workerThreads = 3;
        auto server = startServer(
            [mutex, threads](HttpRequest, HttpResponder responder) {
                {
                    QMutexLocker lock(mutex.get());
                    threads->insert(QThread::currentThread());
                }
                responder.send(200, "ok");
            },
            config);
        QVERIFY(server);
        QCOMPARE(server->workerCount(), 3);
        std::vector<std::unique_ptr<RawHttpClient>> clients;
        for (int i = 0; i < 12; ++i) {
            clients.push_back(std::make_unique<RawHttpClient>(server->port()));
            clients.back()->send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        }
        for (auto &client : clients)
            QVERIFY(client->readResponse());
        QMutexLocker lock(mutex.get());
        QCOMPARE(threads->size(), 3);
        QVERIFY(!threads->contains(QThread::currentThread()));
    }
};

QTEST_GUILESS_MAIN(HttpThreadsTest)
#include "tst_http_threads.moc"
