#include "JsRuntime.h"

#include "JsHost.h"
#include "JsModuleLoader.h"
#include "JsPrelude.h"
#include "JsTimers.h"
#include "LambdaErrors.h"
#include "LambdaLogFormat.h"
#include "MemoryProbe.h"

#include <QAbstractEventDispatcher>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEvent>
#include <QJSEngine>
#include <QTimer>

namespace gatehouse {

namespace {

// A PrebuiltEvent argument as a QJSValue that holds no engine value (see callHandler).
QJSValue primitive(const QVariant &value) {
    switch (value.typeId()) {
    case QMetaType::QString:
        return QJSValue(value.toString());
    case QMetaType::Bool:
        return QJSValue(value.toBool());
    case QMetaType::Double:
    case QMetaType::Int:
    case QMetaType::LongLong:
        return QJSValue(value.toDouble());
    default:
        return QJSValue(QJSValue::UndefinedValue);
    }
}
constexpr qint64 kMiB = 1024 * 1024;
} // namespace

JsRuntime::JsRuntime(EnvironmentSpec spec, QObject *parent)
    : QObject(parent)
    , m_spec(std::move(spec)) {}

JsRuntime::~JsRuntime() {
    {
        std::lock_guard lock(m_interruptMutex);
        m_interruptTarget = nullptr;
    }
    if (m_host) m_host->flush();
    // Every QJSValue must go before its engine.
    if (m_timers) m_timers->setFireFunction({});
    m_prelude = m_invoke = m_handler = QJSValue();
    delete m_timers;
    delete m_loader;
    m_engine.reset();
    delete m_host;
}

void JsRuntime::requestStop() {
    m_stop = true;
    std::lock_guard lock(m_interruptMutex);
    if (!m_interruptTarget) return; // not started yet: run() sees m_stop
    m_interruptTarget->setInterrupted(true);
    QMetaObject::invokeMethod(m_host, &JsHost::wake, Qt::QueuedConnection);
}

quint64 JsRuntime::armWatchdog(Watchdog::Clock::time_point deadline, qint64 residentNow) {
    m_trip = NoTrip;
    // The memory ceiling stands in for Lambda's: QJSEngine has no heap limit, so a handler that
    // allocates without bound would otherwise take the whole machine's memory before its timeout.
    // The watchdog stops it once the process's resident memory has grown by more than the function's
    // memory size since the invocation began (Runtime.OutOfMemory). Resident memory is process-wide:
    // heavy concurrent invocations of other functions count too, so the limit is generous, not exact.
    // The action runs on the watchdog's thread: flag, interrupt the engine (setInterrupted is thread-safe and
    // stops even `while (true) {}` inside try/catch), and wake a wait on this thread's event loop.
    return m_spec.watchdog->arm(
        deadline, qint64(m_spec.function.memoryMB) * kMiB,
        [this](Watchdog::Trip trip) {
            m_trip = trip == Watchdog::Trip::Deadline ? DeadlineTrip : MemoryTrip;
            std::lock_guard lock(m_interruptMutex);
            if (!m_interruptTarget) return;
            m_interruptTarget->setInterrupted(true);
            QMetaObject::invokeMethod(m_host, &JsHost::wake, Qt::QueuedConnection);
        },
        residentNow);
}

bool JsRuntime::initialize(const InvocationRequest &request, InvocationResult &result) {
    const Function &fn = m_spec.function;
    m_engine = std::make_unique<QJSEngine>();
    m_host = new JsHost(m_spec.logs, fn.name, m_spec.logStreamName);
    m_host->attributeInitLinesTo(request.requestId);
    m_timers = new JsTimers;
    m_loader = new JsModuleLoader(m_engine.get(), m_spec.codeDir);
    {
        std::lock_guard lock(m_interruptMutex);
        m_interruptTarget = m_engine.get();
    }
    m_engine->installEventFilter(this);
    if (m_stop) m_engine->setInterrupted(true);
    // The engine must never delete these (newQObject on a parentless object would hand them over).
    for (QObject *o :
         {static_cast<QObject *>(m_host), static_cast<QObject *>(m_timers), static_cast<QObject *>(m_loader)})
        QJSEngine::setObjectOwnership(o, QJSEngine::CppOwnership);

    QJSValue env = m_engine->newObject();
    for (const NameValue &v : m_spec.variables(QStringLiteral("AWS_Lambda_javascript")))
        env.setProperty(v.name, v.value);
    QJSValue config = m_engine->newObject();
    config.setProperty(QStringLiteral("functionName"), fn.name);
    config.setProperty(QStringLiteral("arn"), m_spec.functionArn());
    config.setProperty(QStringLiteral("memory"), QString::number(fn.memoryMB));
    config.setProperty(QStringLiteral("logGroup"), lambdalog::logGroupName(fn.name));
    config.setProperty(QStringLiteral("logStream"), m_spec.logStreamName);
    config.setProperty(QStringLiteral("arch"), fn.architecture == QLatin1String("arm64")
                                                   ? QStringLiteral("arm64")
                                                   : QStringLiteral("x64"));
    config.setProperty(QStringLiteral("version"), QStringLiteral(GATEHOUSE_VERSION));
    config.setProperty(QStringLiteral("startedAt"), double(QDateTime::currentMSecsSinceEpoch()));
    config.setProperty(QStringLiteral("preludeName"), jsPreludeFileName());
    config.setProperty(QStringLiteral("env"), env);

    const quint64 ticket = armWatchdog(Watchdog::Clock::now() + std::chrono::seconds(fn.timeoutSeconds));
    const QJSValue factory = loadJsPrelude(*m_engine);
    m_prelude = factory.call({m_engine->globalObject(), m_engine->newQObject(m_host),
                              m_engine->newQObject(m_timers), m_engine->newQObject(m_loader), config});
    const QJSValue bindInvoke = m_prelude.property(QStringLiteral("bindInvoke"));
    m_timers->setFireFunction(m_prelude.property(QStringLiteral("fireTimer")));
    JsModuleLoader::Loaded loaded;
    if (bindInvoke.isCallable()) loaded = m_loader->loadHandler(fn.handler, m_prelude);
    const bool tripped = m_spec.watchdog->disarm(ticket).has_value();

    if (m_stop) {
        result = lambdaerrors::serviceError(QStringLiteral("the execution environment is shutting down"));
        return false;
    }
    if (tripped) return false; // run() reports the timeout or the memory limit
    if (!bindInvoke.isCallable()) {
        result = lambdaerrors::serviceError(QStringLiteral("the JavaScript runtime failed to start: ") +
                                            factory.toString());
        return false;
    }
    if (!loaded.ok()) {
        m_host->log(int(LogRecord::Level::Error), loaded.logMessage);
        lambdaerrors::setFunctionError(
            result, lambdaerrors::functionErrorPayload(loaded.errorType, loaded.errorMessage, loaded.trace));
        return false;
    }
    m_handler = loaded.handler;
    m_invoke = bindInvoke.call({m_handler});
    return true;
}

InvocationResult JsRuntime::prepare(const InvocationRequest &request) const {
    InvocationResult r;
    r.functionName = m_spec.function.name;
    r.requestId = request.requestId;
    r.memorySizeMB = m_spec.function.memoryMB;
    r.logStreamName = m_spec.logStreamName;
    r.attempt = request.attempt;
    return r;
}

InvocationResult JsRuntime::run(const InvocationRequest &request) {
    const Function &fn = m_spec.function;
    InvocationResult r = prepare(request);
    if (m_stop || m_initFailed) {
        r = lambdaerrors::serviceError(QStringLiteral("the execution environment is shutting down"));
        r.environmentReusable = false;
        return r;
    }
    if (m_timers) m_timers->applyDeferred();

    // Exact before a cold start: the init footprint is the difference.
    const qint64 residentBefore =
        m_engine ? memoryprobe::recentResidentBytes() : memoryprobe::residentBytes();
    if (!m_engine) {
        r.coldStart = true;
        QElapsedTimer initClock;
        initClock.start();
        const bool ready = initialize(request, r);
        r.initDurationMs = double(initClock.nsecsElapsed()) / 1e6;
        m_initFootprint = std::max<qint64>(0, memoryprobe::residentBytes() - residentBefore);
        if (!ready) {
            // Lambda discards an environment whose init failed; the next invocation starts a new one.
            m_initFailed = true;
            r.environmentReusable = false;
            if (r.isPlatformError()) {
                r.functionName = fn.name;
                r.requestId = request.requestId;
                return r;
            }
            m_host->startInvocation(request.requestId, ++m_sequence);
            m_host->platformLine(lambdalog::startLine(request.requestId));
            const bool timedOut = m_trip == DeadlineTrip;
            if (timedOut)
                lambdaerrors::setFunctionError(
                    r, lambdaerrors::timeoutPayload(request.requestId, fn.timeoutSeconds));
            else if (m_trip == MemoryTrip)
                lambdaerrors::setFunctionError(r, lambdaerrors::outOfMemoryPayload(request.requestId));
            close(r, timedOut);
            return r;
        }
    }

    Call call;
    call.result = std::move(r);
    call.residentBefore = residentBefore;
    callHandler(request, call);
    if (waits(call)) {
        call.waited = true;
        call.code = waitForOutcome(call.code);
    }
    return conclude(call);
}

bool JsRuntime::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_engine.get() && event->type() == QEvent::MetaCall)
        m_engineCalls.fetch_add(1, std::memory_order_relaxed);
    return QObject::eventFilter(watched, event);
}

bool JsRuntime::canRunInline() const {
    return m_engine && !m_initFailed && !m_stop && m_settledStreak >= kInlineStreak &&
           m_recentDurationMs <= kInlineBudgetMs && m_timers->activeCount() == 0 && !m_timers->hasDue() &&
           !m_timers->hasDeferred();
}

std::optional<InvocationResult> JsRuntime::runInline(const InvocationRequest &request, bool *leftovers) {
    Call call;
    call.result = prepare(request);
    call.residentBefore = memoryprobe::recentResidentBytes();
    callHandler(request, call);
    *leftovers = call.leftovers || m_timers->hasDeferred();
    if (waits(call)) {
        m_waiting = std::move(call);
        return std::nullopt;
    }
    return conclude(call);
}

InvocationResult JsRuntime::completeInline() {
    m_timers->applyDeferred();
    Call call = std::move(m_waiting);
    m_waiting = Call();
    call.waited = true;
    if (waits(call)) call.code = waitForOutcome(call.code); // unless the watchdog tripped meanwhile
    return conclude(call);
}

void JsRuntime::settle() {
    if (!m_engine) return;
    m_timers->applyDeferred();
    // Reactions may queue further reactions: a few rounds, not an unbounded spin (the next invocation's
    // wait picks up whatever is left).
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    for (int round = 0; round < 64 && dispatcher->processEvents(QEventLoop::AllEvents); ++round) {
    }
    m_host->flush();
}

void JsRuntime::callHandler(const InvocationRequest &request, Call &call) {
    const Function &fn = m_spec.function;
    const int sequence = ++m_sequence;
    m_host->startInvocation(request.requestId, sequence);
    const qint64 timeoutMs = qint64(fn.timeoutSeconds) * 1000;
    const qint64 deadlineEpochMs = QDateTime::currentMSecsSinceEpoch() + timeoutMs;
    call.ticket =
        armWatchdog(Watchdog::Clock::now() + std::chrono::milliseconds(timeoutMs), call.residentBefore);
    call.clock.start();
    m_timers->setFrozen(false);
    // Only values that hold no engine value go in and come out (see bindInvoke in JsPrelude.mjs): an
    // inline invocation runs on another thread than the engine's.
    QJSValueList arguments{QString(), request.requestId, double(deadlineEpochMs),
                           QString::fromUtf8(request.clientContext), sequence};
    if (const PrebuiltEvent *prebuilt = request.prebuiltEvent.get()) {
        arguments.reserve(arguments.size() + 1 + prebuilt->arguments.size());
        arguments.append(prebuilt->builder);
        for (const QVariant &argument : prebuilt->arguments)
            arguments.append(primitive(argument));
    } else {
        arguments[0] = request.payload.isEmpty() ? QStringLiteral("{}") : QString::fromUtf8(request.payload);
    }
    m_invoke.call(arguments);
    call.code = m_host->takeReturned();
    if (m_timers->hasDue() && m_trip == NoTrip) m_timers->runDue(); // thawed timers from earlier invocations
    call.leftovers = call.code.startsWith(u'~');
    if (call.leftovers) call.code.remove(0, 1);
}

bool JsRuntime::waits(const Call &call) const {
    const QChar kind = call.code.isEmpty() ? QChar() : call.code.front();
    return (kind == u'P' || kind == u'E' || kind == u'W') && m_trip == NoTrip && !m_stop;
}

InvocationResult JsRuntime::conclude(Call &call) {
    m_spec.watchdog->disarm(call.ticket);
    m_timers->setFrozen(true);
    InvocationResult &r = call.result;
    r.durationMs = double(call.clock.nsecsElapsed()) / 1e6;
    const QString &code = call.code;

    if (m_trip == NoTrip && !m_stop && code.startsWith(u'2')) {
        // The event is not JSON: Lambda rejects the request before running anything (no START/REPORT).
        InvocationResult invalid = lambdaerrors::invalidRequestContent(code.mid(1));
        invalid.functionName = r.functionName;
        invalid.requestId = r.requestId;
        invalid.logLines = m_host->takeLines(); // init lines of a cold start, if any
        m_host->endInvocation();
        return invalid;
    }
    if (!m_host->hasBegun()) m_host->platformLine(lambdalog::startLine(r.requestId));
    applyOutcome(code, r);
    const qint64 growth =
        memoryprobe::recentResidentBytes() - call.residentBefore - (r.coldStart ? m_initFootprint : 0);
    m_maxGrowth = std::max(m_maxGrowth, growth);
    close(r, m_trip == DeadlineTrip);
    // A moving average, so that one garbage collection (a millisecond or two every few hundred calls)
    // does not send a fast handler back to its own thread, while a handler that keeps computing does go.
    m_recentDurationMs =
        m_recentDurationMs < 0 ? r.durationMs : 0.75 * m_recentDurationMs + 0.25 * r.durationMs;
    const bool settledAtOnce = !call.waited && !call.leftovers && r.environmentReusable;
    m_settledStreak = settledAtOnce ? m_settledStreak + 1 : 0;
    return r;
}

QString JsRuntime::waitForOutcome(const QString &code) {
    // A Promise, a callback or timers are pending: spin this thread's event loop (Promise reactions and
    // timers are events here) until the outcome is known. 'E' and 'W' also wait for the loop to empty,
    // like Node.js with context.callbackWaitsForEmptyEventLoop. The watchdog ends it at the deadline.
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    const bool waitsForEmptyLoop = code.front() == u'E';
    if (code.front() == u'W') m_host->setOutcome(code);
    for (;;) {
        if (m_trip != NoTrip || m_stop) return QStringLiteral("T");
        const bool settled = m_host->isSettled();
        const QString outcome = m_host->outcome();
        if (settled && !outcome.startsWith(u'W')) return outcome;
        if ((settled || waitsForEmptyLoop) && m_timers->activeCount() == 0) {
            if (dispatcher->processEvents(QEventLoop::AllEvents)) continue;
            return settled ? QLatin1Char('0') + outcome.mid(1) : QStringLiteral("0null");
        }
        m_host->flush(); // lines written so far become visible while we wait
        dispatcher->processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
}

void JsRuntime::applyOutcome(const QString &code, InvocationResult &r) {
    const Function &fn = m_spec.function;
    if (m_trip == DeadlineTrip) {
        lambdaerrors::setFunctionError(r, lambdaerrors::timeoutPayload(r.requestId, fn.timeoutSeconds));
        r.environmentReusable = false; // Lambda throws a timed-out environment away
    } else if (m_trip == MemoryTrip) {
        lambdaerrors::setFunctionError(r, lambdaerrors::outOfMemoryPayload(r.requestId));
        r.environmentReusable = false;
    } else if (m_stop || code.isEmpty() || (code.front() != u'0' && code.front() != u'1')) {
        const InvocationResult error =
            lambdaerrors::serviceError(QStringLiteral("the execution environment stopped"));
        r.statusCode = error.statusCode;
        r.errorType = error.errorType;
        r.errorMessage = error.errorMessage;
        r.environmentReusable = false;
    } else if (code.front() == u'1') {
        lambdaerrors::setFunctionError(r, code.mid(1).toUtf8());
    } else {
        r.payload = code.mid(1).toUtf8();
        if (r.payload.size() > lambdaerrors::kMaxSyncResponseBytes)
            lambdaerrors::setFunctionError(r, lambdaerrors::responseTooLargePayload());
    }
    // An exception escaped a timer or microtask: Node.js would have exited.
    if (m_host->hadUncaughtError()) r.environmentReusable = false;
}

void JsRuntime::close(InvocationResult &r, bool timedOut) {
    const Function &fn = m_spec.function;
    const double billable = timedOut ? std::min(r.durationMs, fn.timeoutSeconds * 1000.0) : r.durationMs;
    r.billedDurationMs = billedDurationMs(billable, r.coldStart ? r.initDurationMs : 0.0, m_spec.billing);
    r.maxMemoryUsedMB = m_trip == MemoryTrip ? fn.memoryMB : memoryprobe::toReportMB(footprintBytes());
    m_host->platformLine(lambdalog::endLine(r.requestId));
    lambdalog::Report report{r.requestId, r.durationMs,      r.billedDurationMs,
                             fn.memoryMB, r.maxMemoryUsedMB, std::nullopt};
    if (r.coldStart) report.initDurationMs = r.initDurationMs;
    m_host->platformLine(lambdalog::reportLine(report));
    // Lambda writes the timeout notice after REPORT.
    if (timedOut)
        m_host->platformLine(
            lambdalog::timeoutLine(QDateTime::currentMSecsSinceEpoch(), r.requestId, fn.timeoutSeconds));
    r.logLines = m_host->takeLines();
    m_host->endInvocation();
}

} // namespace gatehouse
