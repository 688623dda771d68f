// A Lambda execution environment: one sandbox that runs one invocation at a time and is reused while warm.
#pragma once

#include "Billing.h"
#include "Invocation.h"
#include "project/Project.h"

#include <QObject>

namespace gatehouse {

class LogStore;
class Watchdog;

// Everything an environment needs to know, fixed for its whole life: a code or configuration change
// makes the pool start new environments rather than alter running ones (as Lambda does).
struct EnvironmentSpec {
    Function function;
    QString codeDir; // absolute folder of the function's code (LAMBDA_TASK_ROOT)
    QString region = QStringLiteral("us-east-1");
    QString accountId = QStringLiteral("123456789012");
    BillingGranularity billing = BillingGranularity::Millisecond;
    QString logStreamName;        // YYYY/MM/DD/[$LATEST]<32 hex>
    LogStore *logs = nullptr;     // shared, thread-safe; may be null
    Watchdog *watchdog = nullptr; // shared; required

    // A spec for a new environment of `function` (with a fresh log stream name).
    static EnvironmentSpec create(const Function &function, const QString &codeDir,
                                  const ProjectSettings &settings, LogStore *logs, Watchdog *watchdog);

    QString functionArn() const;
    // The variables Lambda defines for a function (AWS_LAMBDA_FUNCTION_NAME, AWS_REGION, _HANDLER,
    // LAMBDA_TASK_ROOT, TZ, ...) on top of the function's own; nothing is inherited from the app's
    // process. Reserved names win over the function's variables (Lambda refuses to set them).
    NameValueList variables(const QString &executionEnv) const;
};

// Subclasses: JsEnvironment (embedded QJSEngine on its own thread) and ProcessEnvironment (the process
// runtimes nodejs, python, provided, speaking the Runtime API). The object lives on the invoker's thread
// (which creates it; it is destroyed on the thread it lives on), unless it may move to a caller's
// thread (mayMoveToCallersThread); the work happens wherever the subclass chooses, and the result
// comes back through `finished`, emitted on whichever thread the subclass chooses (connect with an
// explicit connection type).
class ExecutionEnvironment : public QObject {
    Q_OBJECT
public:
    explicit ExecutionEnvironment(EnvironmentSpec spec, QObject *parent = nullptr);
    ~ExecutionEnvironment() override;

    const EnvironmentSpec &spec() const { return m_spec; }
    const QString &functionName() const { return m_spec.function.name; }

    // Starts `request`. Exactly one `finished` follows. The pool never calls it while an invocation
    // is running: one invocation at a time per environment.
    virtual void invoke(const InvocationRequest &request) = 0;
    // True when invoke() may be called from any thread (while the object is alive and idle), which
    // lets the Invoker start a warm environment straight from its caller's thread. Such an environment
    // must never emit `finished` from inside invoke(): the Invoker holds its lock while calling it.
    virtual bool invokableFromAnyThread() const { return false; }
    // True when the Invoker may move the new environment (parentless, before its first invoke()) to the
    // thread of the caller whose invocation made it: an HTTP worker of the gateway, which then starts
    // it and gets its result without a hop through the Invoker's thread (ProcessEnvironment: the
    // Runtime API's sockets and the child's pipes are then served by that worker). Such an environment
    // does all its work on its thread: invoke() from another thread only posts the request there.
    virtual bool mayMoveToCallersThread() const { return false; }

    // Inline invocations: a warm environment may run a call on the caller's own thread, without the
    // thread hops (JsEnvironment). claimInline() is called with the invoker's lock held, for a request
    // the pool gave this environment; true reserves it for runInline(), which must follow at once on
    // the same thread (without the lock). runInline() returns true with `result` filled when the
    // invocation is over, or false when it went on waiting on the environment's own thread: `finished`
    // follows from there. A destructor waits for a runInline() in progress (it interrupts it first).
    virtual bool claimInline() { return false; }
    virtual bool runInline(const InvocationRequest &request, InvocationResult &result);

Q_SIGNALS:
    void finished(const gatehouse::InvocationResult &result);

private:
    EnvironmentSpec m_spec;
};

} // namespace gatehouse
