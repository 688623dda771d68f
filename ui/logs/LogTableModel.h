// The log console's table: a bounded copy of a LogStore's lines, pulled ten times a second in batches
// (one insert per batch, never one signal per line), filtered as they arrive so that a million lines
// stay smooth. Rows are the lines that pass the filter; the columns are Time, Source, Request ID, Level
// and Message.
#pragma once

#include "LogFilter.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QRegularExpression>
#include <QStringList>
#include <QTimer>
#include <deque>

namespace gatehouse {

class LogTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, SourceColumn, RequestIdColumn, LevelColumn, MessageColumn, ColumnCount };
    static constexpr int kPollIntervalMs = 100;

    explicit LogTableModel(QObject *parent = nullptr);

    // Follows `store` (thread-safe; may be null). The store must outlive the attachment: switching away
    // reads the old store one last time. Null detaches and keeps the lines already copied, so a stopped
    // run can still be read; another store's lines are appended after them. The copy's capacity becomes
    // the store's.
    void setLogStore(LogStore *store);
    LogStore *logStore() const { return m_store; }
    // Copies what the store has gained since the last poll (at most `kBatch` lines, one insert), as the
    // timer does; returns how many lines were read.
    qsizetype poll();
    void setCapacity(qsizetype capacity);
    qsizetype capacity() const { return m_capacity; }
    // Forgets the lines copied so far (not the store's); later lines still arrive.
    void clear();

    // Returns an empty string, or why the pattern is not a valid regular expression (the text
    // condition is then left out rather than hiding every line).
    QString setFilter(const LogFilter &filter);
    const LogFilter &filter() const { return m_filter; }

    qsizetype totalLines() const { return qsizetype(m_records.size()); }
    const LogRecord &record(int row) const { return m_records[size_t(m_rows[size_t(row)] - m_first)]; }
    // Every source seen so far, sorted.
    QStringList sources() const { return m_sources; }
    // The other id of a request: the Lambda request id for an API's $context.requestId, and back.
    QString linkedRequestId(const QString &requestId) const { return m_links.value(requestId); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The message as the Message column shows it: Lambda's "<time>\t<id>\t<LEVEL>\t" prefix (already in
    // other columns) dropped, first line only.
    static QString displayMessage(const LogRecord &record);

signals:
    void sourcesChanged();
    // After each poll that read lines, and after clear() or a filter change.
    void linesChanged();

private:
    // Bounds one tick's work on the UI thread: 200,000 lines took ~360 ms (Debug, bench_logconsole).
    static constexpr qsizetype kBatch = 50000;

    void append(QList<LogRecord> &&records);
    void evict(qsizetype count);
    void refilter();
    bool accepts(const LogRecord &record) const;
    bool touchesRequestFilter(const LogRecord &record) const;

    LogStore *m_store = nullptr;
    quint64 m_lastSequence = 0; // of m_store
    QTimer m_timer;
    qsizetype m_capacity;

    // Every copied line, oldest first; a line's position (m_first + index) never changes, so the
    // filtered rows below stay valid while older lines are evicted.
    std::deque<LogRecord> m_records;
    qint64 m_first = 0;
    std::deque<qint64> m_rows; // positions of the lines that pass the filter, ascending

    LogFilter m_filter;
    QRegularExpression m_regex;      // valid only when the filter uses a regex
    QStringList m_requestIds;        // the filter's id and its linked one
    QHash<QString, QString> m_links; // both directions, from access-log lines' relatedRequestId
    QStringList m_sources;
};

} // namespace gatehouse
