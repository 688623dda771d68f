#include "RuntimeApiServer.h"

namespace gatehouse::runtimeapi {

namespace {

http::HttpServerConfig serverConfig() {
    http::HttpServerConfig c;
    c.address = QHostAddress(QHostAddress::LocalHost); // loopback only: the runtime is a local child
    c.port = 0;
    c.workerThreads = 0; // answer on the owner's thread: no locks, no hop (see the class comment)
    // Responses up to 6 MB are Lambda's; larger ones must still be read whole to be answered with the
    // Runtime API's own 413 and turned into Function.ResponseSizeTooLarge. Beyond this bound the HTTP
    // layer refuses the body itself (and the invocation ends at its timeout).
    c.maxBodyBytes = 64 * 1024 * 1024;
    c.maxConnections = 64;
    // A runtime's `next` waits for as long as the environment stays warm: no idle timeout.
    c.idleTimeoutMs = 0;
    c.serverName.clear();
    c.dateHeader = false; // no runtime client reads them; fewer bytes per invocation
    return c;
}

} // namespace

RuntimeApiServer::RuntimeApiServer(QObject *parent)
    : QObject(parent) {}

RuntimeApiServer::~RuntimeApiServer() {
    m_waiting = {};
    m_server.reset(); // closes the connections before the members the handler uses go
}

http::HttpListenResult RuntimeApiServer::listen() {
    if (!m_server)
        m_server = std::make_unique<http::HttpServer>(
            [this](http::HttpRequest request, http::HttpResponder responder) {
                handle(request, std::move(responder));
            },
            serverConfig());
    return m_server->listen();
}

QString RuntimeApiServer::endpoint() const {
    return QStringLiteral("127.0.0.1:") + QString::number(port());
}

quint16 RuntimeApiServer::port() const {
    return m_server ? m_server->port() : 0;
}

const char *RuntimeApiServer::stateName(State state) {
    switch (state) {
    case State::Started:
        return "Started";
    case State::Ready:
        return "Ready";
    case State::Invoking:
        return "Invoking";
    case State::ResponseSent:
        return "ResponseSent";
    case State::InitError:
        return "InitError";
    }
    return "Unknown";
}

void RuntimeApiServer::deliver(Event event) {
    m_pending = std::move(event);
    if (m_state == State::Ready && isWaitingForEvent()) handOut(m_waiting);
}

void RuntimeApiServer::reset() {
    m_waiting = {};
    m_pending.reset();
    m_current.clear();
    m_state = State::Started;
}

void RuntimeApiServer::handOut(http::HttpResponder &responder) {
    Event event = std::move(*m_pending);
    m_pending.reset();
    m_current = event.requestId;
    m_state = State::Invoking;
    http::HttpResponder target = std::exchange(responder, {});
    target.send(nextResponse(event));
    Q_EMIT invocationStarted(m_current);
}

void RuntimeApiServer::handle(const http::HttpRequest &request, http::HttpResponder responder) {
    const Route r = route(request.method, request.path);
    switch (r.kind) {
    case Route::Kind::Next:
        return onNext(std::move(responder));
    case Route::Kind::Response:
    case Route::Kind::Error:
        return onResult(r, request, std::move(responder));
    case Route::Kind::InitError:
        return onInitError(request, std::move(responder));
    case Route::Kind::MethodNotAllowed:
        responder.send(methodNotAllowed());
        return;
    case Route::Kind::NotFound:
        responder.send(notFound());
        return;
    }
}

void RuntimeApiServer::onNext(http::HttpResponder responder) {
    if (m_state == State::Invoking || m_state == State::InitError) {
        responder.send(invalidStateTransition(stateName(m_state), "Ready"));
        return;
    }
    const bool first = m_state == State::Started;
    m_state = State::Ready;
    // A second `next` while one waits: the client gave up on the first (its connection is gone or it
    // retried); the newest one is the one it listens to.
    if (m_waiting.isValid() && !m_waiting.isAnswered())
        m_waiting.send(invalidStateTransition("Ready", "Ready"));
    m_waiting = std::move(responder);
    if (first) Q_EMIT initialized(); // may deliver() at once
    if (m_state == State::Ready && m_pending && m_waiting.isValid()) handOut(m_waiting);
}

void RuntimeApiServer::onResult(const Route &route, const http::HttpRequest &request,
                                http::HttpResponder responder) {
    const bool isError = route.kind == Route::Kind::Error;
    const char *target = isError ? "InvocationErrorResponse" : "InvocationResponse";
    if (m_state != State::Invoking) {
        responder.send(invalidStateTransition(stateName(m_state), target));
        return;
    }
    if (route.requestId != m_current) {
        responder.send(invalidRequestId());
        return;
    }
    const QString id = m_current;
    m_state = State::ResponseSent;
    // Answer first: whoever listens may start the next invocation from inside the signal.
    if (!isError && request.body.size() > kMaxResponseBytes) {
        responder.send(payloadTooLarge());
        Q_EMIT responseTooLarge(id, request.body.size());
        return;
    }
    responder.send(accepted());
    if (isError)
        Q_EMIT failed(id, QString::fromUtf8(request.header("Lambda-Runtime-Function-Error-Type")),
                      request.body);
    else
        Q_EMIT responded(id, request.body);
}

void RuntimeApiServer::onInitError(const http::HttpRequest &request, http::HttpResponder responder) {
    if (m_state != State::Started) {
        responder.send(invalidStateTransition(stateName(m_state), "InitError"));
        return;
    }
    m_state = State::InitError;
    responder.send(accepted());
    Q_EMIT initFailed(QString::fromUtf8(request.header("Lambda-Runtime-Function-Error-Type")), request.body);
}

} // namespace gatehouse::runtimeapi
