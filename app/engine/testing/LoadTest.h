// The built-in load test: runs a LoadRun on a thread of its own, so that neither the studio's window nor
// `gatehouse serve`'s event loop (the local cloud the test usually targets) competes with the sender, and
// hands its progress and result to the caller's thread.
#pragma once

#include "LoadTestOptions.h"
#include "LoadTestResult.h"

#include <QObject>
#include <QThread>

namespace gatehouse::testing {

class LoadRun;

class LoadTest : public QObject {
    Q_OBJECT
public:
    explicit LoadTest(QObject *parent = nullptr);
    // Cancels a run in progress and waits for its thread.
    ~LoadTest() override;

    // Starts a run; false (and why in `error`) when the options cannot run or a run is in progress.
    bool start(const LoadTestOptions &options, QString *error = nullptr);
    // Stops sending; `finished` follows with what completed so far (result().cancelled).
    void cancel();
    bool isRunning() const { return m_run != nullptr; }
    const LoadTestOptions &options() const { return m_options; }
    const LoadTestResult &result() const { return m_result; } // the last finished run's

signals:
    // A few times a second while running, and once at the end: requests sent and completed so far.
    void progress(qint64 sent, qint64 completed, qint64 elapsedMs);
    void finished();

private:
    QThread m_thread;
    LoadRun *m_run = nullptr; // lives on m_thread
    LoadTestOptions m_options;
    LoadTestResult m_result;
};

} // namespace gatehouse::testing
