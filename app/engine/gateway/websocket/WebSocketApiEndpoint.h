// One WebSocket API served on its own local port (ws://127.0.0.1:PORT/{stage}), as API Gateway gives
// each WebSocket API its own endpoint. The upgrade goes through the gateway's HttpServer: the
// $connect route (and its optional Lambda REQUEST authorizer) decides whether the handshake is
// completed; accepted sockets stay on the worker thread that accepted them. Messages are routed by
// the API's route selection expression; every close invokes $disconnect (best effort, as on AWS).
// The @connections management API ("Use @connections commands in your backend service") answers on
// the same port: POST sends, GET describes, DELETE closes; a gone connection is 410 GoneException.
#pragma once

#include "gateway/server/ApiSnapshot.h"
#include "gateway/server/GatewayServices.h"
#include "http/HttpServer.h"

#include <QObject>
#include <memory>

namespace gatehouse {

// "Amazon API Gateway quotas for configuring and running a WebSocket API". Tests shorten them.
struct WebSocketLimits {
    qint64 maxMessageBytes = 128 * 1024; // larger → close code 1009
    qint64 maxFrameBytes = 32 * 1024;    // larger → close code 1009
    qint64 idleTimeoutMs = 10 * 60 * 1000;
    qint64 maxConnectionMs = 2 * 60 * 60 * 1000;
};

// Both priced dimensions of a WebSocket API (messages, connection minutes) plus the live count.
struct WebSocketCounters {
    int openConnections = 0;
    qint64 totalConnections = 0; // accepted since the endpoint started
    qint64 refusedConnections = 0;
    qint64 messagesIn = 0;
    qint64 messagesOut = 0;       // route responses, @connections posts and error frames
    double connectionMinutes = 0; // closed connections plus the time open ones have been open so far
};

class WebSocketApiEndpoint : public QObject {
    Q_OBJECT
public:
    WebSocketApiEndpoint(std::shared_ptr<GatewayServices> services,
                         std::shared_ptr<const ApiSnapshot> snapshot, http::HttpServerConfig config,
                         WebSocketLimits limits = {}, QObject *parent = nullptr);
    ~WebSocketApiEndpoint() override; // closes every connection (without $disconnect) and joins the workers

    [[nodiscard]] http::HttpListenResult listen();
    quint16 port() const { return m_server->port(); }
    QUrl url() const; // ws://127.0.0.1:PORT
    QUrl stageUrl(const QString &stage) const;

    // Hot reload: routes and stages change for new messages; open connections stay open.
    void setSnapshot(std::shared_ptr<const ApiSnapshot> snapshot);
    std::shared_ptr<const ApiSnapshot> snapshot() const;

    WebSocketCounters counters() const;
    QStringList connectionIds() const;

    struct Shared;

private:
    std::shared_ptr<Shared> m_shared;
    std::unique_ptr<http::HttpServer> m_server;
};

} // namespace gatehouse
