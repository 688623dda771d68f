// A bounded, thread-safe store of log lines (function output, platform lines, access logs).
// Memory stays capped: the oldest lines are dropped first. Every gateway request and invocation appends
// here from the HTTP workers' threads, so an append is a slot swap under a short lock: no allocation,
// no index, and the evicted record's strings are freed after the lock is released.
#pragma once

#include "SpinningMutex.h"

#include <QList>
#include <QString>
#include <vector>

namespace gatehouse {

struct LogRecord {
    enum class Level { Trace, Debug, Info, Warn, Error, Fatal };

    quint64 sequence = 0; // assigned by the store, increasing; survives eviction of older lines
    qint64 timeMs = 0;    // UTC milliseconds since the epoch
    QString source;       // function name, "api:<name>" for access logs, "gatehouse" for the engine
    QString requestId;    // empty for lines outside an invocation
    QString stream;       // Lambda log stream ("2024/05/01/[$LATEST]<32 hex>"); empty for other sources
    Level level = Level::Info;
    bool platform = false; // written by Lambda itself (START, END, REPORT, timeouts), not by the function
    // For Lambda output, the whole line exactly as CloudWatch shows it ("<time>\t<requestId>\tINFO\t<text>",
    // "REPORT RequestId: ..."), so a console prints it verbatim; the fields above are for filtering.
    QString message;
    // For an API's access-log line, the request id of the Lambda invocation its integration made: the
    // gateway's $context.requestId and Lambda's request id differ, and this is the only link between
    // the access log and the invocation's START..REPORT lines. Empty otherwise.
    QString relatedRequestId{}; // (initialised so that designated initialisers may leave it out)
};

QString logLevelName(LogRecord::Level level); // "INFO", "ERROR", ... as CloudWatch shows them

// A line the platform writes about one invocation of `function` (retries, destinations, dead letters),
// stamped now.
LogRecord platformLogLine(const QString &function, const QString &requestId, LogRecord::Level level,
                          QString message);

class LogStore {
public:
    explicit LogStore(qsizetype capacity = 100000);

    // Returns the sequence number given to the record.
    quint64 append(LogRecord record);
    // Appends in order under one lock (returns the last sequence): writers with several lines at hand,
    // such as an invocation's START..REPORT, contend for the lock once instead of once per line.
    quint64 append(QList<LogRecord> records);
    qsizetype size() const;
    qsizetype capacity() const { return m_capacity; }
    // Records with sequence > `after`, oldest first, at most `limit`.
    QList<LogRecord> since(quint64 after, qsizetype limit = -1) const;
    // One request's lines, oldest first. A scan (no index): asked for once per invocation a user looks
    // at, while an index would cost every invocation a hash insert and, on eviction, a removal.
    QList<LogRecord> forRequest(const QString &requestId) const;
    quint64 lastSequence() const;
    void clear();

private:
    // Stores `record` with the next sequence; when the store is full it takes the oldest record's slot
    // and `record` receives that evicted record, to be destroyed after the lock is released.
    quint64 placeLocked(LogRecord &record);
    const LogRecord &atLocked(size_t index) const; // index 0 = the oldest record held

    mutable SpinningMutex m_mutex; // held briefly by every invocation's flush
    qsizetype m_capacity;
    // A ring: grows to the capacity, then each new record overwrites the oldest (at m_oldest). Sequences
    // are contiguous in it, so a sequence's position is computed, never searched.
    std::vector<LogRecord> m_ring;
    size_t m_oldest = 0;
    quint64 m_nextSequence = 1;
};

} // namespace gatehouse
