// Runs a project's functions locally as Lambda would: pools of execution environments, throttling, async
// queues.
#pragma once

#include "Invocation.h"
#include "PoolRegistry.h"
#include "project/Project.h"
#include "telemetry/SpinningMutex.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

class QThread;

namespace gatehouse {

class CodeWatcher;
class ExecutionEnvironment;
class LogStore;
class Watchdog;

struct InvokerOptions {
    // Lambda retries a failed asynchronous invocation up to twice (the function's maximumRetryAttempts),
    // after 1 and then 2 minutes (invocation-async.md); the project's settings.asyncRetryDelaySeconds
    // scales these. When set, the i-th retry waits the i-th delay here instead (the last one repeats):
    // tests use milliseconds.
    std::optional<QList<std::chrono::milliseconds>> asyncRetryDelays;
    // Lambda discards an event that is still unprocessed this long after it was accepted (the function's
    // maximumEventAgeSeconds, 6 hours by default: "maximum event age" in invocation-async.md); a retry
    // that would start later is not made. When set, this overrides every function's (tests).
    std::optional<std::chrono::milliseconds> maximumEventAge;
    // Overrides ProjectSettings::idleEnvironmentSeconds (tests use milliseconds).
    std::optional<std::chrono::milliseconds> idleTimeout;
    // Recycle a function's environments when files under its code folder change.
    bool watchCode = true;
};

// The facade the gateway, the event sources, the Invoke API and the CLI call. Lives on the thread that
// created it (which needs an event loop); invoke() may be called from any thread.
//
// Capacity: an environment runs one invocation at a time. A function's pool grows up to its
// reservedConcurrency (when set) and all pools together up to ProjectSettings::concurrencyLimit,
// both counting invocations in flight; beyond that a RequestResponse call is throttled
// (TooManyRequestsException, HTTP 429) and an Event waits in its function's queue. Live environments
// never exceed the project cap either: an idle one of another function is evicted to make room.
//
// Threads: the bookkeeping (pools, environments in flight, queues' counts) is guarded by m_mutex, so
// that a RequestResponse call from another thread (the gateway's HTTP workers) can take a warm
// environment and start it at once, and its result can go from the environment's thread straight to
// the caller's context, without two round trips through this object's thread (which serialised every
// request in `gatehouse serve`). Everything else happens on this object's thread: creating and
// destroying environments, timers, queues, and every signal. Signals are emitted in the order the
// bookkeeping changed (through m_outbox), possibly a little after the fact — and on this object's thread
// invoke() itself emits those queued so far, which may include the end of the very invocation it
// started: a listener that matches signals to invoke()'s returned id must expect that (Scheduler::fire).
//
// Hosted environments: a process runtime's environment whose cold start a caller of invokeOnThisThread()
// asked for from another thread (a gateway HTTP worker) moves to that thread for good
// (ExecutionEnvironment::mayMoveToCallersThread). That thread then starts it when it takes it warm and
// gets its result straight from it: two thread hops less per invocation (worker → invoker → runtime →
// invoker → worker became worker → runtime → worker). Anyone else may still use it (invoke() posts to
// its thread). When a host thread ends, its environments are discarded there (onHostFinished).
class Invoker : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const InvocationResult &)>;

    Invoker(const Project &project, const QString &projectFolder, LogStore *logs = nullptr,
            InvokerOptions options = {}, QObject *parent = nullptr);
    ~Invoker() override;

    // Starts an invocation and returns its request id. `callback` runs once, on `context`'s thread
    // (the invoker's thread when context is null), never before invoke() returns: with the result
    // for RequestResponse; at once with 202 Accepted for Event (the outcome arrives later through
    // asyncInvocationCompleted); with 204 for DryRun; or with a platform error.
    QString invoke(const QString &functionName, const QByteArray &payload, const InvokeOptions &options,
                   QObject *context, Callback callback);
    // As invoke(), except that the callback is called right away, possibly inside this call, whenever
    // its result is ready on `context`'s thread (a warm invocation the caller ran inline; anything
    // decided on this object's thread when that is also `context`'s): for a caller that owns
    // `context`'s thread and takes the request id from the result. Otherwise it is posted to `context`
    // as with invoke(). Saves an event-loop round per call for the gateway's HTTP workers.
    QString invokeOnThisThread(const QString &functionName, const QByteArray &payload,
                               const InvokeOptions &options, QObject *context, Callback callback);
    // Blocking helper for the CLI and tests: runs a local event loop on the invoker's thread, or waits
    // on a semaphore from another thread.
    InvocationResult invokeAndWait(const QString &functionName, const QByteArray &payload,
                                   const InvokeOptions &options = {});

    // Compares the functions with the running ones: a changed Function (code location, handler,
    // memory, timeout, variables, ...) or code folder recycles that function's environments
    // (in-flight calls finish on the old code, new calls get new environments); removed functions
    // stop; new ones become invocable.
    void updateProject(const Project &project, const QString &projectFolder);

    // Thread-safe sinks told of each invocation at once, on whichever thread its bookkeeping changed
    // (LocalCloud's metrics and cost meter). Unlike the signals they cost this object's thread no
    // wake-up per invocation, which a busy `gatehouse serve` would otherwise pay. Set before the first
    // invocation.
    struct Observer {
        std::function<void(const QString &function)> started;
        std::function<void(const InvocationResult &result)> finished;
    };
    void setObserver(Observer observer) { m_observer = std::move(observer); }

    LogStore *logs() const { return m_logs; }
    struct PoolStats {
        int environments = 0;
        int busy = 0;
        int idle = 0;
        int queued = 0;
    };
    PoolStats stats(const QString &functionName) const;
    int environmentCount() const;

Q_SIGNALS:
    void invocationStarted(const QString &function, const QString &requestId, bool coldStart);
    void invocationFinished(const gatehouse::InvocationResult &result);
    void invocationThrottled(const QString &function, const QString &requestId);
    // An Event invocation is over: succeeded, or failed on its last attempt (result.attempt).
    void asyncInvocationCompleted(const gatehouse::InvocationResult &result);
    // An Event invocation is given up: its last attempt failed (condition "RetriesExhausted"), or it grew
    // older than the maximum event age ("EventAgeExceeded"; the conditions of Lambda's invocation
    // records). `event` is the original payload, for the function's dead-letter queue and on-failure
    // destination. Emitted before asyncInvocationCompleted (not at all for a function removed meanwhile).
    void asyncEventDiscarded(const gatehouse::InvocationResult &result, const QByteArray &event,
                             const QString &condition);
    // An Event invocation succeeded (on attempt result.attempt), for the on-success destination.
    // Emitted before asyncInvocationCompleted.
    void asyncEventSucceeded(const gatehouse::InvocationResult &result, const QByteArray &event);
    void environmentStarted(const QString &function);
    // reason: "idle", "recycled", "discarded" (timeout, crash, init error), "evicted", "removed".
    void environmentStopped(const QString &function, const QString &reason);
    void functionRecycled(const QString &function);

private:
    // An environment to start once m_mutex is released, with the request it runs.
    using Starts = std::vector<std::pair<ExecutionEnvironment *, InvocationRequest>>;
    using Lock = std::unique_lock<SpinningMutex>;

    // Members named ...Locked need m_mutex held; the others take it themselves. Unless a comment says
    // "any thread", a member runs on this object's thread.
    // Any thread: a RequestResponse call for a function with a warm environment idle starts at once,
    // inline on the calling thread when the environment allows (claimInline). False: the ordinary path.
    bool startWarm(PendingInvocation &pending);
    QString start(PendingInvocation pending); // invoke() and invokeAndWait(), any thread
    void invokeHere(PendingInvocation pending);
    // `host`: the thread a new environment moves to when it may (see hostFor()), or null.
    ExecutionEnvironment *acquireLocked(const std::shared_ptr<FunctionPool> &pool, bool *coldStart,
                                        QString *throttleReason, QThread *host = nullptr);
    // The thread that would host an environment started for `pending`, or null: the context's thread
    // of an invokeOnThisThread() call, unless that is this object's or the application's main thread
    // (in the GUI it draws the windows).
    QThread *hostFor(const PendingInvocation &pending) const;
    void hostLocked(ExecutionEnvironment *environment, QThread *host);
    // On `host`, from QThread::finished (its event loop is over): discards the environments it hosts
    // and fails the invocations they were running.
    void onHostFinished(QThread *host);
    InvocationRequest launchLocked(const std::shared_ptr<FunctionPool> &pool,
                                   ExecutionEnvironment *environment, PendingInvocation pending,
                                   bool coldStart);
    void onEnvironmentFinished(ExecutionEnvironment *environment, InvocationResult result); // any thread
    void afterFinished(ExecutionEnvironment *environment, const std::shared_ptr<FunctionPool> &pool,
                       bool releaseHere, bool released, PendingInvocation pending,
                       const InvocationResult &result);
    void onAsyncResult(PendingInvocation pending, const InvocationResult &result);
    void logAsync(const InvocationResult &result, const QString &message, bool error);
    // Lambda's policy for a function's asynchronous invocations, with the options' overrides (tests).
    static int asyncAttempts(const AsyncInvokeConfig &config);
    std::chrono::milliseconds asyncRetryDelay(int retry) const; // retry 0 is the second attempt
    std::chrono::milliseconds maximumEventAge(const AsyncInvokeConfig &config) const;
    void enqueue(PendingInvocation pending);
    void enqueueLocked(PendingInvocation pending, Starts &starts);
    void pumpLocked(Starts &starts);
    void pump();
    static void startAll(const Starts &starts);
    void deliver(PendingInvocation &pending, InvocationResult result); // any thread
    void destroyLocked(ExecutionEnvironment *environment, const QString &reason);
    bool evictOneIdleLocked();
    void recycleLocked(const QString &functionName, const Function &function, const QString &codeDir);
    void reapIdle();
    void scheduleReapLocked();
    // Queues `step` (a signal, or work that belongs on this thread) behind the earlier ones; any thread.
    // On this object's thread the caller must call drainOutbox() after releasing the lock.
    void laterLocked(std::function<void()> step);
    // Runs the queued steps in order, each without the lock.
    void drainOutbox();
    qint64 idleTimeoutMs() const;
    int concurrencyLimit() const { return std::max(1, m_settings.concurrencyLimit); }
    QString codeDirOf(const Function &function) const;
    QString arnOf(const QString &function) const;
    void watchCodeFolders();

    InvokerOptions m_options;
    ProjectSettings m_settings;
    QString m_folder;
    LogStore *m_logs;
    std::unique_ptr<LogStore> m_ownLogs;
    std::unique_ptr<Watchdog> m_watchdog;
    CodeWatcher *m_codeWatcher = nullptr;
    // Guards m_registry, m_running, m_busy, m_queued, m_outbox, m_drainPosted and m_closing.
    mutable SpinningMutex m_mutex;
    PoolRegistry m_registry;
    std::unordered_map<ExecutionEnvironment *, PendingInvocation> m_running; // see PoolRegistry::m_owner
    int m_busy = 0;
    // Event invocations waiting in the pools' queues; written under the lock, atomic so that pump()
    // may skip the lock when none wait.
    std::atomic<int> m_queued{0};
    std::deque<std::function<void()>> m_outbox;
    std::deque<std::function<void()>> m_draining; // the batch drainOutbox() runs; this thread only
    bool m_drainPosted = false;
    bool m_closing = false; // the destructor has begun: environments' results are dropped
    // Hosted environments (parentless, living on another thread) not yet handed to deleteLater, and the
    // threads whose end is watched; guarded by m_mutex.
    std::unordered_set<ExecutionEnvironment *> m_hosted;
    QSet<QThread *> m_hosts;
    QTimer m_reapTimer;
    Observer m_observer;
    bool m_reapArmed = false; // m_reapTimer will fire; guarded by m_mutex (readable off this thread)
    QElapsedTimer m_clock;    // monotonic time for idle bookkeeping
};

} // namespace gatehouse
