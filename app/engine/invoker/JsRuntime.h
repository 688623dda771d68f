// One function's JavaScript in one QJSEngine: the cold start, each invocation, its deadline and its result.
#pragma once

#include "ExecutionEnvironment.h"
#include "Watchdog.h"

#include <QElapsedTimer>
#include <QJSValue>
#include <QObject>
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>

class QJSEngine;

namespace gatehouse {

class JsHost;
class JsModuleLoader;
class JsTimers;

// Used from exactly one thread, the one the object lives on (JsEnvironment's thread; a benchmark may
// use its own). The engine is created lazily on that thread by the first run(): QJSEngine measures
// the stack of the thread that creates it, and the creation is part of the cold start we report.
class JsRuntime : public QObject {
    Q_OBJECT
public:
    explicit JsRuntime(EnvironmentSpec spec, QObject *parent = nullptr);
    ~JsRuntime() override;

    // Runs one invocation to its end (init first on a cold start) and returns its result. Blocks for
    // as long as the handler runs, at most the function's timeout; spins this thread's event loop
    // while a Promise, a callback or timers are pending.
    InvocationResult run(const InvocationRequest &request);

    // Inline invocations: a warm invocation may run on a caller's thread while this object's own thread
    // stands still (JsEnvironment guarantees that), which saves the two thread hops that cost more than
    // a small handler. QJSEngine allows it: its stack limit is a call depth, not an address range, and
    // its Promise reactions and timers stay queued on the own thread. The engine may run inline when it
    // is warm, has nothing queued (no timers, no reactions outstanding), its last kInlineStreak
    // invocations each finished at once, and the moving average of its recent durations is within
    // kInlineBudgetMs: a handler that waits or computes for longer runs on its own thread, where it
    // cannot hold up the caller's other work (the gateway's other connections). A handler that is
    // suddenly slow after a fast streak is the one case that does, for that one invocation.
    static constexpr int kInlineStreak = 3;
    static constexpr double kInlineBudgetMs = 1.0;
    bool canRunInline() const;
    // Runs `request` on the calling thread up to the handler's first return. The result when the
    // invocation is over; nullopt when it waits (a Promise, a callback, timers): the own thread then
    // calls completeInline(). `leftovers` says the own thread has work queued (reactions, timers to
    // start) and should call settle() before the engine runs inline again: JsEnvironment queues that
    // as an order, which keeps it from being claimed meanwhile (and the invocation ends the streak).
    std::optional<InvocationResult> runInline(const InvocationRequest &request, bool *leftovers);
    // On the own thread: finishes the invocation runInline() left waiting.
    InvocationResult completeInline();
    // On the own thread, between invocations: starts timers asked for inline and runs the Promise
    // reactions queued so far, as the event loop of an idle environment thread would.
    void settle();

    // Thread-safe: how many queued calls the engine object has received on the own thread. QJSEngine
    // posts one there for each engine value a QJSValue releases on another thread; inline invocations
    // must not (they would pile up while the own thread is parked). For tests and diagnostics.
    quint64 engineCallsReceived() const { return m_engineCalls.load(std::memory_order_relaxed); }

    // Thread-safe: ends a running invocation at once (a service error) and makes the runtime unusable.
    // For shutting an environment down.
    void requestStop();

    // The estimate behind "Max Memory Used", in bytes. QJSEngine has no public heap statistics (its
    // memory manager is private API), so the estimate is built from the process's resident set
    // (/proc/self/statm): the growth while this engine was created and the code loaded, plus the
    // largest growth seen during one of its invocations. Honest about its limits: resident memory is
    // shared by all environments, so concurrent invocations can be charged for each other's
    // allocations, and memory the engine frees and reuses never shows as growth again.
    qint64 footprintBytes() const { return m_initFootprint + m_maxGrowth; }

Q_SIGNALS:
    void finished(const gatehouse::InvocationResult &result);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override; // counts the engine's queued calls

private:
    // One invocation from the handler's call to its result, across threads for an inline invocation.
    struct Call {
        InvocationResult result;
        QString code; // the prelude's outcome code (see JsPrelude.mjs)
        bool leftovers = false;
        bool waited = false;
        qint64 residentBefore = 0;
        quint64 ticket = 0;
        QElapsedTimer clock;
    };
    InvocationResult prepare(const InvocationRequest &request) const;
    void callHandler(const InvocationRequest &request, Call &call);
    bool waits(const Call &call) const;
    InvocationResult conclude(Call &call);
    bool initialize(const InvocationRequest &request, InvocationResult &result);
    quint64 armWatchdog(Watchdog::Clock::time_point deadline, qint64 residentNow = -1);
    QString waitForOutcome(const QString &code);
    void applyOutcome(const QString &code, InvocationResult &result);
    void close(InvocationResult &result, bool timedOut);

    EnvironmentSpec m_spec;
    std::atomic<quint64> m_engineCalls{0};
    std::unique_ptr<QJSEngine> m_engine; // declared before the QJSValues: they must die first
    QJSValue m_prelude;
    QJSValue m_invoke;
    QJSValue m_handler;
    JsHost *m_host = nullptr;
    JsTimers *m_timers = nullptr;
    JsModuleLoader *m_loader = nullptr;
    bool m_initFailed = false;
    int m_sequence = 0;
    Call m_waiting;                 // an inline invocation the own thread completes
    int m_settledStreak = 0;        // invocations in a row that finished at once, leaving nothing
    double m_recentDurationMs = -1; // moving average of their durations
    qint64 m_initFootprint = 0;
    qint64 m_maxGrowth = 0;

    enum Trip { NoTrip = 0, DeadlineTrip = 1, MemoryTrip = 2 };
    std::atomic<int> m_trip{NoTrip};
    std::atomic<bool> m_stop{false};
    std::mutex m_interruptMutex; // guards m_interruptTarget against the engine's destruction
    QJSEngine *m_interruptTarget = nullptr;
};

} // namespace gatehouse
