// The load test engine against a scripted in-process HTTP/1.1 server: connections are kept alive, every
// response and failure is counted exactly (500s, timeouts, refused and closed connections), a count run
// sends exactly that many requests, cancel stops at once, and the cost projection is the cloud's usage
// during the run scaled to the measured rate.
#include "telemetry/CostMeter.h"
#include "telemetry/CostProjection.h"
#include "telemetry/MetricsStore.h"
#include "testing/HttpResponseReader.h"
#include "testing/LoadCost.h"
#include "testing/LoadTest.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::testing;

namespace {

// Answers by path: /ok 200 "hello"; /flaky 500 for every 5th request; /silent never; /close 200 then
// closes (Connection: close); /eof a body delimited by the close; /hangup closes without a response;
// /idle 200 then closes without saying so (an idle timeout of zero).
class ScriptedServer : public QTcpServer {
public:
    int connections = 0;
    int requests = 0;
    int flakyRequests = 0;
    QByteArray lastRequest;

    ScriptedServer() {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                ++connections;
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
            }
        });
        listen(QHostAddress::LocalHost);
    }
    QUrl url(const QString &path) const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
    }

private:
    void serve(QTcpSocket *socket) {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0) return;
            const QByteArray head = buffer.left(end);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n'))
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            if (buffer.size() < end + 4 + length) return;
            lastRequest = buffer.left(end + 4 + length);
            buffer.remove(0, end + 4 + length);
            ++requests;
            const QByteArray path = head.left(head.indexOf("\r\n")).split(' ').value(1);
            if (path == "/silent") continue;
            if (path == "/hangup") {
                socket->abort();
                return;
            }
            if (path == "/eof") {
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end");
                socket->disconnectFromHost();
                return;
            }
            int status = 200;
            if (path == "/flaky" && ++flakyRequests % 5 == 0) status = 500;
            const bool close = path == "/close";
            socket->write("HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Oops") +
                          "\r\nContent-Length: 5\r\n" + (close ? "Connection: close\r\n" : "") + "\r\nhello");
            if (close || path == "/idle") {
                socket->disconnectFromHost();
                return;
            }
        }
    }
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

LoadTestOptions countRun(const QUrl &url, qint64 count, int concurrency) {
    LoadTestOptions options;
    options.request.url = url;
    options.request.timeoutMs = 10000;
    options.count = count;
    options.concurrency = concurrency;
    return options;
}

// Runs to the end; the result, or an empty one when it did not finish in time.
LoadTestResult runToEnd(LoadTest &test, const LoadTestOptions &options) {
    QSignalSpy finished(&test, &LoadTest::finished);
    QString error;
    if (!test.start(options, &error)) {
        qWarning() << error;
        return {};
    }
    if (!finished.wait(20000)) return {};
    return test.result();
}

} // namespace

class TestTestingLoad : public QObject {
    Q_OBJECT
private slots:
    void countRunSendsExactlyThatManyOverKeptAliveConnections() {
        ScriptedServer server;
        LoadTest test;
        QSignalSpy progress(&test, &LoadTest::progress);
        const LoadTestResult r = runToEnd(test, countRun(server.url(QStringLiteral("/ok")), 25, 4));
        QCOMPARE(r.sent, 25LL);
        QCOMPARE(r.completed, 25LL);
        QCOMPARE(r.responses(), 25LL);
        QCOMPARE(r.statusCounts, (QMap<int, qint64>{{200, 25}}));
        QCOMPARE(r.failures(), 0LL);
        QVERIFY(!r.cancelled);
        QCOMPARE(server.requests, 25);
        QCOMPARE(server.connections, 4); // one per worker, kept alive throughout
        QVERIFY(r.maxMs() >= r.percentileMs(0.5));
        QVERIFY(r.elapsedMs > 0);
        QVERIFY(r.requestsPerSecond() > 0);
        QCOMPARE(r.bytesReceived,
                 25 * qint64(QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello").size()));
        QCOMPARE(r.bytesSent, 25 * qint64(server.lastRequest.size()));
        // The last progress report is the end: everything sent and completed.
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toLongLong(), 25LL);
        QCOMPARE(progress.last().at(1).toLongLong(), 25LL);
    }

    void serverErrorsAreCountedByStatusCode() {
        ScriptedServer server;
        LoadTest test;
        const LoadTestResult r = runToEnd(test, countRun(server.url(QStringLiteral("/flaky")), 20, 3));
        QCOMPARE(r.completed, 20LL);
        QCOMPARE(r.statusCounts, (QMap<int, qint64>{{200, 16}, {500, 4}}));
        QCOMPARE(r.statusClassCount(5), 4LL);
        QCOMPARE(r.statusClassCount(2), 16LL);
        QCOMPARE(r.failures(), 0LL);
    }

    void aSilentServerTimesOutEachRequest() {
        ScriptedServer server;
        LoadTest test;
        LoadTestOptions options = countRun(server.url(QStringLiteral("/silent")), 3, 2);
        options.request.timeoutMs = 150;
        const LoadTestResult r = runToEnd(test, options);
        QCOMPARE(r.completed, 3LL);
        QCOMPARE(r.errors, (QMap<LoadErrorKind, qint64>{{LoadErrorKind::Timeout, 3}}));
        QCOMPARE(r.responses(), 0LL);
        QVERIFY(r.firstError.contains(QLatin1String("150 ms")));
        QVERIFY(r.elapsedMs >= 150);
    }

    void connectionCloseAndCloseDelimitedBodiesReconnect() {
        ScriptedServer server;
        LoadTest test;
        LoadTestResult r = runToEnd(test, countRun(server.url(QStringLiteral("/close")), 6, 2));
        QCOMPARE(r.statusCounts, (QMap<int, qint64>{{200, 6}}));
        QCOMPARE(server.connections, 6);
        ScriptedServer eof;
        r = runToEnd(test, countRun(eof.url(QStringLiteral("/eof")), 4, 1));
        QCOMPARE(r.statusCounts, (QMap<int, qint64>{{200, 4}}));
        QCOMPARE(r.failures(), 0LL);
    }

    void anIdleConnectionClosedByTheServerIsNotAnError() {
        ScriptedServer server;
        LoadTest test;
        const LoadTestResult r = runToEnd(test, countRun(server.url(QStringLiteral("/idle")), 10, 2));
        QCOMPARE(r.statusCounts, (QMap<int, qint64>{{200, 10}}));
        QCOMPARE(r.failures(), 0LL);
    }

    void refusedAndDroppedConnectionsAreErrorsByKind() {
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            closedPort = probe.serverPort();
        }
        LoadTest test;
        LoadTestResult r =
            runToEnd(test, countRun(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort)), 5, 2));
        QCOMPARE(r.completed, 5LL);
        QCOMPARE(r.errors, (QMap<LoadErrorKind, qint64>{{LoadErrorKind::Connect, 5}}));
        QVERIFY(!r.firstError.isEmpty());

        ScriptedServer server;
        r = runToEnd(test, countRun(server.url(QStringLiteral("/hangup")), 4, 2));
        QCOMPARE(r.errors, (QMap<LoadErrorKind, qint64>{{LoadErrorKind::Closed, 4}}));
    }

    void cancelStopsAtOnceAndKeepsWhatCompleted() {
        ScriptedServer server;
        LoadTest test;
        LoadTestOptions options;
        options.request.url = server.url(QStringLiteral("/silent"));
        options.durationMs = 60000;
        options.concurrency = 3;
        QSignalSpy finished(&test, &LoadTest::finished);
        QVERIFY(test.start(options));
        QVERIFY(test.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(server.requests, 3, 10000);
        test.cancel();
        QVERIFY(finished.wait(5000));
        QVERIFY(!test.isRunning());
        QVERIFY(test.result().cancelled);
        QCOMPARE(test.result().sent, 3LL);
        QCOMPARE(test.result().completed, 0LL);
    }

    void aDurationRunSendsUntilTheTimeIsUp() {
        ScriptedServer server;
        LoadTest test;
        LoadTestOptions options;
        options.request.url = server.url(QStringLiteral("/ok"));
        options.durationMs = 300;
        options.concurrency = 2;
        const LoadTestResult r = runToEnd(test, options);
        QVERIFY(r.completed > 0);
        QCOMPARE(r.completed, r.sent);
        QCOMPARE(r.statusCounts.value(200), r.completed);
        QCOMPARE(qint64(server.requests), r.sent);
        QVERIFY(r.elapsedMs >= 300);
    }

    void optionsThatCannotRunAreRefused_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("concurrency");
        QTest::addColumn<qint64>("count");
        QTest::addColumn<qint64>("durationMs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("https") << "https://127.0.0.1:1/" << 1 << qint64(1) << qint64(0)
                               << "http:// requests only";
        QTest::newRow("no host") << "/relative" << 1 << qint64(1) << qint64(0) << "not a URL";
        QTest::newRow("both") << "http://127.0.0.1:1/" << 1 << qint64(5) << qint64(1000) << "either";
        QTest::newRow("neither") << "http://127.0.0.1:1/" << 1 << qint64(0) << qint64(0) << "either";
        QTest::newRow("concurrency") << "http://127.0.0.1:1/" << 0 << qint64(1) << qint64(0)
                                     << "between 1 and";
    }
    void optionsThatCannotRunAreRefused() {
        QFETCH(QString, url);
        QFETCH(int, concurrency);
        QFETCH(qint64, count);
        QFETCH(qint64, durationMs);
        QFETCH(QString, expected);
        LoadTestOptions options;
        options.request.url = QUrl(url);
        options.concurrency = concurrency;
        options.count = count;
        options.durationMs = durationMs;
        LoadTest test;
        QString error;
        QVERIFY(!test.start(options, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(!test.isRunning());
    }

    void requestIsEncodedOnceAsHttp11() {
        OutgoingRequest request;
        request.method = "POST";
        request.url = QUrl(QStringLiteral("http://127.0.0.1:8080/items/a%20b?x=1&y=%C3%A9"));
        request.headers = {{"Content-Type", "application/json"}, {"Content-Length", "999"}};
        request.body = "{\"a\":1}";
        QCOMPARE(encodeLoadRequest(request),
                 QByteArray("POST /items/a%20b?x=1&y=%C3%A9 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                            "Content-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}"));
        request.method = "GET";
        request.url = QUrl(QStringLiteral("http://example.test"));
        request.headers = {{"host", "other.test"}};
        request.body.clear();
        QCOMPARE(encodeLoadRequest(request), QByteArray("GET / HTTP/1.1\r\nhost: other.test\r\n\r\n"));
    }

    void responseReaderHandlesChunkedSplitAndHeadResponses() {
        HttpResponseReader reader;
        const QByteArray chunked =
            "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n";
        qsizetype consumed = 0;
        for (qsizetype i = 0; i < chunked.size(); ++i) { // one byte at a time
            const auto state = reader.feed(chunked.constData() + i, 1, &consumed);
            QCOMPARE(state, i + 1 == chunked.size() ? HttpResponseReader::State::Complete
                                                    : HttpResponseReader::State::Reading);
        }
        QCOMPARE(reader.status(), 201);
        QCOMPARE(reader.bodyBytes(), 5LL);
        QVERIFY(reader.keepAlive());

        reader.expectResponse(true); // HEAD: Content-Length describes a body that is not sent
        const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n";
        QCOMPARE(reader.feed(head.constData(), head.size(), &consumed), HttpResponseReader::State::Complete);
        QCOMPARE(consumed, head.size());
        QCOMPARE(reader.bodyBytes(), 0LL);

        reader.expectResponse(false);
        const QByteArray http10 = "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok";
        QCOMPARE(reader.feed(http10.constData(), http10.size(), &consumed),
                 HttpResponseReader::State::Complete);
        QVERIFY(!reader.keepAlive());

        reader.expectResponse(false);
        const QByteArray junk = "SSH-2.0-OpenSSH\r\n";
        QCOMPARE(reader.feed(junk.constData(), junk.size(), &consumed), HttpResponseReader::State::Failed);
        QVERIFY(reader.error().startsWith("malformed response"));

        reader.expectResponse(false);
        const QByteArray cut = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc";
        QCOMPARE(reader.feed(cut.constData(), cut.size(), &consumed), HttpResponseReader::State::Reading);
        QCOMPARE(reader.finishAtClose(), HttpResponseReader::State::Failed);
    }

    // The month at the measured rate from what the cloud recorded during the run only.
    void costIsTheRunsUsageScaledToTheMeasuredRate() {
        CostMeter cost;
        MetricsStore metrics;
        cost.recordInvocation(u"other", 512, 100); // before the run: not the run's
        cost.recordApiRequest(ApiType::Http, 10);
        const CloudUsage before = readCloudUsage(cost, metrics);
        for (int i = 0; i < 10; ++i) {
            cost.recordApiRequest(ApiType::Http, 10);
            cost.recordInvocation(u"hello", 128, 2);
            metrics.recordRequest({u"hello-http", u"$default", u"GET /hello", 200, 1000, 500});
        }
        const CloudUsage after = readCloudUsage(cost, metrics);
        const LoadCostProjection p = projectLoadCost(cost, before, after, 100.0);
        QCOMPARE(p.functions, QStringList{QStringLiteral("hello")});
        QCOMPARE(p.routes.size(), qsizetype(1));
        QCOMPARE(p.routes.first().route, QStringLiteral("GET /hello"));
        QCOMPARE(p.observed.httpApiRequests, 10.0);
        const Pricing &prices = cost.pricing();
        const double requests = 100.0 * kSecondsPerMonth;
        const double gbSeconds = requests * 0.002 * 128.0 / 1024.0;
        const double expected = requests * prices.apiGateway.httpPerRequest.firstPrice() +
                                requests * prices.lambda.perRequest +
                                prices.lambda.x86PerGbSecond.cost(gbSeconds);
        QVERIFY2(qAbs(p.monthly.total() - expected) < 1e-6 * expected,
                 qPrintable(QStringLiteral("%1 vs %2").arg(p.monthly.total()).arg(expected)));
        QVERIFY(p.monthly.serviceTotal(QStringLiteral("Lambda")) > 0);
        QVERIFY(p.monthly.serviceTotal(QStringLiteral("API Gateway")) > 0);
    }
};

QTEST_GUILESS_MAIN(TestTestingLoad)
#include "tst_testing_load.moc"
