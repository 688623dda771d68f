// A bounded, thread-safe store of log lines (function output, platform lines, access logs).
// Memory stays capped: the oldest lines are dropped first. Lines are indexed by request id so that
// one invocation's START..REPORT lines can be fetched without a scan.
#pragma once

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <deque>

namespace gatehouse {

struct LogRecord {
    enum class Level { Trace, Debug, Info, Warn, Error, Fatal };

    quint64 sequence = 0; // assigned by the store, increasing; survives eviction of older lines
    qint64 timeMs = 0;    // UTC milliseconds since the epoch
    QString source;       // function name, "api:<name>" for access logs, "gatehouse" for the engine
    QString requestId;    // empty for lines outside an invocation
    Level level = Level::Info;
    QString message;
};

QString logLevelName(LogRecord::Level level); // "INFO", "ERROR", ... as CloudWatch shows them

class LogStore {
public:
    explicit LogStore(qsizetype capacity = 100000);

    // Returns the sequence number given to the record.
    quint64 append(LogRecord record);
    qsizetype size() const;
    qsizetype capacity() const { return m_capacity; }
    // Records with sequence > `after`, oldest first, at most `limit`.
    QList<LogRecord> since(quint64 after, qsizetype limit = -1) const;
    QList<LogRecord> forRequest(const QString &requestId) const;
    quint64 lastSequence() const;
    void clear();

private:
    mutable QMutex m_mutex;
    qsizetype m_capacity;
    std::deque<LogRecord> m_records;
    QHash<QString, QList<quint64>> m_byRequest;
    quint64 m_nextSequence = 1;
};

} // namespace gatehouse
