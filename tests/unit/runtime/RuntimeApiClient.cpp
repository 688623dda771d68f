#include "RuntimeApiClient.h"

#include "TestSupport.h"

namespace gatehouse::test {

RuntimeApiClient::RuntimeApiClient(quint16 port) {
    m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    waitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; });
}

void RuntimeApiClient::send(const QByteArray &method, const QByteArray &path, const QByteArray &body,
                            const QList<QPair<QByteArray, QByteArray>> &headers) {
    QByteArray text = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &[name, value] : headers)
        text += name + ": " + value + "\r\n";
    if (method == "POST" || !body.isEmpty())
        text += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    text += "\r\n" + body;
    m_socket.write(text);
}

std::optional<RawResponse> RuntimeApiClient::parse() {
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0) return std::nullopt;
    RawResponse r;
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    r.status = lines.first().split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) r.headers.insert(line.left(colon).toLower(), line.mid(colon + 1).trimmed());
    }
    const qsizetype length = r.headers.value("content-length").toLongLong();
    if (m_buffer.size() < end + 4 + length) return std::nullopt;
    r.body = m_buffer.mid(end + 4, length);
    r.complete = true;
    m_buffer.remove(0, end + 4 + length);
    return r;
}

RawResponse RuntimeApiClient::response(int timeoutMs) {
    std::optional<RawResponse> r;
    waitFor(
        [&] { // called repeatedly, also after it first holds: keep the first response
            if (r) return true;
            m_buffer += m_socket.readAll();
            r = parse();
            return r.has_value();
        },
        timeoutMs);
    return r.value_or(RawResponse{});
}

RawResponse RuntimeApiClient::exchange(const QByteArray &method, const QByteArray &path,
                                       const QByteArray &body,
                                       const QList<QPair<QByteArray, QByteArray>> &headers) {
    send(method, path, body, headers);
    return response();
}

} // namespace gatehouse::test
