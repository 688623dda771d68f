// The answers of one connection in request order. Each exchange encodes its answer as it comes and
// keeps the bytes until every earlier exchange has been written: that is what makes pipelining safe
// when handlers answer late or out of order. Output of the exchange at the front goes straight out.
#pragma once

#include "HttpRequest.h"
#include "HttpResponder.h"
#include "HttpResponseEncoder.h"

#include <QByteArray>
#include <deque>
#include <memory>

class QIODevice;

namespace gatehouse::http {

class HttpResponseQueue {
public:
    enum class Stage { Reading, Handling, Streaming, Done };

    // One request/response pair.
    struct Exchange {
        quint64 id = 0;
        Stage stage = Stage::Reading;
        HttpResponseEncoder::Exchange request;
        HttpResponseEncoder::Framing framing = HttpResponseEncoder::Framing::NoBody;
        bool closeAfter = false;
        QByteArray pending;                          // output waiting for earlier exchanges
        std::unique_ptr<HttpRequest> upgradeRequest; // kept for WebSocket upgrade requests
        WebSocketOpened onOpen;                      // set once such an upgrade is accepted
    };

    // What flush() stopped at.
    enum class Flushed {
        Waiting, // the front exchange is not finished yet
        Empty,   // everything was written
        Close,   // a finished exchange asked to close the connection; nothing after it is kept
        HandOver // the front exchange is an accepted WebSocket upgrade (still in the queue)
    };

    explicit HttpResponseQueue(QIODevice *socket)
        : m_socket(socket) {}

    Exchange &open(const HttpResponseEncoder::Exchange &request);
    Exchange *find(quint64 id); // nullptr once the exchange has been written or dropped
    Exchange &front() { return m_exchanges.front(); }
    size_t size() const { return m_exchanges.size(); }
    bool isEmpty() const { return m_exchanges.empty(); }
    void clear() { m_exchanges.clear(); }

    // Sends `bytes` for `exchange`: to the socket at once when it is at the front, else kept for later.
    void output(Exchange &exchange, QByteArrayView bytes);
    // Writes what the front exchanges have ready and drops the finished ones.
    Flushed flush();

    // Encode answers into `exchange` and move its stage on. `common` holds the Server/Date lines.
    void answer(Exchange &exchange, const HttpResponse &response, QByteArrayView common);
    void answerHead(Exchange &exchange, int status, QByteArrayView reason, const HttpHeaders &headers,
                    QByteArrayView common);
    void answerChunk(Exchange &exchange, QByteArrayView data);
    // A stream cut short (`complete` false) closes the connection: only then can the client tell.
    void answerEnd(Exchange &exchange, bool complete);

private:
    QIODevice *m_socket;
    std::deque<Exchange> m_exchanges;
    quint64 m_nextId = 1;
};

} // namespace gatehouse::http
