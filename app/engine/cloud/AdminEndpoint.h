// The running project's admin HTTP endpoint (127.0.0.1 by default): GET /metrics answers the metrics
// store and the cost meter in Prometheus' text format, for a scraper or curl.
#pragma once

#include "http/HttpServer.h"

#include <memory>

namespace gatehouse {

class CostMeter;
class MetricsStore;

class AdminEndpoint {
public:
    // Both must outlive the endpoint; requests are answered on the endpoint's own worker thread.
    AdminEndpoint(const MetricsStore *metrics, const CostMeter *cost, http::HttpServerConfig config);
    ~AdminEndpoint();

    [[nodiscard]] http::HttpListenResult listen();
    QUrl url() const;        // http://127.0.0.1:PORT
    QUrl metricsUrl() const; // .../metrics

private:
    std::unique_ptr<http::HttpServer> m_server;
};

} // namespace gatehouse
