// Edits the project's named environments (Project::environments): add, rename, remove, and each one's
// variables. The caller applies the result as one undoable project edit.
#pragma once

#include "project/SavedRequest.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QListWidget;

namespace gatehouse {

class KeyValueTable;

class EnvironmentsDialog : public QDialog {
    Q_OBJECT
public:
    EnvironmentsDialog(const QList<VariableSet> &environments, QWidget *parent = nullptr);

    // The edited environments (valid once the dialog was accepted).
    QList<VariableSet> environments() const;

    QListWidget *list() const { return m_list; }
    KeyValueTable *variablesTable() const { return m_variables; }
    void addEnvironment(const QString &name = {});
    void removeCurrent();
    // Names must be unique and not blank; the problem is shown in the dialog and it stays open.
    void accept() override;

private:
    void storeCurrent();
    void showCurrent();

    QList<VariableSet> m_sets;
    int m_shown = -1; // the set whose variables the table shows
    QListWidget *m_list;
    KeyValueTable *m_variables;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace gatehouse
