// Gatehouse's Node.js and Python bootstraps as HTTP clients of the Runtime API, against a scripted server
// that answers byte for byte what each case needs: the invocation's response goes out together with the next
// `GET invocation/next` (pipelined, RFC 9112 §9.3.2) instead of after the `202`; answers arriving in one
// read are all used; a pipelined `next` lost with its connection is asked for again on a new one.
#include "RuntimeFixture.h"
#include "TestSupport.h"
#include "invoker/RuntimeLaunch.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace gatehouse;

namespace {

struct Request {
    QByteArray method;
    QByteArray target;
    QByteArray body;
};

// One accepted connection of the scripted server and the requests read from it so far.
struct Connection {
    QTcpSocket *socket = nullptr;
    QByteArray buffer;
    QList<Request> requests;

    void read() {
        buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0) return;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            const QList<QByteArray> first = lines.first().trimmed().split(' ');
            qsizetype length = 0;
            for (const QByteArray &line : lines) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer.size() < end + 4 + length) return;
            requests.append({first.value(0), first.value(1), buffer.mid(end + 4, length)});
            buffer.remove(0, end + 4 + length);
        }
    }
};

QByteArray eventAnswer(const QByteArray &requestId, const QByteArray &payload) {
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nLambda-Runtime-Aws-Request-Id: " +
           requestId +
           "\r\nLambda-Runtime-Deadline-Ms: 9999999999999\r\nLambda-Runtime-Invoked-Function-Arn: "
           "arn:aws:lambda:us-east-1:123456789012:function:f\r\nContent-Length: " +
           QByteArray::number(payload.size()) + "\r\n\r\n" + payload;
}

QByteArray acceptedAnswer(bool close = false) {
    const QByteArray body = R"({"status":"OK"})";
    return QByteArray("HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\n") +
           (close ? "Connection: close\r\n" : "") + "Content-Length: " + QByteArray::number(body.size()) +
           "\r\n\r\n" + body;
}

const QByteArray kNext = "/2018-06-01/runtime/invocation/next";
QByteArray responseTarget(const QByteArray &id) {
    return "/2018-06-01/runtime/invocation/" + id + "/response";
}

int numberIn(const QByteArray &json) {
    return QJsonDocument::fromJson(json).object().value(QStringLiteral("n")).toInt(-1);
}

// The runtime's bootstrap with a handler that echoes its event's `n`, pointed at a QTcpServer.
class ScriptedRuntimeApi {
public:
    ScriptedRuntimeApi() {
        QObject::connect(&m_server, &QTcpServer::newConnection, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto connection = std::make_shared<Connection>();
                connection->socket = socket;
                QObject::connect(socket, &QTcpSocket::readyRead, socket,
                                 [connection] { connection->read(); });
                m_connections.append(connection);
            }
        });
    }
    ~ScriptedRuntimeApi() {
        m_node.kill();
        m_node.waitForFinished(5000);
    }

    QString start(const QString &runtime) {
        EnvironmentSpec spec;
        spec.function.runtime = runtime;
        spec.codeDir = m_code.path();
        const runtimelaunch::Plan plan = runtimelaunch::plan(spec);
        if (!plan.ok()) return plan.problem;
        const bool node = plan.family == runtimelaunch::Family::Node;
        QFile handler(m_code.filePath(node ? QStringLiteral("index.js") : QStringLiteral("app.py")));
        if (!handler.open(QIODevice::WriteOnly)) return QStringLiteral("cannot write the handler");
        handler.write(node ? "exports.handler = async (event) => ({ n: event.n });\n"
                           : "def handler(event, context):\n    return {'n': event['n']}\n");
        handler.close();
        if (!m_server.listen(QHostAddress::LocalHost)) return m_server.errorString();
        QProcessEnvironment env;
        env.insert(QStringLiteral("AWS_LAMBDA_RUNTIME_API"),
                   QStringLiteral("127.0.0.1:%1").arg(m_server.serverPort()));
        env.insert(QStringLiteral("_HANDLER"),
                   node ? QStringLiteral("index.handler") : QStringLiteral("app.handler"));
        env.insert(QStringLiteral("LAMBDA_TASK_ROOT"), m_code.path());
        m_node.setProcessEnvironment(env);
        m_node.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_node.start(plan.program, plan.arguments);
        return m_node.waitForStarted(10000) ? QString() : m_node.errorString();
    }

    // Waits until connection `index` has at least `count` requests.
    Connection *requests(int index, int count) {
        const bool arrived = test::waitFor(
            [&] { return m_connections.size() > index && m_connections[index]->requests.size() >= count; },
            10000);
        return arrived ? m_connections[index].get() : nullptr;
    }
    qsizetype connections() const { return m_connections.size(); }

private:
    QTemporaryDir m_code;
    QTcpServer m_server;
    QProcess m_node;
    QList<std::shared_ptr<Connection>> m_connections;
};

void runtimes() {
    QTest::addColumn<QString>("runtime");
    QTest::newRow("node") << QStringLiteral("nodejs20.x");
    QTest::newRow("python") << QStringLiteral("python3.12");
}

// Starts the runtime's bootstrap, answers its first `next` with event r1 ({"n":1}) and waits for what
// follows, without answering it: the response and the pipelined `next` (requests 1 and 2 of connection 0).
// nullptr when they never come (then `problem` says why if the runtime did not start).
Connection *firstInvocation(ScriptedRuntimeApi &api, const QString &runtime, QString *problem) {
    *problem = api.start(runtime);
    if (!problem->isEmpty()) return nullptr;
    Connection *c = api.requests(0, 1);
    if (!c) return nullptr;
    c->socket->write(eventAnswer("r1", R"({"n":1})"));
    return api.requests(0, 3);
}

} // namespace

class TestRuntimeShimClient : public QObject {
    Q_OBJECT
private slots:
    void init() {
        QFETCH(QString, runtime);
        const QString missing = test::runtimeUnavailable(runtime);
        if (!missing.isEmpty()) QSKIP(qPrintable(missing));
        // Every case starts from the first invocation answered by the shim (see firstInvocation).
        m_api = std::make_unique<ScriptedRuntimeApi>();
        QString problem;
        m_first = firstInvocation(*m_api, runtime, &problem);
        QVERIFY2(m_first, qPrintable(problem));
    }
    void cleanup() {
        m_api.reset();
        m_first = nullptr;
    }
    void responseGoesOutWithTheNextNextBeforeTheAccepted_data() { runtimes(); }
    void answersArrivingInOneReadAreAllUsed_data() { runtimes(); }
    void pipelinedNextLostWithItsConnectionIsAskedAgain_data() { runtimes(); }

    void responseGoesOutWithTheNextNextBeforeTheAccepted() {
        // The 202 was never sent: the next `next` came anyway, on the same connection.
        Connection *c = m_first;
        QCOMPARE(c->requests[0].method, QByteArray("GET"));
        QCOMPARE(c->requests[0].target, kNext);
        QCOMPARE(c->requests[1].method, QByteArray("POST"));
        QCOMPARE(c->requests[1].target, responseTarget("r1"));
        QCOMPARE(numberIn(c->requests[1].body), 1);
        QCOMPARE(c->requests[2].method, QByteArray("GET"));
        QCOMPARE(c->requests[2].target, kNext);
        QCOMPARE(m_api->connections(), 1);
    }

    void answersArrivingInOneReadAreAllUsed() {
        Connection *c = m_first;
        // The 202 and the following event in one write: the second invocation must run.
        c->socket->write(acceptedAnswer() + eventAnswer("r2", R"({"n":2})"));
        QVERIFY(m_api->requests(0, 5));
        QCOMPARE(c->requests[3].target, responseTarget("r2"));
        QCOMPARE(numberIn(c->requests[3].body), 2);
        QCOMPARE(c->requests[4].target, kNext);
    }

    void pipelinedNextLostWithItsConnectionIsAskedAgain() {
        Connection *c = m_first;
        // The server ends the connection after the 202: the pipelined `next` was never answered.
        c->socket->write(acceptedAnswer(true));
        c->socket->disconnectFromHost();
        Connection *again = m_api->requests(1, 1);
        QVERIFY(again);
        QCOMPARE(again->requests[0].target, kNext);
        again->socket->write(eventAnswer("r2", R"({"n":2})"));
        QVERIFY(m_api->requests(1, 2));
        QCOMPARE(again->requests[1].target, responseTarget("r2"));
        QCOMPARE(numberIn(again->requests[1].body), 2);
    }

private:
    std::unique_ptr<ScriptedRuntimeApi> m_api;
    Connection *m_first = nullptr;
};

QTEST_GUILESS_MAIN(TestRuntimeShimClient)
#include "tst_runtime_shim_client.moc"
