#include "DiagnosticsModel.h"

#include "Icons.h"
#include "document/ProjectDocument.h"

#include <algorithm>

namespace gatehouse {

namespace {
QString locationOf(const Diagnostic &d) {
    if (!d.path.isEmpty()) return d.path;
    QString text = d.file;
    if (d.line > 0) text += QStringLiteral(":%1").arg(d.line);
    if (d.line > 0 && d.column > 0) text += QStringLiteral(":%1").arg(d.column);
    return text;
}
} // namespace

DiagnosticsModel::DiagnosticsModel(ProjectDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document) {
    connect(document, &ProjectDocument::diagnosticsChanged, this, &DiagnosticsModel::refresh);
    connect(document, &ProjectDocument::projectReplaced, this, [this] { setOpenFailure({}); });
    m_rows = document->diagnostics();
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}
int DiagnosticsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Diagnostic &d = m_rows.at(index.row());
    if (role == JsonPathRole) return d.path;
    if (role == SeverityRole) return int(d.severity);
    switch (index.column()) {
    case SeverityColumn:
        if (role == Qt::DisplayRole) return d.isError() ? tr("Error") : tr("Warning");
        if (role == Qt::DecorationRole) return Icons::forSeverity(d.severity);
        break;
    case LocationColumn:
        if (role == Qt::DisplayRole) return locationOf(d);
        if (role == Qt::ToolTipRole) return d.file;
        break;
    case MessageColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return d.message;
        break;
    case HintColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole) return d.hint;
        break;
    default:
        break;
    }
    return {};
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case LocationColumn:
        return tr("Location");
    case MessageColumn:
        return tr("Message");
    case HintColumn:
        return tr("Hint");
    default:
        return {};
    }
}

int DiagnosticsModel::errorCount() const {
    return gatehouse::errorCount(m_rows);
}
int DiagnosticsModel::warningCount() const {
    return int(m_rows.size()) - errorCount();
}

void DiagnosticsModel::setOpenFailure(const Diagnostics &diagnostics) {
    if (m_openFailure == diagnostics) return;
    m_openFailure = diagnostics;
    refresh();
}

void DiagnosticsModel::refresh() {
    Diagnostics rows = m_openFailure;
    if (m_document) rows.append(m_document->diagnostics());
    if (rows == m_rows) return;
    // Diagnostics come as a fresh list after every edit and are few; a reset is simplest and cheap.
    beginResetModel();
    m_rows = rows;
    endResetModel();
    emit countsChanged(errorCount(), warningCount());
}

} // namespace gatehouse
