#include "RawHttpClient.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QTimer>

namespace gatehouse::http::test {

QByteArray RawResponse::header(QByteArrayView name) const {
    for (const auto &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0) return h.second;
    }
    return {};
}

QList<QByteArray> RawResponse::headerValues(QByteArrayView name) const {
    QList<QByteArray> values;
    for (const auto &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0) values.append(h.second);
    }
    return values;
}

RawHttpClient::RawHttpClient(quint16 port, int connectTimeoutMs) {
    m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    QDeadlineTimer deadline(connectTimeoutMs);
    while (m_socket.state() != QAbstractSocket::ConnectedState && !deadline.hasExpired() &&
           m_socket.state() != QAbstractSocket::UnconnectedState) {
        waitForActivity(int(deadline.remainingTime()));
    }
}

void RawHttpClient::send(const QByteArray &bytes) {
    m_socket.write(bytes);
    m_socket.flush();
}

bool RawHttpClient::waitForActivity(int timeoutMs) {
    if (timeoutMs <= 0) return false;
    // An event loop woken by the socket: no polling, no sleeping.
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&m_socket, &QTcpSocket::readyRead, &loop, &QEventLoop::quit);
    QObject::connect(&m_socket, &QTcpSocket::connected, &loop, &QEventLoop::quit);
    QObject::connect(&m_socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&m_socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    return timer.isActive();
}

void RawHttpClient::pull() {
    m_buffer += m_socket.readAll();
    if (m_socket.state() == QAbstractSocket::UnconnectedState) m_closed = true;
}

QByteArray RawHttpClient::unread() {
    pull();
    return std::exchange(m_buffer, {});
}

QByteArray RawHttpClient::unreadPeek() {
    pull();
    return m_buffer;
}

bool RawHttpClient::waitForClosed(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    pull();
    while (!m_closed && !deadline.hasExpired()) {
        waitForActivity(int(deadline.remainingTime()));
        pull();
    }
    return m_closed;
}

std::optional<RawResponse> RawHttpClient::readResponse(int timeoutMs, bool headRequest) {
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        pull();
        RawResponse response;
        switch (tryParse(response, headRequest, m_closed)) {
        case Parse::Complete:
            return response;
        case Parse::Invalid:
            return std::nullopt;
        case Parse::Incomplete:
            break;
        }
        if (m_closed || deadline.hasExpired()) return std::nullopt;
        waitForActivity(int(deadline.remainingTime()));
    }
}

std::optional<RawResponse> RawHttpClient::request(const QByteArray &bytes, int timeoutMs) {
    send(bytes);
    return readResponse(timeoutMs, bytes.startsWith("HEAD "));
}

RawHttpClient::Parse RawHttpClient::tryParse(RawResponse &out, bool headRequest, bool closed) {
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) return Parse::Incomplete;
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2) return Parse::Invalid;
    out.version = statusLine.at(0);
    out.status = statusLine.at(1).toInt();
    out.reason = lines.first().trimmed().mid(statusLine.at(0).size() + statusLine.at(1).size() + 2);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) return Parse::Invalid;
        out.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    qsizetype pos = headEnd + 4;
    const bool noBody = headRequest || out.status / 100 == 1 || out.status == 204 || out.status == 304;
    if (noBody) {
        m_buffer.remove(0, pos);
        return Parse::Complete;
    }
    if (out.header("Transfer-Encoding").toLower() == "chunked") {
        out.chunked = true;
        while (true) {
            const qsizetype lineEnd = m_buffer.indexOf("\r\n", pos);
            if (lineEnd < 0) return Parse::Incomplete;
            bool ok = false;
            const qsizetype size = m_buffer.mid(pos, lineEnd - pos).toLongLong(&ok, 16);
            if (!ok) return Parse::Invalid;
            if (m_buffer.size() < lineEnd + 2 + size + 2) return Parse::Incomplete;
            out.body += m_buffer.mid(lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
            if (size == 0) break; // no trailers in what our server sends
        }
        m_buffer.remove(0, pos);
        return Parse::Complete;
    }
    const QByteArray length = out.header("Content-Length");
    if (length.isEmpty()) { // delimited by the server closing
        if (!closed) return Parse::Incomplete;
        out.body = m_buffer.mid(pos);
        m_buffer.clear();
        return Parse::Complete;
    }
    const qsizetype size = length.toLongLong();
    if (m_buffer.size() < pos + size) return Parse::Incomplete;
    out.body = m_buffer.mid(pos, size);
    m_buffer.remove(0, pos + size);
    return Parse::Complete;
}

} // namespace gatehouse::http::test
