// `gatehouse export` and `gatehouse import` as a user runs them: files written, warnings on stderr,
// exit codes, and a project that survives export -> import -> export.
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;

namespace {

QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString str(const char *text) {
    return QString::fromUtf8(text);
}

} // namespace

class TestCliExport : public QObject {
    Q_OBJECT
private slots:
    void helpListsExportAndImport() {
        const auto r = test::runGatehouse({str("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("export PROJECT --format sam|openapi|serverless|postman"));
        QVERIFY(r.out.contains("import FILE... --from sam|openapi|postman -o PROJECT_DIR"));
    }

    void exportSamWritesTemplateWrappersAndCodeAndWarnsOnStderr() {
        QTemporaryDir dir;
        const QString out = dir.filePath(str("sam/"));
        const auto r = test::runGatehouse(
            {str("export"), test::samplePath(), str("--format"), str("sam"), str("-o"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("exported AWS SAM"));
        QVERIFY(readFile(out + str("template.yaml")).startsWith("AWSTemplateFormatVersion: '2010-09-09'"));
        QVERIFY(readFile(out + str("functions/hello/gatehouse-handler.cjs")).contains("exports.handler"));
        QVERIFY(
            readFile(out + str("functions/hello/index.js")).contains("exports.handler")); // the code, copied
        QVERIFY(r.err.contains("gatehouse.json: warning: functions[0].runtime:"));
        QVERIFY(r.err.contains("warning: requests:"));
    }

    void dashOFileNamesTheMainDocumentAndPutsTheRestBesideIt() {
        QTemporaryDir dir;
        const auto r = test::runGatehouse({str("export"), test::samplePath(), str("--format"), str("sam"),
                                           str("-o"), dir.filePath(str("deploy/my-template.yaml"))});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(QFile::exists(dir.filePath(str("deploy/my-template.yaml"))));
        QVERIFY(QFile::exists(dir.filePath(str("deploy/functions/tick/gatehouse-handler.cjs"))));
        QVERIFY(!QFile::exists(dir.filePath(str("deploy/template.yaml"))));
    }

    void singleDocumentGoesToStdoutWithoutDashO() {
        QTemporaryDir dir;
        test::writeProjectFile(dir.path(), R"({"formatVersion": 1, "name": "one",
            "functions": [{"name": "f", "runtime": "python3.12", "handler": "app.handler", "codeUri": "f"}],
            "apis": [{"name": "only", "type": "http", "routes": [{"method": "GET", "path": "/x",
                      "integration": {"type": "lambda", "function": "f"}}]}]})");
        const auto r = test::runGatehouse({str("export"), dir.path(), str("--format"), str("openapi")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.startsWith("openapi: 3.0.1"));
        const auto json =
            test::runGatehouse({str("export"), dir.path(), str("--format"), str("openapi"), str("--json")});
        QVERIFY(json.out.startsWith("{"));
        // The sample's SAM export needs its wrappers: stdout alone cannot hold it.
        const auto many =
            test::runGatehouse({str("export"), test::samplePath(), str("--format"), str("sam")});
        QCOMPARE(many.exitCode, 2);
        QVERIFY(many.err.contains("-o DIR"));
    }

    void strictTurnsWarningsIntoFailure() {
        QTemporaryDir dir;
        const auto r = test::runGatehouse({str("export"), test::samplePath(), str("--format"), str("postman"),
                                           str("-o"), dir.filePath(str("p/")), str("--strict")});
        QCOMPARE(r.exitCode, 1);
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no format") << QStringList{str("export"), test::samplePath()}
                                   << QByteArray("needs --format");
        QTest::newRow("bad format") << QStringList{str("export"), test::samplePath(), str("--format"),
                                                   str("terraform")}
                                    << QByteArray("unknown --format 'terraform'");
        QTest::newRow("no project") << QStringList{str("export"), str("--format"), str("sam")}
                                    << QByteArray("exactly one PROJECT");
        QTest::newRow("import without -o")
            << QStringList{str("import"), str("x.yaml"), str("--from"), str("sam")}
            << QByteArray("-o PROJECT_DIR");
        QTest::newRow("import bad format")
            << QStringList{str("import"), str("x"), str("--from"), str("cdk"), str("-o"), str("d")}
            << QByteArray("unknown --from 'cdk'");
    }
    void usageErrors() {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        const auto r = test::runGatehouse(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), r.err.constData());
    }

    void missingProjectExitsTwo() {
        QTemporaryDir dir;
        const auto r =
            test::runGatehouse({str("export"), dir.filePath(str("none")), str("--format"), str("sam")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("no such project"));
    }

    void importedSampleValidatesAndExportsTheSameTemplate() {
        QTemporaryDir dir;
        const QString exported = dir.filePath(str("exported/"));
        QCOMPARE(test::runGatehouse(
                     {str("export"), test::samplePath(), str("--format"), str("sam"), str("-o"), exported})
                     .exitCode,
                 0);
        const QString project = dir.filePath(str("imported"));
        const auto imported = test::runGatehouse(
            {str("import"), exported + str("template.yaml"), str("--from"), str("sam"), str("-o"), project});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QVERIFY(imported.out.contains("8 function(s), 3 API(s) with 8 route(s)"));
        QVERIFY(imported.err.contains("template.yaml:")); // warnings name the file with line and column
        const auto validated = test::runGatehouse({str("validate"), project});
        QVERIFY2(validated.exitCode == 0, (validated.out + validated.err).constData());
        const QString again = dir.filePath(str("again/"));
        QCOMPARE(test::runGatehouse({str("export"), project, str("--format"), str("sam"), str("-o"), again})
                     .exitCode,
                 0);
        QCOMPARE(readFile(again + str("template.yaml")), readFile(exported + str("template.yaml")));
    }

    void importKeepsAnExistingProjectUnlessForced() {
        QTemporaryDir dir;
        const QString source = test::sourcePath(str("tests/data/import/openapi-aws-http.json"));
        const QString project = dir.filePath(str("p"));
        QCOMPARE(
            test::runGatehouse({str("import"), source, str("--from"), str("openapi"), str("-o"), project})
                .exitCode,
            0);
        const auto again =
            test::runGatehouse({str("import"), source, str("--from"), str("openapi"), str("-o"), project});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains("--force"));
        QCOMPARE(test::runGatehouse({str("import"), source, str("--from"), str("openapi"), str("-o"), project,
                                     str("--force")})
                     .exitCode,
                 0);
    }

    void malformedFileGivesLineAndColumnAndWritesNothing() {
        QTemporaryDir dir;
        const QString broken = dir.filePath(str("broken.yaml"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Resources:\n  Fn: [1, 2\n");
        f.close();
        const QString project = dir.filePath(str("p"));
        const auto r =
            test::runGatehouse({str("import"), broken, str("--from"), str("sam"), str("-o"), project});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("broken.yaml:3:"), r.err.constData());
        QVERIFY(!QFile::exists(project + str("/gatehouse.json")));
    }

    void importPostmanCollectionWithEnvironment() {
        QTemporaryDir dir;
        const QString project = dir.filePath(str("requests"));
        const auto r = test::runGatehouse(
            {str("import"), test::sourcePath(str("tests/data/import/postman-store.postman_collection.json")),
             test::sourcePath(str("tests/data/import/postman-store.staging.postman_environment.json")),
             str("--from"), str("postman"), str("-o"), project, str("--name"), str("store")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("6 request(s)"));
        const QByteArray json = readFile(project + str("/gatehouse.json"));
        QVERIFY(json.contains("\"name\": \"store\""));
        QVERIFY(json.contains("Products / Admin / Create product"));
        QVERIFY(json.contains("\"staging\""));
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
