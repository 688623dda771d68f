#include "MetricsChartData.h"

#include "telemetry/MetricsStore.h"

#include <algorithm>

namespace gatehouse {

namespace {

// One slot's figures, summed (counters) or maxed (concurrency, percentiles) over the selected series.
struct Slot {
    double requests = 0, clientErrors = 0, serverErrors = 0, functionErrors = 0, throttles = 0;
    double coldStarts = 0, concurrency = 0;
    double p50 = 0, p95 = 0, p99 = 0;
};

void maxLatency(Slot &slot, const DistributionSummary &d) {
    if (d.samples == 0) return;
    slot.p50 = std::max(slot.p50, d.p50Ms);
    slot.p95 = std::max(slot.p95, d.p95Ms);
    slot.p99 = std::max(slot.p99, d.p99Ms);
}

} // namespace

MetricsChartData readMetricsChartData(const MetricsStore &store, const MetricsSelection &selection,
                                      const MetricsTimeWindow &window) {
    MetricsChartData out;
    const qint64 slotMs = window.slotMs();
    const int count = std::max(window.count, 1);
    // Every series is read up to the same last slot, so that sums line up even if a second turns
    // between two reads (points after it are left out).
    const qint64 last = store.nowMs() / slotMs;
    out.firstMs = (last - count + 1) * slotMs;
    out.endMs = (last + 1) * slotMs;
    QList<Slot> totals(count); // `slots` is a Qt keyword
    const auto slotOf = [&](qint64 startMs) -> Slot * {
        const qint64 i = (startMs - out.firstMs) / slotMs;
        return i >= 0 && i < count ? &totals[i] : nullptr;
    };

    QStringList functions;
    QList<RouteKey> routes;
    switch (selection.kind) {
    case MetricsSelection::Kind::Project:
        functions = store.functions();
        routes = store.routes();
        break;
    case MetricsSelection::Kind::Function:
        functions = {selection.function};
        break;
    case MetricsSelection::Kind::Route:
        routes = {selection.route};
        break;
    }
    out.hasRoutes = !routes.isEmpty();
    out.hasFunctions = !functions.isEmpty();
    // The front door: routes when there are any, else the functions themselves.
    const bool functionsAreFrontDoor = routes.isEmpty();
    out.latencyIsDuration = functionsAreFrontDoor;
    out.latencyIsHighestOfSeveral = (functionsAreFrontDoor ? functions.size() : routes.size()) > 1;

    for (const RouteKey &route : std::as_const(routes)) {
        const RouteWindow w = store.routeWindow(route, window.resolution, count);
        for (const RoutePoint &p : w.points) {
            Slot *slot = slotOf(p.startMs);
            if (!slot) continue;
            slot->requests += double(p.count);
            slot->clientErrors += double(p.clientErrors);
            slot->serverErrors += double(p.serverErrors);
            maxLatency(*slot, p.latency);
        }
        out.histogram.merge(store.routeHistogram(route, RouteDistribution::Latency));
    }
    for (const QString &function : std::as_const(functions)) {
        const FunctionWindow w = store.functionWindow(function, window.resolution, count);
        for (const FunctionPoint &p : w.points) {
            Slot *slot = slotOf(p.startMs);
            if (!slot) continue;
            slot->functionErrors += double(p.errors);
            slot->throttles += double(p.throttles);
            slot->coldStarts += double(p.coldStarts);
            slot->concurrency += double(p.concurrentExecutions);
            if (functionsAreFrontDoor) {
                slot->requests += double(p.invocations);
                maxLatency(*slot, p.duration);
            }
        }
        if (functionsAreFrontDoor)
            out.histogram.merge(store.functionHistogram(function, FunctionDistribution::Duration));
    }

    const double perSecond = 1000.0 / double(slotMs);
    QList<QPointF> *lines[] = {&out.requestsPerSecond,
                               &out.clientErrorsPerSecond,
                               &out.serverErrorsPerSecond,
                               &out.functionErrorsPerSecond,
                               &out.throttlesPerSecond,
                               &out.p50Ms,
                               &out.p95Ms,
                               &out.p99Ms,
                               &out.concurrency,
                               &out.coldStartsPerSecond};
    for (QList<QPointF> *line : lines)
        line->reserve(count);
    for (int i = 0; i < count; ++i) {
        const Slot &s = totals[i];
        const double x = double(out.firstMs + i * slotMs);
        if (out.hasRoutes || functionsAreFrontDoor) {
            out.requestsPerSecond.append({x, s.requests * perSecond});
            out.p50Ms.append({x, s.p50});
            out.p95Ms.append({x, s.p95});
            out.p99Ms.append({x, s.p99});
        }
        if (out.hasRoutes) {
            out.clientErrorsPerSecond.append({x, s.clientErrors * perSecond});
            out.serverErrorsPerSecond.append({x, s.serverErrors * perSecond});
        }
        if (out.hasFunctions) {
            out.functionErrorsPerSecond.append({x, s.functionErrors * perSecond});
            out.throttlesPerSecond.append({x, s.throttles * perSecond});
            out.concurrency.append({x, s.concurrency});
            out.coldStartsPerSecond.append({x, s.coldStarts * perSecond});
        }
    }
    return out;
}

} // namespace gatehouse
