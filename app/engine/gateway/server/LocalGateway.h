// The local API Gateway of one project: an endpoint per HTTP, REST or WebSocket API, each on its own port,
// all sharing the invoker, the log store, throttling state and the authorizer cache. Hot reload swaps each
// API's compiled snapshot; an API whose port changed is restarted on the new port.
#pragma once

#include "ApiEndpoint.h"
#include "GatewayServices.h"
#include "gateway/websocket/WebSocketApiEndpoint.h"

#include <QHostAddress>
#include <QMap>
#include <QObject>
#include <QUrl>
#include <optional>

namespace gatehouse {

struct LocalGatewayOptions {
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    // APIs without a port of their own take basePort, basePort + 1, ... in project order; unset = free ports.
    std::optional<quint16> basePort;
    int workerThreads = -1;          // per API endpoint; -1 = one per core
    WebSocketLimits webSocketLimits; // AWS's quotas unless a test shortens them
    MetricsStore *metrics = nullptr; // route metrics of every answered request (may be null)
    CostMeter *cost = nullptr;       // API Gateway's requests, messages and connection minutes (may be null)
};

struct ApiEndpointInfo {
    QString apiName;
    ApiType type = ApiType::Http;
    QUrl url; // http://127.0.0.1:PORT (WebSocket APIs: ws://127.0.0.1:PORT)
    struct StageUrl {
        QString stage;
        QUrl url; // HTTP API $default stage: the root; other stages (and WebSocket APIs): /{stage}
    };
    QList<StageUrl> stages;
};

class LocalGateway : public QObject {
    Q_OBJECT
public:
    LocalGateway(Invoker *invoker, LogStore *logs, LocalGatewayOptions options = {},
                 QObject *parent = nullptr);
    ~LocalGateway() override;

    struct Outcome {
        QStringList errors;  // e.g. "API 'orders': cannot listen on 127.0.0.1:3000: address in use"
        QStringList notices; // configuration problems that do not stop serving
        bool ok() const { return errors.isEmpty(); }
    };
    // Starts an endpoint per API. On any error every endpoint is stopped again.
    Outcome start(const Project &project, const QString &projectFolder);
    // Applies a changed project while serving: in-flight requests finish on the old configuration.
    Outcome update(const Project &project, const QString &projectFolder);
    void stop();

    // The port each API asks for: its own, else basePort, basePort + 1, ... in project order (else 0, a
    // free one). `consecutive` receives how many ports were taken from basePort.
    static QMap<QString, quint16> requestedPorts(const Project &project, std::optional<quint16> basePort,
                                                 int *consecutive = nullptr);

    QList<ApiEndpointInfo> endpoints() const;
    GatewayServices &services() { return *m_services; }
    // The WebSocket API's endpoint (counters, open connections), or null.
    WebSocketApiEndpoint *webSocketEndpoint(const QString &apiName) const;
    // Receives access log lines and errors from worker threads (see GatewayServices::observer).
    void setObserver(std::function<void(const GatewayEvent &)> observer);

private:
    struct Served {
        ApiEndpoint *endpoint = nullptr;           // HTTP and REST APIs
        WebSocketApiEndpoint *webSocket = nullptr; // WebSocket APIs
        quint16 requestedPort = 0;
        void destroy() {
            delete endpoint;
            delete webSocket;
        }
    };
    FetchedJwks fetchJwks(const Project &project) const;
    void describeProblems(const ApiSnapshot &snapshot, Outcome &outcome) const;

    LocalGatewayOptions m_options;
    std::shared_ptr<GatewayServices> m_services;
    QMap<QString, Served> m_served; // by API name
    QStringList m_order;            // API names in project order, for endpoints()
};

} // namespace gatehouse
