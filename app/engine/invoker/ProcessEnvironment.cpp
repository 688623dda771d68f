#include "ProcessEnvironment.h"

#include "LambdaErrors.h"
#include "LambdaLogFormat.h"
#include "MemoryProbe.h"
#include "ProcessErrors.h"
#include "RuntimeProcess.h"
#include "runtimeapi/RuntimeApiServer.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QThread>
#include <csignal>

namespace gatehouse {

namespace {

static_assert(runtimeapi::kMaxResponseBytes == lambdaerrors::kMaxSyncResponseBytes);

constexpr qint64 kMiB = 1024 * 1024;
// "The Init phase is limited to 10 seconds" (lambda-runtime-environment.md); a slower init is retried
// within the first invocation with the function's timeout, so a cold start may take both.
constexpr int kInitPhaseLimitMs = 10000;
// How often the runtime's resident memory is compared with the function's memory size while it
// initialises or runs (the end of every invocation samples it too).
constexpr int kMemorySampleMs = 10;
// The runtime posts its last answer and exits on different descriptors; a response sent just before
// the exit must still count, so the exit is acted on only once the socket has had a chance to be read.
constexpr int kExitSettleMs = 20;

// Client context as the Invoke API passes it on (already base64-decoded), made safe for a header:
// JSON compacted onto one line.
QByteArray compactJson(const QByteArray &json) {
    if (json.isEmpty()) return {};
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    return doc.isNull() ? json.simplified() : doc.toJson(QJsonDocument::Compact);
}

} // namespace

ProcessEnvironment::ProcessEnvironment(EnvironmentSpec spec, QObject *parent)
    : ExecutionEnvironment(std::move(spec), parent)
    , m_plan(runtimelaunch::plan(this->spec()))
    , m_api(new runtimeapi::RuntimeApiServer(this))
    , m_log(this->spec().logs, functionName(), this->spec().logStreamName)
    , m_deadline(this)
    , m_memoryTimer(this)
    , m_exitGrace(this) {
    using runtimeapi::RuntimeApiServer;
    connect(m_api, &RuntimeApiServer::initialized, this, [this] {
        m_initialized = true;
        m_initDurationMs = double(m_processClock.nsecsElapsed()) / 1e6;
        deliverCurrent();
    });
    connect(m_api, &RuntimeApiServer::invocationStarted, this, &ProcessEnvironment::onInvocationStarted);
    connect(m_api, &RuntimeApiServer::responded, this, &ProcessEnvironment::onResponded);
    connect(m_api, &RuntimeApiServer::failed, this, &ProcessEnvironment::onFailed);
    connect(m_api, &RuntimeApiServer::initFailed, this, &ProcessEnvironment::onInitFailed);
    connect(m_api, &RuntimeApiServer::responseTooLarge, this,
            [this](const QString &requestId, qsizetype) { onResponseTooLarge(requestId); });
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer);
    connect(&m_deadline, &QTimer::timeout, this, &ProcessEnvironment::onDeadline);
    m_memoryTimer.setInterval(kMemorySampleMs);
    connect(&m_memoryTimer, &QTimer::timeout, this, &ProcessEnvironment::onMemorySample);
    m_exitGrace.setSingleShot(true);
    m_exitGrace.setInterval(kExitSettleMs);
    connect(&m_exitGrace, &QTimer::timeout, this, &ProcessEnvironment::onExitSettled);
}

ProcessEnvironment::~ProcessEnvironment() {
    delete m_process; // kills the group; reaped later
    m_process = nullptr;
}

InvocationResult ProcessEnvironment::resultFor(const InvocationRequest &request) const {
    InvocationResult r;
    r.functionName = functionName();
    r.requestId = request.requestId;
    r.memorySizeMB = spec().function.memoryMB;
    r.logStreamName = spec().logStreamName;
    r.attempt = request.attempt;
    return r;
}

void ProcessEnvironment::failAtOnce(InvocationResult result) {
    // Not from inside invoke() either; no log lines: nothing ran (a platform error, like a throttle).
    QMetaObject::invokeMethod(
        this, [this, result] { Q_EMIT finished(result); }, Qt::QueuedConnection);
}

void ProcessEnvironment::concludeLater(InvocationResult result) {
    // `finished` must not come from inside invoke(): the caller may still be setting up.
    QMetaObject::invokeMethod(
        this,
        [this, result] {
            if (m_current && m_current->requestId == result.requestId) conclude(result);
        },
        Qt::QueuedConnection);
}

void ProcessEnvironment::invoke(const InvocationRequest &request) {
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(
            this, [this, request] { invoke(request); }, Qt::QueuedConnection);
        return;
    }
    if (m_plan.ok() && m_api->port() == 0) {
        // Here rather than in the constructor: the server's sockets belong to the thread that opens them.
        // A failure is kept as the plan's problem, so it is tried once.
        if (const http::HttpListenResult listening = m_api->listen(); !listening.ok())
            m_plan.problem = listening.error;
    }
    if (!m_plan.ok()) {
        InvocationResult r = processerrors::runtimeUnavailable(m_plan.problem);
        r.functionName = functionName();
        r.requestId = request.requestId;
        return failAtOnce(r);
    }
    // Lambda parses a synchronous event before anything runs (InvalidRequestContentException, no
    // START/REPORT); wrapped in [] so that a bare value ("text", 42) counts as JSON too.
    if (!request.payload.isEmpty() && !request.payloadIsWellFormed) {
        QJsonParseError error{};
        QJsonDocument::fromJson('[' + request.payload + ']', &error);
        if (error.error != QJsonParseError::NoError) {
            InvocationResult r = lambdaerrors::invalidRequestContent(error.errorString());
            r.functionName = functionName();
            r.requestId = request.requestId;
            return failAtOnce(r);
        }
    }
    m_current = request;
    m_delivered = false;
    if (!m_process || !m_process->isRunning()) {
        if (!startProcess(request)) return;
    } else {
        m_coldStart = false;
        deliverCurrent();
    }
    m_memoryTimer.start();
}

bool ProcessEnvironment::startProcess(const InvocationRequest &request) {
    stopProcess();
    m_coldStart = true;
    m_initialized = false;
    m_initDurationMs = 0;
    m_peakBytes = 0;
    m_exitDescription.clear();
    m_api->reset();
    m_log.attributeTo(request.requestId);
    if (m_plan.family == runtimelaunch::Family::Provided && !QFileInfo(m_plan.program).isFile()) {
        InvocationResult r = resultFor(request);
        lambdaerrors::setFunctionError(
            r, processerrors::invalidEntrypointPayload(
                   request.requestId,
                   QStringLiteral("Couldn't find valid bootstrap(s): [%1]").arg(m_plan.program)));
        r.environmentReusable = false;
        concludeLater(r);
        return false;
    }
    m_process = new RuntimeProcess(this);
    connect(m_process, &RuntimeProcess::line, this,
            [this](const QString &text, bool) { m_log.output(text); });
    connect(m_process, &RuntimeProcess::exited, this, &ProcessEnvironment::onExited);
    connect(m_process, &RuntimeProcess::failedToStart, this, [this](const QString &reason) {
        if (!m_current) return;
        InvocationResult r = resultFor(*m_current);
        lambdaerrors::setFunctionError(
            r, processerrors::invalidEntrypointPayload(
                   m_current->requestId, QStringLiteral("fork/exec %1: %2").arg(m_plan.program, reason)));
        r.environmentReusable = false;
        concludeLater(r); // may be reported from inside start()
    });
    m_processClock.start();
    m_process->start(m_plan.program, m_plan.arguments,
                     runtimelaunch::environment(spec(), m_plan, m_api->endpoint()), spec().codeDir);
    m_memory.attach(m_process->processId());
    m_deadline.start(kInitPhaseLimitMs + spec().function.timeoutSeconds * 1000);
    return true;
}

void ProcessEnvironment::stopProcess() {
    m_memory.detach();
    if (!m_process) return;
    RuntimeProcess *process = std::exchange(m_process, nullptr);
    process->disconnect(this);
    delete process; // SIGKILL to the group; the QProcess is reaped when the child's end is reported
}

void ProcessEnvironment::deliverCurrent() {
    if (!m_current || m_delivered || !m_initialized) return;
    const InvocationRequest &request = *m_current;
    // The deadline counts from now, after any init (Lambda-Runtime-Deadline-Ms, runtimes-api.md).
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    runtimeapi::Event event;
    event.requestId = request.requestId;
    event.payload = request.payload.isEmpty() ? QByteArrayLiteral("{}") : request.payload;
    event.deadlineEpochMs = now + qint64(spec().function.timeoutSeconds) * 1000;
    event.functionArn = spec().functionArn();
    event.traceId = runtimeapi::newTraceId(now);
    event.clientContext = compactJson(request.clientContext);
    m_api->deliver(std::move(event));
}

void ProcessEnvironment::onInvocationStarted(const QString &requestId) {
    if (!m_current || m_current->requestId != requestId) return;
    m_delivered = true;
    m_invocationClock.start();
    m_log.begin(requestId);
    m_deadline.start(spec().function.timeoutSeconds * 1000);
}

void ProcessEnvironment::onResponded(const QString &requestId, const QByteArray &body) {
    if (!m_current || m_current->requestId != requestId) return;
    if (m_process) m_process->drainOutput(); // its last lines were written before the response
    if (!m_current) return;                  // (the drain may have seen the process end)
    InvocationResult r = resultFor(*m_current);
    r.payload = body;
    conclude(r);
}

void ProcessEnvironment::onFailed(const QString &requestId, const QString &errorType,
                                  const QByteArray &body) {
    if (!m_current || m_current->requestId != requestId) return;
    if (m_process) m_process->drainOutput();
    if (!m_current) return;
    InvocationResult r = resultFor(*m_current);
    lambdaerrors::setFunctionError(r, processerrors::postedErrorPayload(body, errorType));
    if (r.errorType.isEmpty()) r.errorType = errorType;
    conclude(r);
}

void ProcessEnvironment::onInitFailed(const QString &errorType, const QByteArray &body) {
    if (!m_current) return;
    if (m_process) m_process->drainOutput();
    if (!m_current) return;
    // Lambda reports the init error as the invocation's error and starts over with a new environment.
    InvocationResult r = resultFor(*m_current);
    lambdaerrors::setFunctionError(r, processerrors::postedErrorPayload(body, errorType));
    if (r.errorType.isEmpty()) r.errorType = errorType;
    r.environmentReusable = false;
    conclude(r);
}

void ProcessEnvironment::onResponseTooLarge(const QString &requestId) {
    if (!m_current || m_current->requestId != requestId) return;
    if (m_process) m_process->drainOutput();
    if (!m_current) return;
    InvocationResult r = resultFor(*m_current);
    lambdaerrors::setFunctionError(r, lambdaerrors::responseTooLargePayload());
    conclude(r);
}

void ProcessEnvironment::onDeadline() {
    if (!m_current) return;
    samplePeak();
    if (m_process) m_process->kill();
    InvocationResult r = resultFor(*m_current);
    const double timeout = spec().function.timeoutSeconds;
    lambdaerrors::setFunctionError(r, lambdaerrors::timeoutPayload(r.requestId, timeout));
    r.environmentReusable = false; // Lambda throws a timed-out environment away
    Outcome outcome;
    outcome.timedOut = true;
    outcome.trailer = lambdalog::timeoutLine(QDateTime::currentMSecsSinceEpoch(), r.requestId, timeout);
    conclude(r, outcome);
}

void ProcessEnvironment::samplePeak() {
    const ProcessMemoryProbe::Sample s = m_memory.sample();
    m_peakBytes = std::max(m_peakBytes, s.peakBytes);
}

void ProcessEnvironment::onMemorySample() {
    if (!m_current) return m_memoryTimer.stop();
    samplePeak();
    const qint64 limit = qint64(spec().function.memoryMB) * kMiB;
    if (m_peakBytes <= limit) return;
    // Lambda's sandbox is a cgroup: going over the memory size gets the runtime killed.
    if (m_process) m_process->kill();
    InvocationResult r = resultFor(*m_current);
    lambdaerrors::setFunctionError(r, lambdaerrors::outOfMemoryPayload(r.requestId));
    r.environmentReusable = false;
    Outcome outcome;
    outcome.killedForMemory = true;
    outcome.trailer = processerrors::exitErrorLine(
        r.requestId, RuntimeProcess::exitDescription(QProcess::CrashExit, SIGKILL), r.errorType);
    conclude(r, outcome);
}

void ProcessEnvironment::onExited(const QString &description) {
    m_memory.detach();
    m_exitDescription = description;
    if (m_current) m_exitGrace.start();
}

void ProcessEnvironment::onExitSettled() {
    if (!m_current) return;
    if (m_initialized && !m_delivered) {
        // The runtime ended between invocations (e.g. aws-lambda-ric exits after reporting an uncaught
        // error) before taking this event: like Lambda, start a new one for it (a cold start).
        const InvocationRequest request = *m_current;
        startProcess(request);
        return;
    }
    InvocationResult r = resultFor(*m_current);
    lambdaerrors::setFunctionError(r, processerrors::exitErrorPayload(r.requestId, m_exitDescription));
    r.environmentReusable = false;
    Outcome outcome;
    outcome.trailer = processerrors::exitErrorLine(r.requestId, m_exitDescription, r.errorType);
    conclude(r, outcome);
}

void ProcessEnvironment::conclude(InvocationResult r, const Outcome &outcome) {
    m_deadline.stop();
    m_memoryTimer.stop();
    m_exitGrace.stop();
    const Function &fn = spec().function;
    const bool delivered = m_delivered;
    m_current.reset();
    m_delivered = false;

    r.coldStart = m_coldStart;
    if (m_coldStart)
        r.initDurationMs = m_initialized ? m_initDurationMs : double(m_processClock.nsecsElapsed()) / 1e6;
    m_coldStart = false;
    r.durationMs = delivered ? double(m_invocationClock.nsecsElapsed()) / 1e6 : 0.0;
    const double billable =
        outcome.timedOut ? std::min(r.durationMs, fn.timeoutSeconds * 1000.0) : r.durationMs;
    r.billedDurationMs = billedDurationMs(billable, r.coldStart ? r.initDurationMs : 0.0, spec().billing);
    if (outcome.killedForMemory) {
        r.maxMemoryUsedMB = fn.memoryMB; // as Lambda prints it for a function killed at its limit
    } else {
        if (m_process && m_process->isRunning()) samplePeak(); // VmHWM: exact up to this moment
        r.maxMemoryUsedMB = m_peakBytes > 0 ? memoryprobe::toReportMB(m_peakBytes) : 0;
    }

    if (!delivered) m_log.begin(r.requestId); // failed before the event went out: START now
    m_log.platform(lambdalog::endLine(r.requestId));
    lambdalog::Report report{r.requestId, r.durationMs,      r.billedDurationMs,
                             fn.memoryMB, r.maxMemoryUsedMB, std::nullopt};
    if (r.coldStart) report.initDurationMs = r.initDurationMs;
    m_log.platform(lambdalog::reportLine(report));
    if (!outcome.trailer.isEmpty()) m_log.platform(outcome.trailer);
    r.logLines = m_log.finish();
    if (!r.environmentReusable) stopProcess();
    Q_EMIT finished(r); // last: the receiver may invoke() again from inside
}

} // namespace gatehouse
