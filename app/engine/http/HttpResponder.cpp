#include "HttpResponder.h"

#include "HttpConnection.h"
#include "HttpConnectionHandle.h"

#include <atomic>

namespace gatehouse::http {

// Shared by the copies of one responder. The stage moves forward atomically on the caller's thread,
// so a second answer is refused at once, whichever thread it comes from.
struct HttpResponder::State {
    enum Stage : int { Pending, Streaming, Finished };

    State(std::shared_ptr<HttpConnectionHandle> connection, quint64 exchange)
        : connection(std::move(connection))
        , exchange(exchange) {}
    State(const State &) = delete;
    State &operator=(const State &) = delete;

    ~State() {
        const int last = stage.load(std::memory_order_acquire);
        if (last == Finished) return;
        const quint64 id = exchange;
        if (last == Pending) {
            // Every copy is gone without an answer: tell the client rather than leave it hanging.
            HttpConnectionHandle::run(connection, [id](HttpConnection &c) {
                c.respond(id, HttpResponse::errorJson(500, "The request handler finished without answering"));
            });
        } else {
            HttpConnectionHandle::run(connection, [id](HttpConnection &c) { c.respondEnd(id, false); });
        }
    }

    bool advance(int from, int to) {
        return stage.compare_exchange_strong(from, to, std::memory_order_acq_rel);
    }

    std::shared_ptr<HttpConnectionHandle> connection;
    quint64 exchange;
    std::atomic<int> stage{Pending};
};

HttpResponder::HttpResponder(std::shared_ptr<HttpConnectionHandle> connection, quint64 exchange)
    : m_state(std::make_shared<State>(std::move(connection), exchange)) {}

bool HttpResponder::send(HttpResponse response) {
    if (!m_state || !m_state->advance(State::Pending, State::Finished)) return false;
    HttpConnectionHandle::run(m_state->connection, [id = m_state->exchange, r = std::move(response)](
                                                       HttpConnection &c) { c.respond(id, r); });
    return true;
}

bool HttpResponder::send(int status, QByteArray body, HttpHeaders headers) {
    HttpResponse response;
    response.status = status;
    response.headers = std::move(headers);
    response.body = std::move(body);
    return send(std::move(response));
}

bool HttpResponder::writeHead(int status, HttpHeaders headers, QByteArray reason) {
    if (!m_state || !m_state->advance(State::Pending, State::Streaming)) return false;
    HttpConnectionHandle::run(m_state->connection,
                              [id = m_state->exchange, status, h = std::move(headers), r = std::move(reason)](
                                  HttpConnection &c) { c.respondHead(id, status, r, h); });
    return true;
}

bool HttpResponder::writeChunk(QByteArray data) {
    if (!m_state || m_state->stage.load(std::memory_order_acquire) != State::Streaming) return false;
    HttpConnectionHandle::run(m_state->connection, [id = m_state->exchange, d = std::move(data)](
                                                       HttpConnection &c) { c.respondChunk(id, d); });
    return true;
}

bool HttpResponder::end() {
    if (!m_state || !m_state->advance(State::Streaming, State::Finished)) return false;
    HttpConnectionHandle::run(m_state->connection,
                              [id = m_state->exchange](HttpConnection &c) { c.respondEnd(id, true); });
    return true;
}

bool HttpResponder::acceptWebSocket(WebSocketOpened onOpen) {
    if (!m_state || !m_state->advance(State::Pending, State::Finished)) return false;
    HttpConnectionHandle::run(m_state->connection, [id = m_state->exchange, f = std::move(onOpen)](
                                                       HttpConnection &c) { c.acceptWebSocket(id, f); });
    return true;
}

bool HttpResponder::isAnswered() const {
    return m_state && m_state->stage.load(std::memory_order_acquire) == State::Finished;
}

bool HttpResponder::isClientConnected() const {
    return m_state && m_state->connection->isAlive();
}

} // namespace gatehouse::http
