// The metrics of a running project, Lambda's per function and API Gateway's per route, in bounded memory:
// recorded where the data already exists (the invoker's signals, the gateway's request completion) and
// read by the GUI, the Prometheus endpoint and the cost projection.
#pragma once

#include "LatencyHistogram.h"
#include "MetricPoints.h"
#include "MetricSeries.h"
#include "StringKeys.h"

#include <QStringList>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <unordered_map>

namespace gatehouse {

struct MetricsLimits {
    // Series beyond these share one "(other …)" series each, so that no project can grow memory past the
    // bound: with these defaults (65 × 371 KB + 193 × 312 KB) 86 MB at most, whatever the traffic and for
    // however long; a project of 10 functions and 20 routes takes 10 MB. See memoryBound().
    int maxFunctionSeries = 64;
    int maxRouteSeries = 192;
};

// Lambda's view of one finished invocation (InvocationResult, which the engine converts).
struct InvocationSample {
    QStringView function;
    bool error = false; // a function error, a timeout, an init failure or a crash
    bool coldStart = false;
    qint64 durationMicros = 0;
    qint64 initDurationMicros = -1; // < 0: not a cold start
};

// API Gateway's view of one answered request.
struct RequestSample {
    QStringView api;
    QStringView stage;
    QStringView route;                    // the matched route key, or MetricsStore::kNoRoute
    int status = 200;                     // what the client got
    qint64 latencyMicros = 0;             // request received to response sent ("Latency")
    qint64 integrationLatencyMicros = -1; // the backend's part ("IntegrationLatency"); < 0: none ran
};

enum class FunctionDistribution { Duration, InitDuration };
enum class RouteDistribution { Latency, IntegrationLatency };

class MetricsStore {
public:
    using Clock = std::function<qint64()>; // UTC milliseconds; tests inject their own

    // Requests that matched no route (404 on HTTP APIs, 403 on REST APIs, CORS preflights, bad stages).
    static const QString kNoRoute;
    // The shared series for whatever exceeds MetricsLimits.
    static const QString kOtherFunctions;
    static const QString kOtherRoutes; // with an empty api and stage

    // Counters: invocations, errors, throttles, cold starts; distributions: Duration, Init Duration; the
    // gauge: invocations in flight (ConcurrentExecutions).
    using FunctionSeries = MetricSeries<4, 2, true>;
    // Counters: count, 4XX, 5XX; distributions: Latency, IntegrationLatency.
    using RouteSeries = MetricSeries<3, 2, false>;

    explicit MetricsStore(Clock clock = {}, MetricsLimits limits = {});
    ~MetricsStore();

    // Recording, from any thread: one hash lookup under a shared lock, then the series' own short lock;
    // no allocation once a series exists.
    void recordInvocationStarted(QStringView function);
    void recordInvocationFinished(const InvocationSample &sample);
    void recordThrottle(QStringView function);
    void recordRequest(const RequestSample &sample);

    QStringList functions() const;  // sorted
    QList<RouteKey> routes() const; // sorted by api, stage, route

    // The last `count` points (at most an hour of seconds or a day of minutes) up to now, oldest first.
    FunctionWindow functionWindow(const QString &function, MetricResolution resolution, int count) const;
    RouteWindow routeWindow(const RouteKey &route, MetricResolution resolution, int count) const;
    FunctionTotals functionTotals(const QString &function) const;
    RouteTotals routeTotals(const RouteKey &route) const;
    // Since-start distributions, for a latency histogram chart (LatencyHistogram::buckets()).
    LatencyHistogram functionHistogram(const QString &function, FunctionDistribution which) const;
    LatencyHistogram routeHistogram(const RouteKey &route, RouteDistribution which) const;

    // What the series take now, and the most they can ever take with these limits (+2 overflow series).
    std::size_t memoryBytes() const;
    std::size_t memoryBound() const;

    qint64 nowMs() const { return m_clock(); }

private:
    struct RouteView {
        QStringView api, stage, route;
    };
    struct RouteHash {
        using is_transparent = void;
        size_t operator()(const RouteView &k) const { return qHashMulti(0, k.api, k.stage, k.route); }
        size_t operator()(const RouteKey &k) const { return (*this)(RouteView{k.api, k.stage, k.route}); }
    };
    struct RouteEqual {
        using is_transparent = void;
        static RouteView view(const RouteKey &k) { return {k.api, k.stage, k.route}; }
        static RouteView view(const RouteView &k) { return k; }
        template <typename A, typename B> bool operator()(const A &a, const B &b) const {
            const RouteView x = view(a), y = view(b);
            return x.api == y.api && x.stage == y.stage && x.route == y.route;
        }
    };

    FunctionSeries &functionSeries(QStringView function);
    RouteSeries &routeSeries(const RouteView &route);
    const FunctionSeries *findFunction(const QString &function) const;
    const RouteSeries *findRoute(const RouteKey &route) const;

    Clock m_clock;
    MetricsLimits m_limits;
    mutable std::shared_mutex m_lock; // guards the maps; each series has its own lock
    std::unordered_map<QString, std::unique_ptr<FunctionSeries>, StringKeyHash, StringKeyEqual> m_functions;
    std::unordered_map<RouteKey, std::unique_ptr<RouteSeries>, RouteHash, RouteEqual> m_routes;
};

} // namespace gatehouse
