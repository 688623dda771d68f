// One client connection, living on one worker thread: reads and parses requests, calls the
// handler, and writes the answers back strictly in request order (pipelining), however late or in
// whatever order the handler finishes them. Also enforces timeouts and closes politely (lingering).
#pragma once

#include "HttpRequestParser.h"
#include "HttpResponder.h"
#include "HttpResponseEncoder.h"
#include "HttpResponseQueue.h"

#include <QHostAddress>
#include <QObject>
#include <memory>

class QTcpSocket;

namespace gatehouse::http {

class HttpConnectionHandle;
class HttpWorker;

class HttpConnection : public QObject {
    Q_OBJECT

public:
    HttpConnection(qintptr descriptor, quint64 id, HttpWorker &worker);
    ~HttpConnection() override;

    bool isOpen() const { return m_mode != Mode::Gone; } // false if the descriptor was not taken over
    quint64 id() const { return m_id; }
    void start() { processInput(); } // reads what is already there; call once after construction

    // The responder's operations, always called on this connection's thread.
    void respond(quint64 exchange, const HttpResponse &response);
    void respondHead(quint64 exchange, int status, const QByteArray &reason, const HttpHeaders &headers);
    void respondChunk(quint64 exchange, const QByteArray &data);
    void respondEnd(quint64 exchange, bool complete);
    void acceptWebSocket(quint64 exchange, const WebSocketOpened &onOpen);

    // Called by the worker's sweep timer with its monotonic clock.
    void checkTimeouts(qint64 nowMs);
    void abort(); // shutdown: drop the client at once

private:
    // What the connection does with incoming bytes.
    enum class Mode {
        Reading,         // parsing requests
        AwaitingUpgrade, // a WebSocket upgrade request waits for the handler's decision
        Draining,        // no more requests will be read (close requested or error): discard input
        Lingering,       // final response written, write side shut: wait for the client's FIN
        Gone             // socket closed or handed over
    };
    using Exchange = HttpResponseQueue::Exchange;
    using Stage = HttpResponseQueue::Stage;

    void onBytesWritten();
    void onDisconnected();
    void processInput();
    void sendNow();
    void pump();
    void onHeadersComplete();
    void onMessageComplete();
    void fail(int status, const QByteArray &detail);

    void flush();
    void closeGracefully();
    void shutdownWrite();
    void handOver(Exchange &exchange);
    bool canReadMore() const;

    HttpWorker &m_worker;
    QTcpSocket *m_socket;
    quint64 m_id;
    std::shared_ptr<HttpConnectionHandle> m_handle;
    HttpRequestParser m_parser;
    HttpResponseQueue m_exchanges;
    quint64 m_readingExchange = 0; // the exchange whose request is still arriving (0: none)
    quint64 m_upgradeExchange = 0;
    quint64 m_sequence = 0;
    Mode m_mode = Mode::Reading;
    bool m_inProcess = false;
    bool m_processAgain = false;
    bool m_throttled = false;
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    quint16 m_localPort = 0;
    qint64 m_requestStartMs = -1; // when the request still arriving began (slow-client timeout)
    qint64 m_idleSinceMs = 0;     // when the connection last became idle (keep-alive timeout)
    qint64 m_lingerSinceMs = 0;
    bool m_closeWhenWritten = false; // shut the write side once the socket's buffer is empty
};

} // namespace gatehouse::http
