#include "LogStore.h"

#include <QDateTime>

#include <QMutexLocker>
#include <algorithm>

namespace gatehouse {

LogRecord platformLogLine(const QString &function, const QString &requestId, LogRecord::Level level,
                          QString message) {
    LogRecord record;
    record.timeMs = QDateTime::currentMSecsSinceEpoch();
    record.source = function;
    record.requestId = requestId;
    record.level = level;
    record.platform = true;
    record.message = std::move(message);
    return record;
}

QString logLevelName(LogRecord::Level level) {
    switch (level) {
    case LogRecord::Level::Trace:
        return QStringLiteral("TRACE");
    case LogRecord::Level::Debug:
        return QStringLiteral("DEBUG");
    case LogRecord::Level::Info:
        return QStringLiteral("INFO");
    case LogRecord::Level::Warn:
        return QStringLiteral("WARN");
    case LogRecord::Level::Error:
        return QStringLiteral("ERROR");
    case LogRecord::Level::Fatal:
        return QStringLiteral("FATAL");
    }
    return {};
}

LogStore::LogStore(qsizetype capacity)
    : m_capacity(std::max<qsizetype>(1, capacity)) {}

quint64 LogStore::append(LogRecord record) {
    QMutexLocker lock(&m_mutex);
    return appendLocked(std::move(record));
}

quint64 LogStore::append(QList<LogRecord> records) {
    QMutexLocker lock(&m_mutex);
    quint64 last = m_nextSequence - 1;
    for (LogRecord &record : records)
        last = appendLocked(std::move(record));
    return last;
}

quint64 LogStore::appendLocked(LogRecord &&record) {
    record.sequence = m_nextSequence++;
    if (qsizetype(m_records.size()) >= m_capacity) {
        const LogRecord &oldest = m_records.front();
        if (!oldest.requestId.isEmpty()) {
            auto it = m_byRequest.find(oldest.requestId);
            if (it != m_byRequest.end()) {
                it->removeOne(oldest.sequence);
                if (it->isEmpty()) m_byRequest.erase(it);
            }
        }
        m_records.pop_front();
    }
    if (!record.requestId.isEmpty()) m_byRequest[record.requestId].append(record.sequence);
    m_records.push_back(std::move(record));
    return m_records.back().sequence;
}

qsizetype LogStore::size() const {
    QMutexLocker lock(&m_mutex);
    return qsizetype(m_records.size());
}

QList<LogRecord> LogStore::since(quint64 after, qsizetype limit) const {
    QMutexLocker lock(&m_mutex);
    QList<LogRecord> out;
    if (m_records.empty()) return out;
    // Sequences are contiguous inside the deque, so the start position is computed, not searched.
    const quint64 first = m_records.front().sequence;
    const size_t start = after < first ? 0 : size_t(after - first + 1);
    for (size_t i = start; i < m_records.size() && (limit < 0 || out.size() < limit); ++i)
        out.append(m_records[i]);
    return out;
}

QList<LogRecord> LogStore::forRequest(const QString &requestId) const {
    QMutexLocker lock(&m_mutex);
    QList<LogRecord> out;
    const auto it = m_byRequest.constFind(requestId);
    if (it == m_byRequest.constEnd() || m_records.empty()) return out;
    const quint64 first = m_records.front().sequence;
    for (quint64 seq : *it)
        out.append(m_records[size_t(seq - first)]);
    return out;
}

quint64 LogStore::lastSequence() const {
    QMutexLocker lock(&m_mutex);
    return m_nextSequence - 1;
}

void LogStore::clear() {
    QMutexLocker lock(&m_mutex);
    m_records.clear();
    m_byRequest.clear();
}

} // namespace gatehouse
