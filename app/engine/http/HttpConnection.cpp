#include "HttpConnection.h"

#include "HttpConnectionHandle.h"
#include "HttpWorker.h"

#include <QTcpSocket>
#include <sys/socket.h>

namespace gatehouse::http {

namespace {
// Qt stops reading from the kernel when its buffer holds this much, so a paused connection pushes
// back on the client through TCP instead of growing our memory.
constexpr qint64 kReadBufferBytes = 256 * 1024;
// Parsing pauses while this much output waits for a client that does not read its responses.
constexpr qint64 kWriteHighWater = 1024 * 1024;
} // namespace

HttpConnection::HttpConnection(qintptr descriptor, quint64 id, HttpWorker &worker)
    : m_worker(worker)
    , m_socket(new QTcpSocket(this))
    , m_id(id)
    , m_handle(std::make_shared<HttpConnectionHandle>(this, worker.link()))
    , m_parser(worker.config().maxHeaderBytes, worker.config().maxBodyBytes)
    , m_exchanges(m_socket) {
    if (!m_socket->setSocketDescriptor(descriptor)) {
        m_mode = Mode::Gone;
        m_handle->markClosed();
        return;
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); // small responses leave at once
    m_socket->setReadBufferSize(kReadBufferBytes);
    m_peerAddress = m_socket->peerAddress();
    m_peerPort = m_socket->peerPort();
    m_localPort = m_socket->localPort();
    m_idleSinceMs = worker.nowMs();
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::processInput);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
}

HttpConnection::~HttpConnection() {
    m_handle->markClosed();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void HttpConnection::processInput() {
    // A handler answering synchronously may get here again from inside pump(): just loop once more.
    if (m_inProcess) {
        m_processAgain = true;
        return;
    }
    m_inProcess = true;
    do {
        m_processAgain = false;
        pump();
    } while (m_processAgain && m_mode != Mode::Gone);
    m_inProcess = false;
    sendNow();
}

void HttpConnection::sendNow() {
    // Writing before returning to the event loop (instead of when the write notifier fires) saves a
    // poll round per batch, and answers a client that half-closes after its request before Qt sees
    // the end of input and closes the socket. Pipelined answers still go out in one write.
    if (!m_inProcess && m_mode != Mode::Gone && m_socket->bytesToWrite() > 0) m_socket->flush();
}

bool HttpConnection::canReadMore() const {
    // The request still arriving does not count: its body must be read before it can be answered.
    const size_t waiting = m_exchanges.size() - (m_readingExchange != 0 ? 1 : 0);
    return waiting < size_t(qMax(1, m_worker.config().maxPipelinedRequests)) &&
           m_socket->bytesToWrite() < kWriteHighWater;
}

void HttpConnection::pump() {
    while (m_mode == Mode::Reading) {
        if (!canReadMore()) {
            m_throttled = true;
            return;
        }
        switch (m_parser.next()) {
        case HttpRequestParser::Event::NeedMore:
            if (m_parser.readFrom(m_socket) <= 0) return;
            if (m_requestStartMs < 0) m_requestStartMs = m_worker.nowMs();
            break;
        case HttpRequestParser::Event::HeadersComplete:
            onHeadersComplete();
            break;
        case HttpRequestParser::Event::MessageComplete:
            onMessageComplete();
            break;
        case HttpRequestParser::Event::Failed:
            fail(m_parser.failureStatus(), m_parser.failureDetail());
            break;
        }
    }
    // Input nobody will parse is read and dropped: closing with unread data would send a TCP reset,
    // which can destroy the final response before the client has read it.
    if ((m_mode == Mode::Draining || m_mode == Mode::Lingering) && m_socket->bytesAvailable() > 0) {
        m_socket->skip(m_socket->bytesAvailable());
    }
}

void HttpConnection::onHeadersComplete() {
    const HttpRequest &request = m_parser.request();
    Exchange &exchange = m_exchanges.open({request.isHttp10(), request.keepAlive, request.method == "HEAD"});
    m_readingExchange = exchange.id;
    const QByteArray expect = request.header("Expect");
    if (expect.isEmpty() || request.isHttp10()) return; // HTTP/1.0 clients cannot expect (RFC 9110 §10.1.1)
    if (!HttpHeaders::namesEqual(expect.trimmed(), "100-continue")) {
        fail(417, "Only Expect: 100-continue is supported");
    } else if (m_parser.expectsBody()) {
        // The declared length already passed the limit check, so invite the client to send the body.
        m_exchanges.output(exchange, HttpResponseEncoder::continueResponse());
    }
}

void HttpConnection::onMessageComplete() {
    HttpRequest request = m_parser.takeRequest();
    request.remoteAddress = m_peerAddress;
    request.remotePort = m_peerPort;
    request.localPort = m_localPort;
    request.connectionId = m_id;
    request.sequence = m_sequence++;
    Exchange *exchange = m_exchanges.find(std::exchange(m_readingExchange, 0));
    m_requestStartMs = m_parser.bufferedBytes() > 0 ? m_worker.nowMs() : -1;
    if (!exchange) return;
    exchange->stage = Stage::Handling;
    if (request.webSocketUpgrade) {
        // Bytes after this request belong to the WebSocket protocol if the handler accepts.
        m_mode = Mode::AwaitingUpgrade;
        m_upgradeExchange = exchange->id;
        exchange->upgradeRequest = std::make_unique<HttpRequest>(request);
    } else if (m_parser.upgradeRequested() && request.method == "CONNECT") {
        exchange->closeAfter = true; // tunnels are not offered; what follows CONNECT is not HTTP
    }
    if (exchange->closeAfter && m_mode == Mode::Reading) m_mode = Mode::Draining;
    const quint64 id = exchange->id;
    m_worker.handler()(std::move(request), HttpResponder(m_handle, id));
}

void HttpConnection::fail(int status, const QByteArray &detail) {
    Exchange *exchange = m_exchanges.find(std::exchange(m_readingExchange, 0));
    if (!exchange) exchange = &m_exchanges.open({false, false, false});
    m_requestStartMs = -1;
    m_upgradeExchange = 0;
    m_mode = Mode::Draining;
    exchange->request.keepAlive = false;
    exchange->closeAfter = true;
    const auto &custom = m_worker.config().protocolErrorResponse;
    m_exchanges.answer(*exchange, custom ? custom(status, detail) : HttpResponse::errorJson(status, detail),
                       m_worker.commonFields());
    flush();
}

void HttpConnection::respond(quint64 id, const HttpResponse &response) {
    Exchange *exchange = m_exchanges.find(id);
    if (!exchange || exchange->stage != Stage::Handling || m_mode == Mode::Gone) return;
    m_exchanges.answer(*exchange, response, m_worker.commonFields());
    bool resumeReading = false;
    if (id == m_upgradeExchange) {
        // The upgrade was refused: the connection goes on speaking HTTP after this response.
        m_upgradeExchange = 0;
        exchange->upgradeRequest.reset();
        resumeReading = m_mode == Mode::AwaitingUpgrade;
        if (resumeReading) m_mode = Mode::Reading;
    }
    if (exchange->closeAfter && m_mode == Mode::Reading) m_mode = Mode::Draining;
    flush();
    if (resumeReading && m_mode == Mode::Reading) processInput();
    sendNow();
}

void HttpConnection::respondHead(quint64 id, int status, const QByteArray &reason,
                                 const HttpHeaders &headers) {
    Exchange *exchange = m_exchanges.find(id);
    if (!exchange || exchange->stage != Stage::Handling || m_mode == Mode::Gone || id == m_upgradeExchange)
        return;
    m_exchanges.answerHead(*exchange, status, reason, headers, m_worker.commonFields());
    sendNow();
}

void HttpConnection::respondChunk(quint64 id, const QByteArray &data) {
    Exchange *exchange = m_exchanges.find(id);
    if (!exchange || exchange->stage != Stage::Streaming || m_mode == Mode::Gone) return;
    m_exchanges.answerChunk(*exchange, data);
    sendNow();
}

void HttpConnection::respondEnd(quint64 id, bool complete) {
    Exchange *exchange = m_exchanges.find(id);
    if (!exchange || exchange->stage != Stage::Streaming || m_mode == Mode::Gone) return;
    m_exchanges.answerEnd(*exchange, complete);
    if (exchange->closeAfter && m_mode == Mode::Reading) m_mode = Mode::Draining;
    flush();
    sendNow();
}

void HttpConnection::acceptWebSocket(quint64 id, const WebSocketOpened &onOpen) {
    Exchange *exchange = m_exchanges.find(id);
    if (!exchange || exchange->stage != Stage::Handling) return;
    if (id != m_upgradeExchange || !onOpen) {
        respond(id, HttpResponse::errorJson(400, "Not a WebSocket upgrade request"));
        return;
    }
    exchange->onOpen = onOpen;
    exchange->stage = Stage::Done;
    flush();
}

void HttpConnection::flush() {
    if (m_mode == Mode::Gone) return;
    switch (m_exchanges.flush()) {
    case HttpResponseQueue::Flushed::Waiting:
        break;
    case HttpResponseQueue::Flushed::Empty:
        m_idleSinceMs = m_worker.nowMs();
        break;
    case HttpResponseQueue::Flushed::Close:
        closeGracefully();
        return;
    case HttpResponseQueue::Flushed::HandOver:
        handOver(m_exchanges.front());
        return;
    }
    if (m_throttled && m_mode == Mode::Reading && canReadMore()) {
        m_throttled = false;
        processInput();
    }
}

void HttpConnection::onBytesWritten() {
    if (m_closeWhenWritten && m_socket->bytesToWrite() == 0) {
        shutdownWrite();
    } else if (m_throttled && m_mode == Mode::Reading && canReadMore()) {
        m_throttled = false;
        processInput();
    }
}

void HttpConnection::closeGracefully() {
    m_mode = Mode::Draining;
    m_exchanges.clear();
    m_readingExchange = 0;
    m_lingerSinceMs = m_worker.nowMs();
    m_closeWhenWritten = true;
    if (m_socket->bytesToWrite() == 0) shutdownWrite();
    processInput(); // discard whatever is already buffered
}

void HttpConnection::shutdownWrite() {
    // Half-close, then wait for the client's FIN (or the linger timeout): the client reads our whole
    // response before the socket is really closed, as nginx's lingering_close does.
    m_closeWhenWritten = false;
    m_mode = Mode::Lingering;
    m_lingerSinceMs = m_worker.nowMs();
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
}

void HttpConnection::onDisconnected() {
    if (m_mode == Mode::Gone) return;
    m_mode = Mode::Gone;
    m_handle->markClosed();
    m_exchanges.clear();
    m_worker.connectionClosed(this);
}

void HttpConnection::abort() {
    if (m_mode == Mode::Gone) return;
    m_socket->abort();
    onDisconnected(); // in case abort() did not emit disconnected (it does not when already closing)
}

void HttpConnection::checkTimeouts(qint64 nowMs) {
    const HttpServerConfig &config = m_worker.config();
    switch (m_mode) {
    case Mode::Lingering:
    case Mode::Draining:
        // Draining without m_closeWhenWritten still waits for earlier answers: no deadline then.
        if ((m_mode == Mode::Lingering || m_closeWhenWritten) &&
            nowMs - m_lingerSinceMs >= config.lingerTimeoutMs)
            abort();
        return;
    case Mode::Reading:
        if (m_requestStartMs >= 0 && !m_throttled) {
            if (config.requestTimeoutMs > 0 && nowMs - m_requestStartMs >= config.requestTimeoutMs)
                fail(408, "The request did not arrive within " + QByteArray::number(config.requestTimeoutMs) +
                              " ms");
        } else if (config.idleTimeoutMs > 0 && m_exchanges.isEmpty() && m_requestStartMs < 0 &&
                   nowMs - m_idleSinceMs >= config.idleTimeoutMs) {
            closeGracefully();
        }
        return;
    case Mode::AwaitingUpgrade:
    case Mode::Gone:
        return;
    }
}

void HttpConnection::handOver(Exchange &exchange) {
    QTcpSocket *socket = std::exchange(m_socket, nullptr);
    HttpRequest request = std::move(*exchange.upgradeRequest);
    WebSocketOpened onOpen = std::move(exchange.onOpen);
    m_mode = Mode::Gone;
    m_handle->markClosed();
    m_exchanges.clear();
    socket->disconnect(this);
    socket->setParent(nullptr);
    auto [requestBytes, after] = m_parser.takeUpgradeBytes();
    m_worker.handOverWebSocket(socket, std::move(requestBytes), std::move(after), std::move(request),
                               std::move(onOpen));
    m_worker.connectionClosed(this);
}

} // namespace gatehouse::http
