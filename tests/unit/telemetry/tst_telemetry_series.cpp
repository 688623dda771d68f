// MetricsStore and its series: 1-second points for an hour and 1-minute points for a day, rolled over by
// an injected clock (no sleeping), concurrency carried through quiet slots, exact counts under
// concurrent recording, and a memory bound that no amount of traffic or routes can exceed.
#include "telemetry/MetricsStore.h"

#include <QtTest>
#include <atomic>
#include <thread>
#include <vector>

using namespace gatehouse;

namespace {

// 2026-01-01T00:00:00Z: a whole minute, so that slot boundaries are easy to see.
constexpr qint64 kStart = 1767225600000;

struct ManualClock {
    std::shared_ptr<std::atomic<qint64>> now = std::make_shared<std::atomic<qint64>>(kStart);
    MetricsStore::Clock clock() const {
        return [now = now] { return now->load(); };
    }
    void set(qint64 ms) { now->store(ms); }
    void advance(qint64 ms) { now->fetch_add(ms); }
};

InvocationSample finished(QStringView function, qint64 durationMicros, bool error = false,
                          qint64 initMicros = -1) {
    return InvocationSample{.function = function,
                            .error = error,
                            .coldStart = initMicros >= 0,
                            .durationMicros = durationMicros,
                            .initDurationMicros = initMicros};
}

RequestSample request(QStringView route, int status, qint64 latencyMicros, qint64 integrationMicros = -1) {
    return RequestSample{.api = u"shop",
                         .stage = u"$default",
                         .route = route,
                         .status = status,
                         .latencyMicros = latencyMicros,
                         .integrationLatencyMicros = integrationMicros};
}

const RouteKey kGetItems{QStringLiteral("shop"), QStringLiteral("$default"), QStringLiteral("GET /items")};

} // namespace

class TestSeries : public QObject {
    Q_OBJECT
private slots:
    void secondPointsRollOverAtEachSecond() {
        ManualClock clock;
        MetricsStore store(clock.clock());
        store.recordInvocationFinished(finished(u"hello", 2000));
        store.recordInvocationFinished(finished(u"hello", 4000, true));
        clock.advance(999); // still the same second
        store.recordInvocationFinished(finished(u"hello", 6000));
        clock.advance(1); // the next second
        store.recordInvocationFinished(finished(u"hello", 10000, false, 150000));
        clock.advance(2000); // one quiet second, then now

        const FunctionWindow w = store.functionWindow(QStringLiteral("hello"), MetricResolution::Second, 4);
        QCOMPARE(w.points.size(), 4);
        QCOMPARE(w.points[0].startMs, kStart);
        QCOMPARE(w.points[1].startMs, kStart + 1000);
        QCOMPARE(w.points[0].invocations, quint64(3));
        QCOMPARE(w.points[0].errors, quint64(1));
        QCOMPARE(w.points[0].duration.samples, quint64(3));
        QVERIFY(qAbs(w.points[0].duration.p50Ms - 4.0) <= 4.0 * 0.01); // a bucket's midpoint
        QCOMPARE(w.points[0].duration.maxMs, 6.0);
        QCOMPARE(w.points[1].invocations, quint64(1));
        QCOMPARE(w.points[1].coldStarts, quint64(1));
        QCOMPARE(w.points[1].initDuration.maxMs, 150.0);
        QCOMPARE(w.points[2].invocations, quint64(0)); // nothing happened
        QCOMPARE(w.points[3].invocations, quint64(0)); // the open second, empty
        QCOMPARE(w.totals.invocations, quint64(4));
        QCOMPARE(w.totals.errors, quint64(1));
        QCOMPARE(w.totals.duration.maxMs, 10.0);
    }

    void minutePointsRollOverAtEachMinute() {
        ManualClock clock;
        MetricsStore store(clock.clock());
        for (int s = 0; s < 60; ++s) { // one request a second for a minute
            store.recordRequest(request(u"GET /items", s % 10 == 0 ? 502 : 200, 1000 + s));
            clock.advance(1000);
        }
        store.recordRequest(request(u"GET /items", 404, 500)); // the next minute's first
        const RouteWindow w = store.routeWindow(kGetItems, MetricResolution::Minute, 3);
        QCOMPARE(w.points.size(), 3);
        QCOMPARE(w.points[1].startMs, kStart);
        QCOMPARE(w.points[1].count, quint64(60));
        QCOMPARE(w.points[1].serverErrors, quint64(6));
        QCOMPARE(w.points[1].latency.maxMs, 1.059);
        QCOMPARE(w.points[2].startMs, kStart + 60000);
        QCOMPARE(w.points[2].count, quint64(1));
        QCOMPARE(w.points[2].clientErrors, quint64(1));
        QCOMPARE(w.points[0].count, quint64(0)); // the minute before anything
        // The same minute at 1-second resolution: 60 points of one request each.
        const RouteWindow seconds = store.routeWindow(kGetItems, MetricResolution::Second, 61);
        QCOMPARE(seconds.totals.count, quint64(61));
        for (qsizetype i = 0; i < 60; ++i)
            QCOMPARE(seconds.points[i].count, quint64(1));
    }

    void anHourLaterASecondSlotIsReusedAndTheOldPointIsGone() {
        ManualClock clock;
        MetricsStore store(clock.clock());
        store.recordRequest(request(u"GET /items", 200, 1000));
        clock.advance(3600 * 1000); // exactly the ring's length: the same slot of the ring
        store.recordRequest(request(u"GET /items", 200, 3000));
        store.recordRequest(request(u"GET /items", 200, 3000));
        clock.advance(1000);
        const RouteWindow hour = store.routeWindow(kGetItems, MetricResolution::Second, 3600);
        QCOMPARE(hour.points.size(), 3600);
        QCOMPARE(hour.totals.count, quint64(2)); // the first request is more than an hour old
        QCOMPARE(hour.points[3598].count, quint64(2));
        // Asking for more than a ring holds gives what it holds.
        QCOMPARE(store.routeWindow(kGetItems, MetricResolution::Second, 100000).points.size(), 3600);
        // The minute ring still has both.
        QCOMPARE(store.routeWindow(kGetItems, MetricResolution::Minute, 61).totals.count, quint64(3));
    }

    void aDayLaterAMinuteSlotIsReused() {
        ManualClock clock;
        MetricsStore store(clock.clock());
        store.recordRequest(request(u"GET /items", 200, 1000));
        clock.advance(24 * 3600 * 1000 - 60000); // the last minute of the day
        store.recordRequest(request(u"GET /items", 200, 1000));
        QCOMPARE(store.routeWindow(kGetItems, MetricResolution::Minute, 1440).totals.count, quint64(2));
        clock.advance(60000); // the first minute's slot now holds this minute
        store.recordRequest(request(u"GET /items", 200, 1000));
        const RouteWindow day = store.routeWindow(kGetItems, MetricResolution::Minute, 1440);
        QCOMPARE(day.totals.count, quint64(2));
        QCOMPARE(day.points.first().startMs, kStart + 60000);
        QCOMPARE(store.routeTotals(kGetItems).count, quint64(3)); // since start: everything
    }

    void aLongQuietSpellLeavesOnlyEmptyPoints() {
        ManualClock clock;
        MetricsStore store(clock.clock());
        store.recordInvocationFinished(finished(u"hello", 1000));
        clock.advance(3LL * 24 * 3600 * 1000);
        QCOMPARE(
            store.functionWindow(QStringLiteral("hello"), MetricResolution::Second, 3600).totals.invocations,
            quint64(0));
        QCOMPARE(
            store.functionWindow(QStringLiteral("hello"), MetricResolution::Minute, 1440).totals.invocations,
            quint64(0));
        QCOMPARE(store.functionTotals(QStringLiteral("hello")).invocations, quint64(1));
    }

    void aClockSteppingBackKeepsFillingTheOpenSlot() {
        ManualClock clock;
        MetricsStore store(clock.clock());
        clock.advance(5000);
        store.recordRequest(request(u"GET /items", 200, 1000));
        clock.advance(-3000); // NTP stepped back
        store.recordRequest(request(u"GET /items", 200, 1000));
        const RouteWindow w = store.routeWindow(kGetItems, MetricResolution::Second, 1);
        QCOMPARE(w.points.size(), 1);
        QCOMPARE(w.points[0].startMs, kStart + 5000);
        QCOMPARE(w.points[0].count, quint64(2));
    }

    void concurrencyPeaksAndCarriesThroughQuietSlots() {
        ManualClock clock;
        MetricsStore store(clock.clock());
        store.recordInvocationStarted(u"slow");
        store.recordInvocationStarted(u"slow");
        store.recordInvocationStarted(u"slow");
        store.recordInvocationFinished(finished(u"slow", 100));
        clock.advance(3000); // two invocations stay in flight for three quiet seconds
        store.recordInvocationFinished(finished(u"slow", 3000000));
        clock.advance(2000);
        store.recordInvocationFinished(finished(u"slow", 5000000));
        // Seconds 0..5: three at once, then two in flight through the quiet seconds 1 and 2, one from the
        // end of second 3 on (its peak is still two), and the last ending during second 5.
        const FunctionWindow w = store.functionWindow(QStringLiteral("slow"), MetricResolution::Second, 6);
        QList<quint64> peaks;
        for (const FunctionPoint &p : w.points)
            peaks.append(p.concurrentExecutions);
        QCOMPARE(peaks, (QList<quint64>{3, 2, 2, 2, 1, 1}));
        QCOMPARE(w.totals.concurrentExecutions, quint64(3));
        QCOMPARE(store.functionTotals(QStringLiteral("slow")).inFlight, quint64(0));
        // A window that starts after the last change still sees the level that held.
        store.recordInvocationStarted(u"slow");
        clock.advance(10000);
        const FunctionWindow later =
            store.functionWindow(QStringLiteral("slow"), MetricResolution::Second, 3);
        for (const FunctionPoint &p : later.points)
            QCOMPARE(p.concurrentExecutions, quint64(1));
    }

    void throttlesAndRoutesWithoutAMatchAreCounted() {
        ManualClock clock;
        MetricsStore store(clock.clock());
        store.recordThrottle(u"hello");
        store.recordThrottle(u"hello");
        store.recordRequest(request(MetricsStore::kNoRoute, 404, 200));
        QCOMPARE(store.functionTotals(QStringLiteral("hello")).throttles, quint64(2));
        QCOMPARE(store.functionTotals(QStringLiteral("hello")).invocations, quint64(0));
        const RouteKey none{QStringLiteral("shop"), QStringLiteral("$default"), MetricsStore::kNoRoute};
        QCOMPARE(store.routeTotals(none).clientErrors, quint64(1));
        QCOMPARE(store.routes(), QList<RouteKey>{none});
    }

    void integrationLatencyOnlyWhenAnIntegrationRan() {
        ManualClock clock;
        MetricsStore store(clock.clock());
        store.recordRequest(request(u"GET /items", 200, 5000, 4000));
        store.recordRequest(request(u"GET /items", 401, 300)); // refused by the authorizer
        const RouteTotals t = store.routeTotals(kGetItems);
        QCOMPARE(t.latency.samples, quint64(2));
        QCOMPARE(t.integrationLatency.samples, quint64(1));
        QCOMPARE(t.integrationLatency.p99Ms, 4.0);
        QCOMPARE(t.latency.meanMs, 2.65);
    }

    void concurrentRecordingCountsEveryRequest() {
        ManualClock clock;
        MetricsStore store(clock.clock());
        constexpr int kThreads = 4;
        constexpr int kPerThread = 20000;
        std::atomic<bool> go{false};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t)
            threads.emplace_back([&, t] {
                while (!go.load())
                    std::this_thread::yield();
                for (int i = 0; i < kPerThread; ++i) {
                    // Two routes (one shared by all threads), time moving under the writers' feet.
                    store.recordRequest(
                        request(i % 2 ? QStringView(u"GET /items") : QStringView(u"GET /other"),
                                i % 7 == 0 ? 500 : 200, 100 + i % 1000));
                    if (t == 0 && i % 1000 == 0) clock.advance(250);
                    store.recordInvocationFinished(finished(u"hello", 1000 + t));
                }
            });
        go = true;
        for (std::thread &thread : threads)
            thread.join();
        const RouteKey other{QStringLiteral("shop"), QStringLiteral("$default"),
                             QStringLiteral("GET /other")};
        const quint64 all = quint64(kThreads) * kPerThread;
        QCOMPARE(store.routeTotals(kGetItems).count + store.routeTotals(other).count, all);
        QCOMPARE(store.routeTotals(kGetItems).count, all / 2);
        QCOMPARE(store.functionTotals(QStringLiteral("hello")).invocations, all);
        QCOMPARE(store.functionTotals(QStringLiteral("hello")).duration.samples, all);
        // The rings hold the same requests as the totals: nothing lost at a rollover.
        const RouteWindow window = store.routeWindow(kGetItems, MetricResolution::Second, 3600);
        QCOMPARE(window.totals.count, all / 2);
        quint64 expectedErrors = 0;
        for (int i = 0; i < kPerThread; ++i)
            if (i % 2 && i % 7 == 0) ++expectedErrors;
        QCOMPARE(window.totals.serverErrors, expectedErrors * kThreads);
    }

    void memoryIsBoundedWhateverTheTraffic() {
        // What one series costs, stated in MetricSeries.h, whatever it records.
        QVERIFY2(sizeof(MetricsStore::FunctionSeries) <= 380 * 1024,
                 qPrintable(QString::number(sizeof(MetricsStore::FunctionSeries))));
        QVERIFY2(sizeof(MetricsStore::RouteSeries) <= 320 * 1024,
                 qPrintable(QString::number(sizeof(MetricsStore::RouteSeries))));
        qInfo("a function series takes %zu bytes, a route series %zu", sizeof(MetricsStore::FunctionSeries),
              sizeof(MetricsStore::RouteSeries));

        ManualClock clock;
        MetricsStore store(clock.clock(), MetricsLimits{.maxFunctionSeries = 3, .maxRouteSeries = 5});
        for (int i = 0; i < 50; ++i) {
            const QString route = QStringLiteral("GET /r%1").arg(i);
            const QString function = QStringLiteral("f%1").arg(i);
            store.recordRequest(request(route, 200, 100));
            store.recordInvocationFinished(finished(function, 100));
            clock.advance(1000);
        }
        // The caps, plus one shared series each for the rest.
        QCOMPARE(store.routes().size(), 6);
        QCOMPARE(store.functions().size(), 4);
        QVERIFY(store.functions().contains(MetricsStore::kOtherFunctions));
        const RouteKey others{{}, {}, MetricsStore::kOtherRoutes};
        QCOMPARE(store.routeTotals(others).count, quint64(45));
        QCOMPARE(store.functionTotals(MetricsStore::kOtherFunctions).invocations, quint64(47));
        QVERIFY(store.memoryBytes() <= store.memoryBound());
        // Recording more into existing series never grows the store.
        const std::size_t before = store.memoryBytes();
        for (int i = 0; i < 10000; ++i)
            store.recordRequest(request(u"GET /r0", 200, i));
        QCOMPARE(store.memoryBytes(), before);
        // The default limits' bound (64 functions, 192 routes, plus the two shared series): under 90 MB,
        // the figure MetricsStore.h quotes.
        const MetricsStore defaults;
        QVERIFY2(defaults.memoryBound() <= 90u * 1000 * 1000,
                 qPrintable(QString::number(defaults.memoryBound())));
    }

    void sinceStartHistogramsFeedCharts() {
        ManualClock clock;
        MetricsStore store(clock.clock());
        for (int i = 1; i <= 1000; ++i)
            store.recordRequest(request(u"GET /items", 200, i * 10, i * 5));
        const LatencyHistogram latency = store.routeHistogram(kGetItems, RouteDistribution::Latency);
        QCOMPARE(latency.count(), quint64(1000));
        QCOMPARE(latency.maxMicros(), quint64(10000));
        QCOMPARE(store.routeHistogram(kGetItems, RouteDistribution::IntegrationLatency).maxMicros(),
                 quint64(5000));
        QVERIFY(store.functionHistogram(QStringLiteral("nope"), FunctionDistribution::Duration).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSeries)
#include "tst_telemetry_series.moc"
