// RequestSender and CollectionRunner against a scripted in-process HTTP server: redirects are not
// followed, the deadline covers the whole exchange, and a run reports every request in order.
#include "testing/CollectionRunner.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::testing;

namespace {

// Answers each request by its path: /redirect -> 302, /silent -> nothing ever, anything else -> 200
// with a JSON body naming the method and path.
class ScriptedServer : public QTcpServer {
public:
    ScriptedServer() {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    const QByteArray head = socket->peek(socket->bytesAvailable());
                    if (!head.contains("\r\n\r\n")) return;
                    socket->readAll();
                    const QList<QByteArray> line = head.left(head.indexOf("\r\n")).split(' ');
                    const QByteArray method = line.value(0), path = line.value(1);
                    if (path == "/silent") return;
                    if (path == "/redirect") {
                        socket->write(
                            "HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n");
                        return;
                    }
                    const QByteArray body = "{\"method\":\"" + method + "\",\"path\":\"" + path + "\"}";
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
                });
            }
        });
        listen(QHostAddress::LocalHost);
    }
    QString url(const QString &path) const {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path);
    }
};

HttpExchange sendAndWait(RequestSender &sender, const OutgoingRequest &request) {
    std::optional<HttpExchange> result;
    sender.send(request, [&](const HttpExchange &e) { result = e; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000); }();
    return result.value_or(HttpExchange{});
}

} // namespace

class TestTestingRunner : public QObject {
    Q_OBJECT
private slots:
    void sendsAndMeasures() {
        ScriptedServer server;
        RequestSender sender;
        OutgoingRequest request;
        request.method = "PATCH";
        request.url = QUrl(server.url(QStringLiteral("/things")));
        const HttpExchange e = sendAndWait(sender, request);
        QCOMPARE(e.status, 200);
        QCOMPARE(e.header("content-type"), std::optional<QByteArray>("application/json"));
        QCOMPARE(e.body, QByteArray(R"({"method":"PATCH","path":"/things"})"));
        QVERIFY(e.elapsedMs >= 0);
        QVERIFY(e.error.isEmpty());
        QCOMPARE(sender.pending(), 0);
    }
    void doesNotFollowRedirects() {
        ScriptedServer server;
        RequestSender sender;
        OutgoingRequest request;
        request.url = QUrl(server.url(QStringLiteral("/redirect")));
        const HttpExchange e = sendAndWait(sender, request);
        QCOMPARE(e.status, 302);
        QCOMPARE(e.header("location"), std::optional<QByteArray>("/elsewhere"));
    }
    void aSilentServerTimesOut() {
        ScriptedServer server;
        RequestSender sender;
        OutgoingRequest request;
        request.url = QUrl(server.url(QStringLiteral("/silent")));
        request.timeoutMs = 200;
        const HttpExchange e = sendAndWait(sender, request);
        QVERIFY(!e.hasResponse());
        QVERIFY(e.timedOut);
        QCOMPARE(e.error, QStringLiteral("no response within 200 ms"));
        QVERIFY(e.elapsedMs >= 200);
    }
    void aClosedPortIsNoResponse() {
        quint16 port = 0;
        {
            ScriptedServer closed;
            port = closed.serverPort();
        }
        RequestSender sender;
        OutgoingRequest request;
        request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
        const HttpExchange e = sendAndWait(sender, request);
        QVERIFY(!e.hasResponse());
        QVERIFY(!e.timedOut);
        QVERIFY(!e.error.isEmpty());
    }
    void runsEveryRequestInOrder() {
        ScriptedServer server;
        auto request = [](const char *name, const char *url, QList<RequestAssertion> assertions) {
            SavedRequest r;
            r.name = QString::fromUtf8(name);
            r.url = QString::fromUtf8(url);
            r.assertions = assertions;
            return r;
        };
        const RequestAssertion path{QStringLiteral("jsonPath"),
                                    QStringLiteral("$.path"),
                                    QStringLiteral("equals"),
                                    QStringLiteral("/a"),
                                    {}};
        const QList<SavedRequest> requests = {
            request("A", "{{baseUrl}}/a", {path}),
            request("B", "{{baseUrl}}/b", {path}),
            request("C", "{{nowhere}}/c", {}),
            request("D", "{{baseUrl}}/redirect",
                    {{QStringLiteral("status"), {}, QStringLiteral("equals"), QStringLiteral("302"), {}}}),
        };
        RunOptions options;
        options.variables = {{QStringLiteral("baseUrl"), server.url(QString())}};
        CollectionRunner runner;
        QSignalSpy each(&runner, &CollectionRunner::requestFinished);
        QSignalSpy done(&runner, &CollectionRunner::finished);
        runner.start(requests, options);
        QVERIFY(runner.isRunning());
        QVERIFY(done.wait(10000));
        QVERIFY(!runner.isRunning());
        QCOMPARE(each.size(), 4);
        QCOMPARE(each.at(3).at(0).toInt(), 3);
        const QList<RequestOutcome> &outcomes = runner.outcomes();
        QVERIFY(outcomes[0].passed());
        QVERIFY(!outcomes[1].passed());
        QCOMPARE(outcomes[1].failures().first().message,
                 QStringLiteral("jsonPath $.path: expected \"/a\", got \"/b\""));
        QVERIFY(!outcomes[2].passed());
        QCOMPARE(outcomes[2].error, QStringLiteral("no value for {{nowhere}}"));
        QVERIFY(outcomes[3].passed());
        QCOMPARE(runner.passedCount(), 2);
        QCOMPARE(runner.failedCount(), 2);
    }
    void cancelStopsARun() {
        ScriptedServer server;
        SavedRequest silent;
        silent.url = server.url(QStringLiteral("/silent"));
        CollectionRunner runner;
        QSignalSpy each(&runner, &CollectionRunner::requestFinished);
        QSignalSpy done(&runner, &CollectionRunner::finished);
        runner.start({silent, silent}, {});
        QTRY_VERIFY(server.hasPendingConnections() || !server.findChildren<QTcpSocket *>().isEmpty());
        runner.cancel();
        QVERIFY(!runner.isRunning());
        QCoreApplication::processEvents(); // the aborted reply's finished() must not reach the run
        QVERIFY(done.isEmpty());
        QCOMPARE(each.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTestingRunner)
#include "tst_testing_runner.moc"
