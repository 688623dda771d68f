// The problems of one export or import run, before anything is written: a count with an icon
// ("3 warnings") above a list of each warning or error with its line, location, message and hint.
#pragma once

#include "validation/Diagnostic.h"

#include <QWidget>

class QLabel;
class QStackedLayout;
class QTreeWidget;

namespace gatehouse {

class WarningsPanel : public QWidget {
    Q_OBJECT
public:
    enum Column { SeverityColumn, LineColumn, LocationColumn, MessageColumn, ColumnCount };

    explicit WarningsPanel(QWidget *parent = nullptr);

    // Errors first, then warnings, each group in the order reported.
    void setDiagnostics(const Diagnostics &diagnostics);
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    // Shown in the list when there is nothing to report, e.g. "serverless.yml holds the whole project."
    void setEmptyText(const QString &text);

    QString countText() const;
    QTreeWidget *list() const { return m_list; }
    static QString countText(int errors, int warnings);

private:
    QLabel *m_icon;
    QLabel *m_count;
    QTreeWidget *m_list;
    QLabel *m_empty;
    QStackedLayout *m_stack;
    Diagnostics m_diagnostics;
};

} // namespace gatehouse
