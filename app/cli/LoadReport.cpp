#include "LoadReport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace gatehouse::cli {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::cli", text);
}

QString ms(double value) {
    return QString::number(value, 'f', value < 10 ? 2 : 1);
}

QString bytes(qint64 value) {
    return QLocale::c().formattedDataSize(value, 1, QLocale::DataSizeTraditionalFormat);
}

QString money(double value, const QString &currency) {
    return QStringLiteral("%1 %2").arg(QString::number(value, 'f', value < 1 ? 4 : 2), currency);
}

QString routeText(const RouteKey &route) {
    return route.stage.isEmpty() || route.stage == QLatin1String("$default")
               ? QStringLiteral("%1 %2").arg(route.api, route.route)
               : QStringLiteral("%1 (%2) %3").arg(route.api, route.stage, route.route);
}

} // namespace

bool loadRunFailed(const testing::LoadTestResult &result) {
    return result.failures() > 0 || result.statusClassCount(5) > 0;
}

QStringList loadReportLines(const LoadReport &report) {
    const testing::LoadTestResult &r = report.result;
    QStringList lines;
    lines << tr("Load test: %1 (%2 %3)")
                 .arg(report.request, QString::fromUtf8(report.options.request.method),
                      report.options.request.url.toString());
    lines << tr("Requests:     %1 completed of %2 sent in %3 s with %4 connections%5")
                 .arg(r.completed)
                 .arg(r.sent)
                 .arg(QString::number(r.elapsedMs / 1000.0, 'f', 2))
                 .arg(report.options.concurrency)
                 .arg(r.cancelled ? tr(" (cancelled)") : QString());
    lines << tr("Throughput:   %1 requests/s").arg(QString::number(r.requestsPerSecond(), 'f', 1));
    QStringList codes;
    for (auto it = r.statusCounts.cbegin(); it != r.statusCounts.cend(); ++it)
        codes << QStringLiteral("%1 \u00d7 %2").arg(it.key()).arg(it.value());
    lines << tr("Status codes: %1").arg(codes.isEmpty() ? tr("none") : codes.join(QStringLiteral(", ")));
    QStringList errors;
    for (auto it = r.errors.cbegin(); it != r.errors.cend(); ++it)
        errors << QStringLiteral("%1 %2").arg(testing::loadErrorKindLabel(it.key())).arg(it.value());
    lines << tr("Errors:       %1")
                 .arg(errors.isEmpty()
                          ? tr("none")
                          : tr("%1 (first: %2)").arg(errors.join(QStringLiteral(", ")), r.firstError));
    if (r.responses() > 0)
        lines << tr("Latency (ms): p50 %1  p90 %2  p95 %3  p99 %4  max %5  mean %6")
                     .arg(ms(r.percentileMs(0.50)), ms(r.percentileMs(0.90)), ms(r.percentileMs(0.95)),
                          ms(r.percentileMs(0.99)), ms(r.maxMs()), ms(r.meanMs()));
    lines << tr("Transfer:     %1 sent, %2 received").arg(bytes(r.bytesSent), bytes(r.bytesReceived));
    if (report.cost) {
        const testing::LoadCostProjection &cost = *report.cost;
        QStringList routes;
        for (const RouteKey &route : cost.routes)
            routes << routeText(route);
        lines << tr("Route:        %1")
                     .arg(routes.isEmpty() ? tr("none matched") : routes.join(QStringLiteral(", ")));
        lines << tr("Functions:    %1")
                     .arg(cost.functions.isEmpty() ? tr("none invoked")
                                                   : cost.functions.join(QStringLiteral(", ")));
        QStringList services;
        for (const QString &service : {QStringLiteral("Lambda"), QStringLiteral("API Gateway"),
                                       QStringLiteral("S3"), QStringLiteral("SQS")})
            if (const double total = cost.monthly.serviceTotal(service); total > 0)
                services << QStringLiteral("%1 %2").arg(service, money(total, report.currency));
        lines << tr("Projected:    %1 a month at %2 requests/s (%3; list prices, no free tier)")
                     .arg(money(cost.monthly.total(), report.currency),
                          QString::number(cost.requestsPerSecond, 'f', 1),
                          services.isEmpty() ? tr("nothing billable") : services.join(QStringLiteral(", ")));
    }
    return lines;
}

QJsonObject loadReportJson(const LoadReport &report) {
    const testing::LoadTestResult &r = report.result;
    QJsonObject o;
    o.insert(QStringLiteral("project"), report.project);
    o.insert(QStringLiteral("request"), report.request);
    o.insert(QStringLiteral("environment"), report.environment);
    o.insert(QStringLiteral("method"), QString::fromUtf8(report.options.request.method));
    o.insert(QStringLiteral("url"), report.options.request.url.toString());
    o.insert(QStringLiteral("concurrency"), report.options.concurrency);
    if (report.options.count > 0)
        o.insert(QStringLiteral("count"), report.options.count);
    else
        o.insert(QStringLiteral("durationMs"), report.options.durationMs);
    o.insert(QStringLiteral("sent"), r.sent);
    o.insert(QStringLiteral("completed"), r.completed);
    o.insert(QStringLiteral("cancelled"), r.cancelled);
    o.insert(QStringLiteral("elapsedMs"), r.elapsedMs);
    o.insert(QStringLiteral("requestsPerSecond"), r.requestsPerSecond());
    o.insert(QStringLiteral("bytesSent"), r.bytesSent);
    o.insert(QStringLiteral("bytesReceived"), r.bytesReceived);
    o.insert(QStringLiteral("latencyMs"), QJsonObject{{QStringLiteral("p50"), r.percentileMs(0.50)},
                                                      {QStringLiteral("p90"), r.percentileMs(0.90)},
                                                      {QStringLiteral("p95"), r.percentileMs(0.95)},
                                                      {QStringLiteral("p99"), r.percentileMs(0.99)},
                                                      {QStringLiteral("max"), r.maxMs()},
                                                      {QStringLiteral("mean"), r.meanMs()}});
    QJsonObject codes;
    for (auto it = r.statusCounts.cbegin(); it != r.statusCounts.cend(); ++it)
        codes.insert(QString::number(it.key()), it.value());
    o.insert(QStringLiteral("statusCodes"), codes);
    QJsonObject errors;
    for (auto it = r.errors.cbegin(); it != r.errors.cend(); ++it)
        errors.insert(testing::loadErrorKindName(it.key()), it.value());
    o.insert(QStringLiteral("errors"), errors);
    o.insert(QStringLiteral("firstError"), r.firstError);
    if (report.cost) {
        const testing::LoadCostProjection &cost = *report.cost;
        QJsonArray routes, lines;
        for (const RouteKey &route : cost.routes)
            routes.append(QJsonObject{{QStringLiteral("api"), route.api},
                                      {QStringLiteral("stage"), route.stage},
                                      {QStringLiteral("route"), route.route}});
        for (const CostLine &line : cost.monthly.lines)
            lines.append(QJsonObject{{QStringLiteral("service"), line.service},
                                     {QStringLiteral("item"), line.item},
                                     {QStringLiteral("unit"), line.unit},
                                     {QStringLiteral("quantity"), line.quantity},
                                     {QStringLiteral("cost"), line.cost}});
        o.insert(QStringLiteral("cost"),
                 QJsonObject{{QStringLiteral("currency"), report.currency},
                             {QStringLiteral("requestsPerSecond"), cost.requestsPerSecond},
                             {QStringLiteral("monthly"), cost.monthly.total()},
                             {QStringLiteral("functions"), QJsonArray::fromStringList(cost.functions)},
                             {QStringLiteral("routes"), routes},
                             {QStringLiteral("lines"), lines}});
    }
    return o;
}

} // namespace gatehouse::cli
