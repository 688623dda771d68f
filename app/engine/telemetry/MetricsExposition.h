// The /metrics page of the admin endpoint: the metrics store's since-start figures per function and per
// route, and the cost meter's running cost, in Prometheus' text format.
#pragma once

#include <QByteArray>

namespace gatehouse {

class CostMeter;
class MetricsStore;

// Families (labels): gatehouse_lambda_{invocations,errors,throttles,cold_starts}_total,
// gatehouse_lambda_concurrent_executions, gatehouse_lambda_{duration,init_duration}_seconds summaries and
// their _max gauges (function); gatehouse_apigateway_{requests,4xx_errors,5xx_errors}_total,
// gatehouse_apigateway_{latency,integration_latency}_seconds summaries and _max gauges (api, stage,
// route); gatehouse_cost_usd_total (service, item) and gatehouse_lambda_cost_usd_total (function).
// Summaries' quantiles (0.5, 0.9, 0.99) cover everything since serving started. `cost` may be null.
QByteArray prometheusMetrics(const MetricsStore &metrics, const CostMeter *cost);

} // namespace gatehouse
