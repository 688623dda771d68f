// The composer's editable name/value table (query params, headers, form fields): a checkbox per row
// to leave it out without deleting it, and always one blank row at the end to type a new one into.
#pragma once

#include "ComposerRequest.h"

#include <QTableWidget>

namespace gatehouse {

class KeyValueTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column { EnabledColumn, NameColumn, ValueColumn };

    explicit KeyValueTable(const QString &nameTitle, QWidget *parent = nullptr);

    // The filled rows (the blank last row and rows with neither name nor value are left out).
    ComposerRows rows() const;
    // Replaces the rows without emitting rowsEdited.
    void setRows(const ComposerRows &rows);
    void removeCurrentRow();

signals:
    // The user changed a cell, a checkbox or removed a row.
    void rowsEdited();

private:
    void appendBlankRow();
    void onItemChanged(QTableWidgetItem *item);

    bool m_filling = false;
};

} // namespace gatehouse
