// An execution environment for the embedded `javascript` runtime: a JsRuntime on a thread of its own.
#pragma once

#include "ExecutionEnvironment.h"

class QThread;

namespace gatehouse {

class JsRuntime;

// One QThread per environment, so a slow or stuck handler never holds up another environment, and a
// handler's event loop (Promises, timers) is its own.
class JsEnvironment : public ExecutionEnvironment {
    Q_OBJECT
public:
    explicit JsEnvironment(EnvironmentSpec spec, QObject *parent = nullptr);
    // Interrupts a running invocation, stops the thread and waits for it (normally well under a
    // millisecond: the engine is interrupted first).
    ~JsEnvironment() override;

    // Posts the request to the environment's thread: safe from any thread.
    void invoke(const InvocationRequest &request) override;
    bool invokableFromAnyThread() const override { return true; }

private:
    QThread *m_thread = nullptr;
    JsRuntime *m_runtime = nullptr;
};

} // namespace gatehouse
