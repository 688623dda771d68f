// What every API endpoint of a running project shares: the invoker, the log store, and the
// gateway's stateful parts (token buckets, usage-plan quotas, the authorizer cache). All members are
// thread-safe; request handling runs on the HTTP server's worker threads.
#pragma once

#include "gateway/AuthorizerCache.h"
#include "gateway/Throttling.h"
#include "gateway/UsagePlans.h"

#include <QElapsedTimer>
#include <functional>

namespace gatehouse {

class CostMeter;
class Invoker;
class LogStore;
class MetricsStore;

struct GatewayEvent {
    enum class Kind { AccessLog, Error };
    Kind kind = Kind::AccessLog;
    QString apiName;
    QString requestId;
    QString text;                   // the access log line, or the error's real reason
    QString integrationRequestId{}; // the Lambda request id of the integration's invocation, if any
};

struct GatewayServices {
    GatewayServices(Invoker *invoker, LogStore *logs);

    Invoker *invoker;
    LogStore *logs; // may be null
    // Where every answered request is counted (route metrics, API Gateway's cost); either may be null.
    // Set before the endpoints start, never changed while they serve.
    MetricsStore *metrics = nullptr;
    CostMeter *cost = nullptr;
    QElapsedTimer steady;
    Throttler throttler;
    UsagePlans usagePlans;
    AuthorizerCache authorizerCache;
    // Called on worker threads for every access log line and every refused or failed request (the
    // serve command prints them; the GUI will queue them). Must be thread-safe; may be empty.
    std::function<void(const GatewayEvent &)> observer;

    qint64 steadyMs() const { return steady.elapsed(); }
    void report(GatewayEvent event) const;
};

} // namespace gatehouse
