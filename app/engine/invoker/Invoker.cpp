#include "Invoker.h"

#include "ExecutionEnvironment.h"
#include "LambdaErrors.h"
#include "LambdaLogFormat.h"
#include "Watchdog.h"
#include "telemetry/LogStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QMetaMethod>
#include <QSemaphore>
#include <QThread>
#include <algorithm>

namespace gatehouse {

namespace {
// A result names its function and request even when the environment or a refusal left them out.
void nameAfter(const PendingInvocation &pending, InvocationResult &result) {
    if (result.functionName.isEmpty()) result.functionName = pending.function;
    if (result.requestId.isEmpty()) result.requestId = pending.requestId;
}
} // namespace

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
    std::deque<std::function<void()>> outbox;
    {
        // From here on an environment's result is dropped (its thread may still be delivering one
        // while we wait for it below), and no caller reaches an environment any more.
        const Lock lock(m_mutex);
        m_closing = true;
        outbox.swap(m_outbox);
    }
    outbox.clear(); // the steps hold callers' callbacks: let them go without the lock
    m_draining.clear();
    // Environments first (including those already handed to deleteLater): their threads use the
    // watchdog until they stop. Not under the lock: a finishing environment's thread may be waiting
    // for it, and deleting the environment waits for that thread.
    qDeleteAll(findChildren<ExecutionEnvironment *>(Qt::FindDirectChildrenOnly));
    // Hosted ones are deleted on their own threads (deleteLater), or by a host thread that ends
    // meanwhile (onHostFinished): either way `destroyed` says so, and we wait for every one.
    auto gone = std::make_shared<QSemaphore>();
    int hosted = 0;
    {
        // Under the lock, so that onHostFinished cannot delete one between our look and the connect.
        const Lock lock(m_mutex);
        hosted = int(m_hosted.size());
        for (ExecutionEnvironment *environment : m_hosted) {
            environment->disconnect(this);
            connect(
                environment, &QObject::destroyed, environment,
                [this, environment, gone] {
                    {
                        const Lock lock(m_mutex);
                        m_hosted.erase(environment);
                    }
                    gone->release();
                },
                Qt::DirectConnection);
            environment->deleteLater();
        }
    }
    gone->acquire(hosted);
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
    return start(PendingInvocation{lambdalog::newRequestId(), functionName, payload, options, context,
                                   context != nullptr, std::move(callback), 1});
}

QString Invoker::invokeOnThisThread(const QString &functionName, const QByteArray &payload,
                                    const InvokeOptions &options, QObject *context, Callback callback) {
    PendingInvocation p{lambdalog::newRequestId(), functionName,        payload, options, context,
                        context != nullptr,        std::move(callback), 1};
    p.callbackDirectOnContextThread = context != nullptr;
    return start(std::move(p));
}

QString Invoker::start(PendingInvocation p) {
    const QString requestId = p.requestId;
    if (startWarm(p)) return requestId;
    if (QThread::currentThread() == thread())
        invokeHere(std::move(p));
    else
        QMetaObject::invokeMethod(
            this, [this, p = std::move(p)]() mutable { invokeHere(std::move(p)); }, Qt::QueuedConnection);
    return requestId;
}

bool Invoker::startWarm(PendingInvocation &p) {
    // The common case of a busy server: a synchronous call for a function with a warm environment idle.
    // Anything else (a cold start, a throttle, an error, Event and DryRun) takes the ordinary path on
    // the invoker's thread, which decides exactly as before.
    if (p.options.type != InvokeOptions::Type::RequestResponse ||
        p.payload.size() > lambdaerrors::kMaxSyncRequestBytes)
        return false;
    Lock lock(m_mutex);
    if (m_closing) return false;
    const std::shared_ptr<FunctionPool> pool = m_registry.pool(p.function);
    if (!pool) return false;
    // No capacity check: an idle environment is already counted within both caps (acquire() reuses
    // one before it checks them, too). Only the current generation is handed out.
    ExecutionEnvironment *env = pool->takeIdle(/*anyThreadOnly=*/true, QThread::currentThread());
    if (!env) return false;
    const InvocationRequest request = launchLocked(pool, env, std::move(p), false);
    const bool here = QThread::currentThread() == thread();
    // Never on the application's main thread unless it is this object's own: in the GUI that thread
    // draws the windows (the invoker lives on the cloud's thread), and a handler that turned slow must
    // not freeze them. In `gatehouse serve` and the CLI the main thread is the invoker's.
    const QCoreApplication *app = QCoreApplication::instance();
    const bool mayRunHere = here || !app || QThread::currentThread() != app->thread();
    if (env->thread() == QThread::currentThread() && !env->invokableFromAnyThread()) {
        // It lives on this thread (the invoker's own, or a caller's that hosts it): nobody else can
        // delete it meanwhile (that happens on this thread too), so it starts without the lock held.
        lock.unlock();
        env->invoke(request);
        if (here) drainOutbox();
        return true;
    }
    // Under the lock: once it is released the invoker's thread could be tearing the environment down
    // (the destructor), which waits for a claimed inline run but not for a bare pointer.
    if (!mayRunHere || !env->claimInline()) {
        env->invoke(request); // only hands the request to the environment's own thread
        lock.unlock();
        if (here) drainOutbox();
        return true;
    }
    lock.unlock();
    // The warm invocation runs right here, on the caller's thread: no thread hop on either side.
    InvocationResult result;
    if (env->runInline(request, result))
        onEnvironmentFinished(env, std::move(result)); // posts the callback (invokeAndWait's: calls it)
    else if (here)
        drainOutbox(); // it went on waiting on the environment's thread; `finished` comes from there
    return true;
}

InvocationResult Invoker::invokeAndWait(const QString &functionName, const QByteArray &payload,
                                        const InvokeOptions &options) {
    InvocationResult out;
    PendingInvocation p{lambdalog::newRequestId(), functionName, payload, options, nullptr, false, {}, 1};
    p.callbackDirect = true; // a warm inline invocation is then over when start() returns
    if (QThread::currentThread() == thread()) {
        p.context = this;
        p.hasContext = true;
        QEventLoop loop;
        bool done = false;
        p.callback = [&](const InvocationResult &r) {
            out = r;
            done = true;
            loop.quit();
        };
        start(std::move(p));
        if (!done) loop.exec();
        return out;
    }
    QSemaphore done;
    p.callback = [&](const InvocationResult &r) {
        out = r;
        done.release();
    };
    start(std::move(p));
    done.acquire();
    return out;
}

void Invoker::invokeHere(PendingInvocation p) {
    Lock lock(m_mutex);
    const std::shared_ptr<FunctionPool> pool = m_registry.pool(p.function);
    const QString arn = lambdalog::functionArn(m_settings.region, m_settings.accountId, p.function);
    if (auto rejected =
            lambdaerrors::rejectRequest(pool ? &pool->function() : nullptr, arn, p.payload, p.options.type)) {
        lock.unlock();
        return deliver(p, *rejected);
    }
    if (p.options.type == InvokeOptions::Type::DryRun) {
        lock.unlock();
        InvocationResult r;
        r.statusCode = 204;
        return deliver(p, r);
    }
    Starts starts;
    if (p.options.type == InvokeOptions::Type::Event) {
        InvocationResult accepted;
        accepted.statusCode = 202;
        accepted.asynchronous = true;
        deliver(p, accepted);
        p.callback = nullptr; // the outcome is reported by asyncInvocationCompleted
        p.acceptedAtMs = m_clock.elapsed();
        enqueueLocked(std::move(p), starts);
    } else {
        bool cold = false;
        QString reason;
        if (ExecutionEnvironment *env = acquireLocked(pool, &cold, &reason, hostFor(p))) {
            starts.emplace_back(env, launchLocked(pool, env, std::move(p), cold));
        } else {
            laterLocked([this, function = p.function, id = p.requestId] {
                Q_EMIT invocationThrottled(function, id);
            });
            deliver(p, lambdaerrors::tooManyRequests(reason));
        }
    }
    lock.unlock();
    startAll(starts);
    drainOutbox();
}

InvocationRequest Invoker::launchLocked(const std::shared_ptr<FunctionPool> &pool,
                                        ExecutionEnvironment *environment, PendingInvocation pending,
                                        bool coldStart) {
    InvocationRequest request{pending.requestId,
                              pending.payload,
                              pending.options.clientContext,
                              pending.attempt,
                              pending.options.prebuiltEvent,
                              pending.options.payloadIsWellFormed};
    ++m_busy;
    if (m_observer.started) m_observer.started(pool->function().name);
    static const QMetaMethod started = QMetaMethod::fromSignal(&Invoker::invocationStarted);
    if (isSignalConnected(started)) // a step less per call for a caller that does not listen (benchmarks)
        laterLocked([this, function = pool->function().name, id = pending.requestId, coldStart] {
            Q_EMIT invocationStarted(function, id, coldStart);
        });
    m_running.emplace(environment, std::move(pending));
    return request;
}

void Invoker::startAll(const Starts &starts) {
    for (const auto &[environment, request] : starts)
        environment->invoke(request);
}

void Invoker::onEnvironmentFinished(ExecutionEnvironment *environment, InvocationResult result) {
    // On the environment's thread (for JsEnvironment) or on ours. The caller's callback is posted from
    // here; what belongs to the invoker's thread follows as one queued step.
    const bool here = QThread::currentThread() == thread();
    Lock lock(m_mutex);
    if (m_closing) return;
    const auto running = m_running.find(environment);
    if (running == m_running.end()) return;
    PendingInvocation pending = std::move(running->second);
    m_running.erase(running);
    --m_busy;
    const std::shared_ptr<FunctionPool> pool = m_registry.ownerOf(environment);
    // The next Event waiting for this same function takes the environment on the spot, from its own
    // thread: no round trip through the invoker's thread, which costs two wake-ups per event on an idle
    // machine. Only when no other function's events wait (they may be waiting for this capacity), only
    // for a reusable environment of the current generation, and not for an event already past its
    // maximum age (pumpLocked discards those and says so).
    std::optional<PendingInvocation> next;
    if (pool && result.environmentReusable && (here || environment->invokableFromAnyThread()) &&
        !pool->queue().empty() && size_t(m_queued) == pool->queue().size() && pool->isCurrent(environment) &&
        m_clock.elapsed() - pool->queue().front().acceptedAtMs <=
            maximumEventAge(pool->function().asyncInvoke).count()) {
        next = std::move(pool->queue().front());
        pool->queue().pop_front();
        --m_queued;
    }
    const bool kept = next.has_value();
    // Otherwise a freed environment goes to the Event invocations waiting in a queue first: while any
    // wait, the release and the pump happen together on the invoker's thread, where a new environment
    // may have to be created. Otherwise it is idle at once, for the next caller.
    const bool releaseHere = !kept && m_queued > 0;
    const bool released = !kept && !releaseHere && pool &&
                          pool->release(environment, result.environmentReusable, m_clock.elapsed());

    result.attempt = pending.attempt;
    result.asynchronous = pending.options.type == InvokeOptions::Type::Event;
    if (pending.options.logTail) result.logResult = lambdalog::logTailBase64(result.logLines);
    nameAfter(pending, result);
    // A caller on another thread gets its result now; one on the invoker's thread after
    // invocationFinished, as before.
    QObject *target = pending.hasContext ? pending.context.data() : nullptr;
    const bool deliverNow =
        !result.asynchronous &&
        (pending.hasContext ? target && target->thread() != thread() : pending.callbackDirect);
    // Delivered once the lock is released (the callback may be called right there: invokeAndWait).
    PendingInvocation caller;
    if (deliverNow) {
        caller.function = pending.function;
        caller.requestId = pending.requestId;
        caller.context = pending.context;
        caller.hasContext = pending.hasContext;
        caller.callbackDirect = pending.callbackDirect;
        caller.callbackDirectOnContextThread = pending.callbackDirectOnContextThread;
        caller.callback = std::exchange(pending.callback, nullptr);
    }
    // Nothing left for the invoker's thread when the environment is idle again under a reap timer
    // already armed, the caller has its result, nobody listens for invocationFinished and no Event
    // waits (released here means none does): then skip the step, and the wake-up of that thread.
    static const QMetaMethod finishedSignal = QMetaMethod::fromSignal(&Invoker::invocationFinished);
    if (!kept && released && m_reapArmed && !result.asynchronous && !pending.callback &&
        !isSignalConnected(finishedSignal)) {
        lock.unlock();
        if (m_observer.finished) m_observer.finished(result);
        deliver(caller, std::move(result));
        if (here) drainOutbox();
        return;
    }
    std::optional<InvocationResult> callerResult;
    if (deliverNow) callerResult = result;
    const InvocationResult finishedResult = m_observer.finished ? result : InvocationResult();
    laterLocked([this, environment, pool, kept, releaseHere, released, pending = std::move(pending),
                 result = std::move(result)]() mutable {
        afterFinished(kept ? nullptr : environment, pool, releaseHere, released, std::move(pending), result);
    });
    // Launched after the step above was queued, so invocationFinished of this one comes before
    // invocationStarted of the next, as for any other reuse.
    std::optional<InvocationRequest> chained;
    if (next) {
        chained = launchLocked(pool, environment, std::move(*next), false);
        // Under the lock, as in startWarm(): from another thread it only posts to the environment's own.
        if (!here) environment->invoke(*chained);
    }
    lock.unlock();
    if (m_observer.finished) m_observer.finished(finishedResult);
    if (callerResult) deliver(caller, std::move(*callerResult));
    if (chained && here) environment->invoke(*chained);
    if (here) drainOutbox();
}

void Invoker::afterFinished(ExecutionEnvironment *environment, const std::shared_ptr<FunctionPool> &pool,
                            bool releaseHere, bool released, PendingInvocation pending,
                            const InvocationResult &result) {
    // null: it went on to the next queued event and is still busy. Released while a reap timer runs:
    // nothing to do (the common case of a busy server, without taking the lock).
    if (environment && !(released && m_reapTimer.isActive())) {
        const Lock lock(m_mutex);
        if (releaseHere)
            released = pool && pool->release(environment, result.environmentReusable, m_clock.elapsed());
        // A timer already running is due no later than this environment's reap time (it is idle
        // from now on), so only an idle timer needs the scan of every pool.
        if (released) {
            if (!m_reapTimer.isActive()) scheduleReapLocked();
        } else
            destroyLocked(environment, result.environmentReusable ? QStringLiteral("recycled")
                                                                  : QStringLiteral("discarded"));
    }
    Q_EMIT invocationFinished(result);
    if (result.asynchronous)
        onAsyncResult(std::move(pending), result);
    else
        deliver(pending, result); // a no-op when it went out already (the callback is gone)
    pump();
}

int Invoker::asyncAttempts(const AsyncInvokeConfig &config) {
    return std::clamp(config.maximumRetryAttempts.value_or(2), 0, 2) + 1;
}

std::chrono::milliseconds Invoker::asyncRetryDelay(int retry) const {
    if (m_options.asyncRetryDelays && !m_options.asyncRetryDelays->isEmpty())
        return m_options.asyncRetryDelays->at(
            std::min<qsizetype>(retry, m_options.asyncRetryDelays->size() - 1));
    // 60 s, then 120 s: each retry waits twice as long as the one before. m_settings changes only on
    // this thread (updateProject), which is where retries are decided.
    return std::chrono::seconds(qint64(std::max(0, m_settings.asyncRetryDelaySeconds)) << retry);
}

std::chrono::milliseconds Invoker::maximumEventAge(const AsyncInvokeConfig &config) const {
    return m_options.maximumEventAge.value_or(
        std::chrono::seconds(config.maximumEventAgeSeconds.value_or(6 * 3600)));
}

void Invoker::onAsyncResult(PendingInvocation pending, const InvocationResult &result) {
    // invocation-async.md: on a function error Lambda tries again (twice by default, the function's
    // maximumRetryAttempts), after 1 and 2 minutes, unless the event would by then be older than the
    // maximum event age; an event given up goes to the function's dead-letter queue and on-failure
    // destination (asyncEventDiscarded), a success to its on-success destination. Each attempt is logged
    // with its request id.
    AsyncInvokeConfig config; // Lambda's defaults for a function removed meanwhile
    {
        const Lock lock(m_mutex);
        if (const std::shared_ptr<FunctionPool> pool = m_registry.pool(pending.function))
            config = pool->function().asyncInvoke;
    }
    const int attempts = asyncAttempts(config);
    const auto maximumAge = maximumEventAge(config);
    if (result.isFunctionError()) {
        QString condition = QStringLiteral("RetriesExhausted");
        if (pending.attempt < attempts) {
            const auto delay = asyncRetryDelay(pending.attempt - 1);
            const qint64 ageThen = m_clock.elapsed() - pending.acceptedAtMs + delay.count();
            if (ageThen <= maximumAge.count()) {
                logAsync(result,
                         tr("Asynchronous invocation failed (attempt %1 of %2): %3; retrying in %4 ms")
                             .arg(pending.attempt)
                             .arg(attempts)
                             .arg(result.errorType)
                             .arg(delay.count()),
                         false);
                ++pending.attempt;
                QTimer::singleShot(delay, this, [this, pending]() { enqueue(pending); });
                return;
            }
            condition = QStringLiteral("EventAgeExceeded");
            logAsync(result,
                     tr("Asynchronous invocation failed (attempt %1 of %2): %3; the event would exceed the "
                        "maximum event age of %4 s before the next attempt and is discarded")
                         .arg(pending.attempt)
                         .arg(attempts)
                         .arg(result.errorType)
                         .arg(maximumAge.count() / 1000),
                     true);
        } else {
            logAsync(result,
                     tr("Asynchronous invocation failed (attempt %1 of %2): %3; no retries left, the event "
                        "is discarded")
                         .arg(pending.attempt)
                         .arg(attempts)
                         .arg(result.errorType),
                     true);
        }
        Q_EMIT asyncEventDiscarded(result, pending.payload, condition);
    } else if (result.succeeded()) {
        Q_EMIT asyncEventSucceeded(result, pending.payload);
    }
    Q_EMIT asyncInvocationCompleted(result);
}

void Invoker::logAsync(const InvocationResult &result, const QString &message, bool error) {
    m_logs->append(platformLogLine(result.functionName, result.requestId,
                                   error ? LogRecord::Level::Error : LogRecord::Level::Warn, message));
}

void Invoker::enqueue(PendingInvocation pending) {
    Starts starts;
    {
        const Lock lock(m_mutex);
        enqueueLocked(std::move(pending), starts);
    }
    startAll(starts);
    drainOutbox();
}

void Invoker::enqueueLocked(PendingInvocation pending, Starts &starts) {
    const std::shared_ptr<FunctionPool> pool = m_registry.pool(pending.function);
    if (!pool) { // removed while queued or waiting for a retry
        InvocationResult gone = lambdaerrors::resourceNotFound(arnOf(pending.function));
        gone.functionName = pending.function;
        gone.requestId = pending.requestId;
        gone.attempt = pending.attempt;
        gone.asynchronous = true;
        laterLocked([this, gone] { Q_EMIT asyncInvocationCompleted(gone); });
        return;
    }
    pool->queue().push_back(std::move(pending));
    ++m_queued;
    pumpLocked(starts);
}

void Invoker::pump() {
    // Whoever queues an event pumps under the lock too: an empty queue seen here needs nothing.
    if (m_queued.load(std::memory_order_relaxed) == 0) return;
    Starts starts;
    {
        const Lock lock(m_mutex);
        if (m_queued == 0) return;
        pumpLocked(starts);
    }
    startAll(starts);
    drainOutbox();
}

void Invoker::pumpLocked(Starts &starts) {
    if (m_queued == 0) return;
    for (const std::shared_ptr<FunctionPool> &pool : m_registry.pools()) {
        while (!pool->queue().empty()) {
            if (m_clock.elapsed() - pool->queue().front().acceptedAtMs >
                maximumEventAge(pool->function().asyncInvoke).count()) {
                // Waited (throttled) past the maximum event age: discarded unrun.
                PendingInvocation stale = std::move(pool->queue().front());
                pool->queue().pop_front();
                --m_queued;
                InvocationResult expired;
                expired.functionName = pool->function().name;
                expired.requestId = stale.requestId;
                expired.attempt = stale.attempt;
                expired.asynchronous = true;
                expired.functionError = QStringLiteral("Unhandled");
                expired.errorType = QStringLiteral("EventAgeExceeded");
                expired.errorMessage = QStringLiteral("Event age exceeded the maximum event age");
                laterLocked([this, expired, event = stale.payload] {
                    logAsync(expired,
                             tr("Asynchronous event discarded unrun: older than the maximum event age"),
                             true);
                    Q_EMIT asyncEventDiscarded(expired, event, QStringLiteral("EventAgeExceeded"));
                    Q_EMIT asyncInvocationCompleted(expired);
                });
                continue;
            }
            bool cold = false;
            QString reason;
            ExecutionEnvironment *env = acquireLocked(pool, &cold, &reason);
            if (!env) break;
            PendingInvocation next = std::move(pool->queue().front());
            pool->queue().pop_front();
            --m_queued;
            starts.emplace_back(env, launchLocked(pool, env, std::move(next), cold));
        }
    }
}

void Invoker::deliver(PendingInvocation &pending, InvocationResult result) {
    if (!pending.callback) return;
    nameAfter(pending, result);
    QObject *target = pending.hasContext ? pending.context.data() : this;
    // The callback runs once: it travels with the posted call (and is not copied per request).
    Callback callback = std::move(pending.callback);
    pending.callback = nullptr;
    if (pending.callbackDirect) return callback(result);
    if (!target) return; // the caller's context object is gone
    if (pending.callbackDirectOnContextThread && target->thread() == QThread::currentThread())
        return callback(result);
    QMetaObject::invokeMethod(
        target, [callback = std::move(callback), result = std::move(result)]() { callback(result); },
        Qt::QueuedConnection);
}

void Invoker::laterLocked(std::function<void()> step) {
    m_outbox.push_back(std::move(step));
    // On the invoker's thread the caller drains the outbox itself once it has let go of the lock.
    if (m_drainPosted || QThread::currentThread() == thread()) return;
    // One posted event drains everything queued until it runs (a busy server batches its steps).
    m_drainPosted = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            {
                const Lock lock(m_mutex);
                m_drainPosted = false;
            }
            drainOutbox();
        },
        Qt::QueuedConnection);
}

void Invoker::drainOutbox() {
    // Steps run without the lock, taken from the outbox a batch at a time (one lock per batch, not per
    // step). A step may emit a signal whose receiver calls invoke() or updateProject(), which queue and
    // drain further steps: a nested drain goes on with this batch first, which keeps the order.
    for (;;) {
        if (m_draining.empty()) {
            const Lock lock(m_mutex);
            if (m_outbox.empty() || m_closing) return;
            m_draining.swap(m_outbox);
        }
        std::function<void()> step = std::move(m_draining.front());
        m_draining.pop_front();
        step();
    }
}

Invoker::PoolStats Invoker::stats(const QString &functionName) const {
    const Lock lock(m_mutex);
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
    const Lock lock(m_mutex);
    return m_registry.environmentCount();
}

} // namespace gatehouse
