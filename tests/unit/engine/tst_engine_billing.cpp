// Billed duration as Lambda computes it, for today's 1 ms billing and the classic 100 ms rounding.
#include "invoker/Billing.h"

#include <QtTest>

using namespace gatehouse;

class TestBilling : public QObject {
    Q_OBJECT
private slots:
    void billedDurationRoundsUp_data() {
        QTest::addColumn<double>("durationMs");
        QTest::addColumn<double>("initMs");
        QTest::addColumn<QString>("granularity");
        QTest::addColumn<qint64>("billed");
        // 1 ms: "Duration rounded up to the nearest millisecond" (monitoring-metrics.md).
        QTest::newRow("0.4 ms → 1 ms") << 0.4 << 0.0 << "1ms" << qint64(1);
        QTest::newRow("exactly 1 ms stays 1") << 1.0 << 0.0 << "1ms" << qint64(1);
        QTest::newRow("1.001 ms → 2 ms") << 1.001 << 0.0 << "1ms" << qint64(2);
        QTest::newRow("documented 128.83 ms → 129 ms") << 128.83 << 0.0 << "1ms" << qint64(129);
        QTest::newRow("zero still bills one unit") << 0.0 << 0.0 << "1ms" << qint64(1);
        // INIT billed since 2025-08-01 (AWS Compute Blog, "AWS Lambda standardizes billing for INIT Phase").
        QTest::newRow("cold start adds init before rounding") << 128.83 << 166.62 << "1ms" << qint64(296);
        // Classic: documented REPORT example 128.83 ms → Billed Duration 200 ms, init unbilled.
        QTest::newRow("classic 128.83 ms → 200 ms") << 128.83 << 0.0 << "100ms" << qint64(200);
        QTest::newRow("classic 5 ms → 100 ms") << 5.0 << 0.0 << "100ms" << qint64(100);
        QTest::newRow("classic 385 ms → 400 ms") << 385.0 << 0.0 << "100ms" << qint64(400);
        QTest::newRow("classic exactly 200 ms stays 200") << 200.0 << 0.0 << "100ms" << qint64(200);
        QTest::newRow("classic ignores init") << 128.83 << 166.62 << "100ms" << qint64(200);
        QTest::newRow("unknown setting means 1 ms") << 128.83 << 0.0 << "weird" << qint64(129);
    }
    void billedDurationRoundsUp() {
        QFETCH(double, durationMs);
        QFETCH(double, initMs);
        QFETCH(QString, granularity);
        QFETCH(qint64, billed);
        QCOMPARE(billedDurationMs(durationMs, initMs, billingGranularityFromSetting(granularity)), billed);
    }

    void floatingPointNoiseDoesNotAddAUnit() {
        QCOMPARE(billedDurationMs(0.1 + 0.2 + 128.53, 0, BillingGranularity::Millisecond), qint64(129));
        QCOMPARE(billedDurationMs(100.0000001, 0, BillingGranularity::HundredMilliseconds), qint64(100));
    }
};

QTEST_GUILESS_MAIN(TestBilling)
#include "tst_engine_billing.moc"
