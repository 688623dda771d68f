// What the metrics store answers: per-function and per-route points over a window, totals, and
// distribution summaries, as plain values a GUI thread can keep.
#pragma once

#include <QHashFunctions>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace gatehouse {

enum class MetricResolution {
    Second, // 1-second points, the last hour
    Minute  // 1-minute points, the last day
};

// One distribution over a slot or a window, in milliseconds. Percentiles are within 1% of the exact
// nearest-rank percentiles of the recorded values (see LatencyHistogram); max is exact.
struct DistributionSummary {
    quint64 samples = 0;
    double p50Ms = 0;
    double p90Ms = 0;
    double p95Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    double meanMs = 0; // only for since-start summaries (slots keep no sum)
};

// Lambda's function metrics ("Types of metrics for Lambda functions", monitoring-metrics-types.md).
struct FunctionPoint {
    qint64 startMs = 0; // UTC ms at which the slot starts
    quint64 invocations = 0;
    quint64 errors = 0; // function errors (and timeouts, init failures, crashes)
    quint64 throttles = 0;
    quint64 coldStarts = 0;
    quint64 concurrentExecutions = 0; // the most invocations in flight at once during the slot
    DistributionSummary duration;
    DistributionSummary initDuration;
};

// API Gateway's route metrics ("Amazon API Gateway dimensions and metrics": Count, 4XXError, 5XXError,
// Latency, IntegrationLatency).
struct RoutePoint {
    qint64 startMs = 0;
    quint64 count = 0;
    quint64 clientErrors = 0; // 4XX
    quint64 serverErrors = 0; // 5XX
    DistributionSummary latency;
    DistributionSummary integrationLatency;
};

// Since-start figures of a function (percentiles with mean from the full histograms).
struct FunctionTotals {
    quint64 invocations = 0;
    quint64 errors = 0;
    quint64 throttles = 0;
    quint64 coldStarts = 0;
    quint64 inFlight = 0; // invocations running now (Prometheus' concurrent executions gauge)
    DistributionSummary duration;
    DistributionSummary initDuration;
};

struct RouteTotals {
    quint64 count = 0;
    quint64 clientErrors = 0;
    quint64 serverErrors = 0;
    DistributionSummary latency;
    DistributionSummary integrationLatency;
};

struct RouteKey {
    QString api;
    QString stage;
    QString route; // "GET /items/{id}", or kNoRoute for requests no route matched
    friend bool operator==(const RouteKey &, const RouteKey &) = default;
};
inline size_t qHash(const RouteKey &key, size_t seed = 0) {
    return qHashMulti(seed, key.api, key.stage, key.route);
}

// Points of one series over a window, oldest first (empty slots included, so that points are evenly
// spaced), and the window's totals: counters summed, concurrency and max the largest. Percentiles of a
// whole window are not kept (see MetricSeries); since-start ones come from the store's totals.
template <typename Point> struct MetricWindow {
    MetricResolution resolution = MetricResolution::Second;
    QList<Point> points;
    Point totals; // startMs = the first point's
};
using FunctionWindow = MetricWindow<FunctionPoint>;
using RouteWindow = MetricWindow<RoutePoint>;

} // namespace gatehouse
