#include "Invoker.h"

#include "ExecutionEnvironment.h"
#include "LambdaErrors.h"
#include "LambdaLogFormat.h"
#include "Watchdog.h"
#include "telemetry/LogStore.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QSemaphore>
#include <QThread>

namespace gatehouse {

Invoker::Invoker(const Project &project, const QString &projectFolder, LogStore *logs, InvokerOptions options,
                 QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_settings(project.settings)
    , m_folder(projectFolder)
    , m_logs(logs)
    , m_watchdog(std::make_unique<Watchdog>()) {
    if (!m_logs) {
        m_ownLogs = std::make_unique<LogStore>();
        m_logs = m_ownLogs.get();
    }
    m_clock.start();
    m_reapTimer.setSingleShot(true);
    connect(&m_reapTimer, &QTimer::timeout, this, &Invoker::reapIdle);
    for (const Function &fn : project.functions)
        m_registry.add(fn, codeDirOf(fn));
    watchCodeFolders();
}

Invoker::~Invoker() {
    m_reapTimer.stop();
    // Environments first (including those already handed to deleteLater): their threads use the
    // watchdog until they stop.
    qDeleteAll(findChildren<ExecutionEnvironment *>(Qt::FindDirectChildrenOnly));
}

QString Invoker::arnOf(const QString &function) const {
    return lambdalog::functionArn(m_settings.region, m_settings.accountId, function);
}

QString Invoker::codeDirOf(const Function &function) const {
    const QString path = QDir::cleanPath(QDir(m_folder).absoluteFilePath(function.codeUri));
    const QString canonical = QFileInfo(path).canonicalFilePath();
    return canonical.isEmpty() ? path : canonical;
}

QString Invoker::invoke(const QString &functionName, const QByteArray &payload, const InvokeOptions &options,
                        QObject *context, Callback callback) {
    PendingInvocation p{lambdalog::newRequestId(), functionName,        payload, options, context,
                        context != nullptr,        std::move(callback), 1};
    const QString requestId = p.requestId;
    if (QThread::currentThread() == thread())
        invokeHere(std::move(p));
    else
        QMetaObject::invokeMethod(
            this, [this, p]() { invokeHere(p); }, Qt::QueuedConnection);
    return requestId;
}

InvocationResult Invoker::invokeAndWait(const QString &functionName, const QByteArray &payload,
                                        const InvokeOptions &options) {
    InvocationResult out;
    if (QThread::currentThread() == thread()) {
        QEventLoop loop;
        invoke(functionName, payload, options, this, [&](const InvocationResult &r) {
            out = r;
            loop.quit();
        });
        loop.exec();
        return out;
    }
    QSemaphore done;
    invoke(functionName, payload, options, nullptr, [&](const InvocationResult &r) {
        out = r;
        done.release();
    });
    done.acquire();
    return out;
}

void Invoker::invokeHere(PendingInvocation p) {
    const std::shared_ptr<FunctionPool> pool = m_registry.pool(p.function);
    const QString arn = lambdalog::functionArn(m_settings.region, m_settings.accountId, p.function);
    if (auto rejected =
            lambdaerrors::rejectRequest(pool ? &pool->function() : nullptr, arn, p.payload, p.options.type))
        return deliver(p, *rejected);
    if (p.options.type == InvokeOptions::Type::DryRun) {
        InvocationResult r;
        r.statusCode = 204;
        return deliver(p, r);
    }
    if (p.options.type == InvokeOptions::Type::Event) {
        InvocationResult accepted;
        accepted.statusCode = 202;
        accepted.asynchronous = true;
        deliver(p, accepted);
        p.callback = nullptr; // the outcome is reported by asyncInvocationCompleted
        return enqueue(std::move(p));
    }
    bool cold = false;
    QString reason;
    ExecutionEnvironment *env = acquire(pool, &cold, &reason);
    if (!env) {
        Q_EMIT invocationThrottled(p.function, p.requestId);
        return deliver(p, lambdaerrors::tooManyRequests(reason));
    }
    launch(pool, env, std::move(p), cold);
}

void Invoker::launch(const std::shared_ptr<FunctionPool> &pool, ExecutionEnvironment *environment,
                     PendingInvocation pending, bool coldStart) {
    const InvocationRequest request{pending.requestId, pending.payload, pending.options.clientContext,
                                    pending.attempt};
    ++m_busy;
    Q_EMIT invocationStarted(pool->function().name, pending.requestId, coldStart);
    m_running.emplace(environment, std::move(pending));
    environment->invoke(request);
}

void Invoker::onFinished(ExecutionEnvironment *environment, InvocationResult result) {
    const auto running = m_running.find(environment);
    if (running == m_running.end()) return;
    PendingInvocation pending = std::move(running->second);
    m_running.erase(running);
    --m_busy;
    const std::shared_ptr<FunctionPool> pool = m_registry.ownerOf(environment);
    if (pool && pool->release(environment, result.environmentReusable, m_clock.elapsed()))
        scheduleReap();
    else
        destroy(environment,
                result.environmentReusable ? QStringLiteral("recycled") : QStringLiteral("discarded"));

    result.attempt = pending.attempt;
    result.asynchronous = pending.options.type == InvokeOptions::Type::Event;
    if (pending.options.logTail) result.logResult = lambdalog::logTailBase64(result.logLines);
    Q_EMIT invocationFinished(result);
    if (result.asynchronous)
        onAsyncResult(std::move(pending), result);
    else
        deliver(pending, std::move(result));
    pump();
}

void Invoker::onAsyncResult(PendingInvocation pending, const InvocationResult &result) {
    // invocation-async.md: on a function error Lambda tries twice more, after 1 and 2 minutes.
    if (result.isFunctionError() && pending.attempt <= m_options.asyncRetryDelays.size()) {
        const auto delay = m_options.asyncRetryDelays.at(pending.attempt - 1);
        ++pending.attempt;
        QTimer::singleShot(delay, this, [this, pending]() { enqueue(pending); });
        return;
    }
    Q_EMIT asyncInvocationCompleted(result);
}

void Invoker::enqueue(PendingInvocation pending) {
    const std::shared_ptr<FunctionPool> pool = m_registry.pool(pending.function);
    if (!pool) { // removed while queued or waiting for a retry
        InvocationResult gone = lambdaerrors::resourceNotFound(arnOf(pending.function));
        gone.functionName = pending.function;
        gone.requestId = pending.requestId;
        gone.attempt = pending.attempt;
        gone.asynchronous = true;
        Q_EMIT asyncInvocationCompleted(gone);
        return;
    }
    pool->queue().push_back(std::move(pending));
    pump();
}

void Invoker::pump() {
    for (const std::shared_ptr<FunctionPool> &pool : m_registry.pools()) {
        while (!pool->queue().empty()) {
            bool cold = false;
            QString reason;
            ExecutionEnvironment *env = acquire(pool, &cold, &reason);
            if (!env) break;
            PendingInvocation next = std::move(pool->queue().front());
            pool->queue().pop_front();
            launch(pool, env, std::move(next), cold);
        }
    }
}

void Invoker::deliver(const PendingInvocation &pending, InvocationResult result) {
    if (!pending.callback) return;
    if (result.functionName.isEmpty()) result.functionName = pending.function;
    if (result.requestId.isEmpty()) result.requestId = pending.requestId;
    QObject *target = pending.hasContext ? pending.context.data() : this;
    if (!target) return; // the caller's context object is gone
    QMetaObject::invokeMethod(
        target, [callback = pending.callback, result]() { callback(result); }, Qt::QueuedConnection);
}

Invoker::PoolStats Invoker::stats(const QString &functionName) const {
    PoolStats s;
    if (const std::shared_ptr<FunctionPool> pool = m_registry.pool(functionName)) {
        s.environments = pool->size();
        s.busy = pool->busyCount();
        s.idle = pool->idleCount();
        s.queued = int(pool->queue().size());
    }
    return s;
}

int Invoker::environmentCount() const {
    return m_registry.environmentCount();
}

} // namespace gatehouse
