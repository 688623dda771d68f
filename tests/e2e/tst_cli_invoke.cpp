// `gatehouse invoke PROJECT FUNCTION [--event FILE|-]` end to end, on a copy of the sample project.
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;

class TestCliInvoke : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString sample() const { return m_dir.filePath(QStringLiteral("hello-api")); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(test::copyTree(test::samplePath(), sample()));
    }

    void helloPrintsThePayloadAndTheLogs() {
        const auto r = test::runGatehouse({QStringLiteral("invoke"), sample(), QStringLiteral("hello")});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("message")).toString(),
                 QStringLiteral("hello"));
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.startsWith(QLatin1String("START RequestId: ")), r.err.constData());
        QVERIFY(err.contains(QLatin1String("\tINFO\thello from a test event")));
        const QRegularExpression report(QStringLiteral(
            R"(\nREPORT RequestId: [0-9a-f-]{36}\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB)"
            R"(\tMax Memory Used: \d+ MB\tInit Duration: \d+\.\d\d ms\n$)"));
        QVERIFY2(report.match(err).hasMatch(), r.err.constData());
    }

    void eventComesFromAFileOrStandardInput() {
        QFile event(m_dir.filePath(QStringLiteral("event.json")));
        QVERIFY(event.open(QIODevice::WriteOnly));
        event.write(R"({"pathParameters": {"id": "3"}})");
        event.close();
        const auto fromFile =
            test::runGatehouse({QStringLiteral("invoke"), sample(), QStringLiteral("getItem"),
                                QStringLiteral("--event"), event.fileName()});
        QCOMPARE(fromFile.exitCode, 0);
        QVERIFY2(fromFile.out.contains(R"(\"name\":\"cherry\")"), fromFile.out.constData());
        const auto fromStdin =
            test::runGatehouse({QStringLiteral("invoke"), sample(), QStringLiteral("getItem"),
                                QStringLiteral("--event"), QStringLiteral("-")},
                               30000, R"({"pathParameters": {"id": "1"}})");
        QCOMPARE(fromStdin.exitCode, 0);
        QVERIFY(fromStdin.out.contains(R"(\"name\":\"apple\")"));
    }

    void throwingHandlerExitsOne() {
        QDir(sample()).mkpath(QStringLiteral("functions/hello"));
        QFile code(QDir(sample()).filePath(QStringLiteral("functions/hello/index.js")));
        const QByteArray original = [&] {
            QFile f(code.fileName());
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QVERIFY(code.open(QIODevice::WriteOnly | QIODevice::Truncate));
        code.write("exports.handler = () => { throw new Error('broken on purpose'); };");
        code.close();
        const auto r = test::runGatehouse({QStringLiteral("invoke"), sample(), QStringLiteral("hello")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject payload = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(payload.value(QStringLiteral("errorType")).toString(), QStringLiteral("Error"));
        QCOMPARE(payload.value(QStringLiteral("errorMessage")).toString(),
                 QStringLiteral("broken on purpose"));
        QVERIFY(r.err.contains("\tERROR\tInvoke Error \t"));
        QVERIFY(r.err.contains("\nREPORT RequestId: "));
        QVERIFY(code.open(QIODevice::WriteOnly | QIODevice::Truncate));
        code.write(original);
    }

    // The sample's echo is a real Node.js ES module and listPets a Python handler: both run through
    // the Runtime API with Lambda's log lines (START, the function's lines, END, REPORT).
    void processRuntimesRunRealInterpreters_data() {
        QTest::addColumn<QString>("function");
        QTest::addColumn<QString>("interpreter");
        QTest::addColumn<QByteArray>("event");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("nodejs20.x") << QStringLiteral("echo") << QStringLiteral("node")
                                    << QByteArray(R"({"body": "ping", "headers": {}})")
                                    << QByteArray(R"("body":"ping")");
        QTest::newRow("python3.11") << QStringLiteral("listPets") << QStringLiteral("python3")
                                    << QByteArray(R"({"requestContext": {"identity": {"apiKey": "k"}}})")
                                    << QByteArray(R"(\"type\": \"dog\")");
    }
    void processRuntimesRunRealInterpreters() {
        QFETCH(QString, function);
        QFETCH(QString, interpreter);
        QFETCH(QByteArray, event);
        QFETCH(QByteArray, expected);
        if (QStandardPaths::findExecutable(interpreter).isEmpty()) QSKIP("the interpreter is not installed");
        const auto r = test::runGatehouse(
            {QStringLiteral("invoke"), sample(), function, QStringLiteral("--event"), QStringLiteral("-")},
            30000, event);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains(expected), r.out.constData());
        QVERIFY2(r.err.startsWith("START RequestId: "), r.err.constData());
        QVERIFY(r.err.contains("\nREPORT RequestId: "));
        QVERIFY(r.err.contains("\tInit Duration: "));
    }

    void unknownRuntimesAreRefused() {
        QDir(sample()).mkpath(QStringLiteral("functions/java"));
        QFile file(sample() + QStringLiteral("/gatehouse.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray text = file.readAll();
        file.close();
        text.replace(R"("runtime": "python3.11")", R"("runtime": "java21")");
        test::writeProjectFile(sample(), text);
        const auto r = test::runGatehouse({QStringLiteral("invoke"), sample(), QStringLiteral("listPets")});
        test::writeProjectFile(sample(),
                               text.replace(R"("runtime": "java21")", R"("runtime": "python3.11")"));
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("java21"), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void usageErrorsExitTwo_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("unknown function") << QStringList{QStringLiteral("hello-api"), QStringLiteral("nope")}
                                          << QByteArray("no function 'nope'");
        QTest::newRow("no such project")
            << QStringList{QStringLiteral("missing-project"), QStringLiteral("hello")}
            << QByteArray("no such project");
        QTest::newRow("missing function argument")
            << QStringList{QStringLiteral("hello-api")} << QByteArray("needs a PROJECT and a FUNCTION");
        QTest::newRow("event that is not JSON")
            << QStringList{QStringLiteral("hello-api"), QStringLiteral("hello"), QStringLiteral("--event"),
                           QStringLiteral("gatehouse.json-not")}
            << QByteArray("cannot read the event file");
    }
    void usageErrorsExitTwo() {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        QStringList args{QStringLiteral("invoke")};
        for (const QString &a : arguments)
            args.append(a == QLatin1String("hello-api") ? sample() : a);
        const auto r = test::runGatehouse(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), r.err.constData());
    }

    void invalidJsonEventIsAUsageError() {
        const auto r = test::runGatehouse({QStringLiteral("invoke"), sample(), QStringLiteral("hello"),
                                           QStringLiteral("--event"), QStringLiteral("-")},
                                          30000, "{not json");
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("is not valid JSON"), r.err.constData());
    }

    void helpListsInvoke() {
        const auto r = test::runGatehouse({QStringLiteral("--help")});
        QVERIFY(r.out.contains("invoke PROJECT FUNCTION [--event FILE|-]"));
    }
};

QTEST_GUILESS_MAIN(TestCliInvoke)
#include "tst_cli_invoke.moc"
