// `gatehouse send-message` against a running `gatehouse serve` (issue #9, point 5: messages sent from the
// CLI): the SQS endpoint is read from serve's endpoints file (PROJECT/.gatehouse/endpoints.json by
// default, or --endpoints-file) or given with --endpoint; the message is sent with the JSON protocol and
// read back here with a JSON-protocol ReceiveMessage (SQS API Reference, ReceiveMessage:
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html), body,
// attributes and delay intact; no serve, an unknown queue and bad attributes get clear errors.
#include "ServeProcess.h"
#include "TestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;

namespace {

const QByteArray kProject = R"json({
  "formatVersion": 1,
  "name": "send-message",
  "queues": [{"name": "inbox"}]
})json";

} // namespace

class TestCliSendMessage : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_project;
    test::ServeProcess m_serve;
    test::HttpClient m_client;

    QString sqsUrl() const {
        return m_serve.endpoints().value(QStringLiteral("sqs"))[QStringLiteral("url")].toString();
    }

    QJsonObject sqs(const QByteArray &action, const QJsonObject &body, int *status = nullptr) {
        const test::HttpReply reply = m_client.send(
            "POST", QUrl(sqsUrl()),
            {{"Content-Type", "application/x-amz-json-1.0"}, {"X-Amz-Target", "AmazonSQS." + action}},
            QJsonDocument(body).toJson(QJsonDocument::Compact), 30000);
        if (status) *status = reply.status;
        return QJsonDocument::fromJson(reply.body).object();
    }

    QJsonArray receiveAll() {
        const QJsonObject answer = sqs(
            "ReceiveMessage", {{QStringLiteral("QueueUrl"), sqsUrl() + QStringLiteral("/000000000000/inbox")},
                               {QStringLiteral("MaxNumberOfMessages"), 10},
                               {QStringLiteral("MessageAttributeNames"), QJsonArray{QStringLiteral("All")}}});
        return answer.value(QStringLiteral("Messages")).toArray();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_project = test::writeProjectFile(m_dir.filePath(QStringLiteral("send-message")), kProject);
        // Where serve writes its endpoints by default and send-message looks for them.
        QVERIFY(QDir().mkpath(m_project + QStringLiteral("/.gatehouse")));
        QVERIFY2(m_serve.start(m_project, m_project + QStringLiteral("/.gatehouse/endpoints.json")),
                 m_serve.err().constData());
    }

    void cleanupTestCase() { m_serve.stop(); }

    void theMessageArrivesWithItsBodyAndAttributes() {
        const auto r =
            test::runGatehouse({QStringLiteral("send-message"), m_project, QStringLiteral("inbox"),
                                QStringLiteral("{\"order\": 42}"), QStringLiteral("--attribute"),
                                QStringLiteral("priority=Number:3"), QStringLiteral("--attribute"),
                                QStringLiteral("origin=String:cli test"), QStringLiteral("--attribute"),
                                QStringLiteral("blob=Binary:AAEC")});
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        const QString messageId = QString::fromUtf8(r.out).trimmed();
        QVERIFY2(QUuid::fromString(messageId).isNull() == false, qPrintable(messageId));

        const QJsonArray messages = receiveAll();
        QCOMPARE(messages.size(), 1);
        const QJsonObject message = messages.first().toObject();
        QCOMPARE(message.value(QStringLiteral("MessageId")).toString(), messageId);
        QCOMPARE(message.value(QStringLiteral("Body")).toString(), QStringLiteral("{\"order\": 42}"));
        const QJsonObject attributes = message.value(QStringLiteral("MessageAttributes")).toObject();
        QCOMPARE(attributes.size(), 3);
        QCOMPARE(attributes[QStringLiteral("priority")][QStringLiteral("DataType")].toString(),
                 QStringLiteral("Number"));
        QCOMPARE(attributes[QStringLiteral("priority")][QStringLiteral("StringValue")].toString(),
                 QStringLiteral("3"));
        QCOMPARE(attributes[QStringLiteral("origin")][QStringLiteral("StringValue")].toString(),
                 QStringLiteral("cli test"));
        QCOMPARE(attributes[QStringLiteral("blob")][QStringLiteral("DataType")].toString(),
                 QStringLiteral("Binary"));
        QCOMPARE(attributes[QStringLiteral("blob")][QStringLiteral("BinaryValue")].toString(),
                 QStringLiteral("AAEC"));
        sqs("DeleteMessage",
            {{QStringLiteral("QueueUrl"), sqsUrl() + QStringLiteral("/000000000000/inbox")},
             {QStringLiteral("ReceiptHandle"), message.value(QStringLiteral("ReceiptHandle"))}});
    }

    void anExplicitEndpointAndADelayAreHonoured() {
        const auto r = test::runGatehouse({QStringLiteral("send-message"), m_project, QStringLiteral("inbox"),
                                           QStringLiteral("later"), QStringLiteral("--delay"),
                                           QStringLiteral("600"), QStringLiteral("--endpoint"), sqsUrl()});
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        // Delayed: not receivable yet, but counted as delayed.
        QCOMPARE(receiveAll().size(), 0);
        const QJsonObject attributes =
            sqs("GetQueueAttributes",
                {{QStringLiteral("QueueUrl"), sqsUrl() + QStringLiteral("/000000000000/inbox")},
                 {QStringLiteral("AttributeNames"), QJsonArray{QStringLiteral("All")}}})
                .value(QStringLiteral("Attributes"))
                .toObject();
        QCOMPARE(attributes.value(QStringLiteral("ApproximateNumberOfMessagesDelayed")).toString(),
                 QStringLiteral("1"));
        sqs("PurgeQueue", {{QStringLiteral("QueueUrl"), sqsUrl() + QStringLiteral("/000000000000/inbox")}});
    }

    void anUnknownQueueIsAClearError() {
        const auto r = test::runGatehouse(
            {QStringLiteral("send-message"), m_project, QStringLiteral("outbox"), QStringLiteral("hello")});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no queue 'outbox'"), r.err.constData());
        QVERIFY2(r.err.contains("QueueDoesNotExist") || r.err.contains("NonExistentQueue"),
                 r.err.constData());
    }

    void badAttributesAreUsageErrors() {
        for (const QString &attribute :
             {QStringLiteral("priority"), QStringLiteral("priority=3"), QStringLiteral("priority=Text:3"),
              QStringLiteral("blob=Binary:not base64!")}) {
            const auto r =
                test::runGatehouse({QStringLiteral("send-message"), m_project, QStringLiteral("inbox"),
                                    QStringLiteral("x"), QStringLiteral("--attribute"), attribute});
            QVERIFY(r.finished);
            QVERIFY2(r.exitCode == 2, qPrintable(attribute + QLatin1Char(' ') + QString::fromUtf8(r.err)));
        }
        QCOMPARE(receiveAll().size(), 0); // nothing was sent
    }

    // A plain `gatehouse serve PROJECT` writes PROJECT/.gatehouse/endpoints.json (ignored by git), where a
    // plain `gatehouse send-message PROJECT ...` finds it; it is gone once serve stops.
    void aPlainServeIsFoundThroughTheProject() {
        const QString project = test::writeProjectFile(m_dir.filePath(QStringLiteral("plain")), kProject);
        const QString defaultFile = project + QStringLiteral("/.gatehouse/endpoints.json");
        QProcess serve;
        serve.start(QStringLiteral(GATEHOUSE_EXECUTABLE), {QStringLiteral("serve"), project});
        QVERIFY(test::waitFor(
            [&] { return QFile::exists(defaultFile) || serve.state() == QProcess::NotRunning; }, 20000));
        QVERIFY2(QFile::exists(defaultFile), serve.readAllStandardError().constData());
        QVERIFY(QFile::exists(project + QStringLiteral("/.gatehouse/.gitignore")));
        QFile file(defaultFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString url = QJsonDocument::fromJson(file.readAll())
                                .object()
                                .value(QStringLiteral("sqs"))[QStringLiteral("url")]
                                .toString();
        QVERIFY(!url.isEmpty());
        const auto r = test::runGatehouse(
            {QStringLiteral("send-message"), project, QStringLiteral("inbox"), QStringLiteral("found")});
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        const test::HttpReply reply = m_client.send(
            "POST", QUrl(url),
            {{"Content-Type", "application/x-amz-json-1.0"}, {"X-Amz-Target", "AmazonSQS.ReceiveMessage"}},
            QJsonDocument(
                QJsonObject{{QStringLiteral("QueueUrl"), url + QStringLiteral("/000000000000/inbox")}})
                .toJson(QJsonDocument::Compact),
            30000);
        const QJsonArray messages =
            QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("Messages")).toArray();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.first()[QStringLiteral("Body")].toString(), QStringLiteral("found"));
        QCOMPARE(messages.first()[QStringLiteral("MessageId")].toString(),
                 QString::fromUtf8(r.out).trimmed());
        serve.terminate();
        QVERIFY(serve.waitForFinished(10000));
        QVERIFY(!QFile::exists(defaultFile));
    }

    void withoutARunningServeItSaysSo() {
        const QString missing = m_dir.filePath(QStringLiteral("no-such-endpoints.json"));
        auto r = test::runGatehouse({QStringLiteral("send-message"), m_project, QStringLiteral("inbox"),
                                     QStringLiteral("x"), QStringLiteral("--endpoints-file"), missing});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no gatehouse serve is running"), r.err.constData());
        // An endpoint nobody listens on any more: serve stopped.
        const QString url = sqsUrl();
        m_serve.stop();
        r = test::runGatehouse({QStringLiteral("send-message"), m_project, QStringLiteral("inbox"),
                                QStringLiteral("x"), QStringLiteral("--endpoint"), url});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no gatehouse serve answers at"), r.err.constData());
        // serve removed its endpoints file when it stopped: the default lookup fails too.
        r = test::runGatehouse(
            {QStringLiteral("send-message"), m_project, QStringLiteral("inbox"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no gatehouse serve is running"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliSendMessage)
#include "tst_cli_send_message.moc"
