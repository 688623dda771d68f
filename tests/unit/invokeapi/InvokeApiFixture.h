// A project of embedded-JavaScript functions served by LambdaInvokeApi on a loopback HttpServer (port 0),
// with a small QNetworkAccessManager client, for the Invoke API tests.
#pragma once

#include "../engine/InvokerFixture.h"
#include "http/HttpServer.h"
#include "invokeapi/LambdaInvokeApi.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>
#include <memory>

namespace gatehouse::test {

struct ApiReply {
    bool finished = false; // false when no answer arrived in time
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
    bool hasHeader(const QByteArray &name) const;
    QJsonObject json() const; // the body as a JSON object ({} when it is not one)
};

class InvokeApiFixture {
public:
    // Functions: echo (returns its event), fails (throws a TypeError), chatty (logs ~9 KB), context (returns
    // context.clientContext and invokedFunctionArn), slow (resolves after event.ms, default 1000;
    // reserved concurrency 1, timeout 10 s).
    // `workerThreads` is the server's; 1 shows that a waiting invocation never holds a worker.
    explicit InvokeApiFixture(int workerThreads = 1);
    ~InvokeApiFixture();

    bool ok() const { return m_server != nullptr; }
    QUrl endpoint() const; // http://127.0.0.1:<port>
    Invoker &invoker() { return m_functions.invoker(); }

    // POST /2015-03-31/functions/<encodedName>/invocations[?query] with `body` and extra headers; waits for
    // the answer while spinning the event loop (the invoker lives on this thread).
    ApiReply invoke(const QByteArray &encodedName, const QByteArray &body = "{}",
                    const QList<QPair<QByteArray, QByteArray>> &headers = {}, const QByteArray &query = {});
    // Starts a request without waiting for it.
    QNetworkReply *start(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                         const QList<QPair<QByteArray, QByteArray>> &headers = {});
    ApiReply send(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                  const QList<QPair<QByteArray, QByteArray>> &headers = {});
    static ApiReply wait(QNetworkReply *reply, int timeoutMs = 20000);

private:
    InvokerFixture m_functions;
    std::unique_ptr<LambdaInvokeApi> m_api;
    std::unique_ptr<http::HttpServer> m_server;
    QNetworkAccessManager m_network;
};

// {"Type":"User","message":...} bodies: the exception header, and the message the body carries.
QString errorType(const ApiReply &reply);
QString errorMessage(const ApiReply &reply);

} // namespace gatehouse::test
