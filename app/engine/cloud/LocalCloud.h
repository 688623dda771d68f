// Everything that runs one project locally, started and stopped together: the invoker, the local
// API Gateway (an endpoint per HTTP/REST API), the Lambda Invoke API, and the metrics, cost meter and
// admin endpoint (GET /metrics) that watch them. `gatehouse serve` drives one from the command line;
// the studio's Run action will drive one on its own thread.
#pragma once

#include "gateway/server/LocalGateway.h"
#include "invoker/Invoker.h"
#include "project/Project.h"
#include "sources/schedules/Scheduler.h"
#include "telemetry/CostMeter.h"
#include "telemetry/LogStore.h"
#include "telemetry/MetricsStore.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <memory>
#include <optional>

namespace gatehouse {

namespace http {
class HttpServer;
}
class AdminEndpoint;
class AsyncDestinations;
class LambdaInvokeApi;
namespace s3 {
class S3Endpoint;
}
namespace sqs {
class LocalQueues;
}

struct LocalCloudOptions {
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    // First port for APIs without one of their own; the Invoke API takes the port after the last
    // API's, the admin endpoint the one after that. Unset: free ports.
    std::optional<quint16> basePort;
    std::optional<quint16> invokeApiPort; // overrides the above for the Invoke API
    std::optional<quint16> adminPort;     // ... and for the admin endpoint
    std::optional<quint16> s3Port;        // ... and for the S3 endpoint (after the admin endpoint's)
    std::optional<quint16> sqsPort;       // ... and for the SQS endpoint (after the S3 endpoint's)
    int workerThreads = -1;               // per endpoint; -1 = one per core
    InvokerOptions invoker;
    qsizetype logCapacity = 100000;
    WebSocketLimits webSocketLimits; // AWS's quotas unless the user or a test changes them
    MetricsLimits metricsLimits;
    MetricsStore::Clock metricsClock;   // empty: the system clock (tests inject one)
    std::function<qint64()> queueClock; // the local queues' clock (UTC ms); empty: the system clock
};

class LocalCloud : public QObject {
    Q_OBJECT
public:
    explicit LocalCloud(LocalCloudOptions options = {}, QObject *parent = nullptr);
    ~LocalCloud() override;

    // Starts every part; on any error nothing stays running and the errors say what failed (which
    // address and port, for ports in use).
    LocalGateway::Outcome start(const Project &project, const QString &projectFolder);
    // Hot reload: changed functions get new environments, APIs new snapshots; in-flight work finishes.
    LocalGateway::Outcome update(const Project &project, const QString &projectFolder);
    void stop();
    bool isRunning() const { return m_invoker != nullptr; }

    Invoker *invoker() const { return m_invoker.get(); }
    LogStore *logs() const { return m_logs.get(); }
    LocalGateway *gateway() const { return m_gateway.get(); }
    // Kept from start() to stop(), across hot reloads.
    MetricsStore *metrics() const { return m_metrics.get(); }
    CostMeter *costMeter() const { return m_cost.get(); }
    Scheduler *scheduler() const { return m_scheduler.get(); } // the project's schedules, while running
    QUrl invokeApiUrl() const;
    QUrl adminUrl() const;
    QUrl metricsUrl() const; // the admin endpoint's /metrics
    QUrl s3Url() const;      // the project's buckets over the S3 API (--endpoint-url)
    s3::S3Endpoint *s3() const { return m_s3.get(); }
    QUrl sqsUrl() const; // the SQS endpoint (both protocols), for SDKs and `aws sqs --endpoint-url`
    sqs::LocalQueues *queues() const { return m_queues.get(); }
    // {"project", "invokeApi", "apis": [{"name", "type", "url", "stages": [{"name", "url"}]}],
    //  "admin": {"type": "admin", "url", "metrics"}, "s3": {"type": "s3", "url", "buckets": [...]},
    //  "sqs": {"type": "sqs", "url", "queues": [{"name", "url"}]}}
    QJsonObject endpointsJson() const;
    // The observer for access logs and gateway errors (called on worker threads; thread-safe).
    void setGatewayObserver(std::function<void(const GatewayEvent &)> observer);

private:
    void recordInvocations();

    LocalCloudOptions m_options;
    QString m_projectName;
    // Declared before what records into them, so that they are destroyed after it.
    std::unique_ptr<MetricsStore> m_metrics;
    std::unique_ptr<CostMeter> m_cost;
    std::unique_ptr<LogStore> m_logs;
    std::unique_ptr<Invoker> m_invoker;
    std::unique_ptr<LocalGateway> m_gateway;
    std::unique_ptr<LambdaInvokeApi> m_invokeApi;
    std::unique_ptr<http::HttpServer> m_invokeServer;
    std::unique_ptr<AdminEndpoint> m_admin;
    std::unique_ptr<Scheduler> m_scheduler;
    std::unique_ptr<s3::S3Endpoint> m_s3;
    QStringList m_bucketNames;
    std::unique_ptr<sqs::LocalQueues> m_queues;
    std::unique_ptr<AsyncDestinations> m_destinations; // after m_queues: it sends to their broker
    std::function<void(const GatewayEvent &)> m_observer;
};

QString apiTypeLabel(ApiType type); // "HTTP API", "REST API", "WebSocket API"

} // namespace gatehouse
