// The execution environments of one function: warm ones waiting, busy ones running, and its event queue.
#pragma once

#include "Invocation.h"
#include "project/Function.h"

#include <QObject>
#include <QPointer>
#include <deque>
#include <functional>
#include <vector>

namespace gatehouse {

class ExecutionEnvironment;

// An invocation accepted by the Invoker and not finished yet.
struct PendingInvocation {
    QString requestId;
    QString function;
    QByteArray payload;
    InvokeOptions options;
    QPointer<QObject> context; // where the callback runs; null means the invoker's thread
    bool hasContext = false;   // a context was given (and may since have been deleted)
    std::function<void(const InvocationResult &)> callback;
    int attempt = 1;
    qint64 acceptedAtMs = 0; // Event invocations: Invoker::m_clock when accepted, for the maximum event age
    // invokeAndWait: the callback is called, not posted, possibly inside invoke() (it only hands the
    // result to the waiting caller). Without a context it is called wherever the result is, as soon as
    // it is; with one (the invoker itself), on the invoker's thread after invocationFinished.
    bool callbackDirect = false;
    // invokeOnThisThread: the callback is called, not posted, when the result is ready on the
    // context's own thread.
    bool callbackDirectOnContextThread = false;
};

// Bookkeeping only (the Invoker creates and destroys the environments). A "generation" counts code and
// configuration changes: environments of an older generation finish the invocation they are running
// and are then discarded, so new calls always meet the new code.
class FunctionPool {
public:
    FunctionPool(Function function, QString codeDir);

    const Function &function() const { return m_function; }
    const QString &codeDir() const { return m_codeDir; }

    // A warm environment of the current generation, now marked busy; or null. With anyThreadOnly,
    // only an environment whose invoke() may be called from any thread, or one that lives on `caller`
    // (a thread: see ExecutionEnvironment::mayMoveToCallersThread). The one `caller` (the thread
    // that will run it inline, if any) took last comes first: its engine's memory is still in that
    // core's caches (two threads swapping two environments ran every call on a cold cache: 80k → 108k
    // invocations/s in bench_invoker). Otherwise the most recently used.
    ExecutionEnvironment *takeIdle(bool anyThreadOnly = false, const void *caller = nullptr);
    void addBusy(ExecutionEnvironment *environment);
    // After an invocation: true when the environment may be reused (then it is idle again).
    bool release(ExecutionEnvironment *environment, bool reusable, qint64 nowMs);
    void remove(ExecutionEnvironment *environment);
    // The environment belongs to this pool's current generation (not recycled or retired since).
    bool isCurrent(ExecutionEnvironment *environment) const;

    int size() const { return int(m_slots.size()); }
    int busyCount() const;
    int idleCount() const { return size() - busyCount(); }
    // The idle environment unused for longest, with its idle-since time (for eviction across pools).
    ExecutionEnvironment *oldestIdle(qint64 *idleSinceMs) const;
    // Idle environments idle since before `cutoffMs`; they are removed from the pool.
    std::vector<ExecutionEnvironment *> takeIdleSince(qint64 cutoffMs);
    // Earliest idle-since time among idle environments, or -1.
    qint64 earliestIdleSince() const;

    // A code or configuration change: a new generation. Returns the idle environments to destroy.
    std::vector<ExecutionEnvironment *> recycle(Function function, QString codeDir);
    // True when `after` differs from `before` in something a running environment has taken in (code,
    // handler, runtime, memory, timeout, architecture, variables): only then must it be recycled.
    // Moving the node on the canvas or changing the asynchronous configuration keeps warm environments.
    static bool environmentsSeeChange(const Function &before, const Function &after);
    // A change no environment sees: the pool's copy is updated, the environments stay.
    void updateFunction(Function function) { m_function = std::move(function); }
    // The function was deleted: like recycle, and no environment will be made again.
    std::vector<ExecutionEnvironment *> retire();
    bool isRetired() const { return m_retired; }

    std::deque<PendingInvocation> &queue() { return m_queue; }

private:
    struct Slot {
        ExecutionEnvironment *environment = nullptr;
        int generation = 0;
        bool busy = false;
        bool anyThread = false; // ExecutionEnvironment::invokableFromAnyThread(), asked once
        qint64 idleSinceMs = 0;
        const void *lastCaller = nullptr; // the thread that took it last through takeIdle(caller)
        const void *home = nullptr;       // the thread the environment lives on (it never moves again)
    };
    Slot *find(ExecutionEnvironment *environment);
    std::vector<ExecutionEnvironment *> takeAllIdle();

    Function m_function;
    QString m_codeDir;
    int m_generation = 0;
    bool m_retired = false;
    std::vector<Slot> m_slots;
    std::deque<PendingInvocation> m_queue;
};

} // namespace gatehouse
