#include "KeyValueTable.h"

#include <QAction>
#include <QHeaderView>
#include <QScopedValueRollback>

namespace gatehouse {

KeyValueTable::KeyValueTable(const QString &nameTitle, QWidget *parent)
    : QTableWidget(0, 3, parent) {
    setHorizontalHeaderLabels({QString(), nameTitle, tr("Value")});
    horizontalHeader()->setSectionResizeMode(EnabledColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Interactive);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->resizeSection(NameColumn, 220);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    setSelectionBehavior(SelectRows);
    setEditTriggers(AllEditTriggers);
    auto *remove = new QAction(tr("Remove Row"), this);
    remove->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &KeyValueTable::removeCurrentRow);
    addAction(remove);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(this, &QTableWidget::itemChanged, this, &KeyValueTable::onItemChanged);
    appendBlankRow();
}

ComposerRows KeyValueTable::rows() const {
    ComposerRows result;
    for (int row = 0; row < rowCount(); ++row) {
        const QTableWidgetItem *check = item(row, EnabledColumn);
        const QString name = item(row, NameColumn) ? item(row, NameColumn)->text() : QString();
        const QString value = item(row, ValueColumn) ? item(row, ValueColumn)->text() : QString();
        if (name.isEmpty() && value.isEmpty()) continue;
        result.append({!check || check->checkState() == Qt::Checked, name, value});
    }
    return result;
}

void KeyValueTable::setRows(const ComposerRows &rows) {
    const QScopedValueRollback filling(m_filling, true);
    setRowCount(0);
    for (const ComposerRow &row : rows) {
        appendBlankRow();
        const int r = rowCount() - 1;
        item(r, EnabledColumn)->setCheckState(row.enabled ? Qt::Checked : Qt::Unchecked);
        item(r, NameColumn)->setText(row.name);
        item(r, ValueColumn)->setText(row.value);
    }
    appendBlankRow();
}

void KeyValueTable::removeCurrentRow() {
    const int row = currentRow();
    if (row < 0 || row == rowCount() - 1) return; // the blank row stays
    removeRow(row);
    emit rowsEdited();
}

void KeyValueTable::appendBlankRow() {
    const QScopedValueRollback filling(m_filling, true);
    const int row = rowCount();
    insertRow(row);
    auto *check = new QTableWidgetItem;
    check->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    check->setCheckState(Qt::Checked);
    check->setToolTip(tr("Send this row"));
    setItem(row, EnabledColumn, check);
    setItem(row, NameColumn, new QTableWidgetItem);
    setItem(row, ValueColumn, new QTableWidgetItem);
}

void KeyValueTable::onItemChanged(QTableWidgetItem *changed) {
    if (m_filling) return;
    // Typing into the blank row makes it a row of its own and opens the next blank one.
    if (changed->row() == rowCount() - 1 && changed->column() != EnabledColumn && !changed->text().isEmpty())
        appendBlankRow();
    emit rowsEdited();
}

} // namespace gatehouse
