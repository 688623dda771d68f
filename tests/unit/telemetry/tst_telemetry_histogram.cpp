// LatencyHistogram: fixed-size log-linear buckets whose percentiles stay within 1% of the exact ones
// from 1 µs to 15 min, mergeable, with an exact max; DistributionDigest keeps a slot's percentiles.
#include "telemetry/DistributionDigest.h"
#include "telemetry/LatencyHistogram.h"

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <random>

using namespace gatehouse;

namespace {

constexpr quint64 kFifteenMinutes = 15ull * 60 * 1000 * 1000;

// The exact nearest-rank percentile: the value at rank ceil(q · n) of the sorted values.
quint64 exactPercentile(std::vector<quint64> sorted, double q) {
    const std::size_t rank = std::max<std::size_t>(1, std::size_t(std::ceil(q * double(sorted.size()))));
    return sorted[rank - 1];
}

double relativeError(quint64 estimate, quint64 exact) {
    if (exact == 0) return estimate == 0 ? 0 : 1;
    return std::fabs(double(estimate) - double(exact)) / double(exact);
}

// Values from one of several shapes a latency takes, always within 1 µs .. 15 min.
std::vector<quint64> sample(const QString &shape, std::size_t n, quint64 seed) {
    std::mt19937_64 rng(seed);
    std::vector<quint64> values;
    values.reserve(n);
    const auto clampValue = [](double v) {
        return std::clamp<quint64>(quint64(std::llround(v)), 1, kFifteenMinutes);
    };
    for (std::size_t i = 0; i < n; ++i) {
        double v = 0;
        if (shape == QLatin1String("log-uniform 1 µs .. 15 min")) {
            v = std::exp(std::uniform_real_distribution<double>(0, std::log(double(kFifteenMinutes)))(rng));
        } else if (shape == QLatin1String("lognormal around 20 ms")) {
            v = std::lognormal_distribution<double>(std::log(20000.0), 0.8)(rng);
        } else if (shape == QLatin1String("exponential, mean 3 ms")) {
            v = std::exponential_distribution<double>(1.0 / 3000.0)(rng);
        } else if (shape == QLatin1String("bimodal: warm 2 ms, cold 300 ms")) {
            const bool cold = std::uniform_real_distribution<double>(0, 1)(rng) < 0.05;
            v = std::normal_distribution<double>(cold ? 300000.0 : 2000.0, cold ? 40000.0 : 300.0)(rng);
        } else if (shape == QLatin1String("sub-millisecond, 1..900 µs")) {
            v = double(std::uniform_int_distribution<int>(1, 900)(rng));
        } else {
            v = 123456; // constant
        }
        values.push_back(clampValue(v));
    }
    return values;
}

} // namespace

class TestHistogram : public QObject {
    Q_OBJECT
private slots:
    void percentilesWithinOnePercentOfExact_data() {
        QTest::addColumn<QString>("shape");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("count");
        const QStringList shapes{
            QStringLiteral("log-uniform 1 µs .. 15 min"), QStringLiteral("lognormal around 20 ms"),
            QStringLiteral("exponential, mean 3 ms"),     QStringLiteral("bimodal: warm 2 ms, cold 300 ms"),
            QStringLiteral("sub-millisecond, 1..900 µs"), QStringLiteral("constant")};
        for (const QString &shape : shapes) {
            QTest::newRow(qPrintable(shape + QStringLiteral(", seed 7, 1 value")))
                << shape << quint64(7) << 1;
            QTest::newRow(qPrintable(shape + QStringLiteral(", seed 11, 97 values")))
                << shape << quint64(11) << 97;
            QTest::newRow(qPrintable(shape + QStringLiteral(", seed 42, 100000 values")))
                << shape << quint64(42) << 100000;
        }
    }
    void percentilesWithinOnePercentOfExact() {
        QFETCH(QString, shape);
        QFETCH(quint64, seed);
        QFETCH(int, count);
        std::vector<quint64> values = sample(shape, std::size_t(count), seed);
        LatencyHistogram h;
        for (const quint64 v : values)
            h.record(v);
        std::sort(values.begin(), values.end());
        QCOMPARE(h.count(), quint64(count));
        QCOMPARE(h.maxMicros(), values.back()); // exact
        QCOMPARE(h.minMicros(), values.front());
        for (const double q : {0.0, 0.01, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0}) {
            const quint64 exact = exactPercentile(values, q);
            const quint64 estimate = h.percentileMicros(q);
            QVERIFY2(relativeError(estimate, exact) <= 0.01,
                     qPrintable(QStringLiteral("p%1: %2 µs estimated, %3 µs exact")
                                    .arg(q * 100)
                                    .arg(estimate)
                                    .arg(exact)));
        }
    }

    void everyValueLiesInItsBucketAndBucketsTile() {
        // Buckets are contiguous from 0 to past 15 min, and each value's bucket holds it.
        quint64 next = 0;
        for (int b = 0; b < LatencyHistogram::kBucketCount; ++b) {
            QCOMPARE(LatencyHistogram::lowerBound(b), next);
            QVERIFY(LatencyHistogram::upperBound(b) > LatencyHistogram::lowerBound(b));
            next = LatencyHistogram::upperBound(b);
            // Half a bucket is at most 1/128 of any value in it: the 1% bound with room to spare.
            const quint64 width = LatencyHistogram::upperBound(b) - LatencyHistogram::lowerBound(b);
            if (width > 1) QVERIFY(double(width) / 2 <= double(LatencyHistogram::lowerBound(b)) / 128);
        }
        QCOMPARE(next, LatencyHistogram::kMaxMicros + 1);
        QVERIFY(LatencyHistogram::kMaxMicros >= kFifteenMinutes);
        std::mt19937_64 rng(3);
        for (int i = 0; i < 20000; ++i) {
            const quint64 v = rng() % (LatencyHistogram::kMaxMicros + 1);
            const int b = LatencyHistogram::bucketOf(v);
            QVERIFY(LatencyHistogram::lowerBound(b) <= v && v < LatencyHistogram::upperBound(b));
        }
    }

    void valuesBeyondTheRangeKeepAnExactMax() {
        LatencyHistogram h;
        h.record(LatencyHistogram::kMaxMicros * 4);
        QCOMPARE(LatencyHistogram::bucketOf(LatencyHistogram::kMaxMicros * 4),
                 LatencyHistogram::kBucketCount - 1);
        QCOMPARE(h.maxMicros(), LatencyHistogram::kMaxMicros * 4);
        QCOMPARE(h.percentileMicros(0.5), LatencyHistogram::kMaxMicros * 4); // clamped to [min, max]
    }

    void mergeEqualsRecordingEverythingInOne() {
        const std::vector<quint64> a = sample(QStringLiteral("lognormal around 20 ms"), 5000, 1);
        const std::vector<quint64> b = sample(QStringLiteral("bimodal: warm 2 ms, cold 300 ms"), 7000, 2);
        LatencyHistogram ha, hb, all;
        for (const quint64 v : a) {
            ha.record(v);
            all.record(v);
        }
        for (const quint64 v : b) {
            hb.record(v);
            all.record(v);
        }
        ha.merge(hb);
        QCOMPARE(ha.count(), all.count());
        QCOMPARE(ha.sumMicros(), all.sumMicros());
        QCOMPARE(ha.maxMicros(), all.maxMicros());
        QCOMPARE(ha.minMicros(), all.minMicros());
        for (int bucket = 0; bucket < LatencyHistogram::kBucketCount; ++bucket)
            QCOMPARE(ha.bucketCount(bucket), all.bucketCount(bucket));
        for (const double q : {0.5, 0.9, 0.99})
            QCOMPARE(ha.percentileMicros(q), all.percentileMicros(q));
    }

    void clearEmptiesOnlyWhatWasUsed() {
        LatencyHistogram h;
        h.record(5);
        h.record(1000000);
        h.clear();
        QVERIFY(h.isEmpty());
        QCOMPARE(h.percentileMicros(0.5), quint64(0));
        QCOMPARE(h.percentileBucket(0.5), -1);
        for (int bucket = 0; bucket < LatencyHistogram::kBucketCount; ++bucket)
            QCOMPARE(h.bucketCount(bucket), quint64(0));
        h.record(42);
        QCOMPARE(h.percentileMicros(1.0), quint64(42));
    }

    void chartBucketsJoinNeighboursWithinAnOctave() {
        LatencyHistogram h;
        for (const quint64 v : sample(QStringLiteral("exponential, mean 3 ms"), 10000, 5))
            h.record(v);
        for (const int perOctave : {64, 16, 4, 1}) {
            const QList<LatencyHistogram::Bucket> bars = h.buckets(perOctave);
            quint64 total = 0;
            quint64 previousUpper = 0;
            for (const LatencyHistogram::Bucket &bar : bars) {
                QVERIFY(bar.lowerMicros >= previousUpper);
                QVERIFY(bar.upperMicros > bar.lowerMicros);
                QVERIFY(bar.count > 0);
                total += bar.count;
                previousUpper = bar.upperMicros;
            }
            QCOMPARE(total, h.count());
        }
        QVERIFY(h.buckets(1).size() < h.buckets(64).size());
    }

    void digestKeepsTheSlotsPercentilesAndMax() {
        const std::vector<quint64> values = sample(QStringLiteral("lognormal around 20 ms"), 3000, 9);
        LatencyHistogram h;
        for (const quint64 v : values)
            h.record(v);
        const DistributionSummary s = DistributionDigest::of(h).summary();
        std::vector<quint64> sorted = values;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(s.samples, quint64(3000));
        QCOMPARE(s.maxMs, double(sorted.back()) / 1000.0);
        const std::pair<double, double> checks[] = {
            {0.5, s.p50Ms}, {0.9, s.p90Ms}, {0.95, s.p95Ms}, {0.99, s.p99Ms}};
        for (const auto &[q, ms] : checks)
            QVERIFY(relativeError(quint64(std::llround(ms * 1000)), exactPercentile(sorted, q)) <= 0.01);
        QCOMPARE(DistributionDigest::of(LatencyHistogram()).summary().samples, quint64(0));
    }
};

QTEST_GUILESS_MAIN(TestHistogram)
#include "tst_telemetry_histogram.moc"
