// One function's JavaScript in one QJSEngine: the cold start, each invocation, its deadline and its result.
#pragma once

#include "ExecutionEnvironment.h"
#include "Watchdog.h"

#include <QJSValue>
#include <QObject>
#include <atomic>
#include <memory>
#include <mutex>

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

private:
    bool initialize(const InvocationRequest &request, InvocationResult &result);
    quint64 armWatchdog(Watchdog::Clock::time_point deadline);
    QString waitForOutcome(const QString &code);
    void applyOutcome(const QString &code, InvocationResult &result);
    void close(InvocationResult &result, bool timedOut);

    EnvironmentSpec m_spec;
    std::unique_ptr<QJSEngine> m_engine; // declared before the QJSValues: they must die first
    QJSValue m_prelude;
    QJSValue m_invoke;
    QJSValue m_handler;
    JsHost *m_host = nullptr;
    JsTimers *m_timers = nullptr;
    JsModuleLoader *m_loader = nullptr;
    bool m_initFailed = false;
    int m_sequence = 0;
    qint64 m_initFootprint = 0;
    qint64 m_maxGrowth = 0;

    enum Trip { NoTrip = 0, DeadlineTrip = 1, MemoryTrip = 2 };
    std::atomic<int> m_trip{NoTrip};
    std::atomic<bool> m_stop{false};
    std::mutex m_interruptMutex; // guards m_interruptTarget against the engine's destruction
    QJSEngine *m_interruptTarget = nullptr;
};

} // namespace gatehouse
