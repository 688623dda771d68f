// The bundled sample project's WebSocket chat end to end (issue #8, point 8): `gatehouse serve` on a copy
// of resources/samples/hello-api, two real WebSocket clients on the chat-ws API's dev stage, one sends
// {"action":"sendmessage","data":"hi"} and both receive "hi". The sample's chat function (nodejs20.x)
// imports @aws-sdk/client-apigatewaymanagementapi without bundling it, as Lambda's Node.js runtimes
// provide the AWS SDK for JavaScript v3 ("Lambda runtimes"); locally it comes from Gatehouse's Node.js
// runtime-modules folder, which install-deps.sh fills. Skipped without node or without that SDK client.
#include "ServeProcess.h"
#include "TestSupport.h"
#include "invoker/RuntimeLaunch.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>

using namespace gatehouse;

namespace {

const QByteArray kHi = R"({"action":"sendmessage","data":"hi"})";

} // namespace

class TestSampleChat : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::ServeProcess m_serve;
    QUrl m_stage;

    bool open(QWebSocket &client) {
        QSignalSpy connected(&client, &QWebSocket::connected);
        client.open(m_stage);
        return connected.wait(20000);
    }

private slots:
    void initTestCase() {
        if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty()) QSKIP("node is not installed");
        const QString sdk = runtimelaunch::nodeRuntimeModulesDir() +
                            QStringLiteral("/node_modules/@aws-sdk/client-apigatewaymanagementapi");
        if (!QFileInfo::exists(sdk + QStringLiteral("/package.json")))
            QSKIP(qPrintable(QStringLiteral("the sample's chat needs the AWS SDK in Gatehouse's Node.js "
                                            "runtime-modules folder (%1 is missing): run ./install-deps.sh "
                                            "with npm online, or set GATEHOUSE_NODE_RUNTIME_MODULES")
                                 .arg(sdk)));
        QVERIFY(m_dir.isValid());
        const QString project = m_dir.filePath(QStringLiteral("hello-api"));
        QVERIFY(test::copyTree(test::samplePath(), project));

        // The chat keeps its connection ids in os.tmpdir(): a TMPDIR of this run's own (set on the copy's
        // chat function, whose code and routes stay the sample's) keeps parallel runs and a `gatehouse
        // serve` of the sample on the same machine from sharing the file.
        const QString tmp = m_dir.filePath(QStringLiteral("chat-tmp"));
        QVERIFY(QDir().mkpath(tmp));
        QFile file(project + QStringLiteral("/gatehouse.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QJsonArray functions = root.value(QStringLiteral("functions")).toArray();
        bool found = false;
        for (qsizetype i = 0; i < functions.size(); ++i) {
            QJsonObject fn = functions.at(i).toObject();
            if (fn.value(QStringLiteral("name")).toString() != QLatin1String("chat")) continue;
            QJsonObject env = fn.value(QStringLiteral("environment")).toObject();
            env.insert(QStringLiteral("TMPDIR"), tmp);
            fn.insert(QStringLiteral("environment"), env);
            functions.replace(i, fn);
            found = true;
        }
        QVERIFY(found);
        root.insert(QStringLiteral("functions"), functions);
        test::writeProjectFile(project, QJsonDocument(root).toJson());

        QVERIFY2(m_serve.start(project, m_dir.filePath(QStringLiteral("endpoints.json"))),
                 m_serve.err().constData());
        for (const QJsonValue &api : m_serve.endpoints().value(QStringLiteral("apis")).toArray())
            if (api.toObject().value(QStringLiteral("name")).toString() == QLatin1String("chat-ws"))
                QCOMPARE(api.toObject().value(QStringLiteral("type")).toString(),
                         QStringLiteral("websocket"));
        m_stage = m_serve.stageUrl(QStringLiteral("chat-ws"), QStringLiteral("dev"));
        QVERIFY2(m_stage.scheme() == QLatin1String("ws"), qPrintable(m_stage.toString()));
    }

    void cleanupTestCase() { m_serve.stop(); }

    void bothClientsReceiveTheMessage() {
        QWebSocket alice;
        QWebSocket bob;
        QVERIFY2(open(alice), m_serve.out().right(3000).constData());
        QVERIFY2(open(bob), m_serve.out().right(3000).constData());
        QSignalSpy aliceGot(&alice, &QWebSocket::textMessageReceived);
        QSignalSpy bobGot(&bob, &QWebSocket::textMessageReceived);
        alice.sendTextMessage(QString::fromUtf8(kHi));
        // The first message cold-starts the function and loads the SDK.
        QVERIFY2(bobGot.wait(30000) || bobGot.size() > 0, m_serve.out().right(3000).constData());
        if (aliceGot.isEmpty()) QVERIFY2(aliceGot.wait(20000), m_serve.out().right(3000).constData());
        QCOMPARE(aliceGot.first().first().toString(), QStringLiteral("hi"));
        QCOMPARE(bobGot.first().first().toString(), QStringLiteral("hi"));
        QCOMPARE(aliceGot.size(), 1);
        QCOMPARE(bobGot.size(), 1);
    }

    void sharedValidatorClientJoinsTheChat() {
        const QString script = test::sharedPath(QStringLiteral("validate/ws.sh"));
        if (!QDir(QStringLiteral("/tmp/validate-tools")).exists() || !QFile::exists(script))
            QSKIP("../shared/validate/ws.sh and its tools (/tmp/validate-tools) are not installed");
        QWebSocket bob;
        QVERIFY(open(bob));
        QSignalSpy bobGot(&bob, &QWebSocket::textMessageReceived);
        QProcess ws;
        QSignalSpy finished(&ws, &QProcess::finished);
        ws.start(QStringLiteral("bash"),
                 {script, m_stage.toString(), QString::fromUtf8(kHi), QStringLiteral("15")});
        QVERIFY(finished.wait(40000));
        const QByteArray out = ws.readAllStandardOutput();
        const QByteArray err = ws.readAllStandardError();
        QVERIFY2(ws.exitCode() == 0, (out + err).constData());
        QVERIFY2(out.contains("< hi"), (out + err).constData()); // ws.sh's client got the broadcast too
        if (bobGot.isEmpty()) QVERIFY(bobGot.wait(10000));
        QCOMPARE(bobGot.first().first().toString(), QStringLiteral("hi"));
    }
};

QTEST_GUILESS_MAIN(TestSampleChat)
#include "tst_sample_chat.moc"
