// Where a runtime process's output goes: the current invocation's own lines (returned with its result)
// and the shared LogStore, tagged with the function, request id and log stream like every Lambda line.
#pragma once

#include "telemetry/LogStore.h"

#include <QList>
#include <QStringList>

namespace gatehouse {

// The runtimes write one log record per line: the Node.js runtime turns the line breaks inside a
// console message into '\r' (LogPatch.js), and Gatehouse's Python bootstrap does the same. A '\r'
// inside a line therefore becomes a line break again here, so a multi-line message stays one record,
// as CloudWatch shows it.
class ProcessLog {
public:
    ProcessLog(LogStore *store, QString functionName, QString logStream);
    ~ProcessLog();

    // The lines written before the runtime's first `next` (its init phase) belong to the invocation
    // that caused the cold start.
    void attributeTo(const QString &requestId) { m_initRequestId = requestId; }
    // START RequestId: ...; the function's lines carry this request id from now on.
    void begin(const QString &requestId);
    void output(const QString &line);   // a line the runtime wrote to stdout or stderr
    void platform(const QString &text); // END, REPORT and the lines Lambda itself writes
    QStringList finish();               // this invocation's lines; later lines belong to none
    const QString &requestId() const { return m_requestId; }

private:
    void append(LogRecord::Level level, const QString &text, bool platform);
    void flush();

    LogStore *m_store;
    QString m_function;
    QString m_stream;
    QString m_requestId;
    QString m_initRequestId;
    QStringList m_lines;
    QList<LogRecord> m_unflushed;
};

} // namespace gatehouse
