// One API served on its own local port, as each API Gateway API has its own endpoint: an HttpServer
// whose handler runs every request through a GatewayExchange against the API's current snapshot.
#pragma once

#include "ApiSnapshot.h"
#include "GatewayServices.h"
#include "http/HttpServer.h"

#include <QMutex>
#include <QObject>
#include <memory>

namespace gatehouse {

class ApiEndpoint : public QObject {
    Q_OBJECT
public:
    ApiEndpoint(std::shared_ptr<GatewayServices> services, std::shared_ptr<const ApiSnapshot> snapshot,
                http::HttpServerConfig config, QObject *parent = nullptr);
    ~ApiEndpoint() override;

    [[nodiscard]] http::HttpListenResult listen();
    void close();
    quint16 port() const { return m_server->port(); }
    QUrl url() const { return m_server->url(); }
    int openConnections() const { return m_server->openConnections(); }

    // New requests see `snapshot`; requests already running finish on the one they started with.
    void setSnapshot(std::shared_ptr<const ApiSnapshot> snapshot);
    std::shared_ptr<const ApiSnapshot> snapshot() const;

private:
    void handle(http::HttpRequest request, http::HttpResponder responder);
    http::HttpResponse protocolError(int status, const QByteArray &detail) const;

    std::shared_ptr<GatewayServices> m_services;
    mutable QMutex m_mutex;
    std::shared_ptr<const ApiSnapshot> m_snapshot;
    std::unique_ptr<http::HttpServer> m_server;
};

} // namespace gatehouse
