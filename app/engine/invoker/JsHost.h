// The C++ side of one JavaScript environment's console and result channel, exposed to its script as __host.
#pragma once

#include "telemetry/LogStore.h"

#include <QObject>
#include <QStringList>
#include <utility>

namespace gatehouse {

// Lives on the environment's thread. Every console line is written twice: into the shared LogStore
// (tagged with the function, request id and log stream, so the UI can follow it) and into the
// current invocation's own list (returned with the result: the CLI prints it, X-Amz-Log-Result tails it).
// Routing is per environment, not through qInstallMessageHandler, which is process-wide.
//
// Lines reach the store in batches (flush()): at the end of each invocation, before the runtime waits
// on its event loop, and every 32 lines. One lock per invocation instead of one per line doubled the
// throughput of two environments sharing a store; the price is that a handler busy computing shows
// its lines when it next waits or ends.
class JsHost : public QObject {
    Q_OBJECT
public:
    JsHost(LogStore *store, QString functionName, QString logStream, QObject *parent = nullptr);

    // JavaScript-facing (called from the prelude).
    Q_INVOKABLE void log(int level, const QString &message);
    Q_INVOKABLE void begin(); // the event parsed: START is written, the invocation runs
    Q_INVOKABLE void settle(int sequence, const QString &outcome);
    Q_INVOKABLE void uncaught(const QString &errorJson, const QString &logMessage);
    Q_INVOKABLE void returned(const QString &code) { m_returned = code; } // invoke()'s own outcome

    // C++-facing.
    void startInvocation(const QString &requestId, int sequence); // lines now carry requestId
    void endInvocation();                                         // lines carry "undefined" again
    void platformLine(const QString &text);                       // START/END/REPORT/timeout lines
    QString takeReturned() { return std::exchange(m_returned, QString()); }
    bool hasBegun() const { return m_begun; }
    bool isSettled() const { return m_settled; }
    QString outcome() const { return m_outcome; }
    void setOutcome(const QString &outcome);
    // An exception escaped a timer or microtask: the Node.js runtime would exit, so the environment is
    // not reused. Cleared by startInvocation().
    bool hadUncaughtError() const { return !m_uncaughtError.isEmpty(); }
    QString uncaughtError() const { return m_uncaughtError; }
    QStringList takeLines();
    void flush(); // hands the buffered lines to the LogStore
    void attributeInitLinesTo(const QString &requestId) { m_initRequestId = requestId; }

public Q_SLOTS:
    void wake() {} // posted by the watchdog so that a blocked event-loop wait re-checks its condition

private:
    void append(LogRecord::Level level, const QString &line, bool platform, qint64 timeMs);

    LogStore *m_store;
    QString m_function;
    QString m_stream;
    QString m_requestId;     // empty outside invocations: lines then say "undefined", as in Lambda
    QString m_initRequestId; // the invocation that triggered a cold start owns the init lines
    int m_sequence = 0;
    bool m_begun = false;
    bool m_settled = false;
    QString m_outcome;
    QString m_returned;
    QString m_uncaughtError;
    QStringList m_lines;
    QList<LogRecord> m_unflushed;
};

} // namespace gatehouse
