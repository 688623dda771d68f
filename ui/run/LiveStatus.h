// What the local run is doing, per function, for the canvas and tree: warm execution environments,
// invocations in flight, cold starts and recent errors. Fed by CloudRunner's forwarded invoker
// signals; announces changes at most ten times a second so a load test never floods the window.
#pragma once

#include "invoker/Invocation.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace gatehouse {

class CloudRunner;

struct FunctionLiveState {
    int warmEnvironments = 0;
    int inFlight = 0;
    qint64 invocations = 0;
    qint64 coldStarts = 0;
    qint64 errors = 0;
    qint64 throttles = 0;
    QDateTime lastErrorAt; // for "recent errors" (the last minute)
    QString lastError;
    bool hasRecentError(const QDateTime &now) const {
        return lastErrorAt.isValid() && lastErrorAt.secsTo(now) < 60;
    }
};

class LiveStatus : public QObject {
    Q_OBJECT
public:
    explicit LiveStatus(CloudRunner *runner, QObject *parent = nullptr);

    bool running() const { return m_running; }
    FunctionLiveState function(const QString &name) const { return m_functions.value(name); }
    const QHash<QString, FunctionLiveState> &functions() const { return m_functions; }

signals:
    // Coalesced: at most every 100 ms.
    void changed();

private:
    void touch();
    void onFinished(const InvocationResult &result);

    bool m_running = false;
    QHash<QString, FunctionLiveState> m_functions;
    QTimer m_coalesce;
    QTimer m_tick; // "recent" errors age out even when nothing else happens
};

} // namespace gatehouse
