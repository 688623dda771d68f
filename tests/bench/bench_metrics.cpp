// Benchmark of metrics recording on the gateway's hot path: nanoseconds per MetricsStore::recordRequest
// (one route shared by every thread, or a route per thread) and per recordInvocationFinished, next to
// the work each request already does there (appending its access log line to the LogStore) and to a bare
// atomic increment; plus the time to render /metrics. Prints figures; never fails on time.
#include "telemetry/CostMeter.h"
#include "telemetry/LogStore.h"
#include "telemetry/MetricsExposition.h"
#include "telemetry/MetricsStore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace gatehouse;

namespace {

void print(const char *what, double value, const char *unit) {
    std::printf("  %-64s %10.1f %s\n", what, value, unit);
    std::fflush(stdout);
}

// Runs `work(thread, i)` `perThread` times on each of `threads` threads at once; returns the CPU time one
// call costs, contention included: wall time × the cores kept busy / calls.
template <typename Work> double nsPerCall(int threads, int perThread, Work work) {
    std::atomic<bool> go{false};
    std::atomic<int> ready{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            ++ready;
            while (!go.load())
                std::this_thread::yield();
            for (int i = 0; i < perThread; ++i)
                work(t, i);
        });
    while (ready.load() < threads)
        std::this_thread::yield();
    QElapsedTimer timer;
    timer.start();
    go = true;
    for (std::thread &thread : pool)
        thread.join();
    const int busy = std::min(threads, std::max(1, int(std::thread::hardware_concurrency())));
    return double(timer.nsecsElapsed()) * busy / (double(threads) * perThread);
}

} // namespace

int main(int argc, char **argv) {
    const int scale = argc > 1 ? std::max(1, std::atoi(argv[1])) : 1;
    const int n = 1000000 * scale;
    const int cores = int(std::thread::hardware_concurrency());
    std::printf("bench_metrics: %d calls per thread, %d cores\n", n, cores);
    const QString routes[] = {QStringLiteral("GET /hello"), QStringLiteral("POST /echo"),
                              QStringLiteral("GET /items/{id}"), QStringLiteral("GET /slow")};

    for (const int threads : {1, 2, 4}) {
        std::printf("%d thread(s):\n", threads);
        std::atomic<quint64> counter{0};
        print("peer: atomic increment of one shared counter",
              nsPerCall(threads, n, [&](int, int) { counter.fetch_add(1, std::memory_order_relaxed); }),
              "ns/call");

        MetricsStore shared;
        print("MetricsStore::recordRequest, one route for all threads",
              nsPerCall(threads, n,
                        [&](int, int i) {
                            shared.recordRequest({.api = u"bench",
                                                  .stage = u"$default",
                                                  .route = routes[0],
                                                  .status = 200,
                                                  .latencyMicros = 200 + i % 4000,
                                                  .integrationLatencyMicros = 150 + i % 3000});
                        }),
              "ns/call");
        MetricsStore own;
        print("MetricsStore::recordRequest, a route per thread",
              nsPerCall(threads, n,
                        [&](int t, int i) {
                            own.recordRequest({.api = u"bench",
                                               .stage = u"$default",
                                               .route = routes[t % 4],
                                               .status = 200,
                                               .latencyMicros = 200 + i % 4000,
                                               .integrationLatencyMicros = 150 + i % 3000});
                        }),
              "ns/call");
        CostMeter cost;
        print("CostMeter::recordApiRequest (HTTP API)",
              nsPerCall(threads, n, [&](int, int) { cost.recordApiRequest(ApiType::Http, 1024); }),
              "ns/call");
        MetricsStore functions;
        print("MetricsStore::recordInvocationFinished",
              nsPerCall(threads, n,
                        [&](int, int i) {
                            functions.recordInvocationFinished(
                                {.function = u"hello", .durationMicros = 100 + i % 2000});
                        }),
              "ns/call");
        // What the gateway already does for every request: its access log line into the LogStore.
        LogStore logs(100000);
        const QString line = QStringLiteral(
            R"({"requestId":"Kx1bqjq8IAMEVxw=","ip":"127.0.0.1","requestTime":"26/Nov/2026:22:00:00 +0000",)"
            R"("httpMethod":"GET","routeKey":"GET /hello","status":"200","protocol":"HTTP/1.1","responseLength":"19"})");
        print("peer: LogStore::append of an access log line (done per request)",
              nsPerCall(threads, n / 4,
                        [&](int, int) {
                            logs.append(LogRecord{.timeMs = QDateTime::currentMSecsSinceEpoch(),
                                                  .source = QStringLiteral("api:bench"),
                                                  .requestId = QStringLiteral("Kx1bqjq8IAMEVxw="),
                                                  .stream = {},
                                                  .level = LogRecord::Level::Info,
                                                  .platform = true,
                                                  .message = line});
                        }),
              "ns/call");
    }

    // A scrape of a store with a typical project's series (10 functions, 20 routes) and a large one's.
    for (const int series : {30, 256}) {
        MetricsStore store;
        CostMeter cost;
        for (int s = 0; s < series; ++s)
            for (int i = 0; i < 1000; ++i) {
                if (s % 3 == 0)
                    store.recordInvocationFinished(
                        {.function = QStringLiteral("fn%1").arg(s), .durationMicros = i});
                else
                    store.recordRequest({.api = u"bench",
                                         .stage = u"$default",
                                         .route = QStringLiteral("GET /r%1").arg(s),
                                         .latencyMicros = i});
            }
        QElapsedTimer timer;
        timer.start();
        QByteArray page;
        for (int i = 0; i < 20; ++i)
            page = prometheusMetrics(store, &cost);
        std::printf(
            "/metrics with %d series: %.2f ms per scrape, %lld bytes; store %.1f MB (bound %.1f MB)\n",
            series, double(timer.nsecsElapsed()) / 20 / 1e6, qlonglong(page.size()),
            double(store.memoryBytes()) / 1e6, double(store.memoryBound()) / 1e6);
    }
    return 0;
}
