// The headless command line: help, version, and `validate` exit codes and output.
#include "TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void helpListsTheCommands() {
        const auto r = test::runGatehouse({QStringLiteral("--help")});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Usage: gatehouse [PROJECT]"));
        QVERIFY(r.out.contains("validate PROJECT"));
    }

    void versionNamesTheProgram() {
        const auto r = test::runGatehouse({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("gatehouse "));
    }

    void unknownOptionIsAUsageError() {
        const auto r = test::runGatehouse({QStringLiteral("--frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unknown option '--frobnicate'"));
    }

    void unknownCommandIsAUsageError() {
        const auto r = test::runGatehouse({QStringLiteral("frobnicate"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unknown command 'frobnicate'"));
    }

    void validateSampleIsClean() {
        const auto r = test::runGatehouse({QStringLiteral("validate"), test::samplePath()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QVERIFY(r.out.contains("gatehouse.json: OK"));
    }

    void validateReportsDiagnosticsAndExitsOne() {
        QTemporaryDir dir;
        test::writeProjectFile(
            dir.path(),
            R"({"formatVersion": 1, "functions": [{"name": "f", "runtime": "javascript", "handler": "index.handler", "memoryMB": "lots"}]})");
        const auto r = test::runGatehouse({QStringLiteral("validate"), dir.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("gatehouse.json: functions[0].memoryMB: expected an integer, found a string"));
        QVERIFY(r.out.isEmpty());
    }

    void missingRequiredFieldIsReportedOnce() {
        QTemporaryDir dir;
        test::writeProjectFile(
            dir.path(),
            R"({"formatVersion": 1, "functions": [{"runtime": "javascript", "handler": "index.handler"}]})");
        const auto r = test::runGatehouse({QStringLiteral("validate"), dir.path()});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.count("functions[0].name:"), 1);
    }

    void validateSyntaxErrorGivesLineAndColumn() {
        QTemporaryDir dir;
        test::writeProjectFile(dir.path(),
                               "{\n  \"formatVersion\": 1,\n  \"name\": \"x\"\n  \"apis\": []\n}\n");
        const auto r = test::runGatehouse({QStringLiteral("validate"), dir.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("gatehouse.json:4:"), r.err.constData());
    }

    void validateMissingPathExitsTwo() {
        QTemporaryDir dir;
        const auto r =
            test::runGatehouse({QStringLiteral("validate"), dir.filePath(QStringLiteral("nothing-here"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("cannot read"));
    }

    void validateWithoutArgumentIsAUsageError() {
        const auto r = test::runGatehouse({QStringLiteral("validate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("exactly one PROJECT"));
    }

    void validateJsonOutputIsMachineReadable() {
        QTemporaryDir dir;
        test::writeProjectFile(dir.path(), R"({"formatVersion": 1, "mystery": true})");
        const auto r = test::runGatehouse(
            {QStringLiteral("validate"), QStringLiteral("--format"), QStringLiteral("json"), dir.path()});
        QCOMPARE(r.exitCode, 0); // an unknown key is a warning, not an error
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(report.value(QStringLiteral("errors")).toInt(), 0);
        QCOMPARE(report.value(QStringLiteral("warnings")).toInt(), 1);
        QCOMPARE(report.value(QStringLiteral("diagnostics"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("path"))
                     .toString(),
                 QStringLiteral("mystery"));
    }

    void validateSurvivesHostileFiles_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("binary") << QByteArray("\x7f"
                                              "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                                              16);
        QTest::newRow("deep nesting") << (QByteArray(50000, '{') + QByteArray(50000, '}'));
        QTest::newRow("truncated") << QByteArray(R"({"formatVersion": 1, "functions": [{"name": )");
        QTest::newRow("not an object") << QByteArray("\"just a string\"");
        QTest::newRow("newer format") << QByteArray(R"({"formatVersion": 99})");
    }
    void validateSurvivesHostileFiles() {
        QFETCH(QByteArray, bytes);
        QTemporaryDir dir;
        test::writeProjectFile(dir.path(), bytes);
        const auto r = test::runGatehouse({QStringLiteral("validate"), dir.path()});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.startsWith("gatehouse.json"));
    }

    void validateRefusesAHundredMegabyteFile() {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("gatehouse.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(100LL * 1024 * 1024));
        file.close();
        const auto r = test::runGatehouse({QStringLiteral("validate"), dir.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("too large"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
