#include "ApiEndpoint.h"

#include "GatewayExchange.h"
#include "GatewayHttp.h"
#include "gateway/GatewayErrors.h"
#include "gateway/GatewayTime.h"

#include <QCoreApplication>

namespace gatehouse {

ApiEndpoint::ApiEndpoint(std::shared_ptr<GatewayServices> services,
                         std::shared_ptr<const ApiSnapshot> snapshot, http::HttpServerConfig config,
                         QObject *parent)
    : QObject(parent)
    , m_services(std::move(services))
    , m_snapshot(std::move(snapshot)) {
    config.protocolErrorResponse = [this](int status, const QByteArray &detail) {
        return protocolError(status, detail);
    };
    m_server = std::make_unique<http::HttpServer>(
        [this](http::HttpRequest request, http::HttpResponder responder) {
            handle(std::move(request), std::move(responder));
        },
        std::move(config));
}

ApiEndpoint::~ApiEndpoint() {
    m_server.reset(); // joins the workers before the members their handlers use go away
}

http::HttpListenResult ApiEndpoint::listen() {
    return m_server->listen();
}

void ApiEndpoint::close() {
    m_server->close();
}

void ApiEndpoint::setSnapshot(std::shared_ptr<const ApiSnapshot> snapshot) {
    const QMutexLocker lock(&m_mutex);
    m_snapshot = std::move(snapshot);
}

std::shared_ptr<const ApiSnapshot> ApiEndpoint::snapshot() const {
    const QMutexLocker lock(&m_mutex);
    return m_snapshot;
}

void ApiEndpoint::handle(http::HttpRequest request, http::HttpResponder responder) {
    if (request.webSocketUpgrade) {
        // HTTP and REST APIs do not upgrade; WebSocket APIs have endpoints of their own.
        responder.send(http::HttpResponse::errorJson(400, "This endpoint serves HTTP requests only"));
        return;
    }
    GatewayExchange::start(m_services, snapshot(), std::move(request), std::move(responder));
}

http::HttpResponse ApiEndpoint::protocolError(int status, const QByteArray &detail) const {
    const std::shared_ptr<const ApiSnapshot> api = snapshot();
    const ApiType type = api->api.type;
    const ResponseIds ids{type == ApiType::Http ? newHttpApiRequestId() : newRestRequestId(),
                          type == ApiType::Http ? QString() : newExtendedRequestId()};
    m_services->report({GatewayEvent::Kind::Error, api->api.name, ids.requestId,
                        QCoreApplication::translate("gatehouse::LocalGateway", "refused a request: %1 %2")
                            .arg(status)
                            .arg(QString::fromUtf8(detail))});
    if (status == 413) // API Gateway's own answer to a payload over its 10 MB quota (GatewayErrors.cpp).
        return httpResponseOf(gatewayErrorResponse(type, GatewayError::RequestTooLarge, ids));
    // Malformed requests never reach API Gateway's own logic on AWS either (its front end answers);
    // the body keeps the {"message": ...} shape clients parse, and the id headers are added.
    http::HttpResponse response = http::HttpResponse::errorJson(status, detail);
    GatewayResponse idHeaders;
    addGatewayHeaders(idHeaders, type, ids);
    for (const auto &[name, value] : httpResponseOf(idHeaders).headers)
        response.headers.add(name, value);
    return response;
}

} // namespace gatehouse
