#include "LoadConnection.h"

#include <QTimer>

namespace gatehouse::testing {

LoadConnection::LoadConnection(const QElapsedTimer &clock, QString host, quint16 port, QByteArray request,
                               bool head, Done done, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_host(std::move(host))
    , m_port(port)
    , m_request(std::move(request))
    , m_head(head)
    , m_done(std::move(done))
    , m_socket(this) {
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        // Small requests and responses: Nagle's algorithm would hold them back for the delayed ACK.
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (m_inFlight) writeRequest();
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, &LoadConnection::readResponse);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, &LoadConnection::connectionBroken);
}

void LoadConnection::send() {
    m_inFlight = true;
    m_retried = false;
    m_received = 0;
    m_reader.expectResponse(m_head);
    m_sentAtNs = m_clock.nsecsElapsed();
    m_reused = m_socket.state() == QAbstractSocket::ConnectedState;
    if (m_reused) {
        writeRequest();
        return;
    }
    if (m_socket.state() != QAbstractSocket::UnconnectedState) m_socket.abort();
    m_socket.connectToHost(m_host, m_port);
}

void LoadConnection::writeRequest() {
    m_socket.write(m_request);
}

void LoadConnection::readResponse() {
    while (m_socket.bytesAvailable() > 0) {
        m_readBuffer.resize(qsizetype(qMax<qint64>(m_socket.bytesAvailable(), 4096)));
        const qint64 got = m_socket.read(m_readBuffer.data(), m_readBuffer.size());
        if (got <= 0) return;
        if (!m_inFlight) {
            // Bytes nobody asked for (a response after its request timed out is dropped with the
            // connection, so this is a server writing out of turn).
            m_socket.abort();
            return;
        }
        m_received += got;
        qsizetype consumed = 0;
        const HttpResponseReader::State state =
            m_reader.feed(m_readBuffer.constData(), qsizetype(got), &consumed);
        if (state == HttpResponseReader::State::Failed) {
            finish({0, LoadErrorKind::Malformed, QString::fromUtf8(m_reader.error())}, true);
            return;
        }
        if (state == HttpResponseReader::State::Complete) {
            if (consumed < got) {
                finish({0, LoadErrorKind::Malformed,
                        tr("the server sent more than one response to one request")},
                       true);
                return;
            }
            finish({m_reader.status(), std::nullopt, {}}, !m_reader.keepAlive());
            return;
        }
    }
}

void LoadConnection::connectionBroken(QAbstractSocket::SocketError error) {
    if (!m_inFlight) return;
    const bool beforeAnyResponseByte = !m_reader.started();
    if (error == QAbstractSocket::RemoteHostClosedError && m_reused && !m_retried && beforeAnyResponseByte) {
        // A kept-alive connection the server had already closed (its idle timeout): send the request
        // again on a new one, once, as browsers do; the latency includes the reconnect.
        m_retried = true;
        m_reused = false;
        QTimer::singleShot(0, this, [this] {
            if (!m_inFlight) return;
            m_socket.abort();
            m_socket.connectToHost(m_host, m_port);
        });
        return;
    }
    if (error == QAbstractSocket::RemoteHostClosedError &&
        m_reader.finishAtClose() == HttpResponseReader::State::Complete) {
        finish({m_reader.status(), std::nullopt, {}}, true); // a body that ran to the close
        return;
    }
    const bool connecting =
        m_socket.state() != QAbstractSocket::ConnectedState && !m_reused &&
        (error == QAbstractSocket::ConnectionRefusedError || error == QAbstractSocket::HostNotFoundError ||
         error == QAbstractSocket::NetworkError || error == QAbstractSocket::SocketTimeoutError);
    const QString message = error == QAbstractSocket::RemoteHostClosedError
                                ? QString::fromUtf8(m_reader.error())
                                : m_socket.errorString();
    finish({0, connecting ? LoadErrorKind::Connect : LoadErrorKind::Closed, message}, true);
}

void LoadConnection::timeOut(const QString &message) {
    if (!m_inFlight) return;
    finish({0, LoadErrorKind::Timeout, message}, true);
}

void LoadConnection::abort() {
    m_inFlight = false;
    m_socket.abort();
}

void LoadConnection::finish(LoadOutcome outcome, bool dropConnection) {
    m_inFlight = false;
    outcome.latencyMicros = (m_clock.nsecsElapsed() - m_sentAtNs) / 1000;
    outcome.bytesSent = m_request.size();
    outcome.bytesReceived = m_received;
    if (!dropConnection) {
        m_done(this, outcome);
        return;
    }
    // Reported from the event loop: the socket may be inside its own signal, where Qt advises against
    // reconnecting, and `done` usually sends the next request at once.
    QTimer::singleShot(0, this, [this, outcome] {
        m_socket.abort();
        m_done(this, outcome);
    });
}

} // namespace gatehouse::testing
