#include "EnvironmentsDialog.h"

#include "KeyValueTable.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

namespace gatehouse {

EnvironmentsDialog::EnvironmentsDialog(const QList<VariableSet> &environments, QWidget *parent)
    : QDialog(parent)
    , m_sets(environments)
    , m_list(new QListWidget(this))
    , m_variables(new KeyValueTable(tr("Variable"), this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("environmentsDialog"));
    setWindowTitle(tr("Environments"));
    m_list->setObjectName(QStringLiteral("environmentList"));
    m_variables->setObjectName(QStringLiteral("environmentVariables"));
    m_variables->setColumnHidden(KeyValueTable::EnabledColumn, true); // every variable counts
    m_problem->setObjectName(QStringLiteral("environmentProblem"));
    m_problem->setWordWrap(true);
    QPalette red = m_problem->palette();
    red.setColor(QPalette::WindowText, QColor(0xD0, 0x3B, 0x3B));
    m_problem->setPalette(red);
    m_problem->hide();

    auto *add = new QPushButton(tr("Add"), this);
    add->setObjectName(QStringLiteral("addEnvironment"));
    auto *remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("removeEnvironment"));
    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Environments (double-click to rename):"), this));
    left->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(remove);
    left->addLayout(listButtons);
    auto *right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("Variables, used in requests as {{name}}:"), this));
    right->addWidget(m_variables, 1);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    resize(720, 420);

    for (const VariableSet &set : m_sets) {
        auto *item = new QListWidgetItem(set.name, m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    connect(add, &QPushButton::clicked, this, [this] { addEnvironment(); });
    connect(remove, &QPushButton::clicked, this, &EnvironmentsDialog::removeCurrent);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        storeCurrent();
        showCurrent();
    });
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const int row = m_list->row(item);
        if (row >= 0 && row < m_sets.size()) m_sets[row].name = item->text().trimmed();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EnvironmentsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &EnvironmentsDialog::reject);
    m_list->setCurrentRow(m_sets.isEmpty() ? -1 : 0);
    showCurrent();
}

void EnvironmentsDialog::storeCurrent() {
    if (m_shown < 0 || m_shown >= m_sets.size()) return;
    NameValueList variables;
    for (const ComposerRow &row : m_variables->rows())
        if (!row.name.trimmed().isEmpty()) variables.append({row.name.trimmed(), row.value});
    m_sets[m_shown].variables = variables;
}

void EnvironmentsDialog::showCurrent() {
    m_shown = m_list->currentRow();
    ComposerRows rows;
    if (m_shown >= 0 && m_shown < m_sets.size())
        for (const NameValue &v : m_sets[m_shown].variables)
            rows.append({true, v.name, v.value});
    m_variables->setRows(rows);
    m_variables->setEnabled(m_shown >= 0);
}

void EnvironmentsDialog::addEnvironment(const QString &name) {
    storeCurrent();
    QString chosen = name;
    if (chosen.isEmpty()) {
        QSet<QString> taken;
        for (const VariableSet &set : m_sets)
            taken.insert(set.name);
        chosen = QStringLiteral("environment");
        for (int n = 2; taken.contains(chosen); ++n)
            chosen = QStringLiteral("environment%1").arg(n);
    }
    VariableSet set;
    set.name = chosen;
    m_sets.append(set);
    auto *item = new QListWidgetItem(chosen, m_list);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    m_list->setCurrentItem(item);
    if (name.isEmpty()) m_list->editItem(item);
}

void EnvironmentsDialog::removeCurrent() {
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_sets.size()) return;
    m_shown = -1; // its variables go with it
    m_sets.removeAt(row);
    delete m_list->takeItem(row);
    showCurrent();
}

QList<VariableSet> EnvironmentsDialog::environments() const {
    return m_sets;
}

void EnvironmentsDialog::accept() {
    storeCurrent();
    QSet<QString> names;
    for (const VariableSet &set : m_sets) {
        QString problem;
        if (set.name.trimmed().isEmpty())
            problem = tr("Every environment needs a name.");
        else if (names.contains(set.name))
            problem = tr("Two environments are called \"%1\"; names must differ.").arg(set.name);
        if (!problem.isEmpty()) {
            m_problem->setText(problem);
            m_problem->show();
            return;
        }
        names.insert(set.name);
    }
    QDialog::accept();
}

} // namespace gatehouse
