// A deliberately low-level HTTP client for the server tests: it sends exact bytes and parses what
// comes back itself, so tests see the framing (Content-Length, chunks, 100 Continue, closes) as sent.
#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpSocket>
#include <optional>
#include <utility>

namespace gatehouse::http::test {

struct RawResponse {
    QByteArray version; // "HTTP/1.1"
    int status = 0;
    QByteArray reason;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool chunked = false;

    QByteArray header(QByteArrayView name) const;
    QList<QByteArray> headerValues(QByteArrayView name) const;
};

class RawHttpClient {
public:
    explicit RawHttpClient(quint16 port, int connectTimeoutMs = 5000);

    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void send(const QByteArray &bytes);
    // Parses the next complete response (waiting for it); nullopt on timeout or a malformed reply.
    // A response without a length (HTTP/1.0 streaming) is read until the server closes.
    std::optional<RawResponse> readResponse(int timeoutMs = 5000, bool headRequest = false);
    // Sends one request and reads its response.
    std::optional<RawResponse> request(const QByteArray &bytes, int timeoutMs = 5000);
    // True once the server has closed the connection (end of stream reached).
    bool waitForClosed(int timeoutMs = 5000);
    // Raw bytes received and not yet consumed by readResponse; unreadPeek() leaves them there.
    QByteArray unread();
    QByteArray unreadPeek();
    QTcpSocket &socket() { return m_socket; }

private:
    enum class Parse { Incomplete, Complete, Invalid };
    Parse tryParse(RawResponse &out, bool headRequest, bool closed);
    void pull();
    bool waitForActivity(int timeoutMs);

    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_closed = false;
};

} // namespace gatehouse::http::test
