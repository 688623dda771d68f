// A minimal HTTP/1.1 client for the Runtime API server tests: one connection, raw requests, responses
// read while the event loop spins (the server answers on the test's own thread).
#pragma once

#include <QByteArray>
#include <QMap>
#include <QTcpSocket>

namespace gatehouse::test {

struct RawResponse {
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    bool complete = false;
};

class RuntimeApiClient {
public:
    explicit RuntimeApiClient(quint16 port);

    // Sends one request (Content-Length added when there is a body).
    void send(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
              const QList<QPair<QByteArray, QByteArray>> &headers = {});
    // The next complete response, or an incomplete one after `timeoutMs`.
    RawResponse response(int timeoutMs = 5000);
    // True when bytes of a response have arrived (for "still waiting" checks).
    bool hasData() const { return m_socket.bytesAvailable() > 0 || !m_buffer.isEmpty(); }
    // send() + response().
    RawResponse exchange(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
                         const QList<QPair<QByteArray, QByteArray>> &headers = {});

private:
    std::optional<RawResponse> parse();

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace gatehouse::test
