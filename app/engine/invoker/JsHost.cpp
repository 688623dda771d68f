#include "JsHost.h"

#include "LambdaLogFormat.h"

#include <QDateTime>

namespace gatehouse {

JsHost::JsHost(LogStore *store, QString functionName, QString logStream, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_function(std::move(functionName))
    , m_stream(std::move(logStream)) {}

void JsHost::log(int level, const QString &message) {
    const auto lvl =
        LogRecord::Level(qBound(int(LogRecord::Level::Trace), level, int(LogRecord::Level::Fatal)));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    append(lvl, lambdalog::functionLine(now, m_requestId, lvl, message), false, now);
}

void JsHost::begin() {
    m_begun = true;
    platformLine(lambdalog::startLine(m_requestId));
}

void JsHost::settle(int sequence, const QString &outcome) {
    if (sequence != m_sequence || m_settled) return; // a late answer from an invocation already over
    setOutcome(outcome);
}

void JsHost::setOutcome(const QString &outcome) {
    m_settled = true;
    m_outcome = outcome;
}

void JsHost::uncaught(const QString &errorJson, const QString &logMessage) {
    log(int(LogRecord::Level::Error), logMessage);
    if (m_uncaughtError.isEmpty()) m_uncaughtError = errorJson;
    if (!m_requestId.isEmpty() && !m_settled) setOutcome(QLatin1Char('1') + errorJson);
}

void JsHost::startInvocation(const QString &requestId, int sequence) {
    m_requestId = requestId;
    m_sequence = sequence;
    m_begun = false;
    m_settled = false;
    m_outcome.clear();
    m_uncaughtError.clear();
}

void JsHost::endInvocation() {
    flush();
    m_requestId.clear();
    m_initRequestId.clear();
}

void JsHost::platformLine(const QString &text) {
    append(LogRecord::Level::Info, text, true, QDateTime::currentMSecsSinceEpoch());
}

QStringList JsHost::takeLines() {
    QStringList lines;
    lines.swap(m_lines);
    return lines;
}

void JsHost::append(LogRecord::Level level, const QString &line, bool platform, qint64 timeMs) {
    const QString &owner = m_requestId.isEmpty() ? m_initRequestId : m_requestId;
    // Lines written between invocations (a timer left running) belong to no invocation's list.
    if (!owner.isEmpty()) m_lines.append(line);
    if (!m_store) return;
    m_unflushed.append(LogRecord{.timeMs = timeMs,
                                 .source = m_function,
                                 .requestId = owner,
                                 .stream = m_stream,
                                 .level = level,
                                 .platform = platform,
                                 .message = line});
    if (m_unflushed.size() >= 32) flush();
}

void JsHost::flush() {
    if (m_store && !m_unflushed.isEmpty()) m_store->append(std::exchange(m_unflushed, {}));
}

} // namespace gatehouse
