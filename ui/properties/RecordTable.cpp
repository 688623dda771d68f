#include "RecordTable.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

// The cell editor of a column with choices: an editable combo box, so a name that is not (yet) in
// the project can still be typed.
class ChoiceDelegate : public QStyledItemDelegate {
public:
    ChoiceDelegate(const QList<RecordTable::Column> &columns, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_columns(columns) {}

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override {
        const auto &choices = m_columns.value(index.column()).choices;
        if (!choices) return QStyledItemDelegate::createEditor(parent, option, index);
        auto *combo = new QComboBox(parent);
        combo->setEditable(true);
        combo->addItems(choices());
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override {
        if (auto *combo = qobject_cast<QComboBox *>(editor))
            combo->setCurrentText(index.data(Qt::EditRole).toString());
        else
            QStyledItemDelegate::setEditorData(editor, index);
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override {
        if (auto *combo = qobject_cast<QComboBox *>(editor))
            model->setData(index, combo->currentText(), Qt::EditRole);
        else
            QStyledItemDelegate::setModelData(editor, model, index);
    }

private:
    QList<RecordTable::Column> m_columns;
};

constexpr int kMinVisibleRows = 2;
constexpr int kMaxVisibleRows = 8;

} // namespace

RecordTable::RecordTable(const QList<Column> &columns, QWidget *parent)
    : QWidget(parent)
    , m_columns(columns)
    , m_table(new QTableWidget(0, int(columns.size()), this))
    , m_add(new QPushButton(tr("Add"), this))
    , m_remove(new QPushButton(tr("Remove"), this)) {
    QStringList titles;
    for (const Column &column : columns)
        titles.append(column.title);
    m_table->setHorizontalHeaderLabels(titles);
    m_table->verticalHeader()->hide();
    // One line per row: long values are elided and shown whole in their tooltip.
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->setItemDelegate(new ChoiceDelegate(columns, m_table));
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setFocusProxy(m_table);
    m_add->setObjectName(QStringLiteral("addRow"));
    m_remove->setObjectName(QStringLiteral("removeRow"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (!m_loading) emit cellEdited(item->row(), item->column(), item->text());
    });
    connect(m_add, &QPushButton::clicked, this, &RecordTable::addRequested);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        QList<int> selected;
        for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
            selected.append(index.row());
        if (selected.isEmpty() && m_table->currentRow() >= 0) selected.append(m_table->currentRow());
        std::sort(selected.begin(), selected.end(), std::greater<int>());
        if (!selected.isEmpty()) emit removeRequested(selected);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RecordTable::updateButtons);
    updateHeight();
    updateButtons();
}

QList<QStringList> RecordTable::rows() const {
    QList<QStringList> rows;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < m_table->columnCount(); ++c) {
            const QTableWidgetItem *item = m_table->item(r, c);
            row.append(item ? item->text() : QString());
        }
        rows.append(row);
    }
    return rows;
}

void RecordTable::setRows(const QList<QStringList> &rows) {
    if (rows == this->rows()) return;
    m_loading = true;
    const int current = m_table->currentRow();
    m_table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < m_table->columnCount(); ++c) {
            const QString text = rows[r].value(c);
            QTableWidgetItem *item = m_table->item(r, c);
            if (!item)
                m_table->setItem(r, c, new QTableWidgetItem(text));
            else if (item->text() != text)
                item->setText(text);
        }
    }
    if (current >= m_table->rowCount()) m_table->clearSelection();
    m_loading = false;
    updateHeight();
    updateButtons();
}

void RecordTable::editCell(int row, int column) {
    if (row < 0 || row >= m_table->rowCount()) return;
    m_table->setFocus(Qt::OtherFocusReason);
    m_table->setCurrentCell(row, qBound(0, column, m_table->columnCount() - 1));
    m_table->editItem(m_table->currentItem());
}

void RecordTable::updateHeight() {
    // Tall enough for the rows it has (within limits), so short lists do not leave an empty box and
    // long ones scroll instead of pushing the rest of the form away.
    const int rows = qBound(kMinVisibleRows, m_table->rowCount(), kMaxVisibleRows);
    const int rowHeight = m_table->verticalHeader()->defaultSectionSize();
    const int height =
        m_table->horizontalHeader()->sizeHint().height() + rows * rowHeight + 2 * m_table->frameWidth() + 2;
    m_table->setFixedHeight(height);
}

void RecordTable::updateButtons() {
    m_remove->setEnabled(m_table->rowCount() > 0);
}

} // namespace gatehouse
