// An execution environment for the process runtimes (nodejs*, python3.*, provided*): a child process
// that speaks the Lambda Runtime API to a server of its own, as in a Lambda sandbox.
#pragma once

#include "ExecutionEnvironment.h"
#include "ProcessLog.h"
#include "ProcessMemory.h"
#include "RuntimeLaunch.h"

#include <QElapsedTimer>
#include <QTimer>
#include <optional>

namespace gatehouse {

class RuntimeProcess;
namespace runtimeapi {
class RuntimeApiServer;
}

// Everything happens on the thread the environment lives on (the invoker's, or the gateway worker's it
// was moved to: see ExecutionEnvironment::mayMoveToCallersThread), driven by signals: the Runtime API
// requests, the child's output and its end, and timers for the deadline and the memory limit. Nothing
// blocks on the child. So that the object can move before its first invocation, its sockets are
// opened then, on the thread it lives on, and its timers are its children. Lambda's lifecycle
// (lambda-runtime-environment.md):
//  - cold start: the first invoke() starts the process; Init Duration runs from the start to its first
//    `next`, when the event is handed out. The init phase may take Lambda's 10 s plus the function's
//    timeout (Lambda retries a slow init inside the invocation, with the function's timeout).
//  - warm: the runtime waits in `next`; invoke() answers it at once.
//  - faults, each ending the invocation with Lambda's outcome and throwing the process away (the next
//    invoke() starts a new one): timeout ("Task timed out after N.NN seconds"), memory over the
//    function's size (killed: Runtime.OutOfMemory, "Runtime exited with error: signal: killed"),
//    the process ending (Runtime.ExitError, "exit status N" / "signal: ..."), an init error.
//    A thrown error (invocation/error) or a response over 6 MB keeps the process.
class ProcessEnvironment : public ExecutionEnvironment {
    Q_OBJECT
public:
    explicit ProcessEnvironment(EnvironmentSpec spec, QObject *parent = nullptr);
    // Kills the process group; the child is reaped asynchronously.
    ~ProcessEnvironment() override;

    // From another thread than the environment's, only posts the request to it.
    void invoke(const InvocationRequest &request) override;
    bool mayMoveToCallersThread() const override { return true; }

private:
    struct Outcome {
        bool timedOut = false;
        bool killedForMemory = false;
        QString trailer; // a line Lambda writes after REPORT (timeout, exit error), or empty
    };
    bool startProcess(const InvocationRequest &request);
    void stopProcess();
    void deliverCurrent();
    void onInvocationStarted(const QString &requestId);
    void onResponded(const QString &requestId, const QByteArray &body);
    void onFailed(const QString &requestId, const QString &errorType, const QByteArray &body);
    void onInitFailed(const QString &errorType, const QByteArray &body);
    void onResponseTooLarge(const QString &requestId);
    void onDeadline();
    void onMemorySample();
    void onExited(const QString &description);
    void onExitSettled();
    void failAtOnce(InvocationResult result);
    void concludeLater(InvocationResult result);
    InvocationResult resultFor(const InvocationRequest &request) const;
    void conclude(InvocationResult result) { conclude(std::move(result), Outcome()); }
    void conclude(InvocationResult result, const Outcome &outcome);
    void samplePeak();

    runtimelaunch::Plan m_plan;
    runtimeapi::RuntimeApiServer *m_api;
    RuntimeProcess *m_process = nullptr;
    ProcessLog m_log;
    ProcessMemoryProbe m_memory;
    qint64 m_peakBytes = 0;

    std::optional<InvocationRequest> m_current;
    bool m_coldStart = false;
    bool m_initialized = false; // the current process has sent its first `next`
    bool m_delivered = false;   // the current invocation's event has gone out
    double m_initDurationMs = 0;
    QString m_exitDescription;
    QElapsedTimer m_processClock;
    QElapsedTimer m_invocationClock;
    QTimer m_deadline;
    QTimer m_memoryTimer;
    QTimer m_exitGrace;
};

} // namespace gatehouse
