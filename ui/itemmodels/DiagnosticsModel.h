// The open project's problems as a table (severity, location, message, hint) for the diagnostics dock:
// the document's load and validation diagnostics, plus those of a project that failed to open.
#pragma once

#include "validation/Diagnostic.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace gatehouse {

class ProjectDocument;

class DiagnosticsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SeverityColumn, LocationColumn, MessageColumn, HintColumn, ColumnCount };
    enum Role {
        JsonPathRole = Qt::UserRole + 1, // QString: the diagnostic's JSON path, may be empty
        SeverityRole,                    // int(Diagnostic::Severity)
    };

    explicit DiagnosticsModel(ProjectDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Diagnostics &diagnostics() const { return m_rows; }
    Diagnostic diagnosticAt(int row) const { return m_rows.value(row); }
    int errorCount() const;
    int warningCount() const;

    // Diagnostics of a file that could not be opened; shown until the next successful open.
    void setOpenFailure(const Diagnostics &diagnostics);

signals:
    void countsChanged(int errors, int warnings);

private:
    void refresh();

    QPointer<ProjectDocument> m_document;
    Diagnostics m_openFailure;
    Diagnostics m_rows;
};

} // namespace gatehouse
