// One kept-alive HTTP/1.1 connection of a load test: writes the same encoded request again and again
// and reads each response with HttpResponseReader, reconnecting when the server closes.
//
// Why not QNetworkAccessManager: it opens at most six connections per host and queues the rest, so it
// cannot hold 50 requests in flight against one local API, and its per-reply objects cost more than
// the local gateway's own work. A bare QTcpSocket per worker keeps exactly `concurrency` requests in
// flight, as wrk and hey do, with http-parser (already used by the server side) reading the responses.
#pragma once

#include "HttpResponseReader.h"
#include "LoadTestResult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTcpSocket>
#include <functional>
#include <optional>

namespace gatehouse::testing {

struct LoadOutcome {
    int status = 0;                     // 0: no response, see error
    std::optional<LoadErrorKind> error; // set when status is 0
    QString message;                    // the error's text
    qint64 latencyMicros = 0;           // request written to last byte read
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0;
};

class LoadConnection : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(LoadConnection *, const LoadOutcome &)>;

    // `request` is the whole encoded request; `head`: it is a HEAD request (its response has no body).
    // `clock` is the run's, read for latencies and deadlines; it must outlive the connection.
    LoadConnection(const QElapsedTimer &clock, QString host, quint16 port, QByteArray request, bool head,
                   Done done, QObject *parent = nullptr);

    // Sends the request once (connecting first when needed); `done` follows exactly once, unless
    // abort() comes first.
    void send();
    bool inFlight() const { return m_inFlight; }
    qint64 sentAtNs() const { return m_sentAtNs; } // on the run's clock
    // The request's deadline passed: the connection is dropped and the request reported as timed out.
    void timeOut(const QString &message);
    // Drops the connection; a request in flight is not reported.
    void abort();

private:
    void writeRequest();
    void readResponse();
    void connectionBroken(QAbstractSocket::SocketError error);
    void finish(LoadOutcome outcome, bool dropConnection);

    const QElapsedTimer &m_clock;
    QString m_host;
    quint16 m_port;
    QByteArray m_request;
    bool m_head;
    Done m_done;
    QTcpSocket m_socket;
    HttpResponseReader m_reader;
    QByteArray m_readBuffer;
    bool m_inFlight = false;
    bool m_reused = false;  // the request went over a connection an earlier response came back on
    bool m_retried = false; // ... and was sent again on a new one after that connection turned out closed
    qint64 m_sentAtNs = 0;
    qint64 m_received = 0;
};

} // namespace gatehouse::testing
