// `gatehouse load PROJECT` end to end on the bundled sample: a count run sends exactly that many requests
// and reports them with percentiles, the route and function they reached and a monthly cost; status codes
// other than 2xx are counted, a duration run stops by itself, and bad options are usage errors.
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;

class TestCliLoad : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString sample() const { return m_dir.filePath(QStringLiteral("hello-api")); }
    test::ProcessResult runLoad(const QStringList &extra) {
        return test::runGatehouse(QStringList{QStringLiteral("load"), sample()} + extra, 90000);
    }
    QJsonObject runJson(const QStringList &extra, int expectedExit = 0) {
        const auto r = runLoad(extra + QStringList{QStringLiteral("--json")});
        if (!r.finished || r.exitCode != expectedExit) {
            qWarning() << r.exitCode << r.out << r.err;
            return {};
        }
        return QJsonDocument::fromJson(r.out).object();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(test::copyTree(test::samplePath(), sample()));
    }

    // "Say hello" is the embedded JavaScript function `hello` behind GET /hello of the HTTP API.
    void aCountRunSendsExactlyThatManyAndProjectsTheCost() {
        const QJsonObject o =
            runJson({QStringLiteral("--request"), QStringLiteral("Say hello"), QStringLiteral("--count"),
                     QStringLiteral("40"), QStringLiteral("--concurrency"), QStringLiteral("4")});
        QVERIFY(!o.isEmpty());
        QCOMPARE(o.value(QStringLiteral("request")).toString(), QStringLiteral("Say hello"));
        QCOMPARE(o.value(QStringLiteral("sent")).toInt(), 40);
        QCOMPARE(o.value(QStringLiteral("completed")).toInt(), 40);
        QCOMPARE(o.value(QStringLiteral("concurrency")).toInt(), 4);
        QCOMPARE(o.value(QStringLiteral("statusCodes")).toObject(),
                 (QJsonObject{{QStringLiteral("200"), 40}}));
        QVERIFY(o.value(QStringLiteral("errors")).toObject().isEmpty());
        const QJsonObject latency = o.value(QStringLiteral("latencyMs")).toObject();
        QVERIFY(latency.value(QStringLiteral("p50")).toDouble() > 0);
        QVERIFY(latency.value(QStringLiteral("p99")).toDouble() >=
                latency.value(QStringLiteral("p50")).toDouble());
        QVERIFY(latency.value(QStringLiteral("max")).toDouble() >=
                latency.value(QStringLiteral("p99")).toDouble());
        QVERIFY(o.value(QStringLiteral("requestsPerSecond")).toDouble() > 0);
        QVERIFY(o.value(QStringLiteral("url")).toString().endsWith(QLatin1String("/hello")));

        const QJsonObject cost = o.value(QStringLiteral("cost")).toObject();
        QCOMPARE(cost.value(QStringLiteral("functions")).toArray(), QJsonArray{QStringLiteral("hello")});
        const QJsonArray routes = cost.value(QStringLiteral("routes")).toArray();
        QCOMPARE(routes.size(), 1);
        QCOMPARE(routes.first().toObject().value(QStringLiteral("api")).toString(),
                 QStringLiteral("hello-http"));
        QCOMPARE(routes.first().toObject().value(QStringLiteral("route")).toString(),
                 QStringLiteral("GET /hello"));
        QCOMPARE(cost.value(QStringLiteral("requestsPerSecond")).toDouble(),
                 o.value(QStringLiteral("requestsPerSecond")).toDouble());
        QVERIFY(cost.value(QStringLiteral("monthly")).toDouble() > 0);
        QStringList services;
        for (const QJsonValue &line : cost.value(QStringLiteral("lines")).toArray())
            services << line.toObject().value(QStringLiteral("service")).toString();
        QVERIFY(services.contains(QStringLiteral("Lambda")));
        QVERIFY(services.contains(QStringLiteral("API Gateway")));
    }

    void textOutputNamesTheFigures() {
        const auto r =
            runLoad({QStringLiteral("--request"), QStringLiteral("Say hello"), QStringLiteral("--count"),
                     QStringLiteral("10"), QStringLiteral("--concurrency"), QStringLiteral("2")});
        QVERIFY2(r.finished && r.exitCode == 0, (r.out + r.err).constData());
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QStringLiteral("10 completed of 10 sent")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Status codes: 200 \u00d7 10")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Errors:       none")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Latency (ms): p50 ")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Functions:    hello")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("a month at ")), qPrintable(out));
    }

    // A 404 is an answer, not a failure: counted by code, exit 0.
    void otherStatusCodesAreCounted() {
        const QJsonObject o = runJson({QStringLiteral("--request"), QStringLiteral("Items / Unknown"),
                                       QStringLiteral("--count"), QStringLiteral("6")});
        QVERIFY(!o.isEmpty());
        QCOMPARE(o.value(QStringLiteral("request")).toString(),
                 QStringLiteral("Items / Unknown id is a 404"));
        QCOMPARE(o.value(QStringLiteral("statusCodes")).toObject(),
                 (QJsonObject{{QStringLiteral("404"), 6}}));
    }

    void aDurationRunEndsByItself() {
        const QJsonObject o =
            runJson({QStringLiteral("--request"), QStringLiteral("Say hello"), QStringLiteral("--duration"),
                     QStringLiteral("1"), QStringLiteral("--concurrency"), QStringLiteral("2")});
        QVERIFY(!o.isEmpty());
        QCOMPARE(o.value(QStringLiteral("durationMs")).toInt(), 1000);
        QVERIFY(o.value(QStringLiteral("completed")).toInt() > 0);
        QCOMPARE(o.value(QStringLiteral("completed")).toInt(), o.value(QStringLiteral("sent")).toInt());
        QVERIFY(o.value(QStringLiteral("elapsedMs")).toDouble() >= 1000);
    }

    void badOptionsAreUsageErrors_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no request") << QStringList{} << "needs --request";
        QTest::newRow("unknown request") << QStringList{"--request", "Nope"} << "requests: Say hello, ";
        QTest::newRow("both") << QStringList{"--request", "Say hello", "--count", "5", "--duration", "1"}
                              << "not both";
        QTest::newRow("concurrency") << QStringList{"--request", "Say hello", "--concurrency", "0"}
                                     << "--concurrency wants";
        QTest::newRow("environment") << QStringList{"--request", "Say hello", "--env", "prod"}
                                     << "no environment 'prod'";
    }
    void badOptionsAreUsageErrors() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const auto r = runLoad(arguments);
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliLoad)
#include "tst_cli_load.moc"
