// Everything that runs one project locally, started and stopped together: the invoker, the local
// API Gateway (an endpoint per HTTP/REST API) and the Lambda Invoke API. `gatehouse serve` drives
// one from the command line; the studio's Run action will drive one on its own thread.
#pragma once

#include "gateway/server/LocalGateway.h"
#include "invoker/Invoker.h"
#include "project/Project.h"
#include "telemetry/LogStore.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <memory>
#include <optional>

namespace gatehouse {

namespace http {
class HttpServer;
}
class LambdaInvokeApi;

struct LocalCloudOptions {
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    // First port for APIs without one of their own; the Invoke API takes the port after the last
    // API's. Unset: free ports.
    std::optional<quint16> basePort;
    std::optional<quint16> invokeApiPort; // overrides the above for the Invoke API
    int workerThreads = -1;               // per endpoint; -1 = one per core
    InvokerOptions invoker;
    qsizetype logCapacity = 100000;
    WebSocketLimits webSocketLimits; // AWS's quotas unless the user or a test changes them
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
    QUrl invokeApiUrl() const;
    // {"project", "invokeApi", "apis": [{"name", "type", "url", "stages": [{"name", "url"}]}]}
    QJsonObject endpointsJson() const;
    // The observer for access logs and gateway errors (called on worker threads; thread-safe).
    void setGatewayObserver(std::function<void(const GatewayEvent &)> observer);

private:
    LocalCloudOptions m_options;
    QString m_projectName;
    std::unique_ptr<LogStore> m_logs;
    std::unique_ptr<Invoker> m_invoker;
    std::unique_ptr<LocalGateway> m_gateway;
    std::unique_ptr<LambdaInvokeApi> m_invokeApi;
    std::unique_ptr<http::HttpServer> m_invokeServer;
    std::function<void(const GatewayEvent &)> m_observer;
};

QString apiTypeLabel(ApiType type); // "HTTP API", "REST API", "WebSocket API"

} // namespace gatehouse
