// What `gatehouse load` prints: the run's figures as aligned lines, or as one JSON object.
#pragma once

#include "testing/LoadCost.h"
#include "testing/LoadTestOptions.h"
#include "testing/LoadTestResult.h"

#include <QJsonObject>
#include <optional>

namespace gatehouse::cli {

struct LoadReport {
    QString project;
    QString request; // the saved request's name
    QString environment;
    testing::LoadTestOptions options;
    testing::LoadTestResult result;
    std::optional<testing::LoadCostProjection> cost; // none when the local cloud was not measured
    QString currency = QStringLiteral("USD");
};

QStringList loadReportLines(const LoadReport &report);
// {"project", "request", "environment", "method", "url", "concurrency", "count" | "durationMs", "sent",
//  "completed", "cancelled", "elapsedMs", "requestsPerSecond", "bytesSent", "bytesReceived",
//  "latencyMs": {"p50", "p90", "p95", "p99", "max", "mean"}, "statusCodes": {"200": n}, "errors":
//  {"timeout": n}, "firstError", "cost": {"currency", "requestsPerSecond", "monthly", "functions",
//  "routes": [{"api", "stage", "route"}], "lines": [{"service", "item", "unit", "quantity", "cost"}]}}
QJsonObject loadReportJson(const LoadReport &report);

// A failed run: any request without a response or with a 5xx.
bool loadRunFailed(const testing::LoadTestResult &result);

} // namespace gatehouse::cli
