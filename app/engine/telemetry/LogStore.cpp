#include "LogStore.h"

#include <QDateTime>

#include <algorithm>
#include <mutex>
#include <utility>

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

quint64 LogStore::placeLocked(LogRecord &record) {
    record.sequence = m_nextSequence++;
    if (qsizetype(m_ring.size()) < m_capacity) {
        if (m_ring.size() == m_ring.capacity()) // grow by doubling, but never beyond the capacity
            m_ring.reserve(std::min<size_t>(size_t(m_capacity), std::max<size_t>(64, m_ring.size() * 2)));
        m_ring.push_back(std::move(record));
        record = LogRecord();
        return m_ring.back().sequence;
    }
    std::swap(m_ring[m_oldest], record); // `record` now holds the evicted one
    const quint64 placed = m_ring[m_oldest].sequence;
    m_oldest = (m_oldest + 1) % m_ring.size();
    return placed;
}

const LogRecord &LogStore::atLocked(size_t index) const {
    return m_ring[(m_oldest + index) % m_ring.size()];
}

quint64 LogStore::append(LogRecord record) {
    // `record` outlives the lock: the record it evicts is freed after the lock is let go.
    const std::lock_guard lock(m_mutex);
    return placeLocked(record);
}

quint64 LogStore::append(QList<LogRecord> records) {
    const std::lock_guard lock(m_mutex); // the evicted records, swapped into `records`, die after it
    quint64 last = m_nextSequence - 1;
    for (LogRecord &record : records)
        last = placeLocked(record);
    return last;
}

qsizetype LogStore::size() const {
    const std::lock_guard lock(m_mutex);
    return qsizetype(m_ring.size());
}

QList<LogRecord> LogStore::since(quint64 after, qsizetype limit) const {
    const std::lock_guard lock(m_mutex);
    QList<LogRecord> out;
    if (m_ring.empty()) return out;
    const quint64 first = m_nextSequence - m_ring.size();
    const size_t start = after < first ? 0 : size_t(after - first + 1);
    const size_t end =
        limit < 0 ? m_ring.size() : std::min(m_ring.size(), start + size_t(std::max<qsizetype>(0, limit)));
    if (start < end) out.reserve(qsizetype(end - start));
    for (size_t i = start; i < end; ++i)
        out.append(atLocked(i));
    return out;
}

QList<LogRecord> LogStore::forRequest(const QString &requestId) const {
    const std::lock_guard lock(m_mutex);
    QList<LogRecord> out;
    if (requestId.isEmpty()) return out;
    for (size_t i = 0; i < m_ring.size(); ++i) {
        const LogRecord &record = atLocked(i);
        if (record.requestId == requestId) out.append(record);
    }
    return out;
}

quint64 LogStore::lastSequence() const {
    const std::lock_guard lock(m_mutex);
    return m_nextSequence - 1;
}

void LogStore::clear() {
    std::vector<LogRecord> dropped; // freed after the lock is released
    const std::lock_guard lock(m_mutex);
    dropped.swap(m_ring);
    m_oldest = 0;
}

} // namespace gatehouse
