// A bounded, thread-safe store of log lines (function output, platform lines, access logs).
// Memory stays capped: the oldest lines are dropped first. Lines are indexed by request id so that
// one invocation's START..REPORT lines can be fetched without a scan.
#pragma once

#include "SpinningMutex.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVarLengthArray>
#include <deque>
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
    QList<LogRecord> forRequest(const QString &requestId) const;
    quint64 lastSequence() const;
    void clear();

private:
    // One request's lines: spans of consecutive sequences. An invocation's lines usually arrive in
    // one batch, so one span held inline, without an allocation of its own.
    struct Lines {
        struct Span {
            quint64 first;
            quint64 last;
        };
        QVarLengthArray<Span, 1> spans;
        void add(quint64 sequence);
        void removeOldest(quint64 sequence);
    };
    struct IndexRun { // the request whose lines appendLocked() last extended
        QString requestId;
        Lines *lines = nullptr;
    };
    using Evicted = std::vector<LogRecord>;
    // Evicts the oldest lines until `incoming` more fit within the capacity, into `evicted`.
    void makeRoomLocked(qsizetype incoming, Evicted &evicted);
    quint64 appendLocked(LogRecord &&record, IndexRun &run);

    mutable SpinningMutex m_mutex; // held briefly by every invocation's flush
    qsizetype m_capacity;
    std::deque<LogRecord> m_records;
    QHash<QString, Lines> m_byRequest;
    quint64 m_nextSequence = 1;
};

} // namespace gatehouse
