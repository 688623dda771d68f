// The HTTP/1.1 server every Gatehouse endpoint shares (local API Gateway, Lambda Runtime and Invoke
// APIs, S3, admin): keep-alive, pipelining answered in order, 100-continue, chunked bodies, size
// limits checked while reading, timeouts, WebSocket upgrades, and connections spread over worker threads.
//
//   HttpServer server([](HttpRequest request, HttpResponder responder) {
//       responder.send(HttpResponse::json(200, R"({"path":")" + request.path + "\"}"));
//   });
//   if (const HttpListenResult r = server.listen(); !r.ok()) qWarning() << r.error;
#pragma once

#include "HttpResponder.h"
#include "HttpServerConfig.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>
#include <memory>

class QThread;

namespace gatehouse::http {

class HttpAcceptor;
class HttpWorker;
struct HttpServerShared;

struct HttpListenResult {
    QString error; // empty on success; otherwise says which address and port failed, and why
    bool ok() const { return error.isEmpty(); }
};

class HttpServer : public QObject {
    Q_OBJECT

public:
    explicit HttpServer(HttpHandler handler, HttpServerConfig config = {}, QObject *parent = nullptr);
    ~HttpServer() override; // closes every connection and joins the worker threads

    // Binds config().address:config().port and starts the workers. Listening twice is an error.
    [[nodiscard]] HttpListenResult listen();
    // Stops accepting and closes all connections; responders still held become no-ops.
    void close();

    bool isListening() const;
    quint16 port() const; // the bound port (the chosen one when config().port was 0)
    QHostAddress address() const;
    QUrl url() const; // http://127.0.0.1:<port>
    int workerCount() const { return int(m_workers.size()); }
    int openConnections() const;
    const HttpServerConfig &config() const;

private:
    void startWorkers();
    void stopWorkers();
    void dispatch(qintptr descriptor);
    void refuse(qintptr descriptor);

    std::shared_ptr<HttpServerShared> m_shared;
    HttpAcceptor *m_acceptor;
    QList<HttpWorker *> m_workers;
    QList<QThread *> m_threads;
    qsizetype m_nextWorker = 0;
};

} // namespace gatehouse::http
