// An execution environment for the embedded `javascript` runtime: a JsRuntime with a thread of its own.
#pragma once

#include "ExecutionEnvironment.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>

class QThread;

namespace gatehouse {

class JsRuntime;

// One thread per environment, so a slow or stuck handler never holds up another environment, and a
// handler's event loop (Promises, timers) is its own. The thread owns the engine and works through
// commands; between them it is parked on a condition variable, not in its event loop, so that a warm
// invocation can run on the caller's thread instead (runInline: JsRuntime says when that is allowed)
// while the engine's own thread provably stands still. What such an invocation leaves behind (a Promise
// to wait for, reactions, timers) is handed back to the own thread as a command.
class JsEnvironment : public ExecutionEnvironment {
    Q_OBJECT
public:
    explicit JsEnvironment(EnvironmentSpec spec, QObject *parent = nullptr);
    // Interrupts a running invocation (on the own thread or inline), stops the thread and waits for it
    // (normally well under a millisecond: the engine is interrupted first).
    ~JsEnvironment() override;

    // Hands the request to the environment's thread: safe from any thread.
    void invoke(const InvocationRequest &request) override;
    bool invokableFromAnyThread() const override { return true; }
    bool claimInline() override;
    bool runInline(const InvocationRequest &request, InvocationResult &result) override;
    // See JsRuntime::engineCallsReceived().
    quint64 engineCallsReceived() const;

private:
    enum class Command { Run, CompleteInline, Settle };
    struct Order {
        Command command;
        InvocationRequest request;
    };
    // Who may touch the engine: its own thread (Working), a caller (Inline), or nobody (Parked).
    enum class Holder { Parked, Working, Inline };
    // Shared with the own thread, which may outlive this object when a handler is stuck in native code.
    struct Shared {
        JsRuntime *runtime = nullptr; // deleted by the own thread when it ends
        std::mutex mutex;             // guards the members below
        std::condition_variable changed;
        std::deque<Order> orders;
        Holder holder = Holder::Parked;
        bool stopping = false; // from then on results are dropped and the thread ends
        int inlineRuns = 0;    // since the own thread last worked
    };
    // The own thread's loop. `self` is used only to emit results, never once `stopping` is set.
    static void serve(const std::shared_ptr<Shared> &shared, JsEnvironment *self);
    void post(Order order);

    QThread *m_thread = nullptr;
    std::shared_ptr<Shared> m_shared;
};

} // namespace gatehouse
