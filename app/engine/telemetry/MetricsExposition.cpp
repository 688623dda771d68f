#include "MetricsExposition.h"

#include "CostMeter.h"
#include "MetricsStore.h"
#include "PrometheusText.h"

#include <functional>

namespace gatehouse {

namespace {

using Labels = PrometheusText::Labels;
using Type = PrometheusText::Type;

template <typename Totals> struct Series {
    Labels labels;
    Totals totals;
};

// A counter or gauge family with one sample per series.
template <typename Totals>
void family(PrometheusText &out, const QList<Series<Totals>> &series, const QString &name, Type type,
            const QString &help, const std::function<double(const Totals &)> &value) {
    if (series.isEmpty()) return;
    out.family(name, type, help);
    for (const Series<Totals> &s : series)
        out.sample(s.labels, value(s.totals));
}

// A summary family (quantiles since start, _sum, _count) and a gauge with its max.
template <typename Totals>
void summary(PrometheusText &out, const QList<Series<Totals>> &series, const QString &name,
             const QString &help, const std::function<DistributionSummary(const Totals &)> &of) {
    if (series.isEmpty()) return;
    out.family(name, Type::Summary, help);
    for (const Series<Totals> &s : series) {
        const DistributionSummary d = of(s.totals);
        const std::pair<const char *, double> quantiles[] = {
            {"0.5", d.p50Ms}, {"0.9", d.p90Ms}, {"0.99", d.p99Ms}};
        for (const auto &[q, ms] : quantiles)
            out.sample(s.labels + Labels{{QStringLiteral("quantile"), QLatin1String(q)}},
                       d.samples ? ms / 1000.0 : qQNaN());
        out.sample(s.labels, d.meanMs * double(d.samples) / 1000.0, QStringLiteral("_sum"));
        out.sample(s.labels, double(d.samples), QStringLiteral("_count"));
    }
    out.family(name + QStringLiteral("_max"), Type::Gauge, QStringLiteral("The largest value of ") + name);
    for (const Series<Totals> &s : series)
        out.sample(s.labels, of(s.totals).maxMs / 1000.0);
}

void functionFamilies(PrometheusText &out, const MetricsStore &metrics) {
    QList<Series<FunctionTotals>> series;
    for (const QString &name : metrics.functions())
        series.append({{{QStringLiteral("function"), name}}, metrics.functionTotals(name)});
    using T = FunctionTotals;
    family<T>(
        out, series, QStringLiteral("gatehouse_lambda_invocations_total"), Type::Counter,
        QStringLiteral("Invocations of the function's code, successful or not (CloudWatch: Invocations)."),
        [](const T &t) { return double(t.invocations); });
    family<T>(out, series, QStringLiteral("gatehouse_lambda_errors_total"), Type::Counter,
              QStringLiteral("Invocations that ended in a function error, a timeout or a crash (Errors)."),
              [](const T &t) { return double(t.errors); });
    family<T>(out, series, QStringLiteral("gatehouse_lambda_throttles_total"), Type::Counter,
              QStringLiteral("Synchronous invocations refused at the concurrency limit (Throttles)."),
              [](const T &t) { return double(t.throttles); });
    family<T>(out, series, QStringLiteral("gatehouse_lambda_cold_starts_total"), Type::Counter,
              QStringLiteral("Invocations that started a new execution environment."),
              [](const T &t) { return double(t.coldStarts); });
    family<T>(out, series, QStringLiteral("gatehouse_lambda_concurrent_executions"), Type::Gauge,
              QStringLiteral("Invocations in flight now (ConcurrentExecutions)."),
              [](const T &t) { return double(t.inFlight); });
    summary<T>(out, series, QStringLiteral("gatehouse_lambda_duration_seconds"),
               QStringLiteral("Duration of the invocations since serving started (REPORT Duration)."),
               [](const T &t) { return t.duration; });
    summary<T>(out, series, QStringLiteral("gatehouse_lambda_init_duration_seconds"),
               QStringLiteral("Init Duration of the cold starts since serving started."),
               [](const T &t) { return t.initDuration; });
}

void routeFamilies(PrometheusText &out, const MetricsStore &metrics) {
    QList<Series<RouteTotals>> series;
    for (const RouteKey &key : metrics.routes())
        series.append({{{QStringLiteral("api"), key.api},
                        {QStringLiteral("stage"), key.stage},
                        {QStringLiteral("route"), key.route}},
                       metrics.routeTotals(key)});
    using T = RouteTotals;
    family<T>(out, series, QStringLiteral("gatehouse_apigateway_requests_total"), Type::Counter,
              QStringLiteral("Requests answered (API Gateway: Count)."),
              [](const T &t) { return double(t.count); });
    family<T>(out, series, QStringLiteral("gatehouse_apigateway_4xx_errors_total"), Type::Counter,
              QStringLiteral("Requests answered with a 4XX status (4XXError)."),
              [](const T &t) { return double(t.clientErrors); });
    family<T>(out, series, QStringLiteral("gatehouse_apigateway_5xx_errors_total"), Type::Counter,
              QStringLiteral("Requests answered with a 5XX status (5XXError)."),
              [](const T &t) { return double(t.serverErrors); });
    summary<T>(
        out, series, QStringLiteral("gatehouse_apigateway_latency_seconds"),
        QStringLiteral("From receiving a request to sending its response (Latency), since serving started."),
        [](const T &t) { return t.latency; });
    summary<T>(
        out, series, QStringLiteral("gatehouse_apigateway_integration_latency_seconds"),
        QStringLiteral("Time the integration took to answer (IntegrationLatency), since serving started."),
        [](const T &t) { return t.integrationLatency; });
}

void costFamilies(PrometheusText &out, const CostMeter &cost) {
    const CostBreakdown breakdown = cost.breakdown();
    out.family(
        QStringLiteral("gatehouse_cost_usd_total"), Type::Counter,
        QStringLiteral("What the requests served so far would have cost on AWS at us-east-1 list prices, "
                       "without free tier."));
    for (const CostLine &line : breakdown.lines)
        out.sample({{QStringLiteral("service"), line.service}, {QStringLiteral("item"), line.item}},
                   line.cost);
    if (breakdown.functions.isEmpty()) return;
    out.family(QStringLiteral("gatehouse_lambda_cost_usd_total"), Type::Counter,
               QStringLiteral("Each function's share of the Lambda cost (requests and billed GB-seconds)."));
    for (const FunctionCost &f : breakdown.functions)
        out.sample({{QStringLiteral("function"), f.function}}, f.total());
}

} // namespace

QByteArray prometheusMetrics(const MetricsStore &metrics, const CostMeter *cost) {
    PrometheusText out;
    functionFamilies(out, metrics);
    routeFamilies(out, metrics);
    if (cost) costFamilies(out, *cost);
    return out.text();
}

} // namespace gatehouse
