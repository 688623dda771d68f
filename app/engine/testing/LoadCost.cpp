#include "LoadCost.h"

#include "telemetry/CostMeter.h"
#include "telemetry/CostProjection.h"
#include "telemetry/MetricsStore.h"

namespace gatehouse::testing {

CloudUsage readCloudUsage(const CostMeter &cost, const MetricsStore &metrics) {
    CloudUsage now;
    now.usage = cost.usage();
    for (const RouteKey &route : metrics.routes())
        now.routeCounts.insert(route, metrics.routeTotals(route).count);
    for (const QString &function : metrics.functions()) {
        const FunctionTotals totals = metrics.functionTotals(function);
        now.invocations += totals.invocations;
        now.inFlight += totals.inFlight;
    }
    return now;
}

namespace {

CostUsage difference(const CostUsage &after, const CostUsage &before) {
    CostUsage d = after;
    d.functions.clear();
    for (const FunctionUsage &f : after.functions) {
        FunctionUsage delta = f;
        for (const FunctionUsage &b : before.functions)
            if (b.function == f.function) {
                delta.requests -= b.requests;
                delta.billedMs -= b.billedMs;
                delta.gbSeconds -= b.gbSeconds;
            }
        if (delta.requests > 0) d.functions.append(delta);
    }
    d.httpApiRequests -= before.httpApiRequests;
    d.httpApiUnits -= before.httpApiUnits;
    d.restApiRequests -= before.restApiRequests;
    d.webSocketMessages -= before.webSocketMessages;
    d.webSocketConnectionMinutes -= before.webSocketConnectionMinutes;
    d.s3PutCopyPostList -= before.s3PutCopyPostList;
    d.s3GetSelectOther -= before.s3GetSelectOther;
    d.sqsStandardRequests -= before.sqsStandardRequests;
    d.sqsFifoRequests -= before.sqsFifoRequests;
    return d;
}

} // namespace

LoadCostProjection projectLoadCost(const CostMeter &cost, const CloudUsage &before, const CloudUsage &after,
                                   double requestsPerSecond) {
    LoadCostProjection p;
    p.requestsPerSecond = requestsPerSecond;
    p.observed = difference(after.usage, before.usage);
    for (const FunctionUsage &f : std::as_const(p.observed.functions))
        p.functions.append(f.function);
    for (auto it = after.routeCounts.cbegin(); it != after.routeCounts.cend(); ++it)
        if (it.value() > before.routeCounts.value(it.key(), 0)) p.routes.append(it.key());
    std::sort(p.routes.begin(), p.routes.end(), [](const RouteKey &a, const RouteKey &b) {
        return std::tie(a.api, a.stage, a.route) < std::tie(b.api, b.stage, b.route);
    });
    p.monthly = priceUsage(cost.pricing(), monthlyUsage(p.observed, requestsPerSecond), false);
    return p;
}

LoadCostMeasurement::LoadCostMeasurement(const CostMeter *cost, const MetricsStore *metrics, QObject *parent)
    : QObject(parent)
    , m_cost(cost)
    , m_metrics(metrics)
    , m_timer(this) {
    m_timer.setInterval(kPollMs);
    connect(&m_timer, &QTimer::timeout, this, &LoadCostMeasurement::poll);
}

void LoadCostMeasurement::begin() {
    m_timer.stop();
    m_before = readCloudUsage(*m_cost, *m_metrics);
    m_projection = {};
}

void LoadCostMeasurement::finish(double requestsPerSecond) {
    m_rate = requestsPerSecond;
    m_waitedMs = 0;
    m_last = readCloudUsage(*m_cost, *m_metrics);
    m_timer.start();
}

void LoadCostMeasurement::poll() {
    const CloudUsage now = readCloudUsage(*m_cost, *m_metrics);
    m_waitedMs += kPollMs;
    const bool settled = now.inFlight == 0 && now.invocations == m_last.invocations &&
                         now.usage.httpApiRequests == m_last.usage.httpApiRequests &&
                         now.usage.restApiRequests == m_last.usage.restApiRequests;
    m_last = now;
    if (!settled && m_waitedMs < kMaxWaitMs) return;
    m_timer.stop();
    m_projection = projectLoadCost(*m_cost, m_before, now, m_rate);
    emit ready();
}

} // namespace gatehouse::testing
