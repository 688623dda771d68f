#include "LogTableModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>
#include <algorithm>
#include <vector>

namespace gatehouse {

LogTableModel::LogTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(LogStore().capacity()) {
    m_timer.setInterval(kPollIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LogTableModel::poll);
}

void LogTableModel::setLogStore(LogStore *store) {
    if (store == m_store) return;
    // The old store still exists here (see the header): keep the lines it gained since the last tick.
    while (poll() > 0) {
    }
    m_store = store;
    m_lastSequence = 0; // a store numbers its lines from 1
    if (!store) {
        m_timer.stop();
        return;
    }
    setCapacity(store->capacity());
    m_timer.start();
    poll();
}

void LogTableModel::setCapacity(qsizetype capacity) {
    m_capacity = std::max<qsizetype>(1, capacity);
    if (qsizetype(m_records.size()) > m_capacity) {
        evict(qsizetype(m_records.size()) - m_capacity);
        emit linesChanged();
    }
}

qsizetype LogTableModel::poll() {
    if (!m_store) return 0;
    QList<LogRecord> batch = m_store->since(m_lastSequence, kBatch);
    if (batch.isEmpty()) return 0;
    m_lastSequence = batch.constLast().sequence;
    const qsizetype count = batch.size();
    append(std::move(batch));
    emit linesChanged();
    return count;
}

void LogTableModel::append(QList<LogRecord> &&records) {
    // Only the newest `capacity` lines of an oversized batch would survive; skip the rest at once.
    const qsizetype skip = std::max<qsizetype>(0, records.size() - m_capacity);
    const qsizetype overflow = qsizetype(m_records.size()) + records.size() - skip - m_capacity;
    if (overflow > 0) evict(std::min<qsizetype>(overflow, qsizetype(m_records.size())));
    if (skip > 0) m_first += skip; // positions stay continuous with the lines never copied

    bool sourcesGrew = false;
    bool linkForFilter = false;
    QString lastSource; // lines come in runs from one source: skip the search for those

    std::vector<qint64> accepted;
    qint64 position = m_first + qint64(m_records.size());
    for (qsizetype i = skip; i < records.size(); ++i, ++position) {
        LogRecord &record = records[i];
        if (!record.relatedRequestId.isEmpty() && !record.requestId.isEmpty()) {
            m_links.insert(record.requestId, record.relatedRequestId);
            m_links.insert(record.relatedRequestId, record.requestId);
            linkForFilter = linkForFilter || touchesRequestFilter(record);
        }
        if (record.source != lastSource && !m_sources.contains(record.source)) {
            m_sources.insert(std::lower_bound(m_sources.begin(), m_sources.end(), record.source),
                             record.source);
            sourcesGrew = true;
        }
        lastSource = record.source;
        m_records.push_back(std::move(record));
        if (accepts(m_records.back())) accepted.push_back(position);
    }
    if (linkForFilter) {
        // The access-log line that links the filtered id to its other id comes after the invocation's
        // lines (it is written when the response goes out), so those earlier lines must be looked at
        // again. It happens once per request, and only for the request being looked at.
        setFilter(m_filter);
    } else if (!accepted.empty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(accepted.size()) - 1);
        m_rows.insert(m_rows.end(), accepted.begin(), accepted.end());
        endInsertRows();
    }
    if (sourcesGrew) emit sourcesChanged();
}

void LogTableModel::evict(qsizetype count) {
    if (count <= 0) return;
    const qint64 newFirst = m_first + count;
    for (qsizetype i = 0; i < count; ++i) {
        const LogRecord &old = m_records.front();
        if (!old.relatedRequestId.isEmpty()) {
            m_links.remove(old.requestId);
            m_links.remove(old.relatedRequestId);
        }
        m_records.pop_front();
    }
    m_first = newFirst;
    const auto firstKept = std::lower_bound(m_rows.begin(), m_rows.end(), newFirst);
    const int removed = int(firstKept - m_rows.begin());
    if (removed > 0) {
        beginRemoveRows({}, 0, removed - 1);
        m_rows.erase(m_rows.begin(), firstKept);
        endRemoveRows();
    }
}

void LogTableModel::clear() {
    beginResetModel();
    m_first += qint64(m_records.size());
    m_records.clear();
    m_rows.clear();
    m_links.clear();
    endResetModel();
    emit linesChanged();
}

QString LogTableModel::setFilter(const LogFilter &filter) {
    m_filter = filter;
    QString error;
    m_regex = QRegularExpression();
    if (filter.regex && !filter.text.isEmpty()) {
        m_regex = QRegularExpression(filter.text, QRegularExpression::CaseInsensitiveOption);
        if (!m_regex.isValid()) {
            error = tr("Invalid regular expression at position %1: %2")
                        .arg(m_regex.patternErrorOffset())
                        .arg(m_regex.errorString());
            m_regex = QRegularExpression();
        } else {
            m_regex.optimize(); // JIT-compiles now rather than on the first of a million matches
        }
    }
    m_requestIds.clear();
    if (!filter.requestId.isEmpty()) {
        m_requestIds.append(filter.requestId);
        const QString linked = m_links.value(filter.requestId);
        if (!linked.isEmpty()) m_requestIds.append(linked);
    }
    refilter();
    return error;
}

void LogTableModel::refilter() {
    beginResetModel();
    m_rows.clear();
    qint64 position = m_first;
    if (m_filter.isEmpty()) {
        for (size_t i = 0; i < m_records.size(); ++i)
            m_rows.push_back(position++);
    } else {
        for (const LogRecord &record : m_records) {
            if (accepts(record)) m_rows.push_back(position);
            ++position;
        }
    }
    endResetModel();
    emit linesChanged();
}

bool LogTableModel::accepts(const LogRecord &record) const {
    // Cheapest tests first: a million lines are filtered on every change of the filter bar.
    if (record.level < m_filter.minimumLevel) return false;
    if (!m_filter.source.isEmpty() && record.source != m_filter.source) return false;
    if (!m_requestIds.isEmpty() && !m_requestIds.contains(record.requestId)) return false;
    if (m_filter.text.isEmpty()) return true;
    if (m_filter.regex)
        return m_regex.pattern().isEmpty() || m_regex.match(record.message).hasMatch(); // empty: invalid
    return record.message.contains(m_filter.text, Qt::CaseInsensitive);
}

bool LogTableModel::touchesRequestFilter(const LogRecord &record) const {
    if (m_filter.requestId.isEmpty()) return false;
    return (record.requestId == m_filter.requestId && !m_requestIds.contains(record.relatedRequestId)) ||
           (record.relatedRequestId == m_filter.requestId && !m_requestIds.contains(record.requestId));
}

int LogTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LogTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString LogTableModel::displayMessage(const LogRecord &record) {
    QStringView text = record.message;
    // Lambda output is "<time>\t<request id>\t<LEVEL>\t<text>": the first three fields have columns.
    if (!record.platform && !record.requestId.isEmpty()) {
        const qsizetype idStart = text.indexOf(u'\t') + 1;
        if (idStart > 0 && text.mid(idStart).startsWith(record.requestId) &&
            text.mid(idStart + record.requestId.size()).startsWith(u'\t')) {
            const qsizetype levelStart = idStart + record.requestId.size() + 1;
            const qsizetype textStart = text.indexOf(u'\t', levelStart) + 1;
            if (textStart > 0) text = text.mid(textStart);
        }
    }
    const qsizetype lineEnd = text.indexOf(u'\n');
    // Rows have one line each; the tooltip shows the rest (stack traces, pretty-printed JSON).
    QString shown = lineEnd < 0 ? text.toString() : text.left(lineEnd).toString() + QStringLiteral(" …");
    // A tab would jump to the next 80-pixel stop: REPORT's fields would spread across the column.
    shown.replace(u'\t', QStringLiteral("   "));
    return shown;
}

QVariant LogTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= int(m_rows.size())) return {};
    const LogRecord &line = record(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(line.timeMs)
                .toLocalTime()
                .toString(QStringLiteral("HH:mm:ss.zzz"));
        case SourceColumn:
            return line.source;
        case RequestIdColumn:
            return line.requestId;
        case LevelColumn:
            return logLevelName(line.level);
        case MessageColumn:
            return displayMessage(line);
        }
    } else if (role == Qt::ToolTipRole) {
        if (index.column() == TimeColumn)
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(line.timeMs).toLocalTime(),
                                      QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz t"));
        if (index.column() == RequestIdColumn && !line.requestId.isEmpty())
            return tr("Click to show only this request's lines");
        if (index.column() == MessageColumn) return line.message;
    } else if (role == Qt::ForegroundRole) {
        if (line.level >= LogRecord::Level::Error) return QBrush(QColor(0xc6, 0x28, 0x28));
        if (line.level == LogRecord::Level::Warn) return QBrush(QColor(0xb2, 0x6a, 0x00));
    } else if (role == Qt::UserRole) {
        return line.requestId;
    }
    return {};
}

QVariant LogTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SourceColumn:
        return tr("Source");
    case RequestIdColumn:
        return tr("Request ID");
    case LevelColumn:
        return tr("Level");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace gatehouse
