// One worker thread's share of the server: owns the connections handed to it, sweeps their
// timeouts, keeps the cached Date/Server lines, and finishes WebSocket upgrades through its own
// QWebSocketServer (QtWebSockets objects must stay on the thread that owns the socket).
#pragma once

#include "HttpServerShared.h"
#include "HttpWorkerLink.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <memory>
#include <vector>

class QTcpSocket;
class QTimer;
class QWebSocket;
class QWebSocketServer;

namespace gatehouse::http {

class HttpConnection;

class HttpWorker : public QObject {
    Q_OBJECT

public:
    // `thread` is where this worker will live (it is moved there by the server).
    HttpWorker(std::shared_ptr<HttpServerShared> shared, QThread *thread);
    ~HttpWorker() override;

    // Worker-thread side. adopt() takes ownership of an accepted socket descriptor.
    void adopt(qintptr descriptor);
    // Closes every connection and WebSocket of this worker and stops taking work; call on its thread.
    void shutdown();

    const HttpServerConfig &config() const { return m_shared->config; }
    const HttpHandler &handler() const { return m_shared->handler; }
    const std::shared_ptr<HttpWorkerLink> &link() const { return m_link; }
    qint64 nowMs() const { return m_clock.elapsed(); }
    // "Server: ...\r\nDate: ...\r\n", rebuilt at most once a second.
    QByteArrayView commonFields();

    // Called by a connection once its socket is gone (or handed over): forget it, delete it soon.
    void connectionClosed(HttpConnection *connection);
    // Gives `socket` to QWebSocketServer with `requestBytes` (the upgrade request the parser consumed)
    // put back in front of its read buffer, so that the handshake sees it. `after` (bytes the client
    // sent behind the request) is held back until the WebSocket exists: QtWebSockets 6.4 reads the
    // handshake through a QTextStream, which swallows whatever else is buffered.
    void handOverWebSocket(QTcpSocket *socket, QByteArray requestBytes, QByteArray after, HttpRequest request,
                           WebSocketOpened onOpen);

private:
    struct PendingUpgrade {
        QTcpSocket *socket; // the QWebSocket owns it once the handshake succeeds
        HttpRequest request;
        WebSocketOpened onOpen;
        QByteArray after; // frames sent before the handshake completed
    };

    void sweep();
    void onWebSocketOpened();

    std::shared_ptr<HttpServerShared> m_shared;
    std::shared_ptr<HttpWorkerLink> m_link;
    QSet<HttpConnection *> m_connections;
    QTimer *m_sweepTimer;
    QElapsedTimer m_clock;
    QByteArray m_commonFields;
    qint64 m_commonFieldsSecond = -1;
    QWebSocketServer *m_webSockets = nullptr;
    std::vector<PendingUpgrade> m_pendingUpgrades;
    QList<QPointer<QWebSocket>> m_openedWebSockets; // closed on shutdown if still on this thread
};

} // namespace gatehouse::http
