// `gatehouse serve` with queues, end to end: the endpoints file names the SQS endpoint; Debian's awscli
// (v2.9, the SQS query protocol: form-encoded Action=…, XML answers) sends, receives and deletes a
// message and gets the query error codes; raw JSON-protocol requests (X-Amz-Target: AmazonSQS.<Action>,
// as current SDKs send them) get the JSON shapes and errors; a queue with an event source mapping is
// drained by its function (issue #9, point 5); an Event invoke through the Invoke API sends Lambda's
// invocation record to the function's on-success destination queue, read back with awscli (point 6).
// SQS API Reference:
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/Welcome.html
#include "AwsCli.h"
#include "ServeProcess.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;

namespace {

const QByteArray kProject = R"({
  "formatVersion": 1,
  "name": "queues",
  "settings": {"region": "us-east-1", "accountId": "123456789012"},
  "functions": [
    {"name": "consumer", "runtime": "javascript", "handler": "index.handler", "codeUri": "functions/consumer"},
    {"name": "notifier", "runtime": "javascript", "handler": "index.handler", "codeUri": "functions/notifier",
     "asyncInvoke": {"maximumRetryAttempts": 0, "onSuccess": {"queue": "outcomes"}}}
  ],
  "queues": [
    {"name": "inbox", "visibilityTimeoutSeconds": 30},
    {"name": "outcomes"},
    {"name": "jobs", "visibilityTimeoutSeconds": 30,
     "trigger": {"function": "consumer", "batchSize": 5, "reportBatchItemFailures": true}}
  ]
})";

const QByteArray kConsumer = "exports.handler = (event) => {\n"
                             "  for (const r of event.Records) console.log('consumed ' + r.body);\n"
                             "  return { batchItemFailures: [] };\n"
                             "};\n";

} // namespace

class TestServeSqs : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    test::ServeProcess m_serve;
    test::HttpClient m_client;

    QString sqsUrl() const {
        return m_serve.endpoints().value(QStringLiteral("sqs"))[QStringLiteral("url")].toString();
    }
    QString queueUrl(const QString &name) const { return sqsUrl() + QStringLiteral("/000000000000/") + name; }

    // Debian's awscli against the local endpoint, with throwaway credentials and no user configuration.
    test::ClientRun aws(const QStringList &arguments) const {
        return test::AwsCli(QStringLiteral("sqs"), sqsUrl(), m_dir.path()).run(arguments);
    }

    test::HttpReply json(const QByteArray &action, const QJsonObject &body) {
        return m_client.send(
            "POST", QUrl(sqsUrl()),
            {{"Content-Type", "application/x-amz-json-1.0"}, {"X-Amz-Target", "AmazonSQS." + action}},
            QJsonDocument(body).toJson(QJsonDocument::Compact), 30000);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString project = m_dir.filePath(QStringLiteral("queues"));
        test::writeProjectFile(project, kProject);
        QDir().mkpath(project + QStringLiteral("/functions/consumer"));
        QFile code(project + QStringLiteral("/functions/consumer/index.js"));
        QVERIFY(code.open(QIODevice::WriteOnly));
        code.write(kConsumer);
        code.close();
        QDir().mkpath(project + QStringLiteral("/functions/notifier"));
        QFile notifier(project + QStringLiteral("/functions/notifier/index.js"));
        QVERIFY(notifier.open(QIODevice::WriteOnly));
        notifier.write("exports.handler = (event) => ({ notified: event.who });\n");
        notifier.close();
        QVERIFY2(m_serve.start(project, m_dir.filePath(QStringLiteral("endpoints.json"))),
                 m_serve.err().constData());
    }
    void cleanupTestCase() { QCOMPARE(m_serve.stop(), 0); }

    void endpointsFileNamesTheSqsEndpointAndItsQueues() {
        const QJsonObject sqs = m_serve.endpoints().value(QStringLiteral("sqs")).toObject();
        QCOMPARE(sqs.value(QStringLiteral("type")).toString(), QStringLiteral("sqs"));
        QVERIFY(sqs.value(QStringLiteral("url")).toString().startsWith(QLatin1String("http://127.0.0.1:")));
        // Printed before the endpoints file was written, but it may still be in the pipe.
        QTRY_VERIFY_WITH_TIMEOUT(m_serve.out().contains("  SQS: " + sqsUrl().toUtf8()), 10000);
        const QJsonArray queues = sqs.value(QStringLiteral("queues")).toArray();
        QCOMPARE(queues.size(), 3);
        QCOMPARE(queues.at(0)[QStringLiteral("url")].toString(), queueUrl(QStringLiteral("inbox")));
    }

    void awsCliSendsReceivesAndDeletesOverTheQueryProtocol() {
        if (!test::AwsCli::installed()) QSKIP("Debian's awscli (/usr/bin/aws) is not installed");
        const test::ClientRun sent =
            aws({QStringLiteral("send-message"), QStringLiteral("--queue-url"),
                 queueUrl(QStringLiteral("inbox")), QStringLiteral("--message-body"),
                 QStringLiteral("Test message."), QStringLiteral("--message-attributes"),
                 QStringLiteral(R"({"City":{"DataType":"String","StringValue":"Any City"},)"
                                R"("Population":{"DataType":"Number","StringValue":"1250800"}})")});
        QVERIFY2(sent.exitCode == 0, sent.err.constData());
        QCOMPARE(sent.json().value(QStringLiteral("MD5OfMessageBody")).toString(),
                 QStringLiteral("e4e68fb7bd0e697a0ae8f1bb342846b3"));
        QCOMPARE(sent.json().value(QStringLiteral("MD5OfMessageAttributes")).toString(),
                 QStringLiteral("bf1eb494fecc925abadc71de4be9785c"));
        const QString messageId = sent.json().value(QStringLiteral("MessageId")).toString();
        QVERIFY(!QUuid::fromString(messageId).isNull());

        const test::ClientRun received =
            aws({QStringLiteral("receive-message"), QStringLiteral("--queue-url"),
                 queueUrl(QStringLiteral("inbox")), QStringLiteral("--attribute-names"),
                 QStringLiteral("All"), QStringLiteral("--message-attribute-names"), QStringLiteral("All"),
                 QStringLiteral("--wait-time-seconds"), QStringLiteral("1")});
        QVERIFY2(received.exitCode == 0, received.err.constData());
        const QJsonArray messages = received.json().value(QStringLiteral("Messages")).toArray();
        QCOMPARE(messages.size(), 1);
        const QJsonObject message = messages.first().toObject();
        QCOMPARE(message.value(QStringLiteral("MessageId")).toString(), messageId);
        QCOMPARE(message.value(QStringLiteral("Body")).toString(), QStringLiteral("Test message."));
        QCOMPARE(message[QStringLiteral("Attributes")][QStringLiteral("ApproximateReceiveCount")].toString(),
                 QStringLiteral("1"));
        QCOMPARE(message[QStringLiteral("Attributes")][QStringLiteral("SenderId")].toString(),
                 QStringLiteral("AKIDLOCALTEST"));
        QCOMPARE(message[QStringLiteral("MessageAttributes")][QStringLiteral("City")]
                        [QStringLiteral("StringValue")]
                            .toString(),
                 QStringLiteral("Any City"));
        QCOMPARE(message.value(QStringLiteral("MD5OfMessageAttributes")).toString(),
                 QStringLiteral("bf1eb494fecc925abadc71de4be9785c"));

        const test::ClientRun deleted =
            aws({QStringLiteral("delete-message"), QStringLiteral("--queue-url"),
                 queueUrl(QStringLiteral("inbox")), QStringLiteral("--receipt-handle"),
                 message.value(QStringLiteral("ReceiptHandle")).toString()});
        QVERIFY2(deleted.exitCode == 0, deleted.err.constData());
        const test::ClientRun attributes = aws(
            {QStringLiteral("get-queue-attributes"), QStringLiteral("--queue-url"),
             queueUrl(QStringLiteral("inbox")), QStringLiteral("--attribute-names"), QStringLiteral("All")});
        QVERIFY2(attributes.exitCode == 0, attributes.err.constData());
        const QJsonObject values = attributes.json().value(QStringLiteral("Attributes")).toObject();
        QCOMPARE(values.value(QStringLiteral("ApproximateNumberOfMessages")).toString(), QStringLiteral("0"));
        QCOMPARE(values.value(QStringLiteral("ApproximateNumberOfMessagesNotVisible")).toString(),
                 QStringLiteral("0"));
        QCOMPARE(values.value(QStringLiteral("QueueArn")).toString(),
                 QStringLiteral("arn:aws:sqs:us-east-1:123456789012:inbox"));
    }

    void awsCliGetsQueueUrlsAndTheQueryErrorCodes() {
        if (!test::AwsCli::installed()) QSKIP("Debian's awscli (/usr/bin/aws) is not installed");
        const test::ClientRun url =
            aws({QStringLiteral("get-queue-url"), QStringLiteral("--queue-name"), QStringLiteral("jobs")});
        QVERIFY2(url.exitCode == 0, url.err.constData());
        QCOMPARE(url.json().value(QStringLiteral("QueueUrl")).toString(), queueUrl(QStringLiteral("jobs")));
        const test::ClientRun listed = aws({QStringLiteral("list-queues")});
        QVERIFY2(listed.exitCode == 0, listed.err.constData());
        QCOMPARE(listed.json().value(QStringLiteral("QueueUrls")).toArray().size(), 3);
        const test::ClientRun missing =
            aws({QStringLiteral("get-queue-url"), QStringLiteral("--queue-name"), QStringLiteral("nope")});
        QCOMPARE(missing.exitCode, 254); // awscli v2: the service answered with an error
        QVERIFY2(missing.err.contains("AWS.SimpleQueueService.NonExistentQueue"), missing.err.constData());
    }

    void jsonProtocolSendReceiveAndErrors() {
        const QString inbox = queueUrl(QStringLiteral("inbox"));
        const test::HttpReply sent =
            json("SendMessage", {{QStringLiteral("QueueUrl"), inbox},
                                 {QStringLiteral("MessageBody"), QStringLiteral("Test message.")},
                                 {QStringLiteral("DelaySeconds"), 0}});
        QCOMPARE(sent.status, 200);
        QCOMPARE(sent.header("Content-Type"), QByteArray("application/x-amz-json-1.0"));
        QCOMPARE(sent.json().value(QStringLiteral("MD5OfMessageBody")).toString(),
                 QStringLiteral("e4e68fb7bd0e697a0ae8f1bb342846b3"));

        const test::HttpReply received = json("ReceiveMessage", {{QStringLiteral("QueueUrl"), inbox},
                                                                 {QStringLiteral("MaxNumberOfMessages"), 10},
                                                                 {QStringLiteral("VisibilityTimeout"), 0}});
        QCOMPARE(received.status, 200);
        const QJsonArray messages = received.json().value(QStringLiteral("Messages")).toArray();
        QCOMPARE(messages.size(), 1);
        const QString handle = messages.first()[QStringLiteral("ReceiptHandle")].toString();
        const test::HttpReply batch = json(
            "DeleteMessageBatch",
            {{QStringLiteral("QueueUrl"), inbox},
             {QStringLiteral("Entries"),
              QJsonArray{QJsonObject{{QStringLiteral("Id"), QStringLiteral("ok")},
                                     {QStringLiteral("ReceiptHandle"), handle}},
                         QJsonObject{{QStringLiteral("Id"), QStringLiteral("bad")},
                                     {QStringLiteral("ReceiptHandle"), QStringLiteral("not-a-handle")}}}}});
        QCOMPARE(batch.status, 200);
        QCOMPARE(batch.json().value(QStringLiteral("Successful")).toArray().size(), 1);
        QCOMPARE(
            batch.json().value(QStringLiteral("Failed")).toArray().at(0)[QStringLiteral("Code")].toString(),
            QStringLiteral("ReceiptHandleIsInvalid"));

        // A long poll on an empty queue answers with no messages once its wait is over.
        const test::HttpReply empty = json(
            "ReceiveMessage", {{QStringLiteral("QueueUrl"), inbox}, {QStringLiteral("WaitTimeSeconds"), 1}});
        QCOMPARE(empty.status, 200);
        QVERIFY(!empty.json().contains(QStringLiteral("Messages")));

        const test::HttpReply missing =
            json("GetQueueUrl", {{QStringLiteral("QueueName"), QStringLiteral("nope")}});
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.json().value(QStringLiteral("__type")).toString(),
                 QStringLiteral("com.amazonaws.sqs#QueueDoesNotExist"));
        QCOMPARE(missing.header("x-amzn-query-error"),
                 QByteArray("AWS.SimpleQueueService.NonExistentQueue;Sender"));
    }

    void aTriggeredQueueIsDrainedByItsFunction() {
        const QString jobs = queueUrl(QStringLiteral("jobs"));
        for (const char *body : {"job-1", "job-2"})
            QCOMPARE(json("SendMessage", {{QStringLiteral("QueueUrl"), jobs},
                                          {QStringLiteral("MessageBody"), QLatin1String(body)}})
                         .status,
                     200);
        const auto remaining = [&] {
            const QJsonObject values =
                json("GetQueueAttributes",
                     {{QStringLiteral("QueueUrl"), jobs},
                      {QStringLiteral("AttributeNames"), QJsonArray{QStringLiteral("All")}}})
                    .json()
                    .value(QStringLiteral("Attributes"))
                    .toObject();
            return values.value(QStringLiteral("ApproximateNumberOfMessages")).toString().toInt() +
                   values.value(QStringLiteral("ApproximateNumberOfMessagesNotVisible")).toString().toInt();
        };
        QTRY_COMPARE_WITH_TIMEOUT(remaining(), 0, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(m_serve.err().contains("consumed job-2"), 10000); // function logs: stderr
    }

    // Lambda Developer Guide, "Capturing records of Lambda asynchronous invocations".
    void anEventInvocationsRecordReachesItsOnSuccessQueue() {
        if (!test::AwsCli::installed()) QSKIP("Debian's awscli (/usr/bin/aws) is not installed");
        const QString invokeApi = m_serve.endpoints().value(QStringLiteral("invokeApi")).toString();
        const test::HttpReply accepted = m_client.send(
            "POST", QUrl(invokeApi + QStringLiteral("/2015-03-31/functions/notifier/invocations")),
            {{"X-Amz-Invocation-Type", "Event"}}, R"({"who":"ada"})", 30000);
        QCOMPARE(accepted.status, 202);
        const test::ClientRun received =
            aws({QStringLiteral("receive-message"), QStringLiteral("--queue-url"),
                 queueUrl(QStringLiteral("outcomes")), QStringLiteral("--wait-time-seconds"),
                 QStringLiteral("10")});
        QCOMPARE(received.exitCode, 0);
        const QJsonArray messages = received.json().value(QStringLiteral("Messages")).toArray();
        QCOMPARE(messages.size(), 1);
        const QJsonObject record =
            QJsonDocument::fromJson(messages.at(0)[QStringLiteral("Body")].toString().toUtf8()).object();
        QCOMPARE(record[QStringLiteral("version")].toString(), QStringLiteral("1.0"));
        const QJsonObject context = record[QStringLiteral("requestContext")].toObject();
        QCOMPARE(context[QStringLiteral("condition")].toString(), QStringLiteral("Success"));
        QCOMPARE(context[QStringLiteral("functionArn")].toString(),
                 QStringLiteral("arn:aws:lambda:us-east-1:123456789012:function:notifier:$LATEST"));
        QCOMPARE(context[QStringLiteral("approximateInvokeCount")].toInt(), 1);
        QCOMPARE(record[QStringLiteral("requestPayload")].toObject()[QStringLiteral("who")].toString(),
                 QStringLiteral("ada"));
        QCOMPARE(record[QStringLiteral("responseContext")].toObject()[QStringLiteral("statusCode")].toInt(),
                 200);
        QCOMPARE(record[QStringLiteral("responsePayload")].toObject()[QStringLiteral("notified")].toString(),
                 QStringLiteral("ada"));
    }
};

QTEST_GUILESS_MAIN(TestServeSqs)
#include "tst_serve_sqs.moc"
