#include "LoadRun.h"

#include "LoadConnection.h"

#include <algorithm>

namespace gatehouse::testing {

LoadRun::LoadRun(LoadTestOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_progressTimer(this)
    , m_deadlineTimer(this) {
    m_progressTimer.setInterval(kProgressIntervalMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &LoadRun::reportProgress);
    // One sweep for all deadlines instead of a timer restarted per request: a tenth of the timeout
    // late at most, and nothing per request.
    m_deadlineTimer.setInterval(std::clamp(m_options.request.timeoutMs / 10, 5, 100));
    connect(&m_deadlineTimer, &QTimer::timeout, this, &LoadRun::checkDeadlines);
}

LoadRun::~LoadRun() {
    for (LoadConnection *connection : std::as_const(m_connections))
        connection->abort();
}

void LoadRun::start() {
    m_result = {};
    m_running = true;
    m_clock.start();
    const QUrl &url = m_options.request.url;
    const QByteArray request = encodeLoadRequest(m_options.request);
    const bool head = m_options.request.method == "HEAD";
    int connections = m_options.concurrency;
    if (m_options.count > 0) connections = int(std::min<qint64>(connections, m_options.count));
    for (int i = 0; i < connections; ++i)
        m_connections.append(new LoadConnection(
            m_clock, url.host(), quint16(url.port(80)), request, head,
            [this](LoadConnection *c, const LoadOutcome &outcome) { record(c, outcome); }, this));
    m_progressTimer.start();
    m_deadlineTimer.start();
    reportProgress();
    for (LoadConnection *connection : std::as_const(m_connections))
        sendNext(connection);
}

void LoadRun::cancel() {
    if (!m_running) return;
    m_result.cancelled = true;
    for (LoadConnection *connection : std::as_const(m_connections))
        connection->abort();
    m_inFlight = 0;
    m_lastCompletionNs = m_clock.nsecsElapsed();
    finish();
}

bool LoadRun::maySend() const {
    if (!m_running || m_result.cancelled) return false;
    if (m_options.count > 0) return m_result.sent < m_options.count;
    return m_clock.nsecsElapsed() < m_options.durationMs * 1000000;
}

void LoadRun::sendNext(LoadConnection *connection) {
    if (maySend()) {
        ++m_result.sent;
        ++m_inFlight;
        connection->send();
        return;
    }
    if (m_running && m_inFlight == 0) finish();
}

void LoadRun::record(LoadConnection *connection, const LoadOutcome &outcome) {
    if (!m_running) return;
    --m_inFlight;
    ++m_result.completed;
    m_lastCompletionNs = m_clock.nsecsElapsed();
    m_result.bytesSent += outcome.bytesSent;
    m_result.bytesReceived += outcome.bytesReceived;
    if (outcome.status > 0) {
        m_result.latency.record(quint64(std::max<qint64>(outcome.latencyMicros, 0)));
        ++m_result.statusCounts[outcome.status];
    } else {
        const LoadErrorKind kind = outcome.error.value_or(LoadErrorKind::Closed);
        ++m_result.errors[kind];
        if (m_result.firstError.isEmpty())
            m_result.firstError = outcome.message.isEmpty() ? loadErrorKindLabel(kind) : outcome.message;
    }
    sendNext(connection);
}

void LoadRun::checkDeadlines() {
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 limitNs = qint64(m_options.request.timeoutMs) * 1000000;
    for (LoadConnection *connection : std::as_const(m_connections))
        if (connection->inFlight() && now - connection->sentAtNs() >= limitNs)
            connection->timeOut(tr("no complete response within %1 ms").arg(m_options.request.timeoutMs));
}

void LoadRun::reportProgress() {
    if (m_result.completed == m_reportedCompleted && m_running) {
        // Nothing new, but the elapsed time still moves for a duration run's progress bar.
        if (m_options.durationMs <= 0) return;
    }
    m_reportedCompleted = m_result.completed;
    emit progress(m_result.sent, m_result.completed, m_clock.elapsed());
}

void LoadRun::finish() {
    m_running = false;
    m_progressTimer.stop();
    m_deadlineTimer.stop();
    m_result.elapsedMs = double(m_lastCompletionNs) / 1e6;
    for (LoadConnection *connection : std::as_const(m_connections))
        connection->abort(); // the server sees the connections go instead of idling them out
    emit progress(m_result.sent, m_result.completed, m_lastCompletionNs / 1000000);
    emit finished();
}

} // namespace gatehouse::testing
