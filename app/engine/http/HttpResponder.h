// How a handler answers one request: right away, later, or from any thread (the answer is carried
// to the connection's thread). Copies share one answer. Answering after the client left is a no-op,
// and if every copy is dropped without an answer the client gets a 500 instead of waiting forever.
#pragma once

#include "HttpHeaders.h"
#include "HttpRequest.h"
#include "HttpResponse.h"

#include <functional>
#include <memory>

class QWebSocket;

namespace gatehouse::http {

class HttpConnectionHandle;

// Receives an accepted WebSocket on the connection's worker thread. The callee owns `socket` (it has
// no parent; call moveToThread from inside the callback to use it elsewhere). `request` is the
// upgrade request (path, query, headers) as the HTTP handler saw it.
using WebSocketOpened = std::function<void(QWebSocket *socket, const HttpRequest &request)>;

class HttpResponder;
// Called on a worker thread for every request, concurrently from several workers: it must be
// thread-safe (or the server configured with workerThreads = 0). It answers through `responder`.
using HttpHandler = std::function<void(HttpRequest request, HttpResponder responder)>;

class HttpResponder {
public:
    HttpResponder() = default; // answers nothing: isValid() is false
    HttpResponder(std::shared_ptr<HttpConnectionHandle> connection, quint64 exchange);

    // A complete response. Only the first answer counts: later calls return false and do nothing.
    bool send(HttpResponse response);
    bool send(int status, QByteArray body = {}, HttpHeaders headers = {});

    // Streaming: the head, then any number of chunks, then end(). The body goes out with chunked
    // transfer encoding, unless `headers` carry Content-Length (then chunks are written as they are)
    // or the client speaks HTTP/1.0 (then the end of the body is marked by closing the connection).
    bool writeHead(int status, HttpHeaders headers = {}, QByteArray reason = {});
    bool writeChunk(QByteArray data);
    bool end();

    // For a request with webSocketUpgrade set: hands the connection to QtWebSockets, which completes
    // the handshake; then `onOpen` runs. Answer with send() instead to refuse (e.g. 403).
    bool acceptWebSocket(WebSocketOpened onOpen);

    bool isValid() const { return m_state != nullptr; }
    bool isAnswered() const;        // a final answer (send, end or acceptWebSocket) was given
    bool isClientConnected() const; // safe from any thread

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace gatehouse::http
