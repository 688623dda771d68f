// Per-thread helpers for request handling: the QObject that invoker callbacks are delivered to (so a
// request continues on the worker thread that owns its connection), a network manager for HTTP proxy
// integrations, and one timer serving every integration deadline of the thread (a QTimer per request
// would cost more than the request at tens of thousands per second).
#pragma once

#include <QObject>
#include <QTimer>
#include <functional>
#include <map>

class QNetworkAccessManager;

namespace gatehouse {

class GatewayThreadContext : public QObject {
    Q_OBJECT
public:
    // The calling thread's context, created on first use and deleted when the thread finishes.
    static GatewayThreadContext *current();

    QNetworkAccessManager *network();

    using DeadlineId = std::pair<qint64, quint64>; // (due time in ms, sequence)
    DeadlineId addDeadline(qint64 inMs, std::function<void()> onExpiry);
    void cancelDeadline(const DeadlineId &id);

private:
    GatewayThreadContext();
    void fireDue();
    void rearm();

    QNetworkAccessManager *m_network = nullptr;
    QTimer m_timer;
    std::map<DeadlineId, std::function<void()>> m_deadlines;
    quint64 m_nextSequence = 0;
};

} // namespace gatehouse
