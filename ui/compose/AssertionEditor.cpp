#include "AssertionEditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

// The kinds and operators the evaluator understands (AssertionEvaluator.h); stored as written.
const QStringList kKinds{QStringLiteral("status"), QStringLiteral("header"), QStringLiteral("jsonPath"),
                         QStringLiteral("time"), QStringLiteral("body")};
const QStringList kOps{QStringLiteral("equals"), QStringLiteral("contains"), QStringLiteral("exists"),
                       QStringLiteral("below"), QStringLiteral("matches")};

QComboBox *choiceBox(const QStringList &choices, const QString &current) {
    auto *box = new QComboBox;
    box->setEditable(true); // a kind or operator from a newer project file stays as written
    box->addItems(choices);
    box->setCurrentText(current);
    box->setFrame(false);
    return box;
}

} // namespace

AssertionEditor::AssertionEditor(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 5, this))
    , m_summary(new QLabel(this)) {
    m_table->setObjectName(QStringLiteral("assertionTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Check"), tr("Header or JSON path"), tr("Operator"), tr("Expected"), tr("Result")});
    m_table->verticalHeader()->hide();
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(TargetColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(OpColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ExpectedColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ResultColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    m_summary->setObjectName(QStringLiteral("assertionSummary"));
    auto *add = new QPushButton(tr("Add Check"), this);
    add->setObjectName(QStringLiteral("addAssertion"));
    auto *remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("removeAssertion"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    buttons->addWidget(m_summary);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    connect(add, &QPushButton::clicked, this, [this] { addAssertion(); });
    connect(remove, &QPushButton::clicked, this, &AssertionEditor::removeCurrent);
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (!m_filling && item->column() != ResultColumn) emit edited();
    });
}

QComboBox *AssertionEditor::kindBox(int row) const {
    return qobject_cast<QComboBox *>(m_table->cellWidget(row, KindColumn));
}
QComboBox *AssertionEditor::opBox(int row) const {
    return qobject_cast<QComboBox *>(m_table->cellWidget(row, OpColumn));
}

QList<RequestAssertion> AssertionEditor::assertions() const {
    QList<RequestAssertion> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        RequestAssertion a;
        a.kind = kindBox(row)->currentText().trimmed();
        a.target = m_table->item(row, TargetColumn)->text().trimmed();
        a.op = opBox(row)->currentText().trimmed();
        a.expected = m_table->item(row, ExpectedColumn)->text();
        result.append(a);
    }
    return result;
}

void AssertionEditor::setAssertions(const QList<RequestAssertion> &assertions) {
    const QScopedValueRollback filling(m_filling, true);
    m_table->setRowCount(0);
    for (const RequestAssertion &a : assertions)
        insertRow(a);
    clearResults();
}

void AssertionEditor::addAssertion(const RequestAssertion &assertion) {
    RequestAssertion a = assertion;
    if (a.kind.isEmpty()) {
        a.kind = QStringLiteral("status");
        a.expected = QStringLiteral("200");
    }
    {
        const QScopedValueRollback filling(m_filling, true);
        insertRow(a);
    }
    m_table->setCurrentCell(m_table->rowCount() - 1, ExpectedColumn);
    clearResults();
    emit edited();
}

void AssertionEditor::removeCurrent() {
    const int row = m_table->currentRow();
    if (row < 0) return;
    m_table->removeRow(row);
    clearResults();
    emit edited();
}

void AssertionEditor::insertRow(const RequestAssertion &assertion) {
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    QComboBox *kind = choiceBox(kKinds, assertion.kind);
    QComboBox *op = choiceBox(kOps, assertion.op.isEmpty() ? QStringLiteral("equals") : assertion.op);
    m_table->setCellWidget(row, KindColumn, kind);
    m_table->setCellWidget(row, OpColumn, op);
    m_table->setItem(row, KindColumn, new QTableWidgetItem);
    m_table->setItem(row, TargetColumn, new QTableWidgetItem(assertion.target));
    m_table->setItem(row, OpColumn, new QTableWidgetItem);
    m_table->setItem(row, ExpectedColumn, new QTableWidgetItem(assertion.expected));
    auto *result = new QTableWidgetItem;
    result->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    m_table->setItem(row, ResultColumn, result);
    for (QComboBox *box : {kind, op})
        connect(box, &QComboBox::currentTextChanged, this, [this] {
            if (m_filling) return;
            clearResults();
            emit edited();
        });
}

void AssertionEditor::clearResults() {
    const QScopedValueRollback filling(m_filling, true);
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem *item = m_table->item(row, ResultColumn);
        item->setText(QString());
        item->setToolTip(QString());
        item->setData(Qt::ForegroundRole, QVariant());
    }
    m_summary->clear();
    emit summaryChanged(QString());
}

void AssertionEditor::showOutcomes(const QList<testing::AssertionOutcome> &outcomes) {
    clearResults();
    if (outcomes.isEmpty()) return;
    const QScopedValueRollback filling(m_filling, true);
    int passed = 0;
    for (int row = 0; row < m_table->rowCount() && row < outcomes.size(); ++row) {
        const testing::AssertionOutcome &outcome = outcomes.at(row);
        QTableWidgetItem *item = m_table->item(row, ResultColumn);
        item->setText((outcome.passed ? tr("\u2713 pass: %1") : tr("\u2717 fail: %1")).arg(outcome.message));
        item->setToolTip(outcome.message);
        item->setForeground(outcome.passed ? QColor(0x2E, 0x9E, 0x4F) : QColor(0xD0, 0x3B, 0x3B));
        passed += outcome.passed ? 1 : 0;
    }
    m_summary->setText(tr("%1/%2 passed").arg(passed).arg(outcomes.size()));
    emit summaryChanged(QStringLiteral("%1/%2").arg(passed).arg(outcomes.size()));
}

void AssertionEditor::showNotChecked(const QString &why) {
    clearResults();
    if (m_table->rowCount() == 0) return;
    const QScopedValueRollback filling(m_filling, true);
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem *item = m_table->item(row, ResultColumn);
        item->setText(tr("not checked"));
        item->setToolTip(why);
    }
    m_summary->setText(tr("Not checked: %1").arg(why));
}

} // namespace gatehouse
