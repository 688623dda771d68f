#include "ProcessLog.h"

#include "LambdaLogFormat.h"

#include <QDateTime>

namespace gatehouse {

namespace {

LogRecord::Level levelNamed(QStringView name, bool *ok) {
    static const std::pair<const char *, LogRecord::Level> names[] = {
        {"TRACE", LogRecord::Level::Trace},  {"DEBUG", LogRecord::Level::Debug},
        {"INFO", LogRecord::Level::Info},    {"WARN", LogRecord::Level::Warn},
        {"WARNING", LogRecord::Level::Warn}, {"ERROR", LogRecord::Level::Error},
        {"FATAL", LogRecord::Level::Fatal},  {"CRITICAL", LogRecord::Level::Fatal}};
    for (const auto &[text, level] : names)
        if (name == QLatin1String(text)) {
            *ok = true;
            return level;
        }
    *ok = false;
    return LogRecord::Level::Info;
}

// The level a line announces, for filtering: the Node.js runtime's "<time>\t<id>\tLEVEL\t..." or the
// Python runtime's "[LEVEL]\t...". Anything else (print(), a custom runtime's output) is INFO.
LogRecord::Level levelOf(const QString &line) {
    bool ok = false;
    if (line.startsWith(u'[')) {
        const qsizetype close = line.indexOf(u']');
        if (close > 1 && close < 12) {
            const LogRecord::Level level = levelNamed(QStringView(line).mid(1, close - 1), &ok);
            if (ok) return level;
        }
    }
    const qsizetype first = line.indexOf(u'\t');
    const qsizetype second = first < 0 ? -1 : line.indexOf(u'\t', first + 1);
    const qsizetype third = second < 0 ? -1 : line.indexOf(u'\t', second + 1);
    if (third > second + 1 && third - second <= 6) {
        const LogRecord::Level level = levelNamed(QStringView(line).mid(second + 1, third - second - 1), &ok);
        if (ok) return level;
    }
    return LogRecord::Level::Info;
}

} // namespace

ProcessLog::ProcessLog(LogStore *store, QString functionName, QString logStream)
    : m_store(store)
    , m_function(std::move(functionName))
    , m_stream(std::move(logStream)) {}

ProcessLog::~ProcessLog() {
    flush();
}

void ProcessLog::begin(const QString &requestId) {
    m_requestId = requestId;
    platform(lambdalog::startLine(requestId));
}

void ProcessLog::output(const QString &line) {
    QString text = line;
    text.replace(u'\r', u'\n');
    append(levelOf(text), text, false);
    // Lines arrive one event at a time while the handler runs (or between invocations): hand each to
    // the store at once so a log console follows a long invocation. Platform lines wait for finish().
    flush();
}

void ProcessLog::platform(const QString &text) {
    append(LogRecord::Level::Info, text, true);
}

QStringList ProcessLog::finish() {
    flush();
    m_requestId.clear();
    m_initRequestId.clear();
    return std::exchange(m_lines, {});
}

void ProcessLog::append(LogRecord::Level level, const QString &text, bool platform) {
    const QString &owner = m_requestId.isEmpty() ? m_initRequestId : m_requestId;
    if (!owner.isEmpty()) m_lines.append(text);
    if (!m_store) return;
    m_unflushed.append(LogRecord{.timeMs = QDateTime::currentMSecsSinceEpoch(),
                                 .source = m_function,
                                 .requestId = owner,
                                 .stream = m_stream,
                                 .level = level,
                                 .platform = platform,
                                 .message = text});
}

void ProcessLog::flush() {
    if (m_store && !m_unflushed.isEmpty()) m_store->append(std::exchange(m_unflushed, {}));
}

} // namespace gatehouse
