// `gatehouse test PROJECT` end to end: the bundled sample's saved requests all pass against its own
// local cloud, a broken assertion fails with a line that names it and what was found, and the options
// (--request, --env, --json, --timeout) behave as documented.
#include "TestSupport.h"

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

QStringList lines(const QByteArray &out) {
    return QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

int savedRequestCount(const QString &folder) {
    QFile file(QDir(folder).filePath(QStringLiteral("gatehouse.json")));
    if (!file.open(QIODevice::ReadOnly)) return -1;
    return int(
        QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("requests")).toArray().size());
}

bool replaceInProjectFile(const QString &folder, const QByteArray &from, const QByteArray &to) {
    QFile file(QDir(folder).filePath(QStringLiteral("gatehouse.json")));
    if (!file.open(QIODevice::ReadOnly)) return false;
    QByteArray text = file.readAll();
    file.close();
    if (!text.contains(from)) return false;
    text.replace(from, to);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

} // namespace

class TestCliTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString sample() const { return m_dir.filePath(QStringLiteral("hello-api")); }
    test::ProcessResult runTest(const QStringList &extra) {
        return test::runGatehouse(QStringList{QStringLiteral("test"), sample()} + extra, 90000);
    }

private slots:
    void initTestCase() {
        // The sample's echo runs on Node.js and listPets on Python: real interpreters are needed.
        if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty()) QSKIP("node is not installed");
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QSKIP("python3 is not installed");
        QVERIFY(m_dir.isValid());
        QVERIFY(test::copyTree(test::samplePath(), sample()));
    }

    void theSamplePassesOutOfTheBox() {
        const auto r = runTest({});
        QVERIFY2(r.finished, r.err.constData());
        QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
        const QStringList out = lines(r.out);
        const int count = savedRequestCount(sample());
        QVERIFY(count >= 5);
        QCOMPARE(out.size(), count + 1);
        for (int i = 0; i < count; ++i)
            QVERIFY2(out.at(i).startsWith(QLatin1String("PASS  ")), qPrintable(out.at(i)));
        QVERIFY(out.first().startsWith(QLatin1String("PASS  Say hello  (200, ")));
        QVERIFY(out.first().endsWith(QLatin1String(" ms)")));
        QCOMPARE(out.last(), QStringLiteral("%1 passed, 0 failed").arg(count));
    }

    void aFailingAssertionNamesItselfAndWhatWasFound() {
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("broken"));
        QVERIFY(test::copyTree(test::samplePath(), copy));
        QVERIFY(replaceInProjectFile(copy, R"("target": "$['name']", "op": "equals", "expected": "banana")",
                                     R"("target": "$['name']", "op": "equals", "expected": "apple")"));
        const auto r = test::runGatehouse({QStringLiteral("test"), copy}, 90000);
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 1);
        const QStringList out = lines(r.out);
        QVERIFY2(out.contains(QStringLiteral(
                     R"(FAIL  Items / Get one: jsonPath $['name']: expected "apple", got "banana")")),
                 r.out.constData());
        QCOMPARE(out.last(), QStringLiteral("%1 passed, 1 failed").arg(savedRequestCount(copy) - 1));
    }

    void requestSelectsByNameOrPrefix() {
        const auto r = runTest({QStringLiteral("--request"), QStringLiteral("Items /")});
        QCOMPARE(r.exitCode, 0);
        const QStringList out = lines(r.out);
        QCOMPARE(out.size(), 3);
        QVERIFY(out.at(0).startsWith(QLatin1String("PASS  Items / Get one  (200, ")));
        QVERIFY(out.at(1).startsWith(QLatin1String("PASS  Items / Unknown id is a 404  (404, ")));
        QCOMPARE(out.at(2), QStringLiteral("2 passed, 0 failed"));
    }

    void jsonReportsEveryAssertion() {
        const auto r =
            runTest({QStringLiteral("--json"), QStringLiteral("--request"), QStringLiteral("Say hello")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(report.value(QStringLiteral("passed")).toInt(), 1);
        QCOMPARE(report.value(QStringLiteral("failed")).toInt(), 0);
        QCOMPARE(report.value(QStringLiteral("environment")).toString(), QStringLiteral("local"));
        const QJsonObject hello = report.value(QStringLiteral("requests")).toArray().first().toObject();
        QCOMPARE(hello.value(QStringLiteral("status")).toInt(), 200);
        QVERIFY(hello.value(QStringLiteral("url")).toString().endsWith(QLatin1String("/hello")));
        const QJsonArray assertions = hello.value(QStringLiteral("assertions")).toArray();
        QCOMPARE(assertions.size(), 4);
        const QJsonObject message = assertions.at(2).toObject();
        QCOMPARE(message.value(QStringLiteral("target")).toString(), QStringLiteral("$.message"));
        QCOMPARE(message.value(QStringLiteral("actual")).toString(), QStringLiteral("\"hello\""));
        QVERIFY(message.value(QStringLiteral("passed")).toBool());
    }

    void usageErrorsExitTwo() {
        const auto env = runTest({QStringLiteral("--env"), QStringLiteral("staging")});
        QCOMPARE(env.exitCode, 2);
        QVERIFY2(env.err.contains("no environment 'staging'"), env.err.constData());
        QCOMPARE(runTest({QStringLiteral("--request"), QStringLiteral("Nope")}).exitCode, 2);
        QCOMPARE(runTest({QStringLiteral("--timeout"), QStringLiteral("soon")}).exitCode, 2);
        QCOMPARE(
            test::runGatehouse({QStringLiteral("test"), m_dir.filePath(QStringLiteral("missing"))}).exitCode,
            2);

        QTemporaryDir dir;
        const QString broken = test::writeProjectFile(dir.filePath(QStringLiteral("broken")), "{ not json");
        QCOMPARE(test::runGatehouse({QStringLiteral("test"), broken}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliTest)
#include "tst_cli_test.moc"
