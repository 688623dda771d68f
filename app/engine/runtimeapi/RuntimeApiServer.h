// One execution environment's Lambda Runtime API: the HTTP endpoint its runtime process polls for
// events and posts results to, and the runtime's state as Lambda tracks it.
#pragma once

#include "RuntimeApiProtocol.h"
#include "http/HttpResponder.h"
#include "http/HttpServer.h"

#include <QObject>
#include <memory>
#include <optional>

namespace gatehouse::runtimeapi {

// Why a port per environment rather than one server with a path per environment: runtime clients
// build their URLs from AWS_LAMBDA_RUNTIME_API as "host:port" and nothing else (aws-lambda-ric splits
// it on ':' and keeps only the number; the Go and Rust clients parse it as an authority), so a path
// prefix would break the official clients. A loopback listener costs one socket and no thread: the
// server answers on the thread that owns this object (the invoker's), so dozens of environments need
// no more threads than one, and an event goes out without a thread hop.
//
// States (after the emulator's runtime state machine): Started → `next` → Ready; Ready + deliver() →
// Invoking; Invoking + response/error → ResponseSent; ResponseSent → `next` → Ready ...; Started +
// init/error → InitError. Requests that do not fit the state get 403 InvalidStateTransition, a
// response for another request id 400 InvalidRequestID, a response over 6 MB 413 (the invocation
// then ends with Function.ResponseSizeTooLarge, as in Lambda).
class RuntimeApiServer : public QObject {
    Q_OBJECT
public:
    enum class State { Started, Ready, Invoking, ResponseSent, InitError };

    explicit RuntimeApiServer(QObject *parent = nullptr);
    ~RuntimeApiServer() override;

    // Listens on 127.0.0.1 with a port of the system's choosing. The server is made here, so its sockets
    // belong to the thread that calls this (the object may have moved since its construction).
    [[nodiscard]] http::HttpListenResult listen();
    // "127.0.0.1:<port>": the value of AWS_LAMBDA_RUNTIME_API.
    QString endpoint() const;
    quint16 port() const; // 0 before listen()

    // Hands `event` to the runtime: answers the `next` that is waiting, or the next one to arrive.
    void deliver(Event event);
    // A new runtime process starts: forgets the waiting `next`, the current invocation and any event
    // not yet handed out. Late requests of the old process are refused by the state they meet.
    void reset();

    State state() const { return m_state; }
    bool isWaitingForEvent() const { return m_waiting.isValid() && m_waiting.isClientConnected(); }
    const QString &currentRequestId() const { return m_current; }

Q_SIGNALS:
    // The runtime's first `next` since start (or reset): its initialisation is over.
    void initialized();
    // An event left for the runtime (the invocation's clock starts now).
    void invocationStarted(const QString &requestId);
    void responded(const QString &requestId, const QByteArray &body);
    // errorType: the Lambda-Runtime-Function-Error-Type header, which is optional (aws-lambda-ric only
    // puts the type in the JSON body): empty when absent.
    void failed(const QString &requestId, const QString &errorType, const QByteArray &body);
    void initFailed(const QString &errorType, const QByteArray &body);
    // The runtime posted a response over kMaxResponseBytes; it was refused with 413.
    void responseTooLarge(const QString &requestId, qsizetype size);

private:
    void handle(const http::HttpRequest &request, http::HttpResponder responder);
    void onNext(http::HttpResponder responder);
    void onResult(const Route &route, const http::HttpRequest &request, http::HttpResponder responder);
    void onInitError(const http::HttpRequest &request, http::HttpResponder responder);
    void handOut(http::HttpResponder &responder);
    static const char *stateName(State state);

    std::unique_ptr<http::HttpServer> m_server;
    State m_state = State::Started;
    http::HttpResponder m_waiting;  // the parked `next`
    std::optional<Event> m_pending; // delivered, not yet handed out
    QString m_current;              // the request id handed out last
};

} // namespace gatehouse::runtimeapi
