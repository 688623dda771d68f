// Where an HttpServer listens and the limits it enforces. Defaults follow API Gateway's quotas where
// one exists (10 MiB payload) and common server practice otherwise (nginx-like timeouts).
#pragma once

#include "HttpResponse.h"

#include <QByteArray>
#include <QHostAddress>
#include <functional>

namespace gatehouse::http {

struct HttpServerConfig {
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0; // 0 picks a free port; HttpServer::port() reports it

    // -1: QThread::idealThreadCount(). 0: serve on the thread that owns the HttpServer (handy for
    // handlers that are not thread-safe). N: N worker threads, each owning its connections.
    int workerThreads = -1;

    qint64 maxHeaderBytes = 64 * 1024;      // request line + header fields; more → 431
    qint64 maxBodyBytes = 10 * 1024 * 1024; // API Gateway's payload quota; more → 413 before buffering
    // Beyond this new clients get a 503 and are closed. listen() raises the process's soft limit on
    // open files towards this (desktop sessions often start at 1024), never above the hard limit.
    int maxConnections = 10000;
    int maxPipelinedRequests = 32; // unanswered requests per connection before reading pauses

    // Timeouts; 0 or less switches the first two off.
    int idleTimeoutMs = 60000;    // a keep-alive connection with nothing in flight is closed after this
    int requestTimeoutMs = 30000; // a request's headers and body must all arrive within this (else 408)
    int lingerTimeoutMs = 2000;   // after a final response, how long we drain input before closing

    QByteArray serverName = "Gatehouse"; // the Server header; empty leaves it out
    bool dateHeader = true;              // RFC 9110 §6.6.1: servers with a clock send Date
    // The answer to a request the server itself refuses (400 malformed, 408, 413, 431, ...): by default
    // {"message": detail}. The local API Gateway replaces it with AWS's bodies and logs the detail.
    // Called on a worker thread, concurrently: it must be thread-safe.
    std::function<HttpResponse(int status, const QByteArray &detail)> protocolErrorResponse;
};

} // namespace gatehouse::http
