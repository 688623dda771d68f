// The Invoker's environment lifecycle: creating environments within the caps, evicting, reaping idle ones,
// and recycling them when the project or the code changes. (Invoker.cpp holds the invocation path.)
#include "CodeWatcher.h"
#include "ExecutionEnvironment.h"
#include "Invoker.h"
#include "LambdaErrors.h"
#include "RuntimeSupport.h"
#include "Watchdog.h"

#include <QCoreApplication>
#include <QSet>
#include <QThread>

namespace gatehouse {

ExecutionEnvironment *Invoker::acquireLocked(const std::shared_ptr<FunctionPool> &pool, bool *coldStart,
                                             QString *throttleReason, QThread *host) {
    if (ExecutionEnvironment *warm = pool->takeIdle()) {
        *coldStart = false;
        return warm;
    }
    // Both limits count invocations in flight, as Lambda's concurrency does.
    const Function &fn = pool->function();
    if (fn.reservedConcurrency && pool->busyCount() >= *fn.reservedConcurrency) {
        *throttleReason = QStringLiteral("ReservedFunctionConcurrentInvocationLimitExceeded");
        return nullptr;
    }
    if (m_busy >= concurrencyLimit()) {
        *throttleReason = QStringLiteral("ConcurrentInvocationLimitExceeded");
        return nullptr;
    }
    while (m_registry.environmentCount() >= concurrencyLimit() && evictOneIdleLocked()) {
    }
    ExecutionEnvironment *env = runtimesupport::createEnvironment(
        EnvironmentSpec::create(fn, pool->codeDir(), m_settings, m_logs, m_watchdog.get()), this);
    if (!env) return nullptr;
    if (host && env->mayMoveToCallersThread()) hostLocked(env, host);
    // Direct: the result is taken on the thread that produced it (see onEnvironmentFinished).
    connect(
        env, &ExecutionEnvironment::finished, this,
        [this, env](const InvocationResult &result) { onEnvironmentFinished(env, result); },
        Qt::DirectConnection);
    m_registry.adopt(env, pool);
    *coldStart = true;
    laterLocked([this, function = fn.name] { Q_EMIT environmentStarted(function); });
    return env;
}

void Invoker::destroyLocked(ExecutionEnvironment *environment, const QString &reason) {
    // Out of the registry first, under the lock: from now on no caller on another thread can reach it.
    m_registry.forget(environment);
    m_hosted.erase(environment); // its thread deletes it (at the latest when that thread ends)
    const QString function = environment->functionName();
    environment->disconnect(this);
    environment->deleteLater(); // not now: we may be inside the environment's own signal
    laterLocked([this, function, reason] { Q_EMIT environmentStopped(function, reason); });
}

QThread *Invoker::hostFor(const PendingInvocation &pending) const {
    if (!pending.callbackDirectOnContextThread || !pending.context) return nullptr;
    QThread *caller = pending.context->thread();
    const QCoreApplication *app = QCoreApplication::instance();
    if (!caller || caller == thread() || (app && caller == app->thread()) || !caller->isRunning())
        return nullptr;
    return caller;
}

void Invoker::hostLocked(ExecutionEnvironment *environment, QThread *host) {
    // Before its first invoke(): nothing of it is bound to this thread yet. A QObject with a parent
    // cannot move, so the Invoker keeps it in m_hosted instead of among its children.
    environment->setParent(nullptr);
    environment->moveToThread(host);
    m_hosted.insert(environment);
    if (m_hosts.contains(host)) return;
    m_hosts.insert(host);
    // Direct: runs on the ending thread, the only one that may still delete what lives on it.
    connect(
        host, &QThread::finished, this, [this, host] { onHostFinished(host); }, Qt::DirectConnection);
}

void Invoker::onHostFinished(QThread *host) {
    std::vector<ExecutionEnvironment *> discarded;
    std::vector<PendingInvocation> interrupted;
    {
        const Lock lock(m_mutex);
        m_hosts.remove(host);
        for (auto it = m_hosted.begin(); it != m_hosted.end();) {
            ExecutionEnvironment *environment = *it;
            if (environment->thread() != host) {
                ++it;
                continue;
            }
            it = m_hosted.erase(it);
            discarded.push_back(environment);
            if (m_closing) continue; // the destructor drops everything else
            if (const auto running = m_running.find(environment); running != m_running.end()) {
                interrupted.push_back(std::move(running->second));
                m_running.erase(running);
                --m_busy;
            }
            m_registry.forget(environment);
            laterLocked([this, function = environment->functionName()] {
                Q_EMIT environmentStopped(function, QStringLiteral("discarded"));
            });
        }
        // Capacity came free: Event invocations waiting for it start (on the invoker's thread).
        if (!interrupted.empty() && m_queued > 0) laterLocked([this] { pump(); });
    }
    for (PendingInvocation &pending : interrupted) {
        InvocationResult result = lambdaerrors::serviceError(
            QStringLiteral("The execution environment stopped with the thread hosting it."));
        result.functionName = pending.function;
        result.requestId = pending.requestId;
        if (m_observer.finished) m_observer.finished(result); // the metrics counted it as started
        // A caller on the ending thread is gone with it; one elsewhere gets the answer.
        if (pending.hasContext && pending.context && pending.context->thread() == host) continue;
        deliver(pending, std::move(result));
    }
    // Last: a destructor waiting for these (see ~Invoker) may go on as soon as they are gone.
    for (ExecutionEnvironment *environment : discarded) {
        environment->disconnect(this);
        delete environment; // here, on its own thread; a runtime process is killed and reaped
    }
}

bool Invoker::evictOneIdleLocked() {
    ExecutionEnvironment *victim = m_registry.oldestIdle();
    if (victim) destroyLocked(victim, QStringLiteral("evicted"));
    return victim != nullptr;
}

void Invoker::recycleLocked(const QString &functionName, const Function &function, const QString &codeDir) {
    const std::shared_ptr<FunctionPool> pool = m_registry.pool(functionName);
    if (!pool) return;
    for (ExecutionEnvironment *idle : pool->recycle(function, codeDir))
        destroyLocked(idle, QStringLiteral("recycled"));
    laterLocked([this, functionName] { Q_EMIT functionRecycled(functionName); });
}

void Invoker::updateProject(const Project &project, const QString &projectFolder) {
    Starts starts;
    {
        const Lock lock(m_mutex);
        const ProjectSettings &s = project.settings;
        const bool everything = s.region != m_settings.region || s.accountId != m_settings.accountId ||
                                s.billingGranularity != m_settings.billingGranularity ||
                                projectFolder != m_folder;
        m_settings = s;
        m_folder = projectFolder;
        QSet<QString> names;
        for (const Function &fn : project.functions) {
            names.insert(fn.name);
            const QString dir = codeDirOf(fn);
            if (const std::shared_ptr<FunctionPool> pool = m_registry.pool(fn.name)) {
                if (everything || FunctionPool::environmentsSeeChange(pool->function(), fn) ||
                    pool->codeDir() != dir)
                    recycleLocked(fn.name, fn, dir);
                else if (pool->function() != fn)
                    pool->updateFunction(fn);
            } else {
                m_registry.add(fn, dir);
            }
        }
        for (const QString &name : m_registry.pools().keys()) {
            if (names.contains(name)) continue;
            const std::shared_ptr<FunctionPool> pool = m_registry.take(name);
            for (ExecutionEnvironment *idle : pool->retire())
                destroyLocked(idle, QStringLiteral("removed"));
            std::deque<PendingInvocation> queued;
            queued.swap(pool->queue());
            m_queued -= int(queued.size());
            for (PendingInvocation &p : queued)
                enqueueLocked(std::move(p), starts); // reported as ResourceNotFound
        }
        while (m_registry.environmentCount() > concurrencyLimit() && evictOneIdleLocked()) {
        }
        scheduleReapLocked();
        pumpLocked(starts);
    }
    watchCodeFolders();
    startAll(starts);
    drainOutbox();
}

qint64 Invoker::idleTimeoutMs() const {
    if (m_options.idleTimeout) return std::max<qint64>(0, m_options.idleTimeout->count());
    return qint64(std::max(1, m_settings.idleEnvironmentSeconds)) * 1000;
}

void Invoker::reapIdle() {
    {
        const Lock lock(m_mutex);
        for (ExecutionEnvironment *idle : m_registry.takeIdleSince(m_clock.elapsed() - idleTimeoutMs()))
            destroyLocked(idle, QStringLiteral("idle"));
        scheduleReapLocked();
    }
    drainOutbox();
}

void Invoker::scheduleReapLocked() {
    const qint64 earliest = m_registry.earliestIdleSince();
    m_reapArmed = earliest >= 0;
    if (earliest < 0) return m_reapTimer.stop();
    const qint64 due = std::max<qint64>(0, earliest + idleTimeoutMs() - m_clock.elapsed());
    // Restarting a timer costs a dispatcher call: skip it when the pending one is already due sooner.
    if (!m_reapTimer.isActive() || m_reapTimer.remainingTime() > due)
        m_reapTimer.start(int(std::min<qint64>(due, std::numeric_limits<int>::max())));
}

void Invoker::watchCodeFolders() {
    if (!m_options.watchCode) return;
    if (!m_codeWatcher) {
        m_codeWatcher = new CodeWatcher(this);
        connect(m_codeWatcher, &CodeWatcher::codeChanged, this, [this](const QString &name) {
            {
                const Lock lock(m_mutex);
                if (const std::shared_ptr<FunctionPool> pool = m_registry.pool(name))
                    recycleLocked(name, pool->function(), pool->codeDir());
            }
            drainOutbox();
        });
    }
    QHash<QString, QString> folders;
    {
        const Lock lock(m_mutex);
        folders = m_registry.codeFolders();
    }
    m_codeWatcher->setFolders(folders); // not under the lock: the watcher's signals take it
}

} // namespace gatehouse
