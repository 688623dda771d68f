#include "HttpWorker.h"

#include "HttpConnection.h"

#include <QDateTime>
#include <QLocale>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>
#include <unistd.h>

namespace gatehouse::http {

HttpWorker::HttpWorker(std::shared_ptr<HttpServerShared> shared, QThread *thread)
    : m_shared(std::move(shared))
    , m_link(std::make_shared<HttpWorkerLink>(this, thread))
    , m_sweepTimer(new QTimer(this)) {
    const HttpServerConfig &c = m_shared->config;
    // A quarter of the shortest timeout keeps deadlines within 25 %; tests use tens of milliseconds.
    int shortest = 4000;
    for (int timeout : {c.idleTimeoutMs, c.requestTimeoutMs, c.lingerTimeoutMs}) {
        if (timeout > 0) shortest = qMin(shortest, timeout);
    }
    m_sweepTimer->setInterval(qBound(5, shortest / 4, 1000));
    connect(m_sweepTimer, &QTimer::timeout, this, &HttpWorker::sweep);
    m_clock.start();
}

HttpWorker::~HttpWorker() {
    shutdown();
}

void HttpWorker::adopt(qintptr descriptor) {
    const quint64 id = m_shared->nextConnectionId.fetch_add(1, std::memory_order_relaxed);
    auto *connection = new HttpConnection(descriptor, id, *this);
    if (!connection->isOpen()) {
        delete connection;
        ::close(int(descriptor));
        m_shared->openConnections.fetch_sub(1, std::memory_order_relaxed);
        return;
    }
    connection->setParent(this);
    m_connections.insert(connection);
    if (!m_sweepTimer->isActive()) m_sweepTimer->start();
    connection->start();
}

void HttpWorker::connectionClosed(HttpConnection *connection) {
    if (m_connections.remove(connection)) m_shared->openConnections.fetch_sub(1, std::memory_order_relaxed);
    connection->deleteLater(); // we may be inside one of its slots
}

void HttpWorker::sweep() {
    const qint64 now = nowMs();
    // checkTimeouts may close connections, which removes them from the set: iterate a copy.
    const QList<HttpConnection *> connections = m_connections.values();
    for (HttpConnection *connection : connections) {
        if (m_connections.contains(connection)) connection->checkTimeouts(now);
    }
    if (m_connections.isEmpty()) m_sweepTimer->stop();
}

QByteArrayView HttpWorker::commonFields() {
    const qint64 second = QDateTime::currentSecsSinceEpoch();
    if (second != m_commonFieldsSecond) {
        m_commonFieldsSecond = second;
        m_commonFields.clear();
        const HttpServerConfig &c = m_shared->config;
        if (!c.serverName.isEmpty()) m_commonFields += "Server: " + c.serverName + "\r\n";
        if (c.dateHeader) {
            // IMF-fixdate (RFC 9110 §5.6.7) in the C locale, whatever the user's locale is.
            const QDateTime now = QDateTime::fromSecsSinceEpoch(second, Qt::UTC);
            m_commonFields +=
                "Date: " +
                QLocale::c().toString(now, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1() +
                "\r\n";
        }
    }
    return m_commonFields;
}

void HttpWorker::handOverWebSocket(QTcpSocket *socket, QByteArray requestBytes, QByteArray after,
                                   HttpRequest request, WebSocketOpened onOpen) {
    if (!m_webSockets) {
        m_webSockets = new QWebSocketServer(QString::fromUtf8(m_shared->config.serverName),
                                            QWebSocketServer::NonSecureMode, this);
        connect(m_webSockets, &QWebSocketServer::newConnection, this, &HttpWorker::onWebSocketOpened);
    }
    // Only the request may be in the buffer during the handshake; see the header.
    after += socket->readAll();
    // QIODevice::ungetChar pushes onto the front of the read buffer, so go backwards.
    for (qsizetype i = requestBytes.size(); i-- > 0;)
        socket->ungetChar(requestBytes.at(i));
    m_pendingUpgrades.push_back({socket, std::move(request), std::move(onOpen), std::move(after)});
    // A failed handshake deletes the socket: forget its entry then.
    connect(socket, &QObject::destroyed, this, [this, socket] {
        std::erase_if(m_pendingUpgrades, [socket](const PendingUpgrade &p) { return p.socket == socket; });
    });
    m_webSockets->handleConnection(socket);
}

void HttpWorker::onWebSocketOpened() {
    while (m_webSockets->hasPendingConnections()) {
        QWebSocket *webSocket = m_webSockets->nextPendingConnection();
        if (!webSocket) break;
        webSocket->setParent(nullptr);
        // The handshake happened on the socket we handed over; its peer address and port identify it.
        auto match =
            std::find_if(m_pendingUpgrades.begin(), m_pendingUpgrades.end(), [webSocket](const auto &p) {
                return p.socket->peerPort() == webSocket->peerPort() &&
                       p.socket->peerAddress() == webSocket->peerAddress();
            });
        if (match == m_pendingUpgrades.end()) {
            webSocket->abort();
            webSocket->deleteLater();
            continue;
        }
        PendingUpgrade upgrade = std::move(*match);
        m_pendingUpgrades.erase(match);
        m_openedWebSockets.removeIf([](const QPointer<QWebSocket> &p) { return p.isNull(); });
        m_openedWebSockets.append(webSocket);
        upgrade.onOpen(webSocket, upgrade.request);
        // Frames the client sent too early (RFC 6455 §4.1 says to wait for the 101) go back in front
        // of the buffer; QWebSocket only reads on readyRead, fired once onOpen has connected its slots.
        for (qsizetype i = upgrade.after.size(); i-- > 0;)
            upgrade.socket->ungetChar(upgrade.after.at(i));
        if (upgrade.socket->bytesAvailable() > 0)
            QMetaObject::invokeMethod(upgrade.socket, &QTcpSocket::readyRead, Qt::QueuedConnection);
    }
}

void HttpWorker::shutdown() {
    m_link->detach(); // responders from now on do nothing
    m_sweepTimer->stop();
    const QList<HttpConnection *> connections = m_connections.values();
    m_connections.clear();
    for (HttpConnection *connection : connections) {
        m_shared->openConnections.fetch_sub(1, std::memory_order_relaxed);
        delete connection;
    }
    for (const PendingUpgrade &upgrade : std::exchange(m_pendingUpgrades, {})) {
        upgrade.socket->disconnect(this);
        upgrade.socket->abort();
        upgrade.socket->deleteLater();
    }
    for (const QPointer<QWebSocket> &webSocket : std::exchange(m_openedWebSockets, {})) {
        // Sockets the WebSocket layer moved to its own thread are its business.
        if (webSocket && webSocket->thread() == thread()) {
            webSocket->abort();
            delete webSocket.data();
        }
    }
    delete std::exchange(m_webSockets, nullptr);
}

} // namespace gatehouse::http
