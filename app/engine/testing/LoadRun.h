// One load test run on the thread it lives on: keeps `concurrency` LoadConnections busy until the count
// is sent or the duration is over, tallies every outcome into a LoadTestResult, enforces the request
// deadline and reports progress a few times a second. LoadTest runs one on a thread of its own.
#pragma once

#include "LoadTestOptions.h"
#include "LoadTestResult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace gatehouse::testing {

class LoadConnection;
struct LoadOutcome;

class LoadRun : public QObject {
    Q_OBJECT
public:
    static constexpr int kProgressIntervalMs = 200;

    explicit LoadRun(LoadTestOptions options, QObject *parent = nullptr); // options already checked
    ~LoadRun() override;

    void start();
    // Stops sending and drops the connections; requests in flight are not counted. `finished` follows.
    void cancel();
    bool isRunning() const { return m_running; }
    const LoadTestResult &result() const { return m_result; } // final once `finished` was emitted

signals:
    void progress(qint64 sent, qint64 completed, qint64 elapsedMs);
    void finished();

private:
    bool maySend() const;
    void sendNext(LoadConnection *connection);
    void record(LoadConnection *connection, const LoadOutcome &outcome);
    void checkDeadlines();
    void reportProgress();
    void finish();

    LoadTestOptions m_options;
    QElapsedTimer m_clock;
    QList<LoadConnection *> m_connections;
    QTimer m_progressTimer;
    QTimer m_deadlineTimer;
    LoadTestResult m_result;
    qint64 m_lastCompletionNs = 0;
    qint64 m_reportedCompleted = -1;
    int m_inFlight = 0;
    bool m_running = false;
};

} // namespace gatehouse::testing
