#include "MetricsStore.h"

#include <QDateTime>
#include <algorithm>
#include <mutex>

namespace gatehouse {

const QString MetricsStore::kNoRoute = QStringLiteral("(no route)");
const QString MetricsStore::kOtherFunctions = QStringLiteral("(other functions)");
const QString MetricsStore::kOtherRoutes = QStringLiteral("(other routes)");

namespace {

// Counter and distribution positions in the series (see MetricsStore::FunctionSeries / RouteSeries).
enum FunctionCounter { Invocations, Errors, Throttles, ColdStarts };
enum RouteCounter { Count, ClientErrors, ServerErrors };

FunctionPoint functionPointOf(const MetricsStore::FunctionSeries::Point &p) {
    return FunctionPoint{.startMs = p.startMs,
                         .invocations = p.counters[Invocations],
                         .errors = p.counters[Errors],
                         .throttles = p.counters[Throttles],
                         .coldStarts = p.counters[ColdStarts],
                         .concurrentExecutions = p.peak,
                         .duration = p.distributions[0],
                         .initDuration = p.distributions[1]};
}

RoutePoint routePointOf(const MetricsStore::RouteSeries::Point &p) {
    return RoutePoint{.startMs = p.startMs,
                      .count = p.counters[Count],
                      .clientErrors = p.counters[ClientErrors],
                      .serverErrors = p.counters[ServerErrors],
                      .latency = p.distributions[0],
                      .integrationLatency = p.distributions[1]};
}

// A window's totals: counters add up, the peak and the max are the largest of the points'. Percentiles of
// the whole window cannot be derived from per-point digests and stay 0.
void addTo(DistributionSummary &total, const DistributionSummary &point) {
    total.samples += point.samples;
    total.maxMs = std::max(total.maxMs, point.maxMs);
}

void addTo(FunctionPoint &total, const FunctionPoint &p) {
    total.invocations += p.invocations;
    total.errors += p.errors;
    total.throttles += p.throttles;
    total.coldStarts += p.coldStarts;
    total.concurrentExecutions = std::max(total.concurrentExecutions, p.concurrentExecutions);
    addTo(total.duration, p.duration);
    addTo(total.initDuration, p.initDuration);
}

void addTo(RoutePoint &total, const RoutePoint &p) {
    total.count += p.count;
    total.clientErrors += p.clientErrors;
    total.serverErrors += p.serverErrors;
    addTo(total.latency, p.latency);
    addTo(total.integrationLatency, p.integrationLatency);
}

template <typename Point, typename SeriesPoint, typename Convert>
MetricWindow<Point> windowOf(const QList<SeriesPoint> &points, MetricResolution resolution, Convert convert) {
    MetricWindow<Point> window;
    window.resolution = resolution;
    window.points.reserve(points.size());
    for (const SeriesPoint &p : points) {
        window.points.append(convert(p));
        addTo(window.totals, window.points.last());
    }
    if (!window.points.isEmpty()) window.totals.startMs = window.points.first().startMs;
    return window;
}

} // namespace

MetricsStore::MetricsStore(Clock clock, MetricsLimits limits)
    : m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
    , m_limits(limits) {}

MetricsStore::~MetricsStore() = default;

MetricsStore::FunctionSeries &MetricsStore::functionSeries(QStringView function) {
    {
        const std::shared_lock lock(m_lock);
        if (const auto it = m_functions.find(function); it != m_functions.end()) return *it->second;
    }
    const std::unique_lock lock(m_lock);
    if (const auto it = m_functions.find(function); it != m_functions.end()) return *it->second;
    QString key = function.toString();
    if (m_functions.size() >= std::size_t(std::max(m_limits.maxFunctionSeries, 0))) {
        key = kOtherFunctions;
        if (const auto it = m_functions.find(key); it != m_functions.end()) return *it->second;
    }
    return *m_functions.emplace(std::move(key), std::make_unique<FunctionSeries>()).first->second;
}

MetricsStore::RouteSeries &MetricsStore::routeSeries(const RouteView &route) {
    {
        const std::shared_lock lock(m_lock);
        if (const auto it = m_routes.find(route); it != m_routes.end()) return *it->second;
    }
    const std::unique_lock lock(m_lock);
    if (const auto it = m_routes.find(route); it != m_routes.end()) return *it->second;
    RouteKey key{route.api.toString(), route.stage.toString(), route.route.toString()};
    if (m_routes.size() >= std::size_t(std::max(m_limits.maxRouteSeries, 0))) {
        key = RouteKey{{}, {}, kOtherRoutes};
        if (const auto it = m_routes.find(key); it != m_routes.end()) return *it->second;
    }
    return *m_routes.emplace(std::move(key), std::make_unique<RouteSeries>()).first->second;
}

const MetricsStore::FunctionSeries *MetricsStore::findFunction(const QString &function) const {
    const std::shared_lock lock(m_lock);
    const auto it = m_functions.find(function);
    return it == m_functions.end() ? nullptr : it->second.get();
}

const MetricsStore::RouteSeries *MetricsStore::findRoute(const RouteKey &route) const {
    const std::shared_lock lock(m_lock);
    const auto it = m_routes.find(route);
    return it == m_routes.end() ? nullptr : it->second.get();
}

void MetricsStore::recordInvocationStarted(QStringView function) {
    FunctionSeries::Sample sample;
    sample.gaugeDelta = 1;
    functionSeries(function).record(m_clock(), sample);
}

void MetricsStore::recordInvocationFinished(const InvocationSample &s) {
    FunctionSeries::Sample sample;
    sample.counters[Invocations] = 1;
    sample.counters[Errors] = s.error ? 1 : 0;
    sample.counters[ColdStarts] = s.coldStart ? 1 : 0;
    sample.micros[0] = std::max<qint64>(s.durationMicros, 0);
    sample.micros[1] = s.initDurationMicros;
    sample.gaugeDelta = -1;
    functionSeries(s.function).record(m_clock(), sample);
}

void MetricsStore::recordThrottle(QStringView function) {
    FunctionSeries::Sample sample;
    sample.counters[Throttles] = 1;
    functionSeries(function).record(m_clock(), sample);
}

void MetricsStore::recordRequest(const RequestSample &s) {
    RouteSeries::Sample sample;
    sample.counters[Count] = 1;
    sample.counters[ClientErrors] = s.status >= 400 && s.status < 500 ? 1 : 0;
    sample.counters[ServerErrors] = s.status >= 500 && s.status < 600 ? 1 : 0;
    sample.micros[0] = std::max<qint64>(s.latencyMicros, 0);
    sample.micros[1] = s.integrationLatencyMicros;
    routeSeries({s.api, s.stage, s.route}).record(m_clock(), sample);
}

QStringList MetricsStore::functions() const {
    QStringList names;
    {
        const std::shared_lock lock(m_lock);
        for (const auto &[name, series] : m_functions)
            names.append(name);
    }
    names.sort();
    return names;
}

QList<RouteKey> MetricsStore::routes() const {
    QList<RouteKey> keys;
    {
        const std::shared_lock lock(m_lock);
        for (const auto &[key, series] : m_routes)
            keys.append(key);
    }
    std::sort(keys.begin(), keys.end(), [](const RouteKey &a, const RouteKey &b) {
        return std::tie(a.api, a.stage, a.route) < std::tie(b.api, b.stage, b.route);
    });
    return keys;
}

FunctionWindow MetricsStore::functionWindow(const QString &function, MetricResolution resolution,
                                            int count) const {
    QList<FunctionSeries::Point> points;
    if (const FunctionSeries *series = findFunction(function))
        points = series->points(m_clock(), resolution, count);
    return windowOf<FunctionPoint>(points, resolution, functionPointOf);
}

RouteWindow MetricsStore::routeWindow(const RouteKey &route, MetricResolution resolution, int count) const {
    QList<RouteSeries::Point> points;
    if (const RouteSeries *series = findRoute(route)) points = series->points(m_clock(), resolution, count);
    return windowOf<RoutePoint>(points, resolution, routePointOf);
}

FunctionTotals MetricsStore::functionTotals(const QString &function) const {
    const FunctionSeries *series = findFunction(function);
    if (!series) return {};
    const FunctionSeries::Totals t = series->totals();
    return FunctionTotals{.invocations = t.counters[Invocations],
                          .errors = t.counters[Errors],
                          .throttles = t.counters[Throttles],
                          .coldStarts = t.counters[ColdStarts],
                          .inFlight = t.gauge,
                          .duration = t.distributions[0],
                          .initDuration = t.distributions[1]};
}

RouteTotals MetricsStore::routeTotals(const RouteKey &route) const {
    const RouteSeries *series = findRoute(route);
    if (!series) return {};
    const RouteSeries::Totals t = series->totals();
    return RouteTotals{.count = t.counters[Count],
                       .clientErrors = t.counters[ClientErrors],
                       .serverErrors = t.counters[ServerErrors],
                       .latency = t.distributions[0],
                       .integrationLatency = t.distributions[1]};
}

LatencyHistogram MetricsStore::functionHistogram(const QString &function, FunctionDistribution which) const {
    const FunctionSeries *series = findFunction(function);
    return series ? series->histogram(std::size_t(which)) : LatencyHistogram();
}

LatencyHistogram MetricsStore::routeHistogram(const RouteKey &route, RouteDistribution which) const {
    const RouteSeries *series = findRoute(route);
    return series ? series->histogram(std::size_t(which)) : LatencyHistogram();
}

std::size_t MetricsStore::memoryBytes() const {
    const std::shared_lock lock(m_lock);
    // The keys' strings and the maps' nodes are a few hundred bytes per series: noise beside a series.
    constexpr std::size_t perEntry = 256;
    return m_functions.size() * (sizeof(FunctionSeries) + perEntry) +
           m_routes.size() * (sizeof(RouteSeries) + perEntry);
}

std::size_t MetricsStore::memoryBound() const {
    constexpr std::size_t perEntry = 256;
    return std::size_t(std::max(m_limits.maxFunctionSeries, 0) + 1) * (sizeof(FunctionSeries) + perEntry) +
           std::size_t(std::max(m_limits.maxRouteSeries, 0) + 1) * (sizeof(RouteSeries) + perEntry);
}

} // namespace gatehouse
