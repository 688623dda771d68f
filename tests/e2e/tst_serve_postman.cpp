// Issue #5, point 5: the Postman collection exported from the sample project runs green with newman
// (../shared/validate/postman.sh, Postman's own runner) against `gatehouse serve` on the same sample —
// the exported assertions hold against the real local gateway and runtimes, not a stand-in.
#include "ServeProcess.h"
#include "TestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;

class TestServePostman : public QObject {
    Q_OBJECT
private slots:
    void exportedCollectionPassesAgainstServe() {
        const QString tools = qEnvironmentVariable("VALIDATE_HOME", QStringLiteral("/tmp/validate-tools"));
        if (!QDir(tools + QStringLiteral("/node_modules/.bin")).exists(QStringLiteral("newman")))
            QSKIP("newman is not installed (run ../shared/validate/install.sh)");
        // The sample's echo runs on Node.js and listPets on Python: real interpreters are needed.
        if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty()) QSKIP("node is not installed");
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QSKIP("python3 is not installed");

        QTemporaryDir dir;
        const QString sample = dir.filePath(QStringLiteral("hello-api"));
        QVERIFY(test::copyTree(test::samplePath(), sample));
        const QString out = dir.filePath(QStringLiteral("postman/")); // a trailing / names a folder
        const test::ProcessResult exported =
            test::runGatehouse({QStringLiteral("export"), sample, QStringLiteral("--format"),
                                QStringLiteral("postman"), QStringLiteral("-o"), out});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        const QStringList files = QDir(out).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QString collection, environment;
        for (const QString &file : files)
            (file.contains(QLatin1String("environment")) ? environment : collection) =
                QDir(out).filePath(file);
        QVERIFY2(!collection.isEmpty() && !environment.isEmpty(), qPrintable(files.join(QLatin1Char(' '))));

        test::ServeProcess serve;
        QVERIFY2(serve.start(sample, dir.filePath(QStringLiteral("endpoints.json"))),
                 serve.err().constData());
        const QString helloHttp = serve.apiUrl(QStringLiteral("hello-http")).toString();
        const QString petsRest = serve.apiUrl(QStringLiteral("pets-rest")).toString();
        QVERIFY(!helloHttp.isEmpty() && !petsRest.isEmpty());

        QProcess newman;
        newman.setProcessChannelMode(QProcess::MergedChannels);
        newman.start(QStringLiteral("bash"),
                     {test::sharedPath(QStringLiteral("validate/postman.sh")), collection, environment,
                      helloHttp, QStringLiteral("--env-var"), QStringLiteral("helloHttp=") + helloHttp,
                      QStringLiteral("--env-var"), QStringLiteral("petsRest=") + petsRest});
        QVERIFY(newman.waitForStarted());
        QVERIFY(newman.waitForFinished(120000));
        const QByteArray output = newman.readAll();
        QVERIFY2(newman.exitCode() == 0, (output + "\n--- serve stderr:\n" + serve.err()).constData());
        QVERIFY(output.contains("$.ping equals pong"));
        QCOMPARE(serve.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServePostman)
#include "tst_serve_postman.moc"
