// What the metrics charts draw, read from a MetricsStore in one go: the series of the whole project, one
// route or one function over a window, as plain points the GUI thread keeps (the store may go away).
#pragma once

#include "telemetry/LatencyHistogram.h"
#include "telemetry/MetricPoints.h"

#include <QList>
#include <QPointF>

namespace gatehouse {

class MetricsStore;

// What the charts show: the whole project, one API route, or one function.
struct MetricsSelection {
    enum class Kind { Project, Route, Function };
    Kind kind = Kind::Project;
    QString function;
    RouteKey route;
    friend bool operator==(const MetricsSelection &, const MetricsSelection &) = default;
};

// A time window: the last `count` points at `resolution` (5 min or 1 h of seconds, 24 h of minutes).
struct MetricsTimeWindow {
    MetricResolution resolution = MetricResolution::Second;
    int count = 300;
    qint64 slotMs() const { return resolution == MetricResolution::Second ? 1000 : 60000; }
};

// Every line's points have x = the slot's start in UTC ms since the epoch, one point per slot (empty
// slots included, so lines fall to zero when nothing happens). Rates are per second at both resolutions.
struct MetricsChartData {
    qint64 firstMs = 0;
    qint64 endMs = 0;          // the end of the last slot
    bool hasRoutes = false;    // route lines (4XX, 5XX) apply
    bool hasFunctions = false; // function lines (errors, throttles, concurrency, cold starts) apply
    // For the project: the latency lines are the highest percentile among its routes (or functions) in
    // each slot, since percentiles of different series cannot be added up.
    bool latencyIsHighestOfSeveral = false;
    bool latencyIsDuration = false; // a function's Duration rather than a route's Latency

    QList<QPointF> requestsPerSecond; // route Count, or invocations when the project has no routes
    QList<QPointF> clientErrorsPerSecond;
    QList<QPointF> serverErrorsPerSecond;
    QList<QPointF> functionErrorsPerSecond;
    QList<QPointF> throttlesPerSecond;
    QList<QPointF> p50Ms, p95Ms, p99Ms;
    QList<QPointF> concurrency; // the most invocations in flight at once in the slot
    QList<QPointF> coldStartsPerSecond;
    LatencyHistogram histogram; // since start, of the same latency as the lines
};

MetricsChartData readMetricsChartData(const MetricsStore &store, const MetricsSelection &selection,
                                      const MetricsTimeWindow &window);

} // namespace gatehouse
