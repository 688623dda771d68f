// `gatehouse serve` with a WebSocket API end to end: a chat room whose Node.js function (a real node
// process, runtime nodejs20.x) remembers connections on $connect and broadcasts with
// @aws-sdk/client-apigatewaymanagementapi through the local @connections API, found through the
// GATEHOUSE_WEBSOCKET_CALLBACK_URL variable `serve` gives the functions of WebSocket routes. Clients are real
// QWebSockets and the shared validator ws.sh (the `ws` npm package).
#include "ServeProcess.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>

using namespace gatehouse;

namespace {

const QString kToolsDir = QStringLiteral("/tmp/validate-tools/node_modules");

void writeFile(const QString &path, const QByteArray &text) {
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

quint16 freePort() {
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0)) return 0;
    return server.serverPort();
}

const QByteArray kChat =
    R"JS(// Connections are kept in a file: each execution environment is its own process.
const fs = require('fs');
// NODE_PATH points at the validate toolkit too; the absolute path does not depend on the runtime keeping it.
const { ApiGatewayManagementApiClient, PostToConnectionCommand } =
  require(require('path').join(process.env.SDK_MODULES, '@aws-sdk/client-apigatewaymanagementapi'));
const table = process.env.CHAT_TABLE;
const load = () => { try { return JSON.parse(fs.readFileSync(table, 'utf8')); } catch { return []; } };
const store = (ids) => fs.writeFileSync(table, JSON.stringify(ids));
exports.handler = async (event) => {
  const { routeKey, connectionId } = event.requestContext;
  if (routeKey === '$connect') { store([...new Set([...load(), connectionId])]); return { statusCode: 200 }; }
  if (routeKey === '$disconnect') { store(load().filter((id) => id !== connectionId)); return { statusCode: 200 }; }
  const client = new ApiGatewayManagementApiClient({ endpoint: process.env.GATEHOUSE_WEBSOCKET_CALLBACK_URL, region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const data = JSON.parse(event.body).data;
  for (const id of load()) {
    try { await client.send(new PostToConnectionCommand({ ConnectionId: id, Data: data })); }
    catch (error) { if (error.name === 'GoneException') store(load().filter((c) => c !== id)); else throw error; }
  }
  return { statusCode: 200 };
};
)JS";

const QByteArray kProject = R"JSON({
  "formatVersion": 1,
  "name": "chat",
  "functions": [
    {"name": "chat", "runtime": "nodejs20.x", "handler": "index.handler", "codeUri": "functions/chat",
     "timeoutSeconds": 20,
     "environment": {"NODE_PATH": "@TOOLS@", "SDK_MODULES": "@TOOLS@", "CHAT_TABLE": "@TABLE@"}},
    {"name": "echo", "runtime": "javascript", "handler": "index.handler", "codeUri": "functions/echo"}
  ],
  "apis": [
    {"name": "chat-ws", "type": "websocket", "port": @PORT@, "routeSelectionExpression": "$request.body.action",
     "routes": [
       {"routeKey": "$connect", "integration": {"type": "lambda", "function": "chat"}},
       {"routeKey": "$disconnect", "integration": {"type": "lambda", "function": "chat"}},
       {"routeKey": "sendmessage", "integration": {"type": "lambda", "function": "chat"}},
       @EXTRA@
       {"routeKey": "echo", "integration": {"type": "lambda", "function": "echo"}, "routeResponse": true}
     ],
     "stages": [{"name": "dev"}]}
  ]
})JSON";

} // namespace

class TestServeWebSocket : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::ServeProcess m_serve;
    quint16 m_port = 0;
    QByteArray m_projectText;

    void writeProject(const QByteArray &extraRoute = {}) {
        QByteArray text = m_projectText;
        text.replace("@EXTRA@", extraRoute);
        test::writeProjectFile(project(), text);
    }

    QString project() const { return m_dir.filePath(QStringLiteral("chat")); }
    QUrl stageUrl() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/dev").arg(m_port)); }

    bool open(QWebSocket &client, const QUrl &url) {
        QSignalSpy connected(&client, &QWebSocket::connected);
        client.open(url);
        return connected.wait(20000);
    }

private slots:
    void initTestCase() {
        if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty()) QSKIP("node is not installed");
        if (!QDir(kToolsDir + QStringLiteral("/@aws-sdk/client-apigatewaymanagementapi")).exists())
            QSKIP("run ../shared/validate/install.sh first (needs @aws-sdk/client-apigatewaymanagementapi)");
        QVERIFY(m_dir.isValid());
        m_port = freePort();
        QVERIFY(m_port != 0);
        m_projectText = kProject;
        m_projectText.replace("@TOOLS@", kToolsDir.toUtf8());
        m_projectText.replace("@TABLE@", m_dir.filePath(QStringLiteral("connections.json")).toUtf8());
        m_projectText.replace("@PORT@", QByteArray::number(m_port));
        writeProject();
        writeFile(project() + QStringLiteral("/functions/chat/index.js"), kChat);
        writeFile(
            project() + QStringLiteral("/functions/echo/index.js"),
            "exports.handler = (e) => ({ statusCode: 200, body: 'echo:' + JSON.parse(e.body).data });\n");
        QVERIFY2(m_serve.start(project(), m_dir.filePath(QStringLiteral("endpoints.json"))),
                 m_serve.err().constData());
    }

    void cleanupTestCase() { m_serve.stop(); }

    void endpointsFileListsTheWebSocketStage() {
        const QJsonArray apis = m_serve.endpoints().value(QStringLiteral("apis")).toArray();
        QCOMPARE(apis.size(), 1);
        const QJsonObject api = apis.first().toObject();
        QCOMPARE(api.value(QStringLiteral("type")).toString(), QStringLiteral("websocket"));
        QCOMPARE(api.value(QStringLiteral("port")).toInt(), int(m_port));
        QCOMPARE(m_serve.stageUrl(QStringLiteral("chat-ws"), QStringLiteral("dev")), stageUrl());
        QVERIFY(test::waitFor(
            [&] { return m_serve.out().contains("@connections callback URL: http://127.0.0.1:"); }));
        QVERIFY(!m_serve.out().contains("not served"));
    }

    void twoWayRouteAnswersTheSender() {
        QWebSocket client;
        QVERIFY(open(client, stageUrl()));
        QSignalSpy text(&client, &QWebSocket::textMessageReceived);
        client.sendTextMessage("{\"action\":\"echo\",\"data\":\"ping\"}");
        QVERIFY(text.wait(20000));
        QCOMPARE(text.first().first().toString(), QStringLiteral("echo:ping"));
    }

    void chatBroadcastReachesEveryClient() {
        QWebSocket alice;
        QWebSocket bob;
        QVERIFY(open(alice, stageUrl()));
        QVERIFY(open(bob, stageUrl()));
        QSignalSpy aliceGot(&alice, &QWebSocket::textMessageReceived);
        QSignalSpy bobGot(&bob, &QWebSocket::textMessageReceived);
        alice.sendTextMessage("{\"action\":\"sendmessage\",\"data\":\"hi\"}");
        QVERIFY2(bobGot.wait(30000) || bobGot.size() > 0, m_serve.out().right(3000).constData());
        QTRY_COMPARE_WITH_TIMEOUT(aliceGot.size(), 1, 20000);
        QCOMPARE(aliceGot.first().first().toString(), QStringLiteral("hi"));
        QCOMPARE(bobGot.first().first().toString(), QStringLiteral("hi"));
    }

    void unknownStageIsRefused() {
        QWebSocket client;
        QSignalSpy failed(&client, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/nostage").arg(m_port)));
        QVERIFY(failed.wait(10000));
        QVERIFY(client.state() != QAbstractSocket::ConnectedState);
    }

    void oversizeMessageClosesWith1009() {
        QWebSocket client;
        QVERIFY(open(client, stageUrl()));
        QSignalSpy closed(&client, &QWebSocket::disconnected);
        client.sendTextMessage(QString(200 * 1024, QLatin1Char('x')));
        QVERIFY(closed.wait(10000));
        QCOMPARE(int(client.closeCode()), 1009);
    }

    void hotReloadKeepsConnectionsOpen() {
        QWebSocket client;
        QVERIFY(open(client, stageUrl()));
        writeProject("{\"routeKey\": \"ping\", \"integration\": {\"type\": \"mock\", \"statusCode\": 200, "
                     "\"body\": \"pong\"}, \"routeResponse\": true},");
        // Until the reload applies, "ping" has no route (and there is no $default): a Forbidden frame.
        QVERIFY(test::waitFor(
            [&] {
                QSignalSpy text(&client, &QWebSocket::textMessageReceived);
                client.sendTextMessage(QStringLiteral("{\"action\":\"ping\"}"));
                return text.wait(5000) && text.first().first().toString() == QLatin1String("pong");
            },
            20000));
        QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
    }

    void sharedValidatorWsScript() {
        const QString script = test::sharedPath(QStringLiteral("validate/ws.sh"));
        if (!QFile::exists(script)) QSKIP("../shared/validate/ws.sh is missing");
        QProcess ws;
        ws.start(QStringLiteral("bash"),
                 {script, stageUrl().toString(), "{\"action\":\"sendmessage\",\"data\":\"hi\"}",
                  QStringLiteral("15")});
        QVERIFY(ws.waitForFinished(40000));
        const QByteArray out = ws.readAllStandardOutput();
        QVERIFY2(ws.exitCode() == 0, (out + ws.readAllStandardError()).constData());
        QVERIFY2(out.contains("< hi"), out.constData());
    }

    // Last: restarts the server with lowered limits from the command line.
    void limitsComeFromTheCommandLine() {
        QCOMPARE(m_serve.stop(), 0);
        QVERIFY2(m_serve.start(project(), m_dir.filePath(QStringLiteral("endpoints.json")),
                               {QStringLiteral("--ws-max-message"), QStringLiteral("1")}),
                 m_serve.err().constData());
        QWebSocket client;
        QVERIFY(open(client, stageUrl()));
        QSignalSpy closed(&client, &QWebSocket::disconnected);
        client.sendTextMessage(QString(2048, QLatin1Char('x')));
        QVERIFY(closed.wait(10000));
        QCOMPARE(int(client.closeCode()), 1009);
    }
};

QTEST_GUILESS_MAIN(TestServeWebSocket)
#include "tst_serve_websocket.moc"
