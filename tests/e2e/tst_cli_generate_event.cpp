// `gatehouse generate-event TYPE [SUBTYPE] [options]` end to end: the real executable prints parseable
// events, reads the Region and account from a project, refuses unknown types with exit 2, and what it
// prints is accepted by real Python handlers through `gatehouse invoke`.
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;

namespace {

QStringList generate(const QStringList &arguments) {
    return QStringList{QStringLiteral("generate-event")} + arguments;
}

QJsonObject parsed(const test::ProcessResult &r) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(r.out, &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

} // namespace

class TestCliGenerateEvent : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void everyTypePrintsPrettyJson_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("probe"); // a top-level key every event of that type has
        QTest::newRow("apigateway http") << QStringList{"apigateway", "http"} << QStringLiteral("rawPath");
        QTest::newRow("apigateway rest") << QStringList{"apigateway", "rest"} << QStringLiteral("httpMethod");
        QTest::newRow("s3 put") << QStringList{"s3", "put"} << QStringLiteral("Records");
        QTest::newRow("s3 delete") << QStringList{"s3", "delete"} << QStringLiteral("Records");
        QTest::newRow("schedule") << QStringList{"schedule"} << QStringLiteral("detail-type");
        QTest::newRow("sqs") << QStringList{"sqs"} << QStringLiteral("Records");
        QTest::newRow("websocket message")
            << QStringList{"websocket", "message"} << QStringLiteral("requestContext");
    }
    void everyTypePrintsPrettyJson() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, probe);
        const auto r = test::runGatehouse(generate(arguments));
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.err.isEmpty());
        QVERIFY2(parsed(r).contains(probe), r.out.constData());
        QVERIFY(r.out.startsWith("{\n  \"")); // indented, one key per line
    }

    void s3PutTakesBucketKeyAndRegion() {
        const auto r = test::runGatehouse(
            generate({"s3", "put", "--bucket", "photos", "--key", "2024/red flower.jpg", "--size", "1305107",
                      "--region", "eu-west-1", "--time", "2024-05-01T12:34:56.789Z"}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject record = parsed(r).value(QStringLiteral("Records")).toArray().at(0).toObject();
        QCOMPARE(record.value(QStringLiteral("awsRegion")).toString(), QStringLiteral("eu-west-1"));
        QCOMPARE(record.value(QStringLiteral("eventTime")).toString(),
                 QStringLiteral("2024-05-01T12:34:56.789Z"));
        const QJsonObject s3 = record.value(QStringLiteral("s3")).toObject();
        QCOMPARE(s3.value(QStringLiteral("bucket")).toObject().value(QStringLiteral("arn")).toString(),
                 QStringLiteral("arn:aws:s3:::photos"));
        const QJsonObject object = s3.value(QStringLiteral("object")).toObject();
        QCOMPARE(object.value(QStringLiteral("key")).toString(), QStringLiteral("2024/red+flower.jpg"));
        QCOMPARE(object.value(QStringLiteral("size")).toInteger(), 1305107);
    }

    void projectSettingsGiveRegionAndAccount() {
        const QString project = test::writeProjectFile(
            m_dir.filePath(QStringLiteral("settings")),
            R"({"formatVersion": 1, "name": "p", "settings": {"region": "ap-northeast-2", "accountId": "111122223333"}})");
        const auto r = test::runGatehouse(generate({"sqs", "--project", project, "--queue", "orders"}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject record = parsed(r).value(QStringLiteral("Records")).toArray().at(0).toObject();
        QCOMPARE(record.value(QStringLiteral("eventSourceARN")).toString(),
                 QStringLiteral("arn:aws:sqs:ap-northeast-2:111122223333:orders"));
        // A flag wins over the project.
        const auto flagged = test::runGatehouse(
            generate({"schedule", "--project", project, "--region", "us-west-2", "--rule", "r"}));
        QCOMPARE(parsed(flagged).value(QStringLiteral("resources")).toArray().at(0).toString(),
                 QStringLiteral("arn:aws:events:us-west-2:111122223333:rule/r"));
    }

    void unknownTypeOrSubtypeIsAUsageError() {
        const auto r = test::runGatehouse(generate({"kinesis"}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("unknown event type 'kinesis'"), r.err.constData());
        QVERIFY(r.err.contains("s3 put")); // the usage lists the types
        const auto subtype = test::runGatehouse(generate({"s3", "copy"}));
        QCOMPARE(subtype.exitCode, 2);
        QVERIFY2(subtype.err.contains("unknown subtype 'copy'"), subtype.err.constData());
        QCOMPARE(test::runGatehouse(generate({})).exitCode, 2);
        QCOMPARE(test::runGatehouse(generate({"sqs", "--size", "many"})).exitCode, 2);
    }

    void helpPerTypeListsOnlyItsOptions() {
        const auto r = test::runGatehouse(generate({"s3", "--help"}));
        QCOMPARE(r.exitCode, 0);
        const QString help = QString::fromUtf8(r.out);
        QVERIFY2(help.contains(QLatin1String("put|delete")), r.out.constData());
        QVERIFY(help.contains(QLatin1String("--bucket")));
        QVERIFY(!help.contains(QLatin1String("--queue")));
        const auto all = test::runGatehouse(generate({"--help"}));
        QVERIFY(all.out.contains("websocket message"));
        QVERIFY(test::runGatehouse({QStringLiteral("--help")}).out.contains("generate-event"));
    }

    // The sample's onUpload (Python) decodes the key with unquote_plus, as S3's documentation asks.
    void s3PutEventRunsThePythonUploadHandler() {
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QSKIP("python3 is not installed");
        const QString sample = m_dir.filePath(QStringLiteral("hello-api"));
        QVERIFY(test::copyTree(test::samplePath(), sample));
        const auto event = test::runGatehouse(generate(
            {"s3", "put", "--bucket", "hello-uploads", "--key", "uploads/my notes é.txt", "--body", "hi"}));
        QCOMPARE(event.exitCode, 0);
        const auto r = test::runGatehouse({QStringLiteral("invoke"), sample, QStringLiteral("onUpload"),
                                           QStringLiteral("--event"), QStringLiteral("-")},
                                          30000, event.out);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("processed")).toInt(), 1);
        QVERIFY2(
            r.err.contains("ObjectCreated:Put: s3://hello-uploads/uploads/my notes \xC3\xA9.txt (2 bytes)"),
            r.err.constData());
    }

    // A small SQS consumer checks each record's md5OfBody against its body with hashlib.
    void sqsEventRunsAPythonConsumer() {
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QSKIP("python3 is not installed");
        const QString project = test::writeProjectFile(
            m_dir.filePath(QStringLiteral("consumer")),
            R"({"formatVersion": 1, "name": "consumer", "functions": [{"name": "consume", "runtime": "python3.11",
                "handler": "app.handler", "codeUri": "functions/consume", "memoryMB": 128, "timeoutSeconds": 10}]})");
        QVERIFY(QDir(project).mkpath(QStringLiteral("functions/consume")));
        QFile code(QDir(project).filePath(QStringLiteral("functions/consume/app.py")));
        QVERIFY(code.open(QIODevice::WriteOnly));
        code.write(
            "import hashlib\n"
            "def handler(event, context):\n"
            "    r = event['Records'][0]\n"
            "    assert r['eventSource'] == 'aws:sqs'\n"
            "    ok = hashlib.md5(r['body'].encode('utf-8')).hexdigest() == r['md5OfBody']\n"
            "    return {'body': r['body'], 'md5ok': ok, 'queue': r['eventSourceARN'].split(':')[-1]}\n");
        code.close();
        const auto event = test::runGatehouse(
            generate({"sqs", "--queue", "orders", "--body", "{\"order\": \"caf\xC3\xA9\"}"}));
        QCOMPARE(event.exitCode, 0);
        const auto r = test::runGatehouse({QStringLiteral("invoke"), project, QStringLiteral("consume"),
                                           QStringLiteral("--event"), QStringLiteral("-")},
                                          30000, event.out);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject result = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(result.value(QStringLiteral("md5ok")).toBool(), true);
        QCOMPARE(result.value(QStringLiteral("queue")).toString(), QStringLiteral("orders"));
        QCOMPARE(result.value(QStringLiteral("body")).toString(), QStringLiteral("{\"order\": \"café\"}"));
    }
};

QTEST_GUILESS_MAIN(TestCliGenerateEvent)
#include "tst_cli_generate_event.moc"
