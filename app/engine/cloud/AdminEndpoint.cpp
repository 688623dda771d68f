#include "AdminEndpoint.h"

#include "telemetry/MetricsExposition.h"
#include "telemetry/PrometheusText.h"

namespace gatehouse {

AdminEndpoint::AdminEndpoint(const MetricsStore *metrics, const CostMeter *cost,
                             http::HttpServerConfig config) {
    // A scrape is small and rare: one worker thread is plenty, and it keeps the scraper off the API
    // endpoints' workers.
    config.workerThreads = 1;
    config.maxBodyBytes = 64 * 1024;
    m_server = std::make_unique<http::HttpServer>(
        [metrics, cost](http::HttpRequest request, http::HttpResponder responder) {
            if (request.path != "/metrics") {
                responder.send(http::HttpResponse::errorJson(404));
                return;
            }
            if (request.method != "GET" && request.method != "HEAD") {
                http::HttpResponse refused = http::HttpResponse::errorJson(405);
                refused.headers.add("Allow", "GET, HEAD");
                responder.send(std::move(refused));
                return;
            }
            http::HttpResponse response;
            response.headers.add("Content-Type", PrometheusText::kContentType);
            response.headers.add("Cache-Control", "no-store");
            response.body = prometheusMetrics(*metrics, cost);
            responder.send(std::move(response));
        },
        std::move(config));
}

AdminEndpoint::~AdminEndpoint() = default;

http::HttpListenResult AdminEndpoint::listen() {
    return m_server->listen();
}

QUrl AdminEndpoint::url() const {
    return m_server->url();
}

QUrl AdminEndpoint::metricsUrl() const {
    QUrl url = m_server->url();
    url.setPath(QStringLiteral("/metrics"));
    return url;
}

} // namespace gatehouse
