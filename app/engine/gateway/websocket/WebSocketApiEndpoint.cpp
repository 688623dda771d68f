#include "WebSocketApiEndpoint.h"

#include "WebSocketEvents.h"
#include "WebSocketRouteSelection.h"
#include "gateway/GatewayTime.h"
#include "gateway/LambdaAuthorizerEvent.h"
#include "gateway/LambdaAuthorizerResult.h"
#include "gateway/server/GatewayHttp.h"
#include "gateway/server/GatewayThreadContext.h"
#include "invoker/Invoker.h"
#include "telemetry/CostMeter.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QMutex>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <atomic>

namespace gatehouse {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::ConnectAttempt", text);
}

class WebSocketSession;

// What the @connections API may read about a connection from any thread.
struct ConnectionEntry {
    WebSocketSession *session = nullptr; // only posted to while the registry mutex is held
    QDateTime connectedAt;
    QString sourceIp;
    QString userAgent;
    std::atomic<qint64> lastActiveMs{0}; // epoch milliseconds
    QElapsedTimer open;
};

bool isUtf8(const QByteArray &data) {
    return QString::fromUtf8(data).toUtf8() == data;
}

QString isoTime(const QDateTime &time) {
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// What a two-way route sends back: a Lambda proxy result's "body" (base64-decoded when flagged);
// any other value as the JSON text the function returned (a bare string without its quotes).
std::optional<std::pair<QByteArray, bool>> routeResponseOf(const QByteArray &payload) {
    const std::optional<OrderedJson> json = parseJson(payload);
    if (!json) return std::make_pair(payload, !isUtf8(payload));
    if (json->is_string()) return std::make_pair(QByteArray::fromStdString(json->get<std::string>()), false);
    if (json->is_object() && (json->contains("statusCode") || json->contains("body"))) {
        const auto body = json->find("body");
        if (body == json->end() || body->is_null()) return std::nullopt;
        const QByteArray text =
            body->is_string() ? QByteArray::fromStdString(body->get<std::string>()) : jsonBytes(*body);
        const auto flag = json->find("isBase64Encoded");
        if (flag != json->end() && flag->is_boolean() && flag->get<bool>())
            return std::make_pair(QByteArray::fromBase64(text), true);
        return std::make_pair(text, false);
    }
    return std::make_pair(payload, false);
}

} // namespace

struct WebSocketApiEndpoint::Shared {
    std::shared_ptr<GatewayServices> services;
    WebSocketLimits limits;
    QUrl baseUrl;

    mutable QMutex mutex; // guards snapshot, connections and stopping
    std::shared_ptr<const ApiSnapshot> snapshot;
    QHash<QString, std::shared_ptr<ConnectionEntry>> connections;
    bool stopping = false;

    std::atomic<qint64> total{0};
    std::atomic<qint64> refused{0};
    std::atomic<qint64> messagesIn{0};
    std::atomic<qint64> messagesOut{0};
    std::atomic<qint64> closedConnectionMs{0};

    std::shared_ptr<const ApiSnapshot> current() const {
        const QMutexLocker lock(&mutex);
        return snapshot;
    }

    // Runs `fn` on the connection's own thread. False when the connection is gone.
    bool post(const QString &connectionId, std::function<void(WebSocketSession *)> fn);

    void accessLog(const ApiSnapshot &api, const WebSocketEventContext &context, const char *eventType,
                   int status, const QString &error = {}) const {
        AccessLogVariables v;
        v.insert(QStringLiteral("requestId"), context.requestId);
        v.insert(QStringLiteral("extendedRequestId"), context.extendedRequestId);
        v.insert(QStringLiteral("connectionId"), context.connectionId);
        v.insert(QStringLiteral("eventType"), QString::fromLatin1(eventType));
        v.insert(QStringLiteral("routeKey"), context.routeKey);
        v.insert(QStringLiteral("messageId"), context.messageId);
        v.insert(QStringLiteral("status"), QString::number(status));
        v.insert(QStringLiteral("stage"), context.stage);
        v.insert(QStringLiteral("apiId"), context.apiId);
        v.insert(QStringLiteral("domainName"), context.domainName);
        v.insert(QStringLiteral("identity.sourceIp"), context.sourceIp);
        v.insert(QStringLiteral("identity.userAgent"), context.userAgent);
        v.insert(QStringLiteral("requestTime"), clfTime(context.requestTime));
        v.insert(QStringLiteral("requestTimeEpoch"), QString::number(epochMilliseconds(context.requestTime)));
        v.insert(QStringLiteral("connectedAt"), QString::number(context.connectedAtMs));
        v.insert(QStringLiteral("error.message"), error);
        for (auto it = v.begin(); it != v.end();)
            it = it->isEmpty() ? v.erase(it) : std::next(it); // rendered as "-", as AWS does
        // WebSocket stages log with their own format; without one, a CLF-like line that names the
        // event and route instead of an HTTP method and path.
        static const AccessLogFormat fallback(
            QStringLiteral("$context.identity.sourceIp - - [$context.requestTime] \"$context.eventType "
                           "$context.routeKey $context.connectionId\" $context.status $context.requestId"));
        const auto format = api.accessLogs.constFind(context.stage);
        const QString line = (format != api.accessLogs.cend() ? *format : fallback).render(v);
        services->report({GatewayEvent::Kind::AccessLog, api.api.name, context.requestId, line});
    }

    void reportError(const ApiSnapshot &api, const QString &requestId, const QString &text) const {
        services->report({GatewayEvent::Kind::Error, api.api.name, requestId, text});
    }
};

namespace {

using Shared = WebSocketApiEndpoint::Shared;

// One open connection, living on the worker thread that accepted it and owning its QWebSocket.
class WebSocketSession : public QObject {
public:
    WebSocketSession(std::shared_ptr<Shared> shared, QWebSocket *socket, WebSocketEventContext context,
                     HeaderFields connectHeaders)
        : m_shared(std::move(shared))
        , m_socket(socket)
        , m_context(std::move(context))
        , m_connectHeaders(std::move(connectHeaders)) {
        m_socket->setParent(this);
        // Qt closes with 1009 (CloseCodeTooMuchData) itself when a frame or message is too large,
        // which is exactly what API Gateway answers to an oversize message.
        m_socket->setMaxAllowedIncomingFrameSize(quint64(m_shared->limits.maxFrameBytes));
        m_socket->setMaxAllowedIncomingMessageSize(quint64(m_shared->limits.maxMessageBytes));
        connect(m_socket, &QWebSocket::textMessageReceived, this,
                [this](const QString &text) { onMessage(text.toUtf8(), false); });
        connect(m_socket, &QWebSocket::binaryMessageReceived, this,
                [this](const QByteArray &data) { onMessage(data, true); });
        connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
                [this](QAbstractSocket::SocketError error) {
                    if (error == QAbstractSocket::RemoteHostClosedError) m_peerDropped = true;
                });
        connect(m_socket, &QWebSocket::disconnected, this, [this] { onDisconnected(); });

        m_idle.setSingleShot(true);
        m_idle.setInterval(std::chrono::milliseconds(m_shared->limits.idleTimeoutMs));
        connect(&m_idle, &QTimer::timeout, this,
                [this] { closeWith(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("Going away")); });
        m_lifetime.setSingleShot(true);
        m_lifetime.setInterval(std::chrono::milliseconds(m_shared->limits.maxConnectionMs));
        connect(&m_lifetime, &QTimer::timeout, this,
                [this] { closeWith(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("Going away")); });
        m_idle.start();
        m_lifetime.start();

        m_entry = std::make_shared<ConnectionEntry>();
        m_entry->session = this;
        m_entry->connectedAt = QDateTime::fromMSecsSinceEpoch(m_context.connectedAtMs, Qt::UTC);
        m_entry->sourceIp = m_context.sourceIp;
        m_entry->userAgent = m_context.userAgent;
        m_entry->lastActiveMs = QDateTime::currentMSecsSinceEpoch();
        m_entry->open.start();
    }

    // Called with the registry mutex held, so that an endpoint shutting down either sees this
    // connection (and closes it) or refuses it.
    void registerLocked() {
        m_shared->connections.insert(m_context.connectionId, m_entry);
        ++m_shared->total;
    }

    ~WebSocketSession() override {
        // The HTTP worker deletes the sockets it handed over when the server stops, possibly
        // before a session whose deletion was already scheduled.
        if (m_socket) m_socket->disconnect(this);
        unregister();
    }

    void send(const QByteArray &data, bool binary) {
        if (m_closed || !m_socket) return;
        if (binary)
            m_socket->sendBinaryMessage(data);
        else
            m_socket->sendTextMessage(QString::fromUtf8(data));
        ++m_shared->messagesOut;
        if (CostMeter *cost = m_shared->services->cost) cost->recordWebSocketMessage(data.size());
        touch();
    }

    void closeWith(QWebSocketProtocol::CloseCode code, const QString &reason) {
        if (m_closed || m_closeCode || !m_socket) return;
        m_closeCode = int(code);
        m_closeReason = reason;
        m_socket->close(code, reason);
    }

    // The endpoint is going away: no $disconnect (the invoker may be stopping too).
    void shutdown() {
        m_closed = true;
        unregister();
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("Going away"));
        }
        deleteLater(); // we are inside one of our own events
    }

private:
    void touch() {
        m_entry->lastActiveMs = QDateTime::currentMSecsSinceEpoch();
        m_idle.start();
    }

    void unregister() {
        const QMutexLocker lock(&m_shared->mutex);
        const auto it = m_shared->connections.constFind(m_context.connectionId);
        if (it != m_shared->connections.cend() && it->get() == m_entry.get()) {
            m_shared->connections.erase(it);
            const qint64 openMs = m_entry->open.elapsed();
            m_shared->closedConnectionMs += openMs;
            if (CostMeter *cost = m_shared->services->cost) cost->recordWebSocketConnection(openMs);
        }
    }

    WebSocketEventContext eventContext() const {
        WebSocketEventContext context = m_context;
        context.requestId = newWebSocketId();
        context.extendedRequestId = context.requestId;
        context.requestTime = QDateTime::currentDateTimeUtc();
        return context;
    }

    void onMessage(const QByteArray &data, bool binary) {
        if (m_closed) return;
        ++m_shared->messagesIn;
        if (CostMeter *cost = m_shared->services->cost) cost->recordWebSocketMessage(data.size());
        touch();
        const std::shared_ptr<const ApiSnapshot> api = m_shared->current();
        WebSocketEventContext context = eventContext();
        context.messageId = newWebSocketId();
        // A binary frame is not JSON, so it can only reach $default.
        const std::optional<qsizetype> index =
            binary ? findWebSocketRoute(api->api.routes, QStringLiteral("$default"))
                   : selectWebSocketRoute(api->api.routes, api->api.routeSelectionExpression, data,
                                          &context.routeKey);
        if (!index) {
            send(webSocketErrorFrame(QStringLiteral("Forbidden"), context.connectionId, context.requestId),
                 false);
            m_shared->accessLog(*api, context, "MESSAGE", 403, QStringLiteral("Forbidden"));
            return;
        }
        const Route route = api->api.routes.at(*index);
        context.routeKey = route.routeKey;
        const QByteArray event = webSocketMessageEvent(context, data, binary);
        switch (route.integration.type) {
        case IntegrationType::Mock:
            if (route.routeResponse) send(route.integration.mockBody.toUtf8(), false);
            m_shared->accessLog(*api, context, "MESSAGE", route.integration.mockStatusCode);
            return;
        case IntegrationType::HttpProxy:
            m_shared->reportError(*api, context.requestId,
                                  QCoreApplication::translate(
                                      "gatehouse::WebSocketSession",
                                      "route '%1': HTTP integrations are not supported on WebSocket APIs yet")
                                      .arg(route.routeKey));
            send(webSocketErrorFrame(QStringLiteral("Internal server error"), context.connectionId,
                                     context.requestId),
                 false);
            m_shared->accessLog(*api, context, "MESSAGE", 500, QStringLiteral("Internal server error"));
            return;
        case IntegrationType::Lambda:
            break;
        }
        QPointer<WebSocketSession> self(this);
        std::shared_ptr<Shared> shared = m_shared;
        shared->services->invoker->invoke(
            route.integration.function, event, {}, GatewayThreadContext::current(),
            [self, shared, api, context, route](const InvocationResult &result) {
                if (!result.succeeded()) {
                    shared->reportError(
                        *api, context.requestId,
                        QCoreApplication::translate("gatehouse::WebSocketSession",
                                                    "route '%1': function '%2' failed: %3: %4")
                            .arg(route.routeKey, route.integration.function, result.errorType,
                                 result.errorMessage));
                    if (self)
                        self->send(webSocketErrorFrame(QStringLiteral("Internal server error"),
                                                       context.connectionId, context.requestId),
                                   false);
                    shared->accessLog(*api, context, "MESSAGE", 500, QStringLiteral("Internal server error"));
                    return;
                }
                if (route.routeResponse && self)
                    if (const auto reply = routeResponseOf(result.payload))
                        self->send(reply->first, reply->second);
                shared->accessLog(*api, context, "MESSAGE", 200);
            });
    }

    void onDisconnected() {
        if (m_closed) return;
        m_closed = true;
        m_idle.stop();
        m_lifetime.stop();
        int code = m_closeCode.value_or(m_socket ? int(m_socket->closeCode()) : 1006);
        QString reason = m_closeCode || !m_socket ? m_closeReason : m_socket->closeReason();
        // The peer went away without a close frame: RFC 6455 §7.1.5's "abnormal closure".
        if (!m_closeCode && m_peerDropped && code == QWebSocketProtocol::CloseCodeNormal &&
            reason.isEmpty()) {
            code = QWebSocketProtocol::CloseCodeAbnormalDisconnection;
            reason = QStringLiteral("Connection closed abnormally");
        }
        unregister();
        invokeDisconnect(code, reason);
        deleteLater();
    }

    void invokeDisconnect(int code, const QString &reason) {
        const std::shared_ptr<const ApiSnapshot> api = m_shared->current();
        {
            const QMutexLocker lock(&m_shared->mutex);
            if (m_shared->stopping) return;
        }
        WebSocketEventContext context = eventContext();
        context.routeKey = QStringLiteral("$disconnect");
        const std::optional<qsizetype> index = findWebSocketRoute(api->api.routes, context.routeKey);
        if (!index || api->api.routes.at(*index).integration.type != IntegrationType::Lambda) {
            m_shared->accessLog(*api, context, "DISCONNECT", 200);
            return;
        }
        // The documented DISCONNECT example carries these headers only.
        HeaderFields headers{
            {QStringLiteral("Host"), firstHeaderValue(m_connectHeaders, u"Host").value_or(QString())},
            {QStringLiteral("x-api-key"), QString()},
            {QStringLiteral("X-Forwarded-For"), QString()},
            {QStringLiteral("x-restapi"), QString()}};
        const QByteArray event = webSocketDisconnectEvent(context, headers, code, reason);
        const Route route = api->api.routes.at(*index);
        std::shared_ptr<Shared> shared = m_shared;
        shared->services->invoker->invoke(
            route.integration.function, event, {}, GatewayThreadContext::current(),
            [shared, api, context, route](const InvocationResult &result) {
                // Best effort, as on AWS: a failure is only logged.
                if (!result.succeeded())
                    shared->reportError(
                        *api, context.requestId,
                        QCoreApplication::translate("gatehouse::WebSocketSession",
                                                    "route '$disconnect': function '%1' failed: %2: %3")
                            .arg(route.integration.function, result.errorType, result.errorMessage));
                shared->accessLog(*api, context, "DISCONNECT", result.succeeded() ? 200 : 500);
            });
    }

    std::shared_ptr<Shared> m_shared;
    QPointer<QWebSocket> m_socket;
    WebSocketEventContext m_context;
    HeaderFields m_connectHeaders;
    std::shared_ptr<ConnectionEntry> m_entry;
    QTimer m_idle;
    QTimer m_lifetime;
    bool m_closed = false;
    bool m_peerDropped = false;
    std::optional<int> m_closeCode; // set when we closed (limits, DELETE @connections)
    QString m_closeReason;
};

// The $connect handshake: authorizer, then the $connect integration, then the upgrade. Lives until
// the last asynchronous step answers; every step runs on the worker thread of the request.
class ConnectAttempt : public std::enable_shared_from_this<ConnectAttempt> {
public:
    ConnectAttempt(std::shared_ptr<Shared> shared, std::shared_ptr<const ApiSnapshot> api,
                   http::HttpRequest request, http::HttpResponder responder, QString stage)
        : m_shared(std::move(shared))
        , m_api(std::move(api))
        , m_httpRequest(std::move(request))
        , m_responder(std::move(responder)) {
        const GatewayRequest asGateway = gatewayRequestOf(m_httpRequest);
        m_headers = asGateway.headers;
        m_rawQuery = QString::fromUtf8(m_httpRequest.query);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_context.apiId = m_api->apiId;
        m_context.stage = stage;
        m_context.domainName = hostWithoutPort(QString::fromUtf8(m_httpRequest.header("Host")));
        m_context.connectionId = newWebSocketId();
        m_context.routeKey = QStringLiteral("$connect");
        m_context.requestId = newWebSocketId();
        m_context.extendedRequestId = m_context.requestId;
        m_context.sourceIp = asGateway.sourceIp;
        m_context.userAgent = QString::fromUtf8(m_httpRequest.header("User-Agent"));
        m_context.connectedAtMs = epochMilliseconds(now);
        m_context.requestTime = now;
        m_route = findWebSocketRoute(m_api->api.routes, m_context.routeKey);
    }

    void run() {
        if (m_route && !m_api->api.routes.at(*m_route).authorizer.isEmpty()) return authorize();
        integrate();
    }

private:
    const Route &route() const { return m_api->api.routes.at(*m_route); }

    void authorize() {
        const auto it = m_api->authorizers.constFind(route().authorizer);
        if (it == m_api->authorizers.cend() || it->type != AuthorizerType::Lambda)
            return refuse(
                500, R"({"message":"Internal server error"})",
                tr("the $connect route's authorizer '%1' is not a Lambda authorizer of this project")
                    .arg(route().authorizer));
        // WebSocket APIs only have REQUEST authorizers; their identity sources are written
        // "route.request.header.X" / "route.request.querystring.x" (the $request. spelling works too).
        Authorizer authorizer = *it;
        authorizer.lambdaType = QStringLiteral("REQUEST");
        for (QString &source : authorizer.identitySources)
            if (source.startsWith(QLatin1String("route.request.")))
                source = QStringLiteral("$request.") + source.mid(14);
        GatewayRequest request = gatewayRequestOf(m_httpRequest);
        request.requestTime = m_context.requestTime;
        InvocationContext invocation;
        invocation.apiId = m_context.apiId;
        invocation.stage = m_context.stage;
        invocation.routeKey = m_context.routeKey;
        invocation.requestId = m_context.requestId;
        const AuthorizerIdentity identity = collectAuthorizerIdentity(authorizer, request, invocation);
        if (!identity.complete)
            return refuse(
                401, R"({"message":"Unauthorized"})",
                tr("Lambda authorizer '%1' was not invoked: %2").arg(authorizer.name, identity.problem));
        const QString key = identity.cacheKey();
        if (const std::optional<AuthorizerAnswer> cached =
                m_shared->services->authorizerCache.find(authorizer, key))
            return decide(authorizer, *cached, 0);
        const Stage *stage = m_api->stage(m_context.stage);
        const QByteArray event = webSocketAuthorizerEvent(m_context, m_headers, m_rawQuery,
                                                          stage ? stage->variables : NameValueList{});
        auto self = shared_from_this();
        QElapsedTimer clock;
        clock.start();
        m_shared->services->invoker->invoke(
            authorizer.function, event, {}, GatewayThreadContext::current(),
            [self, authorizer, key, clock](const InvocationResult &result) {
                AuthorizerInvocation invocation;
                invocation.functionError = !result.succeeded();
                invocation.errorMessage = result.errorMessage;
                invocation.output = result.payload;
                invocation.latencyMs = clock.elapsed();
                // WebSocket authorizers answer like REST REQUEST authorizers (an IAM policy).
                const AuthorizerVerdict verdict = evaluateAuthorizerInvocation(
                    authorizer, ApiType::Rest, invocation, webSocketMethodArn(self->m_context));
                if (verdict.answer)
                    self->m_shared->services->authorizerCache.store(authorizer, key, *verdict.answer);
                if (!verdict.answer) return self->refuseFor(authorizer, verdict);
                self->decide(authorizer, *verdict.answer, invocation.latencyMs);
            });
    }

    void decide(const Authorizer &authorizer, const AuthorizerAnswer &answer, qint64 latencyMs) {
        const AuthorizerVerdict verdict = decideAuthorizer(answer, webSocketMethodArn(m_context));
        if (!verdict.allowed()) return refuseFor(authorizer, verdict);
        m_context.authorizer = lambdaAuthorizerContext(answer, ApiType::Rest, false, latencyMs);
        integrate();
    }

    void refuseFor(const Authorizer &authorizer, const AuthorizerVerdict &verdict) {
        const QString reason = tr("Lambda authorizer '%1': %2").arg(authorizer.name, verdict.reason);
        switch (verdict.outcome) {
        case AuthorizerVerdict::Outcome::Unauthorized:
            return refuse(401, R"({"message":"Unauthorized"})", reason);
        case AuthorizerVerdict::Outcome::ExplicitDeny:
        case AuthorizerVerdict::Outcome::ImplicitDeny:
        case AuthorizerVerdict::Outcome::Allow:
            return refuse(403, R"({"message":"Forbidden"})", reason);
        case AuthorizerVerdict::Outcome::Failure:
            break;
        }
        refuse(500, R"({"message":null})", reason);
    }

    void integrate() {
        if (!m_route) return accept();
        const Integration &integration = route().integration;
        if (integration.type == IntegrationType::Mock) {
            const int status = integration.mockStatusCode;
            if (status < 200 || status > 299)
                return refuse(status, integration.mockBody.toUtf8(),
                              tr("the $connect mock answered %1").arg(status));
            return accept();
        }
        if (integration.type != IntegrationType::Lambda) {
            m_shared->reportError(
                *m_api, m_context.requestId,
                tr("route '$connect': HTTP integrations are not supported on WebSocket APIs yet; "
                   "the connection is accepted without it"));
            return accept();
        }
        const QByteArray event = webSocketConnectEvent(m_context, m_headers, m_rawQuery);
        auto self = shared_from_this();
        m_shared->services->invoker->invoke(
            integration.function, event, {}, GatewayThreadContext::current(),
            [self](const InvocationResult &result) { self->onConnectResult(result); });
    }

    void onConnectResult(const InvocationResult &result) {
        const QString function = route().integration.function;
        if (!result.succeeded())
            return refuse(500, R"({"message": "Internal server error"})",
                          tr("route '$connect': function '%1' failed: %2: %3")
                              .arg(function, result.errorType, result.errorMessage));
        // "Setting up a WebSocket API integration": a $connect integration refuses the connection by
        // returning a status code outside 2xx; the client sees that status on the handshake.
        const std::optional<OrderedJson> json = parseJson(result.payload);
        if (json && json->is_object()) {
            const auto status = json->find("statusCode");
            if (status != json->end() && status->is_number_integer()) {
                const int code = status->get<int>();
                if (code < 200 || code > 299) {
                    const auto body = json->find("body");
                    const QByteArray text = body != json->end() && body->is_string()
                                                ? QByteArray::fromStdString(body->get<std::string>())
                                                : QByteArray();
                    return refuse(code, text,
                                  tr("route '$connect': function '%1' answered %2").arg(function).arg(code));
                }
            }
        }
        accept();
    }

    void refuse(int status, const QByteArray &body, const QString &reason) {
        ++m_shared->refused;
        m_shared->reportError(*m_api, m_context.requestId,
                              tr("refused a WebSocket connection: %1").arg(reason));
        http::HttpHeaders headers;
        headers.add("x-amzn-RequestId", m_context.requestId.toLatin1());
        headers.add("x-amz-apigw-id", m_context.extendedRequestId.toLatin1());
        if (!body.isEmpty()) headers.add("Content-Type", "application/json");
        m_responder.send(status, body, headers);
        m_shared->accessLog(*m_api, m_context, "CONNECT", status, reason);
    }

    void accept() {
        std::shared_ptr<Shared> shared = m_shared;
        const WebSocketEventContext context = m_context;
        const HeaderFields headers = m_headers;
        const bool accepted = m_responder.acceptWebSocket(
            [shared, context, headers](QWebSocket *socket, const http::HttpRequest &) {
                const QMutexLocker lock(&shared->mutex);
                if (shared->stopping) {
                    delete socket;
                    return;
                }
                // Deletes itself when closed.
                (new WebSocketSession(shared, socket, context, headers))->registerLocked();
            });
        m_shared->accessLog(*m_api, m_context, "CONNECT", accepted ? 200 : 499,
                            accepted ? QString() : tr("the client left before the upgrade"));
    }

    std::shared_ptr<Shared> m_shared;
    std::shared_ptr<const ApiSnapshot> m_api;
    http::HttpRequest m_httpRequest;
    http::HttpResponder m_responder;
    HeaderFields m_headers;
    QString m_rawQuery;
    WebSocketEventContext m_context;
    std::optional<qsizetype> m_route;
};

http::HttpResponse awsJson(int status, const QByteArray &body, const QByteArray &errorType = {}) {
    http::HttpResponse response = http::HttpResponse::json(status, body);
    response.headers.add("x-amzn-RequestId", newRestRequestId().toLatin1());
    if (!errorType.isEmpty()) response.headers.add("x-amzn-ErrorType", errorType);
    return response;
}

// POST|GET|DELETE /{stage}/@connections/{connectionId} ("Use @connections commands in your backend
// service"). SigV4 signatures are not checked: every local caller is trusted.
void manageConnection(const std::shared_ptr<Shared> &shared, const http::HttpRequest &request,
                      http::HttpResponder responder, const QString &connectionId) {
    const auto gone = [&] {
        OrderedJson body = OrderedJson::object();
        body["message"] = utf8(QStringLiteral("Connection %1 is gone").arg(connectionId));
        responder.send(awsJson(410, jsonBytes(body), "GoneException"));
    };
    if (request.method == "POST") {
        const QByteArray data = request.body;
        const bool binary = !isUtf8(data);
        if (!shared->post(connectionId,
                          [data, binary](WebSocketSession *session) { session->send(data, binary); }))
            return gone();
        http::HttpResponse ok = awsJson(200, {});
        ok.headers.remove("Content-Type");
        responder.send(std::move(ok));
        return;
    }
    if (request.method == "GET") {
        std::shared_ptr<ConnectionEntry> entry;
        {
            const QMutexLocker lock(&shared->mutex);
            entry = shared->connections.value(connectionId);
        }
        if (!entry) return gone();
        OrderedJson body = OrderedJson::object();
        body["connectedAt"] = utf8(isoTime(entry->connectedAt));
        body["identity"] = {{"sourceIp", utf8(entry->sourceIp)}, {"userAgent", utf8(entry->userAgent)}};
        body["lastActiveAt"] = utf8(isoTime(QDateTime::fromMSecsSinceEpoch(entry->lastActiveMs, Qt::UTC)));
        responder.send(awsJson(200, jsonBytes(body)));
        return;
    }
    if (request.method == "DELETE") {
        if (!shared->post(connectionId, [](WebSocketSession *session) {
                session->closeWith(QWebSocketProtocol::CloseCodeNormal, QString());
            }))
            return gone();
        http::HttpResponse done;
        done.status = 204;
        done.headers.add("x-amzn-RequestId", newRestRequestId().toLatin1());
        responder.send(std::move(done));
        return;
    }
    responder.send(awsJson(403, R"({"message":"Forbidden"})", "ForbiddenException"));
}

} // namespace

bool WebSocketApiEndpoint::Shared::post(const QString &connectionId,
                                        std::function<void(WebSocketSession *)> fn) {
    const QMutexLocker lock(&mutex);
    const auto it = connections.constFind(connectionId);
    if (it == connections.cend()) return false;
    // The session removes itself from the table (under this mutex) before it is deleted, and events
    // posted to a deleted object are dropped: posting while holding the mutex is safe.
    WebSocketSession *session = (*it)->session;
    QMetaObject::invokeMethod(
        session, [session, fn] { fn(session); }, Qt::QueuedConnection);
    return true;
}

WebSocketApiEndpoint::WebSocketApiEndpoint(std::shared_ptr<GatewayServices> services,
                                           std::shared_ptr<const ApiSnapshot> snapshot,
                                           http::HttpServerConfig config, WebSocketLimits limits,
                                           QObject *parent)
    : QObject(parent)
    , m_shared(std::make_shared<Shared>()) {
    m_shared->services = std::move(services);
    m_shared->limits = limits;
    m_shared->snapshot = std::move(snapshot);
    // Connections stay open for hours; the HTTP layer's keep-alive idle timeout must not cut them.
    std::shared_ptr<Shared> shared = m_shared;
    m_server = std::make_unique<http::HttpServer>(
        [shared](http::HttpRequest request, http::HttpResponder responder) {
            const std::shared_ptr<const ApiSnapshot> api = shared->current();
            // "/{stage}" or "/{stage}/@connections/{id}"; ids arrive percent-encoded ('=' as %3D).
            const QString path = QString::fromUtf8(request.path);
            const QStringList parts = path.mid(1).split(QLatin1Char('/'));
            const QString stage = percentDecoded(parts.value(0));
            const bool knownStage = !stage.isEmpty() && api->stage(stage) != nullptr;
            if (parts.size() == 3 && parts.at(1) == QLatin1String("@connections") && !parts.at(2).isEmpty()) {
                if (!knownStage) return void(responder.send(awsJson(403, R"({"message":"Forbidden"})")));
                return manageConnection(shared, request, std::move(responder), percentDecoded(parts.at(2)));
            }
            if (!knownStage || parts.size() > 2 || (parts.size() == 2 && !parts.at(1).isEmpty()))
                return void(responder.send(awsJson(403, R"({"message":"Forbidden"})")));
            if (!request.webSocketUpgrade)
                return void(responder.send(awsJson(426, R"({"message":"Upgrade Required"})")));
            auto attempt = std::make_shared<ConnectAttempt>(shared, api, std::move(request),
                                                            std::move(responder), stage);
            attempt->run();
        },
        std::move(config));
}

WebSocketApiEndpoint::~WebSocketApiEndpoint() {
    {
        const QMutexLocker lock(&m_shared->mutex);
        m_shared->stopping = true;
        for (const std::shared_ptr<ConnectionEntry> &entry : std::as_const(m_shared->connections)) {
            WebSocketSession *session = entry->session;
            QMetaObject::invokeMethod(
                session, [session] { session->shutdown(); }, Qt::QueuedConnection);
        }
    }
    // The sessions live on the server's workers: let them close before the workers are joined.
    const QDeadlineTimer deadline(3000);
    while (!deadline.hasExpired()) {
        {
            const QMutexLocker lock(&m_shared->mutex);
            if (m_shared->connections.isEmpty()) break;
        }
        QThread::msleep(2);
    }
    m_server.reset();
}

http::HttpListenResult WebSocketApiEndpoint::listen() {
    return m_server->listen();
}

QUrl WebSocketApiEndpoint::url() const {
    QUrl url = m_server->url();
    url.setScheme(QStringLiteral("ws"));
    return url;
}

QUrl WebSocketApiEndpoint::stageUrl(const QString &stage) const {
    QUrl stageUrl = url();
    stageUrl.setPath(QLatin1Char('/') + stage);
    return stageUrl;
}

void WebSocketApiEndpoint::setSnapshot(std::shared_ptr<const ApiSnapshot> snapshot) {
    const QMutexLocker lock(&m_shared->mutex);
    m_shared->snapshot = std::move(snapshot);
}

std::shared_ptr<const ApiSnapshot> WebSocketApiEndpoint::snapshot() const {
    return m_shared->current();
}

WebSocketCounters WebSocketApiEndpoint::counters() const {
    WebSocketCounters counters;
    qint64 openMs = 0;
    {
        const QMutexLocker lock(&m_shared->mutex);
        counters.openConnections = int(m_shared->connections.size());
        for (const std::shared_ptr<ConnectionEntry> &entry : std::as_const(m_shared->connections))
            openMs += entry->open.elapsed();
    }
    counters.totalConnections = m_shared->total;
    counters.refusedConnections = m_shared->refused;
    counters.messagesIn = m_shared->messagesIn;
    counters.messagesOut = m_shared->messagesOut;
    counters.connectionMinutes = double(m_shared->closedConnectionMs + openMs) / 60000.0;
    return counters;
}

QStringList WebSocketApiEndpoint::connectionIds() const {
    const QMutexLocker lock(&m_shared->mutex);
    return m_shared->connections.keys();
}

} // namespace gatehouse
