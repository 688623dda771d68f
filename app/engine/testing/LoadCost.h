// What a month of a load test's traffic would cost on AWS: the local cloud's cost meter and route
// metrics read before and after the run, their difference (the functions and routes the request
// reached, with their observed billed durations) scaled to the measured requests per second.
#pragma once

#include "telemetry/CostBreakdown.h"
#include "telemetry/MetricPoints.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace gatehouse {
class CostMeter;
class MetricsStore;
} // namespace gatehouse

namespace gatehouse::testing {

struct CloudUsage {
    CostUsage usage;
    QHash<RouteKey, quint64> routeCounts;
    quint64 invocations = 0; // all functions'
    quint64 inFlight = 0;
};
CloudUsage readCloudUsage(const CostMeter &cost, const MetricsStore &metrics);

struct LoadCostProjection {
    double requestsPerSecond = 0;
    QStringList functions;  // the functions the run invoked, by name
    QList<RouteKey> routes; // the routes the run's requests matched
    CostUsage observed;     // what the run used
    CostBreakdown monthly;  // 730 hours at requestsPerSecond with that mix, list prices
    bool isEmpty() const { return observed.functions.isEmpty() && monthly.lines.isEmpty(); }
};

// `after` minus `before`, scaled with monthlyUsage() and priced (no free tier: a load test asks what
// the traffic costs, not what is left of an account's allowance).
LoadCostProjection projectLoadCost(const CostMeter &cost, const CloudUsage &before, const CloudUsage &after,
                                   double requestsPerSecond);

// Reads the usage after a run once the cloud has caught up: the invoker records an invocation on its
// own thread when it hears of the result, which can be a moment after the client got the response.
// Ready when no invocation is in flight and two readings in a row agree, or after kMaxWaitMs.
class LoadCostMeasurement : public QObject {
    Q_OBJECT
public:
    static constexpr int kPollMs = 25;
    static constexpr int kMaxWaitMs = 2000;

    // The meters must stay alive until `ready` or the measurement's destruction.
    LoadCostMeasurement(const CostMeter *cost, const MetricsStore *metrics, QObject *parent = nullptr);
    void begin(); // before the run
    void finish(double requestsPerSecond);
    const LoadCostProjection &projection() const { return m_projection; }

signals:
    void ready();

private:
    void poll();

    const CostMeter *m_cost;
    const MetricsStore *m_metrics;
    CloudUsage m_before;
    CloudUsage m_last;
    double m_rate = 0;
    int m_waitedMs = 0;
    QTimer m_timer;
    LoadCostProjection m_projection;
};

} // namespace gatehouse::testing
