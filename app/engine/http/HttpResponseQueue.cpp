#include "HttpResponseQueue.h"

#include <QIODevice>

namespace gatehouse::http {

HttpResponseQueue::Exchange &HttpResponseQueue::open(const HttpResponseEncoder::Exchange &request) {
    Exchange &exchange = m_exchanges.emplace_back();
    exchange.id = m_nextId++;
    exchange.request = request;
    exchange.closeAfter = !request.keepAlive;
    return exchange;
}

HttpResponseQueue::Exchange *HttpResponseQueue::find(quint64 id) {
    // Ids are consecutive, so the position follows from the id of the front exchange.
    if (id == 0 || m_exchanges.empty() || id < m_exchanges.front().id) return nullptr;
    const quint64 index = id - m_exchanges.front().id;
    return index < m_exchanges.size() ? &m_exchanges[size_t(index)] : nullptr;
}

void HttpResponseQueue::output(Exchange &exchange, QByteArrayView bytes) {
    if (bytes.isEmpty()) return;
    if (&exchange == &m_exchanges.front() && exchange.pending.isEmpty()) {
        m_socket->write(bytes.data(), bytes.size());
    } else {
        exchange.pending.append(bytes);
    }
}

HttpResponseQueue::Flushed HttpResponseQueue::flush() {
    while (!m_exchanges.empty()) {
        Exchange &front = m_exchanges.front();
        if (!front.pending.isEmpty()) {
            m_socket->write(front.pending);
            front.pending.clear();
        }
        if (front.stage != Stage::Done) return Flushed::Waiting;
        if (front.onOpen) return Flushed::HandOver;
        if (front.closeAfter) {
            m_exchanges.clear(); // requests after a close are never answered (RFC 9112 §9.6)
            return Flushed::Close;
        }
        m_exchanges.pop_front();
    }
    return Flushed::Empty;
}

void HttpResponseQueue::answer(Exchange &exchange, const HttpResponse &response, QByteArrayView common) {
    QByteArray bytes;
    const auto result = HttpResponseEncoder::encode(bytes, response, exchange.request, common);
    exchange.closeAfter = exchange.closeAfter || result.closeAfter;
    exchange.stage = Stage::Done;
    output(exchange, bytes);
}

void HttpResponseQueue::answerHead(Exchange &exchange, int status, QByteArrayView reason,
                                   const HttpHeaders &headers, QByteArrayView common) {
    QByteArray bytes;
    const auto result =
        HttpResponseEncoder::encodeHead(bytes, status, reason, headers, exchange.request, common);
    exchange.closeAfter = exchange.closeAfter || result.closeAfter;
    exchange.framing = result.framing;
    exchange.stage = Stage::Streaming;
    output(exchange, bytes);
}

void HttpResponseQueue::answerChunk(Exchange &exchange, QByteArrayView data) {
    QByteArray bytes;
    HttpResponseEncoder::encodeChunk(bytes, data, exchange.framing);
    output(exchange, bytes);
}

void HttpResponseQueue::answerEnd(Exchange &exchange, bool complete) {
    if (complete) {
        QByteArray bytes;
        HttpResponseEncoder::encodeEnd(bytes, exchange.framing);
        output(exchange, bytes);
    } else {
        exchange.closeAfter = true;
    }
    exchange.stage = Stage::Done;
}

} // namespace gatehouse::http
