// A small editable table with Add and Remove buttons (environment variables, stage variables, API
// keys, bucket notifications). It edits nothing itself: it reports what the user did and shows the
// rows the form gives back, so every change goes through the undo stack.
#pragma once

#include <QWidget>
#include <functional>

class QPushButton;
class QTableWidget;

namespace gatehouse {

class RecordTable : public QWidget {
    Q_OBJECT
public:
    struct Column {
        QString title;
        QString key;                          // JSON key of the column, to focus a diagnostic's cell
        std::function<QStringList()> choices; // when set, the cell editor offers these (still editable)
    };

    explicit RecordTable(const QList<Column> &columns, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    const QList<Column> &columns() const { return m_columns; }

    QList<QStringList> rows() const;
    // Shows `rows`; leaves the table alone (and a cell being edited open) when nothing differs.
    void setRows(const QList<QStringList> &rows);
    // Selects the cell and opens its editor (after Add, the new row's first cell).
    void editCell(int row, int column);

signals:
    void cellEdited(int row, int column, const QString &text);
    void addRequested();
    void removeRequested(const QList<int> &rows); // in descending order, so removing one by one works

private:
    void updateHeight();
    void updateButtons();

    QList<Column> m_columns;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    bool m_loading = false;
};

} // namespace gatehouse
