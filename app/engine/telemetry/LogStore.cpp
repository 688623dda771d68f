#include "LogStore.h"

#include <QDateTime>

#include <algorithm>
#include <mutex>

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
    Evicted evicted; // freed after the lock is released (declared before the locker)
    const std::lock_guard lock(m_mutex);
    makeRoomLocked(1, evicted);
    IndexRun run;
    return appendLocked(std::move(record), run);
}

quint64 LogStore::append(QList<LogRecord> records) {
    Evicted evicted;
    const std::lock_guard lock(m_mutex);
    makeRoomLocked(records.size(), evicted);
    quint64 last = m_nextSequence - 1;
    // An invocation's lines come in a run with one request id: one index lookup for the run.
    IndexRun run;
    for (LogRecord &record : records)
        last = appendLocked(std::move(record), run);
    if (qsizetype(m_records.size()) > m_capacity) makeRoomLocked(0, evicted); // more lines than the capacity
    return last;
}

void LogStore::Lines::add(quint64 sequence) {
    if (!spans.isEmpty() && spans.back().last + 1 == sequence)
        ++spans.back().last;
    else
        spans.append({sequence, sequence});
}

void LogStore::Lines::removeOldest(quint64 sequence) {
    // The store evicts in sequence order, so the oldest line of a request is its first span's first.
    if (spans.isEmpty() || spans.front().first != sequence) return;
    if (++spans.front().first > spans.front().last) spans.remove(0);
}

void LogStore::makeRoomLocked(qsizetype incoming, Evicted &evicted) {
    // The oldest lines go first. One invocation's lines sit next to each other: evicting a run of
    // them is one index lookup.
    const qsizetype target = std::max<qsizetype>(0, m_capacity - incoming);
    if (qsizetype(m_records.size()) <= target) return;
    evicted.reserve(m_records.size() - size_t(target));
    QString indexed;
    Lines *lines = nullptr;
    while (qsizetype(m_records.size()) > target) {
        const LogRecord &oldest = m_records.front();
        if (!oldest.requestId.isEmpty()) {
            if (!lines || indexed != oldest.requestId) {
                if (lines && lines->spans.isEmpty()) m_byRequest.remove(indexed);
                indexed = oldest.requestId;
                const auto it = m_byRequest.find(indexed);
                lines = it == m_byRequest.end() ? nullptr : &it.value();
            }
            if (lines) lines->removeOldest(oldest.sequence);
        }
        evicted.push_back(std::move(m_records.front())); // its strings are freed outside the lock
        m_records.pop_front();
    }
    if (lines && lines->spans.isEmpty()) m_byRequest.remove(indexed);
}

quint64 LogStore::appendLocked(LogRecord &&record, IndexRun &run) {
    record.sequence = m_nextSequence++;
    if (!record.requestId.isEmpty()) {
        // The pointer stays valid while the hash gains no key, i.e. within a run.
        if (!run.lines || run.requestId != record.requestId) {
            run.requestId = record.requestId;
            run.lines = &m_byRequest[run.requestId];
        }
        run.lines->add(record.sequence);
    }
    m_records.push_back(std::move(record));
    return m_records.back().sequence;
}

qsizetype LogStore::size() const {
    const std::lock_guard lock(m_mutex);
    return qsizetype(m_records.size());
}

QList<LogRecord> LogStore::since(quint64 after, qsizetype limit) const {
    const std::lock_guard lock(m_mutex);
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
    const std::lock_guard lock(m_mutex);
    QList<LogRecord> out;
    const auto it = m_byRequest.constFind(requestId);
    if (it == m_byRequest.constEnd() || m_records.empty()) return out;
    const quint64 first = m_records.front().sequence;
    for (const Lines::Span &span : it->spans)
        for (quint64 seq = span.first; seq <= span.last; ++seq)
            out.append(m_records[size_t(seq - first)]);
    return out;
}

quint64 LogStore::lastSequence() const {
    const std::lock_guard lock(m_mutex);
    return m_nextSequence - 1;
}

void LogStore::clear() {
    const std::lock_guard lock(m_mutex);
    m_records.clear();
    m_byRequest.clear();
}

} // namespace gatehouse
